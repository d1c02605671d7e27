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
import type { IngestionProviderStatus } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  AwsClientClass,
  AwsClientFactory,
  AwsClientTarget,
  DefaultAwsClientFactory,
  SdkClientLike,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
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
import { memoryStatusStore } from './__testUtils__/memoryStatusStore';
import {
  countDuplicates,
  countEmulatorResources,
  Inventory,
} from './__testUtils__/emulatorInventory';
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
/**
 * The region the estate is seeded in. The matrix reads it alone (a configured
 * override, as the local app-config sets one): each row's faults and counts
 * are measured on it, not on every region the emulator names.
 */
const REGION = 'us-east-1';
const ENTITY_FILTER =
  'kind=resource,metadata.annotations.amazonaws.com/organization-id';
const awsConfig = {
  accountDefaults: { roleName: 'OrganizationAccountAccessRole' },
};
const rootConfig = new ConfigReader({
  aws: awsConfig,
  awsPlatform: { aws: { maxAttempts: MAX_ATTEMPTS } },
  catalog: {
    providers: {
      awsPlatform: {
        defaultOwner: 'group:default/platform-team',
        regions: [REGION],
      },
    },
  },
});
const newClientFactory = () => DefaultAwsClientFactory.fromConfig(rootConfig);

/**
 * A new client factory for every run, as after a backend restart: its
 * credentials are not cached, so each run assumes every account's role
 * again (STS AssumeRole, paced by the factory) under the row's faults.
 */
class PerRunClientFactory implements AwsClientFactory {
  current = newClientFactory();
  createClient<TClient extends SdkClientLike>(
    clientClass: AwsClientClass<TClient>,
    target: AwsClientTarget,
  ): Promise<TClient> {
    return this.current.createClient(clientClass, target);
  }
}
const clientFactory = new PerRunClientFactory();

let moto: LocalAws;
let estate: ReferenceEstate;
let proxy: FaultProxy;
let provider: AwsPlatformEntityProvider;
let server: Parameters<typeof request>[0];
const statusStore = memoryStatusStore();
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
                memory: createCatalogMemory(catalogService, auth, 'default'),
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

/** The suite's entities in the catalog: ref and `spec.type`. */
async function catalogEntities(): Promise<{ ref: string; type: string }[]> {
  const response = await request(server)
    .get('/api/catalog/entities/by-query')
    .query({
      filter: ENTITY_FILTER,
      limit: 500,
      fields: 'metadata.name,spec.type',
    });
  expect(response.status).toBe(200);
  return (
    response.body.items as {
      metadata: { name: string };
      spec: { type: string };
    }[]
  )
    .map(item => ({
      ref: `resource:default/${item.metadata.name}`,
      type: item.spec.type,
    }))
    .sort((a, b) => a.ref.localeCompare(b.ref));
}

/** Entity refs of the suite's entities in the catalog. */
async function catalogRefs(): Promise<string[]> {
  return (await catalogEntities()).map(e => e.ref);
}

/** One provider refresh and the status it recorded. */
async function refresh(): Promise<IngestionProviderStatus> {
  clientFactory.current = newClientFactory();
  await provider.refresh();
  return (await statusStore.list())[0];
}

