/**
 * The event-path child: the suite's provider as a backend runs it with
 * `events.enabled`, minus the catalog database. The real aws-sqs module
 * (AwsSqsConsumingEventPublisher) long-polls the queue on moto and
 * publishes on the events service; subscribeToCloudTrailEvents wires the
 * real CloudTrailEventConsumer, ChangeCoalescer, ScopeRefresher and
 * RefreshTrigger to it; the readers are the refresh's, with clients from
 * DefaultAwsClientFactory through the counting proxy (AWS_ENDPOINT_URL).
 * The full refresh is runIngestion with that catalog as its memory, as
 * AwsPlatformEntityProvider.refresh() runs it. Bundled by esbuild (see
 * buildRunners.ts for why).
 */
import { readFileSync } from 'node:fs';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { ConfigReader } from '@backstage/config';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { AwsSqsConsumingEventPublisher } from '@backstage/plugin-events-backend-module-aws-sqs';
import { DefaultAwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { memoryAccountTagStore } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/__testUtils__/memoryAccountTagStore';
import { memoryStatusStore } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/__testUtils__/memoryStatusStore';
import { memoryReplicaStores } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/__testUtils__/memoryReplicaStores';
import {
  accountTagCounts,
  readWithCarriedTags,
} from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/organization/carriedAccountTags';
import { subscribeToCloudTrailEvents } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/events/subscribeToCloudTrailEvents';
import { createResourceReaders } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/resourceReaders';
import { createAccountTagsReader } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/organization/accountTagsReader';
import { createAccountParentReader } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/organization/accountParentReader';
import { runIngestion } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestion/runIngestion';
import { readIngestionConfig } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/ingestionConfig';
import {
  readOrganization,
  readOrganizationId,
} from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/organization/readOrganization';
import { providerIdentity } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/providerIdentity';
import { describeError, quietLogger } from '../runners/runnerKit.ts';
import { benchScheduler } from './benchScheduler.ts';
import type { FreshnessJob, FromChild, ToChild } from './protocol.ts';
import { RecordingCatalog } from './recordingCatalog.ts';

const TOPIC = 'aws-platform-cloudtrail';

const send = (message: FromChild) => process.send!(message);

/** The app-config of a portal with events on, as the catalog module's README sets it. */
function backendConfig(job: FreshnessJob): ConfigReader {
  return new ConfigReader({
    aws: { accountDefaults: { roleName: job.roleName } },
    catalog: {
      providers: {
        awsPlatform: {
          defaultOwner: 'group:default/platform-team',
          regions: [job.region],
          // The default window (5 s): the figures are the shipped settings'.
          events: {
            enabled: true,
            ...(job.accountTagsMaxAge && {
              accountTagsMaxAge: job.accountTagsMaxAge,
            }),
          },
        },
      },
    },
    events: {
      useEventBus: 'never',
      modules: {
        awsSqs: {
          awsSqsConsumingEventPublisher: {
            topics: {
              [TOPIC]: {
                // The README's settings; the queue is read straight from
                // moto, so its polling is neither counted nor throttled.
                queue: {
                  url: job.queueUrl,
                  region: job.region,
                  endpoint: job.sqsEndpoint,
                  waitTime: '20s',
                },
                waitTimeAfterEmptyReceive: '1s',
              },
            },
          },
        },
      },
    },
  });
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as FreshnessJob;
  const config = backendConfig(job);
  const ingestionConfig = readIngestionConfig(config)!;
  const clientFactory = DefaultAwsClientFactory.fromConfig(config);
  const readers = createResourceReaders(clientFactory);
  const log: string[] = [];
  const logger = quietLogger(log);
  const catalog = new RecordingCatalog((id, at, mutation) =>
    send({ type: 'seen', id, at, mutation }),
  );
  // The catalog database's tag store, in memory: the child has no database.
  const accountTags = memoryAccountTagStore();
  const maxAgeMs = ingestionConfig.events?.accountTagsMaxAgeMs;
  const carrying = maxAgeMs
    ? {
        store: accountTags,
        providerName: providerIdentity(ingestionConfig.id).providerName,
        maxAgeMs,
        logger,
      }
    : undefined;
  const organizations = () =>
    clientFactory.createClient(OrganizationsClient, {
      accountId: ingestionConfig.organization.accountId,
      region: ingestionConfig.organization.region,
    });
  // One backend: the journal and leases in memory (the portal's are in the
  // catalog's database).
  const replicas = memoryReplicaStores();
  const refresh = async (triggered: boolean) => {
    const started = performance.now();
    const startedAt = Date.now();
    let tagsCarried: number | undefined;
    const run = await runIngestion({
      config: ingestionConfig,
      // As AwsPlatformEntityProvider reads it, tags carried where set.
      readOrganization: async () => {
        const snapshot = await readWithCarriedTags(
          async carriedTags =>
            readOrganization(await organizations(), {
              concurrency: ingestionConfig.concurrency,
              ...(carriedTags && { carriedTags }),
            }),
          carrying,
        );
        tagsCarried = accountTagCounts(snapshot).carried;
        return snapshot;
      },
      confirmOrganization: async () =>
        readOrganizationId(await organizations()),
      readers,
      memory: catalog,
      today: new Date(),
    });
    if (run.entities) {
      catalog.applyFull(run.entities);
      // As the provider does: changes applied while it read are read again.
      await replicas.journal.requeueApplied(
        providerIdentity(ingestionConfig.id).providerName,
        startedAt,
        Date.now(),
      );
    }
    const result = {
      durationMs: performance.now() - started,
      entities: run.entities?.length ?? 0,
      failures: [
        ...run.failures.map(f => `${f.scope}: ${f.errorName}: ${f.message}`),
        ...(run.entities ? [] : ['applied nothing']),
      ],
    };
    send({
      type: 'refreshed',
      result: { ...result, triggered, ...(carrying && { tagsCarried }) },
    });
  };
  const { taskId } = providerIdentity(ingestionConfig.id);
  const schedule = benchScheduler(taskId, refresh);
  const hooks: (() => Promise<void> | void)[] = [];
  const events = DefaultEventsService.create({ logger, useEventBus: 'never' });
  const consumer = await subscribeToCloudTrailEvents({
    config: ingestionConfig,
    readers,
    readAccountTags: createAccountTagsReader(
      clientFactory,
      ingestionConfig.organization,
    ),
    readAccountParent: createAccountParentReader(
      clientFactory,
      ingestionConfig.organization,
    ),
    ...(carrying && { accountTags }),
    memory: catalog,
    catalog,
    statusStore: memoryStatusStore(),
    transformers: new Map(),
    logger,
    events,
    scheduler: schedule.scheduler,
    lifecycle: { addShutdownHook: hook => hooks.push(hook) },
    provider: {
      applyDelta: (added, removed) => catalog.applyDelta(added, removed),
    },
    replicas,
  });
  if (!consumer) throw new Error('events are not enabled');
  for (const publisher of AwsSqsConsumingEventPublisher.fromConfig({
    config,
    events,
    logger,
    scheduler: schedule.scheduler,
  })) {
    await publisher.start();
  }

  const stop = async () => {
    schedule.stop();
    for (const hook of hooks) await hook();
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
  process.on('message', (message: ToChild) => {
    const answer = async (): Promise<FromChild | undefined> => {
      switch (message.type) {
        case 'fullRefresh':
          await schedule.runRefresh(false);
          return undefined;
        case 'expect':
          catalog.expect(message.id, message.match);
          return { type: 'expecting', id: message.id };
        case 'idle':
          await consumer.idle();
          return { type: 'idle' };
        case 'refs':
          return {
            type: 'refs',
            refs: catalog.all().map(e => ({
              ref: `${e.kind}:${e.metadata.namespace ?? 'default'}/${
                e.metadata.name
              }`.toLowerCase(),
              title: e.metadata.title ?? '',
            })),
          };
        case 'stop':
          await stop();
          return undefined;
        default:
          return undefined;
      }
    };
    answer()
      .then(reply => {
        if (log.length) send({ type: 'log', lines: log.splice(0) });
        if (reply) send(reply);
      })
      .catch(error => {
        send({ type: 'log', lines: [`error: ${describeError(error)}`] });
      });
  });
  send({ type: 'ready' });
}

main().catch(error => {
  console.error(describeError(error));
  process.exit(1);
});
