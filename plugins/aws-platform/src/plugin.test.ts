import { awsPlatformPlugin } from './plugin';

describe('aws-platform', () => {
  it('should export plugin', () => {
    expect(awsPlatformPlugin).toBeDefined();
  });
});
