import { ECRClient } from '@aws-sdk/client-ecr';
import { EKSClient } from '@aws-sdk/client-eks';
import { IAMClient } from '@aws-sdk/client-iam';
import { Route53Client } from '@aws-sdk/client-route-53';
import type {
  AwsActor,
  AwsClientFactory,
  SdkClientLike,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';

/** Route 53 is global; its API is signed for us-east-1. */
const ROUTE53_REGION = 'us-east-1';

/** The SDK clients the workload action uses, one per account, service and region. */
export interface WorkloadClients {
  ecr(accountId: string, region: string): Promise<ECRClient>;
  iam(accountId: string, region: string): Promise<IAMClient>;
  eks(accountId: string, region: string): Promise<EKSClient>;
  route53(accountId: string): Promise<Route53Client>;
}

/**
 * Builds clients through the suite's factory (credentials, retries, rate
 * limits) and reuses them. Clients for writes get the `actor`: a session
 * named after the user, so CloudTrail attributes the run's changes to them.
 */
export function workloadClients(
  factory: AwsClientFactory,
  actor?: AwsActor,
): WorkloadClients {
  const cache = new Map<string, Promise<unknown>>();
  const client = <T extends SdkClientLike>(
    cls: new (config: any) => T,
    accountId: string,
    region: string,
  ): Promise<T> => {
    const key = `${cls.name}:${accountId}:${region}`;
    if (!cache.has(key)) {
      cache.set(
        key,
        factory.createClient(cls, {
          accountId,
          region,
          ...(actor ? { actor } : {}),
        }),
      );
    }
    return cache.get(key) as Promise<T>;
  };
  return {
    ecr: (accountId, region) => client(ECRClient, accountId, region),
    iam: (accountId, region) => client(IAMClient, accountId, region),
    eks: (accountId, region) => client(EKSClient, accountId, region),
    route53: accountId => client(Route53Client, accountId, ROUTE53_REGION),
  };
}
