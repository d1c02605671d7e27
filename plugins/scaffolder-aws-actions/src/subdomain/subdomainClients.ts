import { Route53Client } from '@aws-sdk/client-route-53';
import type {
  AwsActor,
  AwsClientFactory,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { SubdomainClients } from './readSubdomainState';

/** Route 53 is global; its API is signed for us-east-1. */
const ROUTE53_REGION = 'us-east-1';

/**
 * The Network and workload account clients of one request. Without an
 * actor they are the backend's own, for the reads of the plan; with one,
 * a session named after the user, for the changes, so CloudTrail names who
 * asked (the factory refuses an actor without a user).
 */
export async function subdomainClients(
  factory: AwsClientFactory,
  target: {
    networkAccountId: string;
    workloadAccountId: string;
    actor?: AwsActor;
  },
): Promise<SubdomainClients> {
  const { actor } = target;
  const [network, workload] = await Promise.all(
    [target.networkAccountId, target.workloadAccountId].map(accountId =>
      factory.createClient(Route53Client, {
        accountId,
        region: ROUTE53_REGION,
        ...(actor ? { actor } : {}),
      }),
    ),
  );
  return { network, workload };
}
