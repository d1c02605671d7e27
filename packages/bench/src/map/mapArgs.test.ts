import { parseMapArgs } from './mapArgs.ts';

describe('parseMapArgs', () => {
  it('has the benchmark defaults', () => {
    expect(parseMapArgs([])).toMatchObject({
      accounts: 1000,
      zonesPerAccount: 5,
      clusters: 100,
      runs: 5,
      help: false,
    });
  });

  it('reads flags and refuses bad numbers', () => {
    expect(parseMapArgs(['--accounts', '50', '--runs', '2'])).toMatchObject({
      accounts: 50,
      runs: 2,
    });
    expect(() => parseMapArgs(['--runs', '0'])).toThrow('--runs');
    expect(() => parseMapArgs(['--nope'])).toThrow();
  });
});
