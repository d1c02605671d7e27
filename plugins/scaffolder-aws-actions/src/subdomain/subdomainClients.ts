import { Route53Client } from '@aws-sdk/client-route-53';
import type { AwsClientFactory } from '@internal/backstage-plugin-aws-platform-node';
import type { SubdomainClients } from './readSubdomainState';

/** Route 53 is global; its API is signed for us-east-1. */
const ROUTE53_REGION = 'us-east-1';

/**
 * The Network and workload account clients of one request. They act for the
 * user who started the task when there is one, so CloudTrail names them on
 * every change.
 */
export async function subdomainClients(
  factory: AwsClientFactory,
  target: {
    networkAccountId: string;
    workloadAccountId: string;
    userEntityRef?: string;
  },
): Promise<SubdomainClients> {
  const actor = target.userEntityRef
    ? { userEntityRef: target.userEntityRef }
    : undefined;
  const [network, workload] = await Promise.all(
    [target.networkAccountId, target.workloadAccountId].map(accountId =>
      factory.createClient(Route53Client, {
        accountId,
        region: ROUTE53_REGION,
        ...(actor && { actor }),
      }),
    ),
  );
  return { network, workload };
}
