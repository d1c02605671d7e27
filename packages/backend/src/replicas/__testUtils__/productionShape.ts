import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultProxy, startReferenceEstate } from '@internal/local-aws';
import type {
  FaultProxy,
  LocalAws,
  ReferenceEstate,
} from '@internal/local-aws';
import { startLoopbackService } from './loopbackService';
import type { LoopbackService } from './loopbackService';
import { startReplica } from './replicaProcess';
import type { ReplicaOptions, ReplicaProcess } from './replicaProcess';

/** What {@link useProductionShape} gives a test file once its tests run. */
export type ProductionShape = {
  estate: ReferenceEstate;
  /** Replica A and replica B. */
  replicas: ReplicaProcess[];
  /** The counting proxy in front of moto each replica uses, by index. */
  proxies: FaultProxy[];
  /** REDIS_URL of the shared cache. */
  redisUrl: string;
  /** POSTGRES_HOST, _PORT, _USER and _PASSWORD of the shared database. */
  postgresEnv: Record<string, string>;
  /** An SDK client's config for moto itself, past the proxies. */
  awsClient: MotoClientConfig;
  /** Stops replica `index` (SIGTERM) and starts it again, on the same port. */
  restart(index: number): Promise<void>;
};

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

type Running = {
  localAws?: LocalAws;
  services: LoopbackService[];
  proxies: FaultProxy[];
  replicas: ReplicaProcess[];
  dir?: string;
};

/** Stops everything, each stage even when an earlier one failed. */
async function stopAll(running: Running) {
  const stages = [
    () => running.replicas.map(replica => replica.stop()),
    () => running.proxies.map(proxy => proxy.close()),
    () => running.services.map(service => service.stop()),
    () => [running.localAws?.stop()],
  ];
  const failures: unknown[] = [];
  for (const stage of stages) {
    for (const result of await Promise.allSettled(stage())) {
      if (result.status === 'rejected') failures.push(result.reason);
    }
  }
  if (running.dir) rmSync(running.dir, { recursive: true, force: true });
  if (failures.length > 0) {
    throw new AggregateError(failures, 'stopping the production shape failed');
  }
}

/** Where an SDK client reaches moto, and as whom. */
export type MotoClientConfig = {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
};

/** An SDK client's config for moto itself, from its environment. */
export function motoClientConfig(localAws: LocalAws): MotoClientConfig {
  const { env } = localAws;
  return {
    endpoint: localAws.endpoint,
    region: env.AWS_REGION,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    },
  };
}

/**
 * The test file's config on top of the portal's, or what makes it once
 * moto runs: config layers, merged in order as Backstage merges files.
 */
export type TestConfig =
  | object
  | ((reference: {
      localAws: LocalAws;
      estate: ReferenceEstate;
    }) => Promise<object[]>);

/**
 * For a Jest test file: before its tests, starts a throwaway PostgreSQL and
 * Redis (scripts/lib/postgres.sh, redis.sh), moto seeded with the reference
 * estate, one counting proxy per replica in front of it, and the portal's
 * backend twice (replica A, then B, so that one of them runs the database
 * migrations) with app-config.yaml, app-config.production.yaml and
 * `testConfig` on top. After them, stops everything.
 */
export function useProductionShape(testConfig: TestConfig): ProductionShape {
  const shape = { replicas: [], proxies: [] } as unknown as ProductionShape;
  const running: Running = { services: [], proxies: [], replicas: [] };
  beforeAll(async () => {
    const [reference, postgres, redis] = await Promise.all([
      startReferenceEstate(),
      startLoopbackService('postgres.sh'),
      startLoopbackService('redis.sh'),
    ]);
    running.localAws = reference.localAws;
    running.services.push(postgres, redis);
    for (const _ of ['A', 'B']) {
      running.proxies.push(
        await startFaultProxy({
          target: reference.localAws.endpoint,
          // Replica B's proxy idles while replica A starts and refreshes.
          idleTimeoutMs: 10 * 60_000,
        }),
      );
    }
    running.dir = mkdtempSync(join(tmpdir(), 'replicas-config-'));
    const layers: object[] =
      typeof testConfig === 'function'
        ? await testConfig(reference)
        : [testConfig];
    const configFiles = layers.map((layer, i) => {
      const file = join(running.dir!, `app-config.test-${i}.yaml`);
      writeFileSync(file, JSON.stringify(layer, null, 2));
      return file;
    });
    const options: ReplicaOptions[] = [];
    for (const [index, name] of ['A', 'B'].entries()) {
      options.push({
        name,
        port: await freeLoopbackPort(),
        configFiles: ['../../app-config.production.yaml', ...configFiles],
        env: {
          ...reference.localAws.env,
          AWS_ENDPOINT_URL: running.proxies[index].endpoint,
          // An events queue's long polls go to moto itself: the proxies
          // count the suite's own calls.
          AWS_ENDPOINT_URL_SQS: reference.localAws.endpoint,
          ...postgres.env,
          ...redis.env,
          NODE_ENV: 'production',
        },
      });
      running.replicas.push(await startReplica(options[index]));
    }
    Object.assign(shape, {
      estate: reference.estate,
      replicas: running.replicas,
      proxies: running.proxies,
      redisUrl: redis.env.REDIS_URL,
      postgresEnv: postgres.env,
      awsClient: motoClientConfig(reference.localAws),
      async restart(index: number) {
        await running.replicas[index].stop();
        running.replicas[index] = await startReplica(options[index]);
      },
    });
  }, 300_000);
  afterAll(() => stopAll(running), 60_000);
  return shape;
}
