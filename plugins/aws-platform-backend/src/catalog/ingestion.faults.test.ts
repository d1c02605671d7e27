import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import type { IngestionProviderStatus } from '@internal/backstage-plugin-aws-platform-common';
import { DefaultAwsClientFactory } from '@internal/backstage-plugin-aws-platform-node';
import {
  FaultProxy,
  FaultRule,
  LocalAws,
  recordMatrixRow,
  ReferenceEstate,
  seedReferenceEstate,
  startFaultProxy,
  startLocalAws,
} from '@internal/local-aws';
import request from 'supertest';
import { IngestionStatusStore } from '../status/ingestionStatusStore';
import { AwsPlatformEntityProvider } from './AwsPlatformEntityProvider';
import { AwsPlatformEntityProcessor } from './AwsPlatformEntityProcessor';
import { createCatalogMemory } from './ingestion/catalogMemory';
import { createResourceReaders } from './ingestion/resourceReaders';
import { readIngestionConfig } from './ingestionConfig';

// The fault matrix of the catalog ingestion (docs/reliability.md): the real
// catalog backend and the entity provider, reading the seeded reference
// estate through the fault proxy of packages/local-aws. Under every fault a
// run must complete or fail cleanly, report its failures per scope, and
// leave every entity of the last good run in the catalog.
jest.setTimeout(180_000);

/** Attempts per AWS call, as `awsPlatform.aws.maxAttempts` sets them. */
const MAX_ATTEMPTS = 4;
const SUBJECT = 'Catalog ingestion';
const ENTITY_FILTER =
  'kind=resource,metadata.annotations.aws-platform.io/organization-id';
const awsConfig = {
  accountDefaults: { roleName: 'OrganizationAccountAccessRole' },
};

let moto: LocalAws;
let estate: ReferenceEstate;
let proxy: FaultProxy;
let provider: AwsPlatformEntityProvider;
let server: Parameters<typeof request>[0];
const statusStore = new IngestionStatusStore();
const savedEnv = { ...process.env };

async function seededEmulator(): Promise<LocalAws> {
  const started = await startLocalAws();
  try {
    await started.reset();
    estate = await seedReferenceEstate({ endpoint: started.endpoint });
    return started;
  } catch (error) {
    await started.stop();
    throw error;
  }
}

beforeAll(async () => {
  moto = await seededEmulator();
  proxy = await startFaultProxy({
    target: moto.endpoint,
    seed: 2026,
    emulatorGaps: true,
  });
  Object.assign(process.env, moto.env, { AWS_ENDPOINT_URL: proxy.endpoint });

  const rootConfig = new ConfigReader({
    aws: awsConfig,
    awsPlatform: { aws: { maxAttempts: MAX_ATTEMPTS } },
    catalog: {
      providers: {
        awsPlatform: { defaultOwner: 'group:default/platform-team' },
      },
    },
  });
  const clientFactory = DefaultAwsClientFactory.fromConfig(rootConfig);
  ({ server } = await startTestBackend({
    features: [
      catalogPlugin,
      createBackendModule({
        pluginId: 'catalog',
        moduleId: 'aws-platform-under-faults',
        register(env) {
          env.registerInit({
            deps: {
              catalog: catalogProcessingExtensionPoint,
              catalogService: catalogServiceRef,
              auth: coreServices.auth,
            },
            async init({ catalog, catalogService, auth }) {
              provider = new AwsPlatformEntityProvider({
                config: readIngestionConfig(rootConfig)!,
                clientFactory,
                readers: createResourceReaders(clientFactory),
                memory: createCatalogMemory(catalogService, auth),
                logger: mockServices.logger.mock(),
                // The test runs each refresh itself.
                taskRunner: { run: async () => {} },
                statusStore,
              });
              catalog.addProcessor(new AwsPlatformEntityProcessor());
              catalog.addEntityProvider(provider);
            },
          });
        },
      }),
    ],
  }));
});

afterAll(async () => {
  process.env = savedEnv;
  await proxy?.close();
  await moto?.stop();
});

/** Entity refs of the suite's entities in the catalog. */
async function catalogRefs(): Promise<string[]> {
  const response = await request(server)
    .get('/api/catalog/entities/by-query')
    .query({ filter: ENTITY_FILTER, limit: 500, fields: 'metadata.name' });
  expect(response.status).toBe(200);
  return (response.body.items as { metadata: { name: string } }[])
    .map(item => `resource:default/${item.metadata.name}`)
    .sort();
}

