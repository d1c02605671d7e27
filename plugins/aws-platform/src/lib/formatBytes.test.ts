import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [840, '840 B'],
    [1000, '1 kB'],
    [12_449, '12.4 kB'],
    [999_949, '999.9 kB'],
    [1_250_000, '1.3 MB'],
  ])('reads %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes, 'en-US')).toBe(text);
  });
});
