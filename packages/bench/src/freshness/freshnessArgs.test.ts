import { parseFreshnessArgs } from './freshnessArgs.ts';

describe('parseFreshnessArgs', () => {
  it('defaults to the issue: 1,000 accounts, 20 changes of each kind', () => {
    expect(parseFreshnessArgs([])).toMatchObject({
      accounts: 1000,
      changes: 20,
      robustChanges: 5,
      latencyMs: 50,
      cadenceMin: 30,
      help: false,
    });
  });

  it('reads the flags', () => {
    expect(
      parseFreshnessArgs([
        '--accounts',
        '50',
        '--changes',
        '5',
        '--robust-changes',
        '2',
        '--json-out',
        'f.json',
      ]),
    ).toMatchObject({
      accounts: 50,
      changes: 5,
      robustChanges: 2,
      jsonOut: 'f.json',
    });
  });

  it('refuses numbers that are not whole or too small', () => {
    expect(() => parseFreshnessArgs(['--changes', '0'])).toThrow(
      '--changes must be a whole number of at least 1',
    );
    expect(() => parseFreshnessArgs(['--accounts', '2.5'])).toThrow(
      '--accounts',
    );
  });

  it('refuses more changes than accounts to make them in', () => {
    expect(() =>
      parseFreshnessArgs(['--accounts', '10', '--changes', '5']),
    ).toThrow('must not exceed --accounts (10)');
  });

  it('refuses unknown flags', () => {
    expect(() => parseFreshnessArgs(['--acounts', '5'])).toThrow();
  });
});