/** A scope the status may name: one of the run's scopes, or a whole-run guard. */
function isKnownScope(scope: string): boolean {
  return (
    ['organization', 'catalog', 'removal-guard'].includes(scope) ||
    /^route53:\d{12}$/.test(scope) ||
    /^(eks|backup|ecr):\d{12}:[a-z]{2}-[a-z]+-\d$/.test(scope)
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
 * catalog lost nothing, that no AWS resource got a second entity, that the
 * row's own fault fired and every failure names its scope, and records the
 * row of the matrix. Duplicates are measured: the catalog's entities per
 * type against the AWS resources counted on the emulator before the row.
 */
async function underFault(options: {
  fault: string;
  /** The fault count that must be above 0: a rule's name, or `denied`. */
  firedFault: string;
  rules?: FaultRule[];
  /** Turns on a fault that is not a rule (e.g. a denied account). */
  setUp?: () => void;
  runs: number;
}): Promise<{ statuses: IngestionProviderStatus[]; after: string[] }> {
  const resources: Inventory = await countEmulatorResources(
    newClientFactory(),
    REGION,
  );
  options.setUp?.();
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
  const afterEntities = await catalogEntities();
  const after = afterEntities.map(e => e.ref);
  const lost = before.filter(ref => !after.includes(ref));
  const duplicates = countDuplicates(
    afterEntities.map(e => e.type),
    resources,
  );
  recordMatrixRow({
    subject: SUBJECT,
    fault: options.fault,
    runs: options.runs,
    outcome: describeOutcomes(statuses),
    before: before.length,
    after: after.length,
    unit: 'entities',
    lost: lost.length,
    duplicates,
    retries: stats.retries,
    faults: Object.values(stats.faults).reduce((a, b) => a + b, 0),
  });

  expect(stats.faults[options.firedFault] ?? 0).toBeGreaterThan(0);
  // Every run assumed the accounts' roles anew, under the same faults.
  expect(
    stats.operations.find(
      o => o.service === 'sts' && o.operation === 'AssumeRole',
    )?.calls ?? 0,
  ).toBeGreaterThanOrEqual(options.runs);
  expect(lost).toEqual([]);
  expect(duplicates).toBe(0);
  expect(after).toEqual(before);
  for (const status of statuses) {
    expect(status.outcome === 'ok').toBe(status.failures.length === 0);
    for (const failure of status.failures) {
      expect(isKnownScope(failure.scope)).toBe(true);
      expect(failure.errorName).toBeTruthy();
    }
  }
  return { statuses, after };
}

/** A fault-free run afterwards: the estate comes back complete. */
async function expectRecovery(refs: string[]) {
  const status = await refresh();
  expect(status).toMatchObject({ outcome: 'ok', failures: [] });
  expect(await catalogRefs()).toEqual(refs);
}

/**
 * At the first request matching `match`, stops moto and starts a new, empty
 * one behind the same proxy; requests wait for it (`hold`), so the rest of
 * the run reads the empty emulator.
 */
function restartEmptyAt(match: FaultRule['match']): {
  rules: FaultRule[];
  restarted: () => Promise<void>;
} {
  let restarting: Promise<void> | undefined;
  const unsubscribe = proxy.onFault(event => {
    if (event.name !== 'restart' || restarting) return;
    restarting = (async () => {
      await moto.stop();
      moto = await startLocalAws();
      await moto.reset();
      proxy.setTarget(moto.endpoint);
    })();
    proxy.hold(restarting);
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

/** Faults injected into one operation's requests so far. */
function faultsOf(service: string, operation: string): number {
  return (
    proxy
      .stats()
      .operations.find(o => o.service === service && o.operation === operation)
      ?.faults ?? 0
  );
}

/**
 * At the first request matching `match` the endpoint goes down (every
 * connection dropped) until that request has used up its attempts, then
 * comes back as an emulator seeded with the same estate (same ids), started
 * beforehand so that the switch takes no time: the scope that was reading
 * fails, and the rest of the run, the organization's confirmation included,
 * reads an emulator with its state.
 */
async function outageAt(match: FaultRule['match']): Promise<{
  rules: FaultRule[];
  restarted: () => Promise<void>;
}> {
  const standby = await seededEmulator();
  let restarting: Promise<void> | undefined;
  const unsubscribe = proxy.onFault(event => {
    if (event.name !== 'restart' || restarting) return;
    proxy.setOffline(true);
    restarting = (async () => {
      // The trigger counts once, then each of its attempts is dropped.
      while (faultsOf(event.service, event.operation) < 1 + MAX_ATTEMPTS) {
        await new Promise(resolve => setTimeout(resolve, 5));
      }
      proxy.setTarget(standby.endpoint);
      proxy.setOffline(false);
      const stopped = moto;
      moto = standby;
      await stopped.stop();
    })();
  });
  return {
    rules: [
      { name: 'restart', match, fault: { kind: 'latency', ms: 0 }, times: 1 },
    ],
    restarted: async () => {
      unsubscribe();
      if (restarting) await restarting;
      else await standby.stop();
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
    const { statuses } = await underFault({
      fault: '20 % throttling (every service, STS included)',
      firedFault: 'throttle',
      rules: [
        { name: 'throttle', fault: { kind: 'throttle' }, probability: 0.2 },
      ],
      runs: 1,
    });
    // Throttled calls are retried; a scope fails only when every attempt was.
    expect(statuses[0].outcome).not.toBe('failed');
    // The roles were assumed under the same throttling.
    expect(faultsOf('sts', 'AssumeRole')).toBeGreaterThan(0);
    await expectRecovery(baseline);
  });

  it('loses nothing under 10 % server errors', async () => {
    const { statuses, after } = await underFault({
      fault: '10 % HTTP 5xx (every service, STS included)',
      firedFault: '5xx',
      rules: [
        { name: '5xx', fault: { kind: 'server-error' }, probability: 0.1 },
      ],
      runs: 2,
    });
    // Each run applied: a scope that failed kept its entities, and the
    // catalog holds exactly the estate's entities.
    for (const status of statuses) {
      expect(status.outcome).not.toBe('failed');
    }
    expect(after).toEqual(baseline);
    await expectRecovery(baseline);
  });

  it('completes every scope with 500 ms of latency on every call', async () => {
    const {
      statuses: [status],
    } = await underFault({
      fault: '500 ms latency (every call, STS included)',
      firedFault: 'latency',
      rules: [{ name: 'latency', fault: { kind: 'latency', ms: 500 } }],
      runs: 1,
    });
    expect(status).toMatchObject({ outcome: 'ok', failures: [] });
  });

  it("keeps a denied account's entities and reports its four scopes", async () => {
    const production = estate.accounts.production.id;
    let status: IngestionProviderStatus;
    try {
      ({
        statuses: [status],
      } = await underFault({
        fault: 'one account denied (Production: AssumeRole refused)',
        firedFault: 'denied',
        setUp: () => proxy.denyAccount(production),
        runs: 1,
      }));
    } finally {
      proxy.allowAccount(production);
    }
    expect(status.outcome).toBe('partial');
    expect(status.failures.map(f => f.scope).sort()).toEqual(
      [
        `backup:${production}:us-east-1`,
        `ecr:${production}:us-east-1`,
        `eks:${production}:us-east-1`,
        `route53:${production}`,
      ].sort(),
    );
    for (const failure of status.failures) {
      expect(failure.errorName).toMatch(/^AccessDenied/);
    }
    await expectRecovery(baseline);
  });

  it('keeps the entities of a scope read while the emulator was down, from the catalog', async () => {
    const production = estate.accounts.production.id;
    const outage = await outageAt({
      operation: 'ListBackupSelections',
      accountId: production,
    });
    let statuses: IngestionProviderStatus[];
    try {
      ({ statuses } = await underFault({
        fault: 'emulator down mid-run, back with its state before the run ends',
        firedFault: 'offline',
        rules: outage.rules,
        runs: 1,
      }));
    } finally {
      await outage.restarted();
    }
    // The organization was confirmed at the end, so the run applied; the
    // scope read during the outage failed and its entities (the production
    // vault and plan) were read back from the catalog and emitted again.
    expect(statuses[0].outcome).toBe('partial');
    const scopes = statuses[0].failures.map(f => f.scope);
    expect(scopes).toContain(`backup:${production}:us-east-1`);
    expect(scopes).not.toContain('organization');
    expect(scopes).not.toContain('catalog');
    await expectRecovery(baseline);
  });

  it('loses nothing when the emulator restarts mid-run and comes back empty', async () => {
    // Restarted while the scopes are read: the accounts read after that
    // answer with nothing at all.
    const restart = restartEmptyAt({
      operation: 'ListBackupVaults',
      accountId: estate.accounts.sandbox.id,
    });
    let statuses: IngestionProviderStatus[];
    try {
      ({ statuses } = await underFault({
        fault: 'emulator restarted mid-run, empty',
        firedFault: 'restart',
        rules: restart.rules,
        runs: 2,
      }));
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
