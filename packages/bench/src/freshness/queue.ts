/**
 * The SQS queue EventBridge's rule targets, on moto. The orchestrator sends
 * each event's message straight to moto, as EventBridge would; the queue's
 * traffic never passes the counting proxy, so it is not counted as the
 * event path's AWS calls.
 */
import {
  CreateQueueCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { Keys } from '../benchEnv.ts';

export type Queue = {
  url: string;
  send(event: Record<string, unknown>): Promise<void>;
  close(): void;
};

export async function createQueue(
  endpoint: string,
  credentials: Keys,
  region: string,
): Promise<Queue> {
  const sqs = new SQSClient({ endpoint, region, credentials, maxAttempts: 3 });
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: 'aws-platform-events' }),
  );
  if (!QueueUrl) throw new Error('CreateQueue returned no URL');
  return {
    url: QueueUrl,
    async send(event) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl,
          MessageBody: JSON.stringify(event),
        }),
      );
    },
    close: () => sqs.destroy(),
  };
}
