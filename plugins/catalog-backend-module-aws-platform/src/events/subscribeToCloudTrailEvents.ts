import type {
  LifecycleService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import { providerIdentity } from '../providerIdentity';
import { CloudTrailEventConsumer } from './CloudTrailEventConsumer';
import { RefreshTrigger } from './RefreshTrigger';
import type { ChangeJournal } from './replicas/changeJournal';
import { ReplicaHandoff } from './replicas/ReplicaHandoff';
import type { ScopeLeases } from './replicas/scopeLeases';
import {
  DeltaTarget,
  ScopeRefresher,
  ScopeRefresherOptions,
} from './ScopeRefresher';

/** What the event path of one organization's provider is made of. */
export interface CloudTrailEventsOptions
  extends Omit<ScopeRefresherOptions, 'providerName' | 'target'> {
  events: EventsService;
  scheduler: Pick<SchedulerService, 'triggerTask'>;
  lifecycle: Pick<LifecycleService, 'addShutdownHook'>;
  provider: DeltaTarget;
  /** Where replicas share the changes not applied yet, and who reads which account. */
  replicas: {
    journal: ChangeJournal;
    leases: ScopeLeases;
  };
}

/**
 * Subscribes an organization's provider to its CloudTrail events topic,
 * when `events.enabled` is set: scopes are re-read on their changes, the
 * full refresh is started early on the organization's. The subscriber id
 * is the provider's, so that an events bus shared by several replicas
 * hands each event to one of them. Returns the consumer, or undefined
 * when events are off.
 */
export async function subscribeToCloudTrailEvents(
  options: CloudTrailEventsOptions,
): Promise<CloudTrailEventConsumer | undefined> {
  const { config } = options;
  if (!config.events) return undefined;
  const identity = providerIdentity(config.id);
  const logger = options.logger.child({
    target: `${identity.providerName}:events`,
  });
  const refreshTrigger = new RefreshTrigger({
    trigger: () => options.scheduler.triggerTask(identity.taskId),
    logger,
    // The consumer has gathered the batch already.
    windowMs: 0,
  });
  const consumer = new CloudTrailEventConsumer({
    windowMs: config.events.coalesceWindowMs,
    refresher: new ScopeRefresher({
      config,
      providerName: identity.providerName,
      target: options.provider,
      readers: options.readers,
      readAccountTags: options.readAccountTags,
      readAccountParent: options.readAccountParent,
      accountTags: options.accountTags,
      memory: options.memory,
      catalog: options.catalog,
      statusStore: options.statusStore,
      transformers: options.transformers,
      logger,
    }),
    handoff: new ReplicaHandoff({
      providerName: identity.providerName,
      ...options.replicas,
      leaseMs: config.events.replicaLeaseMs,
      logger,
    }),
    requestFullRefresh: reason => refreshTrigger.request(reason),
    logger,
  });
  await options.events.subscribe({
    id: `aws-platform-${config.id}`,
    topics: [config.events.topic],
    onEvent: params => consumer.onEvent(params),
  });
  consumer.start();
  options.lifecycle.addShutdownHook(async () => {
    refreshTrigger.stop();
    await consumer.stop();
  });
  logger.info(
    `Reading the scopes CloudTrail events on topic ${config.events.topic} say changed`,
  );
  return consumer;
}
