import { parseArgs } from 'node:util';
import type { ResourceService } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/scopes.ts';
import { DEFAULT_ORGANIZATION } from './estate.ts';
import type { OrganizationSpec } from './estate.ts';

export const USAGE = `Usage: yarn bench:simulate [flags]

Simulates one ingestion refresh of the suite in virtual time (no AWS, no
emulator, a few seconds): the organization read, then every account's
Route 53, EKS and Backup scopes, scheduled as the suite schedules them, each
call through the suite's client-side token bucket (DEFAULT_RATE_LIMITS),
a fixed latency and AWS's server-side bucket. Prints the refresh time, calls
per API, what the time is spent waiting on, settings for the size, and the
same model against the emulator benchmark's measured figures.

Estate (defaults: a 5,000-account organization):
  --accounts N              accounts, management included (default ${DEFAULT_ORGANIZATION.accounts})
  --compare-accounts N      also simulate this size, clusters scaled (default 1000; 0 skips)
  --ous N                   OUs under the root (default ${DEFAULT_ORGANIZATION.ous})
  --zones-per-account N     (default ${DEFAULT_ORGANIZATION.zonesPerAccount})
  --records-per-zone N      (default ${DEFAULT_ORGANIZATION.recordsPerZone})
  --clusters N              EKS clusters in all (default accounts / 10)
  --nodegroups N            per cluster (default ${DEFAULT_ORGANIZATION.nodegroupsPerCluster})
  --addons N                per cluster (default ${DEFAULT_ORGANIZATION.addonsPerCluster})
  --parameters N            /flightdeck/ SSM parameters per cluster (default ${DEFAULT_ORGANIZATION.parametersPerCluster})
  --vaults N                backup vaults per account (default ${DEFAULT_ORGANIZATION.vaultsPerAccount})
  --plans N                 backup plans per account (default ${DEFAULT_ORGANIZATION.plansPerAccount})
  --selections N            backup selections per plan (default ${DEFAULT_ORGANIZATION.selectionsPerPlan})
  --delegated-admins N      delegated administrator accounts (default ${DEFAULT_ORGANIZATION.delegatedAdministrators})
  --services-per-admin N    services each administers (default ${DEFAULT_ORGANIZATION.servicesPerAdministrator})
  --regions LIST            regions the suite reads; resources sit in the first
                            (default us-east-1: the regions setting)
  --discover-regions        no regions setting: every account's regions are
                            read (one EC2 DescribeRegions each) and found to be
                            the --regions list
The suite's settings:
  --concurrency N           organization read (default 4)
  --account-concurrency N   scopes pool = 2 × N (default 16)
  --client-limit K=R/B      override a client-side limit, K one of
                            organizations, route53, eks, ssm, backup, assumerole
The network:
  --latency-ms N            per call (default 50)
  --limit S=R/B             override an AWS-side bucket, as in bench:ingest
                            (organizations, route53, sts, eks, backup, ssm)
  --max-attempts N          SDK attempts per call (default 5)
  --emulator-ms LIST        in the check against the emulator benchmark: moto's
                            time per request, one at a time (default 3.8,9.5:
                            what bench:ingest's probe measured after and before
                            its 1,000-account run)
  --seed N                  retry jitter (default 1)
  --json-out PATH           also write every figure as JSON
  --help`;

/** Client-side bucket ids (rateLimits.ts keys) by flag name. */
const CLIENT_IDS: Record<string, string> = {
  organizations: 'Organizations',
  route53: 'Route 53',
  eks: 'EKS',
  ssm: 'SSM',
  backup: 'Backup',
  assumerole: 'AssumeRole',
};

export type SimulateArgs = {
  organization: OrganizationSpec;
  compareAccounts: number;
  regions: string[];
  /** No regions setting: the regions are read from every account. */
  discoverRegions: boolean;
  services: ResourceService[];
  concurrency: number;
  accountConcurrency: number;
  clientLimits: Record<string, { ratePerSecond: number; burst: number }>;
  latencyMs: number;
  limits: string[];
  maxAttempts: number;
  emulatorMs: number[];
  seed: number;
  jsonOut?: string;
  help: boolean;
};

const LIMIT = /^([a-z0-9 -]+)=(\d+(?:\.\d+)?)\/(\d+)$/;

