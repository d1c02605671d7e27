import { parseCliArgs, UsageError } from './cliArgs.ts';

describe('parseCliArgs', () => {
  it('parses serve with defaults and with every flag', () => {
    expect(parseCliArgs(['serve'])).toEqual({
      command: 'serve',
      port: 0,
      seed: 'reference',
      large: {},
      envFile: undefined,
      logFile: undefined,
    });
    expect(
      parseCliArgs([
        'serve',
        '--port=4566',
        '--seed',
        'large',
        '--accounts',
        '20',
        '--zones-per-account',
        '2',
        '--clusters',
        '3',
        '--concurrency',
        '4',
        '--env-out',
        'aws.env',
      ]),
    ).toMatchObject({
      port: 4566,
      seed: 'large',
      large: { accounts: 20, zonesPerAccount: 2, clusters: 3, concurrency: 4 },
      envFile: 'aws.env',
    });
  });

  it('parses a generated estate and its seed, 1 by default', () => {
    expect(
      parseCliArgs(['serve', '--seed', 'generated', '--estate-seed', '3']),
    ).toMatchObject({ seed: 'generated', estateSeed: 3 });
    expect(
      parseCliArgs([
        'seed',
        '--endpoint',
        'http://127.0.0.1:5000',
        '--seed',
        'generated',
      ]),
    ).toMatchObject({ seed: 'generated', estateSeed: 1 });
  });

  it('parses seed and keeps only the origin of a loopback endpoint', () => {
    expect(
      parseCliArgs(['seed', '--endpoint', 'http://localhost:5000/moto-api/']),
    ).toEqual({
      command: 'seed',
      endpoint: 'http://localhost:5000',
      seed: 'reference',
      large: {},
    });
  });

  it.each([
    [['serve', '--bogus'], "Unknown option '--bogus'"],
    [['serve', 'extra'], 'positional'],
    [['serve', '--port', 'abc'], '--port must be an integer'],
    [['serve', '--port', '70000'], 'at most 65535'],
    [
      ['serve', '--seed', 'huge'],
      '--seed must be reference, large, generated or none',
    ],
    [
      ['serve', '--estate-seed', '2'],
      '--estate-seed only applies to --seed generated',
    ],
    [
      ['serve', '--seed', 'generated', '--estate-seed', 'x'],
      '--estate-seed must be an integer >= 0',
    ],
    [['serve', '--accounts', '5'], '--accounts only applies to --seed large'],
    [
      ['serve', '--seed', 'large', '--concurrency', '0'],
      '--concurrency must be an integer >= 1',
    ],
    [['serve', '--env-file', 'a', '--env-out', 'b'], 'not both'],
    [
      ['serve', '--endpoint', 'http://127.0.0.1:1'],
      'belongs to the seed command',
    ],
    [['seed'], 'seed needs --endpoint'],
    [
      ['seed', '--endpoint', 'http://10.1.2.3:5000'],
      'must be http:// on loopback',
    ],
    [
      ['seed', '--endpoint', 'https://127.0.0.1:5000'],
      'must be http:// on loopback',
    ],
    [['seed', '--endpoint', 'x'], 'is not a URL'],
    [
      ['seed', '--endpoint', 'http://127.0.0.1:1', '--port', '1'],
      'belongs to the serve command',
    ],
    [['launch'], 'unknown command "launch"'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('asks for help', () => {
    expect(parseCliArgs([])).toEqual({ command: 'help' });
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['serve', '-h'])).toEqual({ command: 'help' });
  });
});
