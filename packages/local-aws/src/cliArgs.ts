import { parseArgs } from 'node:util';

/** Which estate to seed; `none` only resets. */
export type SeedKind = 'reference' | 'large' | 'generated' | 'none';

/** Sizes and pacing of the large estate (flags given on the command line). */
export type LargeEstateFlags = {
  accounts?: number;
  zonesPerAccount?: number;
  clusters?: number;
  concurrency?: number;
};

/** A parsed command line. */
export type CliCommand =
  | { command: 'help' }
  | {
      command: 'serve';
      port: number;
      seed: SeedKind;
      large: LargeEstateFlags;
      /** For `--seed generated`: the seed of generateEstatePlan. */
      estateSeed?: number;
      envFile?: string;
      logFile?: string;
    }
  | {
      command: 'seed';
      endpoint: string;
      seed: SeedKind;
      large: LargeEstateFlags;
      estateSeed?: number;
    };

/** Thrown for bad flags; the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** The usage text. */
export const USAGE = `Usage:
  node packages/local-aws/src/cli.ts serve [--port N]
      [--seed reference|large|generated|none] [--estate-seed N]
      [--accounts N] [--zones-per-account N] [--clusters N] [--concurrency N]
      [--env-file PATH | --env-out PATH] [--log-file PATH]
  node packages/local-aws/src/cli.ts seed --endpoint http://127.0.0.1:PORT
      [--seed reference|large|generated|none] [--estate-seed N]
      [--accounts N] [--zones-per-account N] [--clusters N] [--concurrency N]

serve  starts moto on 127.0.0.1 (port 0 = any free port), resets and seeds it,
       prints "local-aws ready at <endpoint>" and runs until SIGINT/SIGTERM.
seed   resets and seeds an emulator that is already running on loopback.

--seed generated seeds an organization named unlike the guide, made from
--estate-seed (default 1); the env file then also holds the APP_CONFIG_
overrides the portal needs for it (regions, Identity Center, owner).

--env-file PATH writes KEY=value lines for SDK clients. Node itself aborts
("node: PATH: not found") when a script argument --env-file names a missing
file (nodejs/node#54232), so create the file first or use --env-out.`;

const LARGE_FLAGS = [
  'accounts',
  'zones-per-account',
  'clusters',
  'concurrency',
];

/** Parses `argv` (without node and the script); throws {@link UsageError}. */
export function parseCliArgs(argv: string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || ['help', '--help', '-h'].includes(command)) {
    return { command: 'help' };
  }
  if (command !== 'serve' && command !== 'seed') {
    throw new UsageError(
      `unknown command "${command}" (expected serve or seed)`,
    );
  }
  const values = parseFlags(rest);
  if (values.help) return { command: 'help' };

  const seed = (values.seed ?? 'reference') as SeedKind;
  if (!['reference', 'large', 'generated', 'none'].includes(seed)) {
    throw new UsageError(
      `--seed must be reference, large, generated or none, not "${values.seed}"`,
    );
  }
  if (seed !== 'generated' && values['estate-seed'] !== undefined) {
    throw new UsageError('--estate-seed only applies to --seed generated');
  }
  const estateSeed =
    seed === 'generated'
      ? optionalInt('estate-seed', values['estate-seed'], 0) ?? 1
      : undefined;
  const givenLarge = LARGE_FLAGS.filter(
    flag => values[flag as keyof typeof values] !== undefined,
  );
  if (seed !== 'large' && givenLarge.length > 0) {
    throw new UsageError(`--${givenLarge[0]} only applies to --seed large`);
  }
  const large: LargeEstateFlags = {
    accounts: optionalInt('accounts', values.accounts, 0),
    zonesPerAccount: optionalInt(
      'zones-per-account',
      values['zones-per-account'],
      0,
    ),
    clusters: optionalInt('clusters', values.clusters, 0),
    concurrency: optionalInt('concurrency', values.concurrency, 1),
  };

  if (command === 'serve') {
    if (values.endpoint !== undefined) {
      throw new UsageError('--endpoint belongs to the seed command');
    }
    const port = optionalInt('port', values.port, 0) ?? 0;
    if (port > 65535) throw new UsageError(`--port must be at most 65535`);
    if (values['env-file'] !== undefined && values['env-out'] !== undefined) {
      throw new UsageError('give --env-file or --env-out, not both');
    }
    return {
      command,
      port,
      seed,
      large,
      ...(estateSeed !== undefined && { estateSeed }),
      envFile: values['env-file'] ?? values['env-out'],
      logFile: values['log-file'],
    };
  }

  for (const flag of ['port', 'env-file', 'env-out', 'log-file'] as const) {
    if (values[flag] !== undefined) {
      throw new UsageError(`--${flag} belongs to the serve command`);
    }
  }
  if (values.endpoint === undefined) {
    throw new UsageError('seed needs --endpoint http://127.0.0.1:PORT');
  }
  return {
    command,
    endpoint: loopbackEndpoint(values.endpoint),
    seed,
    large,
    ...(estateSeed !== undefined && { estateSeed }),
  };
}

function parseFlags(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        'estate-seed': { type: 'string' },
        endpoint: { type: 'string' },
        accounts: { type: 'string' },
        'zones-per-account': { type: 'string' },
        clusters: { type: 'string' },
        concurrency: { type: 'string' },
        'env-file': { type: 'string' },
        'env-out': { type: 'string' },
        'log-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    // parseArgs names the offending flag; keep its message.
    throw new UsageError((error as Error).message);
  }
}

function optionalInt(
  flag: string,
  raw: string | undefined,
  min: number,
): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new UsageError(
      `--${flag} must be an integer >= ${min}, not "${raw}"`,
    );
  }
  return Number(raw);
}

// Seeding starts with a reset that wipes all state: only ever aim it at a
// local emulator.
function loopbackEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--endpoint is not a URL: "${raw}"`);
  }
  if (
    url.protocol !== 'http:' ||
    !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  ) {
    throw new UsageError(
      `--endpoint must be http:// on loopback (127.0.0.1, localhost, [::1]), not "${raw}"`,
    );
  }
  return url.origin;
}
