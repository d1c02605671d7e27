/**
 * The child process of `yarn bench:load`: the real aws-platform backend
 * plugin on 127.0.0.1, with a catalog holding what the suite's ingestion
 * emits for the reference estate, and the suite's own client factory
 * (AssumeRole into each account) talking to the emulator through the
 * orchestrator's recording proxy (AWS_ENDPOINT_URL).
 *
 * 1. reads the estate with the suite's ingestion (runIngestion, the real
 *    readers) to get the catalog's entities;
 * 2. starts the backend as startTestBackend builds it (backend-test-utils'
 *    mock services: auth that accepts mockCredentials' user token, an
 *    in-memory cache...), with every permission allowed, an in-memory
 *    catalog of those entities and the live status cache TTL given; but with
 *    the default root HTTP router bound to 127.0.0.1, since startTestBackend
 *    listens on every interface and cannot be given another router;
 * 3. tells the orchestrator its port, the token and the live endpoints of
 *    every ingested cluster, zone, vault and plan; on 'report' sends every
 *    write to the plugin's cache (one per AWS read of a resource); stops on
 *    'stop'.
 *
 * Bundled by esbuild like the ingestion runners (the plugin sources use
 * extensionless imports that Node's type stripping cannot load).
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { discoveryServiceFactory } from '@backstage/backend-defaults/discovery';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createSpecializedBackend } from '@backstage/backend-app-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AWS_ENTITY_TYPES } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { DefaultAwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { awsPlatformPlugin } from '@aws-platform-suite/backstage-plugin-aws-platform-backend';
import { createResourceReaders } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/resourceReaders';
import { runIngestion } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/runIngestion';
import { readIngestionConfig } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestionConfig';
import { readOrganization } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/organization/readOrganization';
import { countingCacheServiceFactory } from './countingCache.ts';
import type {
  CacheWrite,
  LoadJob,
  LoadReady,
  LoadReport,
  LoadTarget,
} from './loadProtocol.ts';

/** Which live endpoint serves each ingested entity type. */
const ENDPOINTS: Record<string, LoadTarget['endpoint']> = {
  [AWS_ENTITY_TYPES.kubernetesCluster]: 'clusters',
  [AWS_ENTITY_TYPES.dnsZone]: 'zones',
  [AWS_ENTITY_TYPES.backupVault]: 'backups',
  [AWS_ENTITY_TYPES.backupPlan]: 'backups',
};

async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

/** The entities the suite's ingestion emits for the emulator's estate. */
async function ingest(job: LoadJob): Promise<Entity[]> {
  const config = new ConfigReader({
    aws: { accountDefaults: { roleName: job.roleName } },
    catalog: {
      providers: {
        awsPlatform: {
          defaultOwner: 'group:default/platform-team',
          regions: [job.region],
        },
      },
    },
  });
  const ingestionConfig = readIngestionConfig(config)!;
  const clientFactory = DefaultAwsClientFactory.fromConfig(config);
  const run = await runIngestion({
    config: ingestionConfig,
    readOrganization: async () =>
      readOrganization(
        await clientFactory.createClient(OrganizationsClient, {
          region: job.region,
        }),
        { concurrency: ingestionConfig.concurrency },
      ),
    readers: createResourceReaders(clientFactory),
    memory: {
      entitiesOfScopes: async () => [],
      lastAppliedRun: async () => ({ organizationIds: [], refs: new Set() }),
    },
    today: new Date(),
  });
  if (!run.entities) {
    throw new Error(
      `the ingestion applied nothing: ${run.failures
        .map(f => `${f.scope}: ${f.message}`)
        .join('; ')}`,
    );
  }
  return run.entities;
}

async function main() {
  const job = JSON.parse(process.argv[2]) as LoadJob;
  const entities = await ingest(job);
  const port = await freeLoopbackPort();
  const cacheWrites: CacheWrite[] = [];
  const baseUrl = `http://127.0.0.1:${port}`;
  const backend = createSpecializedBackend({
    // startTestBackend's defaults, but the HTTP server's; the cache is the
    // same in-memory one, its writes recorded.
    defaultServiceFactories: [
      mockServices.auth.factory(),
      mockServices.auditor.factory(),
      countingCacheServiceFactory(cacheWrites),
      mockServices.database.factory(),
      mockServices.httpAuth.factory(),
      mockServices.httpRouter.factory(),
      mockServices.lifecycle.factory(),
      mockServices.logger.factory(),
      mockServices.permissionsRegistry.factory(),
      mockServices.rootHealth.factory(),
      mockServices.rootLifecycle.factory(),
      mockServices.rootLogger.factory(),
      mockServices.scheduler.factory(),
      mockServices.userInfo.factory(),
      mockServices.urlReader.factory(),
      mockServices.events.factory(),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl, listen: { host: '127.0.0.1', port } },
          aws: { accountDefaults: { roleName: job.roleName } },
          awsPlatform: {
            // moto answers APIs it lacks with 500s, which AWS would not.
            aws: { maxAttempts: 1 },
            liveStatus: { cacheTtl: { milliseconds: job.cacheTtlMs } },
          },
        },
      }),
      rootHttpRouterServiceFactory,
      discoveryServiceFactory,
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory({ entities }),
    ],
  });
  backend.add(awsPlatformPlugin);
  await backend.start();

  const targets: LoadTarget[] = entities.flatMap(entity => {
    const endpoint = ENDPOINTS[String(entity.spec?.type)];
    return endpoint
      ? [{ endpoint, entityRef: stringifyEntityRef(entity) }]
      : [];
  });
  const ready: LoadReady = {
    type: 'ready',
    baseUrl,
    authorization: mockCredentials.user.header(),
    targets,
    entities: entities.length,
  };
  process.send!(ready);

  const stop = async () => {
    await backend.stop();
    process.exit(0);
  };
  process.on('message', message => {
    const { type } = message as { type?: string };
    if (type === 'report') {
      const report: LoadReport = { type: 'report', cacheWrites };
      process.send!(report);
    }
    if (type === 'stop') void stop();
  });
  // Never outlive the orchestrator.
  process.on('disconnect', () => void stop());
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