/** One provider refresh and the status it recorded. */
async function refresh(): Promise<IngestionProviderStatus> {
  await provider.refresh();
  return statusStore.list()[0];
}

/** A scope the status may name: one of the run's scopes, or a whole-run guard. */
function isKnownScope(scope: string): boolean {
  return (
    ['organization', 'catalog', 'removal-guard'].includes(scope) ||
    /^route53:\d{12}$/.test(scope) ||
    /^(eks|backup):\d{12}:[a-z]{2}-[a-z]+-\d$/.test(scope)
  );
}

/** e.g. `1 ok; 1 partial (3 scopes)`. */
function describeOutcomes(statuses: IngestionProviderStatus[]): string {
  const counts = new Map<string, number>();
  for (const status of statuses) {
    const label =
      status.outcome === 'ok'
        ? 'ok'
        : `${status.outcome} (${describeFailures(status)})`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${n} ${label}`).join('; ');
}

function describeFailures(status: IngestionProviderStatus): string {
  const scopes = status.failures.filter(f => f.scope.includes(':')).length;
  const guards = status.failures
    .filter(f => !f.scope.includes(':'))
    .map(f => f.scope);
  return [
    ...(scopes ? [`${scopes} scope${scopes > 1 ? 's' : ''}`] : []),
    ...guards,
  ].join(', ');
}

/**
 * Runs the provider `runs` times under `rules`, then checks that the
 * catalog lost nothing and that every failure names its scope, and records
 * the row of the matrix.
 */
async function underFault(options: {
  fault: string;
  rules?: FaultRule[];
  runs: number;
}): Promise<IngestionProviderStatus[]> {
  const before = await catalogRefs();
  proxy.resetStats();
  proxy.setRules(options.rules ?? []);
  const statuses: IngestionProviderStatus[] = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      statuses.push(await refresh());
    }
  } finally {
    proxy.setRules([]);
  }
  const stats = proxy.stats();
  const after = await catalogRefs();
  const lost = before.filter(ref => !after.includes(ref));
  recordMatrixRow({
    subject: SUBJECT,
    fault: options.fault,
    runs: options.runs,
    outcome: describeOutcomes(statuses),
    before: before.length,
    after: after.length,
    unit: 'entities',
    lost: lost.length,
    duplicates: 0,
    retries: stats.retries,
    faults: Object.values(stats.faults).reduce((a, b) => a + b, 0),
  });

  expect(lost).toEqual([]);
  expect(after).toEqual(before);
  for (const status of statuses) {
    expect(status.outcome === 'ok').toBe(status.failures.length === 0);
    for (const failure of status.failures) {
      expect(isKnownScope(failure.scope)).toBe(true);
      expect(failure.errorName).toBeTruthy();
    }
  }
  return statuses;
}

/** A fault-free run afterwards: the estate comes back complete. */
async function expectRecovery(refs: string[]) {
  const status = await refresh();
  expect(status).toMatchObject({ outcome: 'ok', failures: [] });
  expect(await catalogRefs()).toEqual(refs);
}

/**
 * At the first request matching `match`, stops moto and starts a new one,
 * reseeded or empty, behind the same proxy. During an `outage` the endpoint
 * refuses connections until the new emulator is ready; with `hold` requests
 * wait for it, so the rest of the run reads the new one.
 */
function restartAt(
  match: FaultRule['match'],
  options: { reseed: boolean; style: 'outage' | 'hold' },
): { rules: FaultRule[]; restarted: () => Promise<void> } {
  let restarting: Promise<void> | undefined;
  const unsubscribe = proxy.onFault(event => {
    if (event.name !== 'restart' || restarting) return;
    if (options.style === 'outage') proxy.setOffline(true);
    restarting = (async () => {
      await moto.stop();
      moto = options.reseed ? await seededEmulator() : await startLocalAws();
      if (!options.reseed) await moto.reset();
      proxy.setTarget(moto.endpoint);
      proxy.setOffline(false);
    })();
    if (options.style === 'hold') proxy.hold(restarting);
  });
  return {
    rules: [
      { name: 'restart', match, fault: { kind: 'latency', ms: 0 }, times: 1 },
    ],
    restarted: async () => {
      unsubscribe();
      await restarting;
    },
  };
}

let baseline: string[];

describe('catalog ingestion under faults', () => {
  it('ingests the reference estate without faults', async () => {
    const status = await refresh();
    expect(status).toMatchObject({ outcome: 'ok', failures: [] });
    // Entities reach the query API once the catalog has processed them.
    const deadline = Date.now() + 60_000;
    do {
      baseline = await catalogRefs();
      if (baseline.length >= status.entityCount) break;
      await new Promise(resolve => setTimeout(resolve, 250));
    } while (Date.now() < deadline);
    expect(baseline).toHaveLength(status.entityCount);
    expect(baseline.length).toBeGreaterThan(20);
  });

  it('loses nothing under 20 % throttling', async () => {
    const statuses = await underFault({
      fault: '20 % throttling (every service)',
      rules: [{ fault: { kind: 'throttle' }, probability: 0.2 }],
      runs: 1,
    });
    // Throttled calls are retried; a scope fails only when every attempt was.
    expect(statuses[0].outcome).not.toBe('failed');
    await expectRecovery(baseline);
  });

  it('loses nothing under 10 % server errors', async () => {
    const statuses = await underFault({
      fault: '10 % HTTP 5xx (every service)',
      rules: [{ fault: { kind: 'server-error' }, probability: 0.1 }],
      runs: 2,
    });
    expect(statuses).toHaveLength(2);
    await expectRecovery(baseline);
  });

  it('completes every scope with 500 ms of latency on every call', async () => {
    const [status] = await underFault({
      fault: '500 ms latency (every call)',
      rules: [{ fault: { kind: 'latency', ms: 500 } }],
      runs: 1,
    });
    expect(status).toMatchObject({ outcome: 'ok', failures: [] });
  });

  it("keeps a denied account's entities and reports its three scopes", async () => {
    const production = estate.accounts.production.id;
    proxy.denyAccount(production);
    let status: IngestionProviderStatus;
    try {
      [status] = await underFault({
        fault: 'one account denied (Production: AssumeRole refused)',
        runs: 1,
      });
    } finally {
      proxy.allowAccount(production);
    }
    expect(status.outcome).toBe('partial');
    expect(status.failures.map(f => f.scope).sort()).toEqual(
      [
        `backup:${production}:us-east-1`,
        `eks:${production}:us-east-1`,
        `route53:${production}`,
      ].sort(),
    );
    for (const failure of status.failures) {
      expect(failure.errorName).toMatch(/^AccessDenied/);
    }
    await expectRecovery(baseline);
  });

  it('loses nothing when the emulator goes down mid-run and comes back with its state', async () => {
    const restart = restartAt(
      { operation: 'ListHostedZones' },
      { reseed: true, style: 'outage' },
    );
    let statuses: IngestionProviderStatus[];
    try {
      statuses = await underFault({
        fault: 'emulator down mid-run, restarted with its state',
        rules: restart.rules,
        runs: 1,
      });
    } finally {
      await restart.restarted();
    }
    // Scopes read during the outage failed and kept their entities.
    expect(statuses[0].outcome).not.toBe('ok');
    await expectRecovery(baseline);
  });

  it('loses nothing when the emulator restarts mid-run and comes back empty', async () => {
    // Restarted while the scopes are read: the accounts read after that
    // answer with nothing at all.
    const restart = restartAt(
      { operation: 'ListBackupVaults', accountId: estate.accounts.sandbox.id },
      { reseed: false, style: 'hold' },
    );
    let statuses: IngestionProviderStatus[];
    try {
      statuses = await underFault({
        fault: 'emulator restarted mid-run, empty',
        rules: restart.rules,
        runs: 2,
      });
    } finally {
      await restart.restarted();
    }
    // Nothing may be applied from an emulator that lost the organization.
    for (const status of statuses) {
      expect(status.outcome).toBe('failed');
      expect(status.failures.map(f => f.scope)).toContain('organization');
    }

    // Seeded again with the same ids, the estate comes back whole.
    await moto.reset();
    estate = await seedReferenceEstate({ endpoint: moto.endpoint });
    await expectRecovery(baseline);
  });
});