export function parseSimulateArgs(argv: string[]): SimulateArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      accounts: { type: 'string' },
      'compare-accounts': { type: 'string', default: '1000' },
      ous: { type: 'string' },
      'zones-per-account': { type: 'string' },
      'records-per-zone': { type: 'string' },
      clusters: { type: 'string' },
      nodegroups: { type: 'string' },
      addons: { type: 'string' },
      parameters: { type: 'string' },
      vaults: { type: 'string' },
      plans: { type: 'string' },
      selections: { type: 'string' },
      'delegated-admins': { type: 'string' },
      'services-per-admin': { type: 'string' },
      regions: { type: 'string', default: 'us-east-1' },
      'discover-regions': { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '4' },
      'account-concurrency': { type: 'string', default: '16' },
      'client-limit': { type: 'string', multiple: true, default: [] },
      'latency-ms': { type: 'string', default: '50' },
      limit: { type: 'string', multiple: true, default: [] },
      'max-attempts': { type: 'string', default: '5' },
      'emulator-ms': { type: 'string', default: '3.8,9.5' },
      seed: { type: 'string', default: '1' },
      'json-out': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const number = (name: string, min: number, fallback?: number) => {
    const raw = values[name as keyof typeof values] as string | undefined;
    if (raw === undefined && fallback !== undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) {
      throw new Error(`--${name} must be a number of at least ${min}`);
    }
    return n;
  };
  const whole = (name: string, min: number, fallback?: number) => {
    const n = number(name, min, fallback);
    if (!Number.isInteger(n)) throw new Error(`--${name} must be whole`);
    return n;
  };
  const d = DEFAULT_ORGANIZATION;
  const accounts = whole('accounts', 2, d.accounts);
  const clientLimits: SimulateArgs['clientLimits'] = {};
  for (const flag of values['client-limit']) {
    const match = LIMIT.exec(flag);
    const id = match && CLIENT_IDS[match[1]];
    if (!match || !id) {
      throw new Error(
        `--client-limit ${flag}: expected one of ${Object.keys(CLIENT_IDS).join(
          ', ',
        )}=rate/burst`,
      );
    }
    clientLimits[id] = {
      ratePerSecond: Number(match[2]),
      burst: Number(match[3]),
    };
  }
  const regions = values.regions.split(',').map(r => r.trim());
  if (regions.some(r => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(r))) {
    throw new Error(`--regions: '${values.regions}' is not a list of regions`);
  }
  return {
    organization: {
      accounts,
      ous: whole('ous', 1, d.ous),
      zonesPerAccount: whole('zones-per-account', 0, d.zonesPerAccount),
      recordsPerZone: whole('records-per-zone', 1, d.recordsPerZone),
      clusters: whole('clusters', 0, Math.round(accounts / 10)),
      nodegroupsPerCluster: whole('nodegroups', 0, d.nodegroupsPerCluster),
      addonsPerCluster: whole('addons', 0, d.addonsPerCluster),
      parametersPerCluster: whole('parameters', 0, d.parametersPerCluster),
      vaultsPerAccount: whole('vaults', 0, d.vaultsPerAccount),
      plansPerAccount: whole('plans', 0, d.plansPerAccount),
      selectionsPerPlan: whole('selections', 0, d.selectionsPerPlan),
      delegatedAdministrators: whole(
        'delegated-admins',
        0,
        d.delegatedAdministrators,
      ),
      servicesPerAdministrator: whole(
        'services-per-admin',
        1,
        d.servicesPerAdministrator,
      ),
    },
    compareAccounts: whole('compare-accounts', 0),
    regions,
    discoverRegions: values['discover-regions'],
    services: ['route53', 'eks', 'backup', 'ecr'],
    concurrency: whole('concurrency', 1),
    accountConcurrency: whole('account-concurrency', 1),
    clientLimits,
    latencyMs: number('latency-ms', 0),
    limits: values.limit,
    maxAttempts: whole('max-attempts', 1),
    emulatorMs: values['emulator-ms'].split(',').map(ms => {
      const n = Number(ms);
      if (!(n >= 0)) throw new Error(`--emulator-ms: '${ms}' is not a time`);
      return n;
    }),
    seed: whole('seed', 0),
    jsonOut: values['json-out'],
    help: values.help,
  };
}
