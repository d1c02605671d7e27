import { BackupClient } from '@aws-sdk/client-backup';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { EKSClient } from '@aws-sdk/client-eks';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { ROUTE53_REGION } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { readBackup } from '../backup/readBackup';
import type { PlanRecord, VaultRecord } from '../backup/types';
import { readHostedZones } from '../dns/readHostedZones';
import {
  createHostedZoneReader,
  HostedZoneReader,
} from '../dns/readHostedZone';
import type { HostedZoneRecord } from '../dns/types';
import { readRepositories } from '../ecr/readRepositories';
import type { RepositoryRecord } from '../ecr/types';
import { readClusters } from '../eks/readClusters';
import type { ClusterRecord } from '../eks/types';
import { readEnabledRegions } from '../regions/readEnabledRegions';
import { createIdentityCenterReader } from '../identityCenter/createIdentityCenterReader';
import type { ReadIdentityCenter } from '../identityCenter/identityCenterScope';

/** Reads one scope of each service; the AWS I/O layer behind the ingestion. */
export interface ResourceReaders {
  route53(accountId: string): Promise<HostedZoneRecord[]>;
  /**
   * One zone at a time, for the zones events name; without it, events
   * re-read whole accounts.
   */
  hostedZone?(accountId: string): Promise<HostedZoneReader>;
  /** Every cluster of the account and region, or only `names` (an event's). */
  eks(
    accountId: string,
    region: string,
    names?: readonly string[],
  ): Promise<ClusterRecord[]>;
  /** Every vault and plan of the account and region, or only the `plans` named (ids, an event's). */
  backup(
    accountId: string,
    region: string,
    plans?: readonly string[],
  ): Promise<{ vaults: VaultRecord[]; plans: PlanRecord[] }>;
  /**
   * The ECR repositories with their policies: evidence of which account
   * holds the images others pull (the guide's Operations), no entities.
   */
  ecr(accountId: string, region: string): Promise<RepositoryRecord[]>;
  /**
   * The regions the account has enabled, asked in `region` (the
   * organization's, so in its partition). Needed when no regions are
   * configured.
   */
  regions?(accountId: string, region: string): Promise<string[]>;
  /** Identity Center, read when `identityCenter` is enabled in config. */
  identityCenter?: ReadIdentityCenter;
}

/** Readers whose clients come from the suite's client factory (role per account). */
export function createResourceReaders(
  clientFactory: AwsClientFactory,
): ResourceReaders {
  return {
    async route53(accountId) {
      return readHostedZones(
        await clientFactory.createClient(Route53Client, {
          accountId,
          region: ROUTE53_REGION,
        }),
      );
    },
    async hostedZone(accountId) {
      return createHostedZoneReader(
        await clientFactory.createClient(Route53Client, {
          accountId,
          region: ROUTE53_REGION,
        }),
      );
    },
    async eks(accountId, region, names) {
      const [eks, ssm] = await Promise.all([
        clientFactory.createClient(EKSClient, { accountId, region }),
        clientFactory.createClient(SSMClient, { accountId, region }),
      ]);
      return readClusters(eks, ssm, { names });
    },
    async backup(accountId, region, plans) {
      return readBackup(
        await clientFactory.createClient(BackupClient, { accountId, region }),
        { accountId, region },
        { plans },
      );
    },
    async ecr(accountId, region) {
      return readRepositories(
        await clientFactory.createClient(ECRClient, { accountId, region }),
        { accountId, region },
      );
    },
    async regions(accountId, region) {
      return readEnabledRegions(
        await clientFactory.createClient(EC2Client, { accountId, region }),
      );
    },
    identityCenter: createIdentityCenterReader(clientFactory),
  };
}

/** What a scope of each service reads. */
export type ScopeData = {
  [S in Exclude<
    keyof ResourceReaders,
    'regions' | 'identityCenter' | 'hostedZone'
  >]: Awaited<ReturnType<ResourceReaders[S]>>;
};
