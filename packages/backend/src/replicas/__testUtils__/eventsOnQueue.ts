import type { LocalAws } from '@internal/local-aws';
import {
  createEventQueue,
  EventQueue,
} from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/events/__testUtils__/eventQueue';
import { motoClientConfig } from './productionShape';

const TOPIC = 'aws-platform-cloudtrail';

/** The portal's CloudTrail events path on an SQS queue in moto. */
export type EventsOnQueue = {
  /** The config that turns the path on, with the queue's URL. */
  config: object;
  queue: EventQueue;
};

/**
 * Creates the events queue in moto (the catalog module's test queue, with
 * its dead-letter queue) and the config that reads it, as the module's
 * README sets the path up: events enabled on the suite's provider, the
 * aws-sqs module long-polling the queue for the topic.
 */
export async function eventsOnQueue(
  localAws: LocalAws,
  events: { coalesceWindow: string; replicaLease: string },
): Promise<EventsOnQueue> {
  const client = motoClientConfig(localAws);
  const queue = await createEventQueue({
    name: 'aws-platform-events',
    region: client.region,
    visibilityTimeoutSeconds: 30,
    maxReceiveCount: 5,
    client,
  });
  return {
    config: {
      catalog: {
        providers: { awsPlatform: { events: { enabled: true, ...events } } },
      },
      events: {
        modules: {
          awsSqs: {
            awsSqsConsumingEventPublisher: {
              topics: {
                [TOPIC]: {
                  queue: {
                    url: queue.url,
                    region: client.region,
                    waitTime: '1s',
                  },
                  waitTimeAfterEmptyReceive: '1s',
                },
              },
            },
          },
        },
      },
    },
    queue,
  };
}
