import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageCommand,
  SQSClient,
  SQSClientConfig,
} from '@aws-sdk/client-sqs';

/** An SQS queue as the README's Events section sets it up, on the emulator. */
export interface EventQueue {
  url: string;
  /** The dead-letter queue that takes a message received `maxReceiveCount` times. */
  deadLetterUrl: string;
  /** Sends one message body, as EventBridge does for each event. */
  send(body: string): Promise<void>;
  /** Messages in the dead-letter queue. */
  deadLetters(): Promise<number>;
}

/**
 * Creates the queue and its dead-letter queue through the SDK's ordinary
 * environment (`AWS_ENDPOINT_URL` pointing at moto) or the `client` given,
 * with a short visibility timeout so that a test sees redelivery in seconds.
 */
export async function createEventQueue(options: {
  name: string;
  region: string;
  visibilityTimeoutSeconds: number;
  maxReceiveCount: number;
  /** Where and as whom, when not the process's environment. */
  client?: SQSClientConfig;
}): Promise<EventQueue> {
  const sqs = new SQSClient({ ...options.client, region: options.region });
  const dlq = await sqs.send(
    new CreateQueueCommand({ QueueName: `${options.name}-dead-letters` }),
  );
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: dlq.QueueUrl,
      AttributeNames: ['QueueArn'],
    }),
  );
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: options.name,
      Attributes: {
        VisibilityTimeout: String(options.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: Attributes!.QueueArn,
          maxReceiveCount: options.maxReceiveCount,
        }),
      },
    }),
  );
  return {
    url: queue.QueueUrl!,
    deadLetterUrl: dlq.QueueUrl!,
    async send(body) {
      await sqs.send(
        new SendMessageCommand({ QueueUrl: queue.QueueUrl, MessageBody: body }),
      );
    },
    async deadLetters() {
      const { Attributes: counts } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: dlq.QueueUrl,
          AttributeNames: [
            'ApproximateNumberOfMessages',
            'ApproximateNumberOfMessagesNotVisible',
          ],
        }),
      );
      return (
        Number(counts?.ApproximateNumberOfMessages ?? 0) +
        Number(counts?.ApproximateNumberOfMessagesNotVisible ?? 0)
      );
    },
  };
}
