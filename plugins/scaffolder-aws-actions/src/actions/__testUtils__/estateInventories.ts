import {
  BackupClient,
  paginateListBackupPlans,
  paginateListBackupSelections,
} from '@aws-sdk/client-backup';
import { ECRClient, paginateDescribeRepositories } from '@aws-sdk/client-ecr';
import { IAMClient, paginateListRoles } from '@aws-sdk/client-iam';
import {
  ListResourceRecordSetsCommand,
  paginateListHostedZones,
  Route53Client,
} from '@aws-sdk/client-route-53';
import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import type {
  AwsClientClass,
  SdkClientLike,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { LocalEstate } from '@internal/local-aws';
import type { Inventory, InventoryItem } from './faultMatrix';
import { estateClientFactory } from './estateClientFactory';

// What each action's fault matrix counts before and after a row
// (faultMatrix.startMeasure): every resource of the kinds the action
// creates, in every account and zone it changes, listed from the emulator
// with the backend's own read credentials.

function clientIn<TClient extends SdkClientLike>(
  ClientClass: AwsClientClass<TClient>,
  accountId: string,
  region: string,
): Promise<TClient> {
  return estateClientFactory().createClient(ClientClass, {
    accountId,
    region,
  });
}

/** Every record set of a zone; Route 53 pages by name and type. */
async function recordSets(
  route53: Route53Client,
  zoneId: string,
): Promise<ResourceRecordSet[]> {
  const all: ResourceRecordSet[] = [];
  let next: { name?: string; type?: string } = {};
  for (;;) {
    const page = await route53.send(
      new ListResourceRecordSetsCommand({
        HostedZoneId: zoneId,
        StartRecordName: next.name,
        StartRecordType: next.type as any,
      }),
    );
    all.push(...(page.ResourceRecordSets ?? []));
    if (!page.IsTruncated) return all;
    next = { name: page.NextRecordName, type: page.NextRecordType };
  }
}

function recordItems(
  zone: string,
  sets: ResourceRecordSet[],
  only?: string,
): InventoryItem[] {
  const seen = new Map<string, number>();
  return sets
    .filter(set => !only || set.Type === only)
    .map(set => {
      const name = `${zone} ${set.Name} ${set.Type} ${set.SetIdentifier ?? ''}`;
      // Route 53 has no id for a record set: a second copy of a name is
      // told apart by its count.
      const copy = seen.get(name) ?? 0;
      seen.set(name, copy + 1);
      return { id: `${name} #${copy}`, name };
    });
}

/**
 * route53:subdomain:create: the hosted zones of the Sandbox account and the
 * NS record sets of the root zone in Network.
 */
export function subdomainInventory(local: LocalEstate): Inventory {
  return async () => {
    const { sandbox, network } = local.estate.accounts;
    const [sandboxRoute53, networkRoute53] = await Promise.all([
      clientIn(Route53Client, sandbox.id, 'us-east-1'),
      clientIn(Route53Client, network.id, 'us-east-1'),
    ]);
    const zones: InventoryItem[] = [];
    for await (const page of paginateListHostedZones(
      { client: sandboxRoute53 },
      {},
    )) {
      for (const zone of page.HostedZones ?? []) {
        zones.push({ id: zone.Id!, name: `zone ${zone.Name}` });
      }
    }
    const rootZone = local.estate.zones.root.id;
    const nsSets = recordItems(
      'root',
      await recordSets(networkRoute53, rootZone),
      'NS',
    );
    return [...zones, ...nsSets];
  };
}

/** backup:plan:create: the backup plans of the Sandbox account and their selections. */
export function backupPlanInventory(local: LocalEstate): Inventory {
  return async () => {
    const backup = await clientIn(
      BackupClient,
      local.estate.accounts.sandbox.id,
      local.estate.region,
    );
    const items: InventoryItem[] = [];
    for await (const page of paginateListBackupPlans({ client: backup }, {})) {
      for (const plan of page.BackupPlansList ?? []) {
        items.push({
          id: plan.BackupPlanId!,
          name: `plan ${plan.BackupPlanName}`,
        });
        for await (const selections of paginateListBackupSelections(
          { client: backup },
          { BackupPlanId: plan.BackupPlanId },
        )) {
          for (const selection of selections.BackupSelectionsList ?? []) {
            items.push({
              id: selection.SelectionId!,
              name: `selection ${plan.BackupPlanName} ${selection.SelectionName}`,
            });
          }
        }
      }
    }
    return items;
  };
}

async function roleItems(
  accountId: string,
  region: string,
): Promise<InventoryItem[]> {
  const iam = await clientIn(IAMClient, accountId, region);
  const items: InventoryItem[] = [];
  for await (const page of paginateListRoles({ client: iam }, {})) {
    for (const role of page.Roles ?? []) {
      items.push({
        id: role.RoleId!,
        name: `role ${accountId} ${role.RoleName}`,
      });
    }
  }
  return items;
}

/**
 * flightdeck:workload:create: the ECR repositories and IAM roles of
 * Operations, the IAM roles of Sandbox and Production, and every record set
 * of the two stage zones.
 */
export function workloadInventory(local: LocalEstate): Inventory {
  return async () => {
    const { region, accounts, zones } = local.estate;
    const ecr = await clientIn(ECRClient, accounts.operations.id, region);
    const repositories: InventoryItem[] = [];
    for await (const page of paginateDescribeRepositories(
      { client: ecr },
      {},
    )) {
      for (const repository of page.repositories ?? []) {
        repositories.push({
          id: repository.repositoryArn!,
          name: `repository ${repository.repositoryName}`,
        });
      }
    }
    const roles = await Promise.all(
      [accounts.operations, accounts.sandbox, accounts.production].map(a =>
        roleItems(a.id, region),
      ),
    );
    const records = await Promise.all(
      [
        [accounts.sandbox.id, zones.sandbox.id],
        [accounts.production.id, zones.production.id],
      ].map(async ([accountId, zoneId]) =>
        recordItems(
          zoneId,
          await recordSets(
            await clientIn(Route53Client, accountId, region),
            zoneId,
          ),
        ),
      ),
    );
    return [...repositories, ...roles.flat(), ...records.flat()];
  };
}
