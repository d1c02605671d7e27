import { parseArgs } from 'node:util';
import { IMPLEMENTATIONS } from './runners/protocol.ts';
import type { Implementation } from './runners/protocol.ts';

export const USAGE = `Usage: yarn bench:ingest [flags]

Seeds a fresh moto with the large estate, then runs the suite's ingestion and
the peers' AWS catalog modules through a counting proxy, each in its own
child process, and prints wall time, AWS calls against the minimum, entities
and peak RSS.

  --accounts N             workload accounts (default 1000)
  --zones-per-account N    hosted zones per workload account (default 5)
  --clusters N             EKS clusters (default 100)
  --seed-concurrency N     parallel seeding (default 8)
  --modes LIST             bare,aws (default both); aws = latency + throttling
  --latency-ms N           latency per call in the aws mode (default 50)
  --limit S=RATE/BURST     override an AWS-like bucket, e.g. organizations=20/40
  --peer-concurrency N     peer providers/locations run at once (default 8)
  --suite-orgs-rate N      also run the suite's organization read with its
                           client-side Organizations limit at N req/s, in the
                           aws mode (default 20; 0 skips it)
  --suite-org-concurrency N
                           that run's organization read concurrency (default
                           the suite's own, 4)
  --suite-account-concurrency N
                           also run the suite's EKS read with its
                           accountConcurrency at N (the suite's default is
                           16) in the aws mode (default 32; 0 skips it)
  --only LIST              implementations to run (default all):
                           ${IMPLEMENTATIONS.join(', ')}
  --timeout-min N          per implementation (default 15)
  --json-out PATH          also write every figure as JSON
  --help`;

export type BenchArgs = {
  accounts: number;
  zonesPerAccount: number;
  clusters: number;
  seedConcurrency: number;
  modes: ('bare' | 'aws')[];
  latencyMs: number;
  limits: string[];
  peerConcurrency: number;
  suiteOrgsRate: number;
  suiteAccountConcurrency: number;
  suiteOrgConcurrency?: number;
  only: Implementation[];
  timeoutMin: number;
  jsonOut?: string;
  help: boolean;
};

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      accounts: { type: 'string', default: '1000' },
      'zones-per-account': { type: 'string', default: '5' },
      clusters: { type: 'string', default: '100' },
      'seed-concurrency': { type: 'string', default: '8' },
      modes: { type: 'string', default: 'bare,aws' },
      'latency-ms': { type: 'string', default: '50' },
      limit: { type: 'string', multiple: true, default: [] },
      'peer-concurrency': { type: 'string', default: '8' },
      'suite-orgs-rate': { type: 'string', default: '20' },
      'suite-account-concurrency': { type: 'string', default: '32' },
      'suite-org-concurrency': { type: 'string' },
      only: { type: 'string', default: IMPLEMENTATIONS.join(',') },
      'timeout-min': { type: 'string', default: '15' },
      'json-out': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const int = (name: string, min: number) => {
    const raw = values[name as keyof typeof values] as string;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      throw new Error(`--${name} must be a whole number of at least ${min}`);
    }
    return n;
  };
  const modes = values.modes.split(',').map(m => m.trim());
  for (const mode of modes) {
    if (mode !== 'bare' && mode !== 'aws') {
      throw new Error(`--modes: '${mode}' is not bare or aws`);
    }
  }
  const only = values.only.split(',').map(i => i.trim());
  for (const impl of only) {
    if (!(IMPLEMENTATIONS as readonly string[]).includes(impl)) {
      throw new Error(
        `--only: '${impl}' is not one of ${IMPLEMENTATIONS.join(', ')}`,
      );
    }
  }
  return {
    accounts: int('accounts', 1),
    zonesPerAccount: int('zones-per-account', 0),
    clusters: int('clusters', 0),
    seedConcurrency: int('seed-concurrency', 1),
    modes: modes as ('bare' | 'aws')[],
    latencyMs: int('latency-ms', 0),
    limits: values.limit,
    peerConcurrency: int('peer-concurrency', 1),
    suiteOrgsRate: int('suite-orgs-rate', 0),
    suiteAccountConcurrency: int('suite-account-concurrency', 0),
    suiteOrgConcurrency:
      values['suite-org-concurrency'] === undefined
        ? undefined
        : int('suite-org-concurrency', 1),
    only: only as Implementation[],
    timeoutMin: int('timeout-min', 1),
    jsonOut: values['json-out'],
    help: values.help,
  };
}
