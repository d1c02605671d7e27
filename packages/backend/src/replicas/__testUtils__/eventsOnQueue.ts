import {
  CreateQueueCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { LocalAws } from '@internal/local-aws';

const TOPIC = 'aws-platform-cloudtrail';

/** The portal's CloudTrail events path on an SQS queue in moto. */
export type EventsOnQueue = {
  /** The config that turns the path on, with the queue's URL. */
  config: object;
  /** Sends one message, as the EventBridge rule would for an event. */
  send(event: object): Promise<void>;
};

/**
 * Creates the events queue in moto and the config that reads it, as the
 * catalog module's README sets the path up: events enabled on the suite's
 * provider, the aws-sqs module long-polling the queue for the topic.
 */
export async function eventsOnQueue(
  localAws: LocalAws,
  events: { coalesceWindow: string; replicaLease: string },
): Promise<EventsOnQueue> {
  const sqs = new SQSClient({
    endpoint: localAws.endpoint,
    region: localAws.env.AWS_REGION,
    credentials: {
      accessKeyId: localAws.env.AWS_ACCESS_KEY_ID,
      secretAccessKey: localAws.env.AWS_SECRET_ACCESS_KEY,
    },
  });
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: 'aws-platform-events' }),
  );
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
                    url: QueueUrl,
                    region: localAws.env.AWS_REGION,
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
    async send(event) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl,
          MessageBody: JSON.stringify(event),
        }),
      );
    },
  };
}
