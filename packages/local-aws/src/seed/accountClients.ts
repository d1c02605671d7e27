import { BackupClient } from '@aws-sdk/client-backup';
import { ECRClient } from '@aws-sdk/client-ecr';
import { EKSClient } from '@aws-sdk/client-eks';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SSMClient } from '@aws-sdk/client-ssm';
import { clientOptions } from './awsSession.ts';
import type { AwsSession } from './awsSession.ts';

/** SDK clients acting inside one account; regional ones per region. */
export type AccountClients = {
  accountId: string;
  /** Route 53 is global: one client regardless of region. */
  route53: Route53Client;
  eks(region?: string): EKSClient;
  ssm(region?: string): SSMClient;
  backup(region?: string): BackupClient;
  ecr(region?: string): ECRClient;
};

/** Builds (and caches) the clients for an account's session. */
export function accountClients(
  session: AwsSession,
  accountId: string,
): AccountClients {
  const cache = new Map<string, unknown>();
  // One client per service and region: clients hold connection pools.
  function regional<T>(
    service: string,
    make: (options: ReturnType<typeof clientOptions>) => T,
  ) {
    return (region = session.region): T => {
      const key = `${service}/${region}`;
      if (!cache.has(key)) cache.set(key, make(clientOptions(session, region)));
      return cache.get(key) as T;
    };
  }
  return {
    accountId,
    route53: new Route53Client(clientOptions(session)),
    eks: regional('eks', o => new EKSClient(o)),
    ssm: regional('ssm', o => new SSMClient(o)),
    backup: regional('backup', o => new BackupClient(o)),
    ecr: regional('ecr', o => new ECRClient(o)),
  };
}
