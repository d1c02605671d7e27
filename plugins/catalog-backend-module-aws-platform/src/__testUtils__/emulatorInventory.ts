import {
  BackupClient,
  paginateListBackupPlans,
  paginateListBackupVaults,
} from '@aws-sdk/client-backup';
import { EKSClient, paginateListClusters } from '@aws-sdk/client-eks';
import {
  OrganizationsClient,
  paginateListAccounts,
} from '@aws-sdk/client-organizations';
import {
  paginateListHostedZones,
  Route53Client,
} from '@aws-sdk/client-route-53';
import {
  AwsClientFactory,
  collectPages,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';

/** AWS resources by the entity type that stands for them. */
export type Inventory = Record<string, number>;

/**
 * Counts, on the emulator, the AWS resources the ingestion turns into
 * entities: the organization's accounts, and in every active account its
 * hosted zones and, in `region`, its EKS clusters, backup vaults and plans.
 * The fault matrix compares these with the catalog's entities to measure
 * duplicates rather than assume there are none.
 */
export async function countEmulatorResources(
  clientFactory: AwsClientFactory,
  region: string,
): Promise<Inventory> {
  const organizations = await clientFactory.createClient(OrganizationsClient, {
    region,
  });
  const accounts = await collectPages(
    paginateListAccounts({ client: organizations }, {}),
    page => page.Accounts,
  );
  const active = accounts.filter(a => a.Status === 'ACTIVE').map(a => a.Id!);
  const inventory: Inventory = {
    'aws-account': accounts.length,
    'dns-zone': 0,
    'kubernetes-cluster': 0,
    'aws-backup-vault': 0,
    'aws-backup-plan': 0,
  };
  for (const accountId of active) {
    const target = { accountId, region };
    const [route53, eks, backup] = await Promise.all([
      clientFactory.createClient(Route53Client, target),
      clientFactory.createClient(EKSClient, target),
      clientFactory.createClient(BackupClient, target),
    ]);
    inventory['dns-zone'] += (
      await collectPages(
        paginateListHostedZones({ client: route53 }, {}),
        page => page.HostedZones,
      )
    ).length;
    inventory['kubernetes-cluster'] += (
      await collectPages(
        paginateListClusters({ client: eks }, {}),
        page => page.clusters,
      )
    ).length;
    inventory['aws-backup-vault'] += (
      await collectPages(
        paginateListBackupVaults({ client: backup }, {}),
        page => page.BackupVaultList,
      )
    ).length;
    inventory['aws-backup-plan'] += (
      await collectPages(
        paginateListBackupPlans({ client: backup }, {}),
        page => page.BackupPlansList,
      )
    ).length;
  }
  return inventory;
}

/**
 * Entities beyond one per AWS resource, by type: what a run would add if it
 * emitted a resource twice (e.g. under a second name).
 */
export function countDuplicates(
  entityTypes: readonly string[],
  resources: Inventory,
): number {
  const entities = new Map<string, number>();
  for (const type of entityTypes) {
    entities.set(type, (entities.get(type) ?? 0) + 1);
  }
  let duplicates = 0;
  for (const [type, count] of Object.entries(resources)) {
    duplicates += Math.max(0, (entities.get(type) ?? 0) - count);
  }
  return duplicates;
}
