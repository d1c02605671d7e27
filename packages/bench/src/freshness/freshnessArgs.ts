import { parseArgs } from 'node:util';

export const USAGE = `Usage: yarn bench:freshness [flags]

Seeds a fresh moto with the large estate, runs one full refresh (the
baseline, and the catalog the events start from), then makes changes in
moto, publishes the CloudTrail event EventBridge would deliver for each to
an SQS queue on moto, and measures how long each change takes to reach the
catalog through the event path, and the AWS calls it costs, behind the
AWS-like proxy (latency and per-account throttling).

  --accounts N             workload accounts (default 1000)
  --zones-per-account N    hosted zones per workload account (default 5)
  --clusters N             EKS clusters (default 100)
  --changes N              changes of each kind (default 20)
  --robust-changes N       changes in the duplicated/reordered round and in
                           the dropped round (default 5)
  --seed-concurrency N     parallel seeding (default 8)
  --latency-ms N           latency per call (default 50)
  --cadence-min N          the full refresh's schedule, for the baseline
                           (default 30, the shipped schedule)
  --wait-s N               longest wait for one change (default 120)
  --account-tags-max-age D events.accountTagsMaxAge of the provider, e.g.
                           6h: refreshes carry the tags read within it
                           (default: off, every refresh reads them)
  --json-out PATH          also write every figure as JSON
  --help`;

export type FreshnessArgs = {
  accounts: number;
  zonesPerAccount: number;
  clusters: number;
  changes: number;
  robustChanges: number;
  seedConcurrency: number;
  latencyMs: number;
  cadenceMin: number;
  waitS: number;
  accountTagsMaxAge?: string;
  jsonOut?: string;
  help: boolean;
};

export function parseFreshnessArgs(argv: string[]): FreshnessArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      accounts: { type: 'string', default: '1000' },
      'zones-per-account': { type: 'string', default: '5' },
      clusters: { type: 'string', default: '100' },
      changes: { type: 'string', default: '20' },
      'robust-changes': { type: 'string', default: '5' },
      'seed-concurrency': { type: 'string', default: '8' },
      'latency-ms': { type: 'string', default: '50' },
      'cadence-min': { type: 'string', default: '30' },
      'wait-s': { type: 'string', default: '120' },
      'account-tags-max-age': { type: 'string' },
      'json-out': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) {
      throw new Error(`--${name} must be a whole number of at least ${min}`);
    }
    return n;
  };
  const args: FreshnessArgs = {
    accounts: int('accounts', 2),
    zonesPerAccount: int('zones-per-account', 0),
    clusters: int('clusters', 0),
    changes: int('changes', 1),
    robustChanges: int('robust-changes', 1),
    seedConcurrency: int('seed-concurrency', 1),
    latencyMs: int('latency-ms', 0),
    cadenceMin: int('cadence-min', 1),
    waitS: int('wait-s', 10),
    accountTagsMaxAge: values['account-tags-max-age'],
    jsonOut: values['json-out'],
    help: values.help,
  };
  // Each change gets its own account, so that one change's read never
  // carries another's (the changes of one kind, and the rounds' own).
  const needed = args.changes + 2 * args.robustChanges;
  if (needed > args.accounts) {
    throw new Error(
      `--changes + 2 × --robust-changes (${needed}) must not exceed --accounts (${args.accounts})`,
    );
  }
  return args;
}
