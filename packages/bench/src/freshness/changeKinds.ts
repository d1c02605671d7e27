/**
 * The changes the benchmark makes, one kind per function: each makes the
 * change in moto (straight, not through the counting proxy: it is not the
 * event path's call) and returns the messages EventBridge would write to
 * the queue for it, and the entity state the catalog must then hold. The
 * messages are the plugin's documented CloudTrail fixtures, made in the
 * changed account with the request's names.
 */
import {
  CreateOrganizationalUnitCommand,
  MoveAccountCommand,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import {
  backupCreateBackupPlan,
  eksCreateCluster,
  madeIn,
  organizationsCreateOu,
  organizationsMoveAccount,
  organizationsTagAccount,
  route53ChangeNsRecord,
  route53CreateHostedZone,
} from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/events/__fixtures__/cloudTrailEvents.ts';
import { OWNER_TAG, PLATFORM_TEAM, VAULT_NAME } from '@internal/local-aws';
import type { LargeEstate, SeededAccount } from '@internal/local-aws';
import type { AccountClients } from '@internal/local-aws/src/seed/accountClients.ts';
import { createPlan } from '@internal/local-aws/src/seed/backup.ts';
import {
  createPublicZone,
  delegateSubdomain,
} from '@internal/local-aws/src/seed/dns.ts';
import { createFlightdeckCluster } from '@internal/local-aws/src/seed/flightdeckCluster.ts';
import { LARGE_CLUSTER_VERSIONS } from '@internal/local-aws/src/seed/largeEstate.ts';
import type { EntityMatch } from './protocol.ts';

export const CHANGE_KINDS = [
  'zone',
  'eks',
  'backup',
  'account-tag',
  'account-move',
  'ou-created',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What the change kinds reach in moto. */
export type ChangeContext = {
  estate: LargeEstate;
  region: string;
  /** Clients acting in an account (its role assumed, as the seeders do). */
  clientsOf(accountId: string): Promise<AccountClients>;
  organizations: OrganizationsClient;
};

/** One change made: the queue's messages for it, and the state to wait for. */
export type MadeChange = {
  events: Record<string, unknown>[];
  expected: EntityMatch;
};

const ROUTE53_REGION = 'us-east-1';

/**
 * A zone created in a workload account, delegated from the root zone in
 * Network: two calls in two accounts, so two events, as AWS would send.
 */
async function zoneChange(
  ctx: ChangeContext,
  account: SeededAccount,
  label: string,
): Promise<MadeChange> {
  const { network, rootZone } = ctx.estate;
  const name = `${label}-${account.name}.${rootZone.name}`;
  const zone = await createPublicZone(
    (
      await ctx.clientsOf(account.id)
    ).route53,
    account.id,
    name,
    { [OWNER_TAG]: PLATFORM_TEAM },
  );
  await delegateSubdomain(
    (
      await ctx.clientsOf(network.id)
    ).route53,
    rootZone.id,
    name,
    zone.nameServers,
  );
  const ns = {
    action: 'UPSERT',
    resourceRecordSet: {
      name: `${name}.`,
      type: 'NS',
      tTL: 3600,
      resourceRecords: zone.nameServers.map(value => ({ value })),
    },
  };
  return {
    events: [
      madeIn(route53CreateHostedZone, account.id, ROUTE53_REGION, {
        requestParameters: { name, callerReference: `local-aws/${name}` },
        // CreateHostedZone answers with the new zone's id.
        responseElements: {
          hostedZone: { id: `/hostedzone/${zone.id}`, name: `${name}.` },
        },
      }),
      madeIn(route53ChangeNsRecord, network.id, ROUTE53_REGION, {
        requestParameters: {
          hostedZoneId: rootZone.id,
          changeBatch: { changes: [ns] },
        },
      }),
    ],
    // Judged against Network's NS records: the delegation matches.
    expected: { type: 'dns-zone', title: name, includes: ['"in-sync"'] },
  };
}

/** A Flightdeck cluster created (cluster, node group, SSM markers). */
async function eksChange(
  ctx: ChangeContext,
  account: SeededAccount,
  label: string,
): Promise<MadeChange> {
  const clients = await ctx.clientsOf(account.id);
  const name = `${label}-${account.name}`;
  const version = LARGE_CLUSTER_VERSIONS[0];
  await createFlightdeckCluster(
    clients.eks(ctx.region),
    clients.ssm(ctx.region),
    {
      name,
      version,
      accountId: account.id,
      region: ctx.region,
      owner: PLATFORM_TEAM,
      module: `cluster/${name}`,
    },
  );
  return {
    events: [
      madeIn(eksCreateCluster, account.id, ctx.region, {
        requestParameters: { name, version },
      }),
    ],
    expected: {
      type: 'kubernetes-cluster',
      title: name,
      includes: [`"${version}"`],
    },
  };
}

/** A backup plan created into the account's vault. */
async function backupChange(
  ctx: ChangeContext,
  account: SeededAccount,
  label: string,
): Promise<MadeChange> {
  const clients = await ctx.clientsOf(account.id);
  const name = `${label}-${account.name}-plan`;
  const plan = await createPlan(clients.backup(ctx.region), {
    name,
    accountId: account.id,
    region: ctx.region,
    owner: PLATFORM_TEAM,
    vaultName: VAULT_NAME,
    copyTo: [],
  });
  return {
    events: [
      madeIn(backupCreateBackupPlan, account.id, ctx.region, {
        requestParameters: { backupPlan: { backupPlanName: name } },
        // What AWS answers with, which names the plan to read.
        responseElements: { backupPlanId: plan.id, backupPlanArn: plan.arn },
      }),
    ],
    // The plan's title names its account and Region.
    expected: {
      type: 'aws-backup-plan',
      title: `${name} (${account.name}, ${ctx.region})`,
      includes: [],
    },
  };
}

/** The account's owner tag changed, in the management account. */
async function accountTagChange(
  ctx: ChangeContext,
  account: SeededAccount,
  label: string,
): Promise<MadeChange> {
  const owner = `team-${label}`;
  const tags = [{ Key: OWNER_TAG, Value: owner }];
  await ctx.organizations.send(
    new TagResourceCommand({ ResourceId: account.id, Tags: tags }),
  );
  return {
    events: [
      madeIn(
        organizationsTagAccount,
        ctx.estate.managementAccountId,
        'us-east-1',
        {
          requestParameters: {
            resourceId: account.id,
            tags: [{ key: OWNER_TAG, value: owner }],
          },
        },
      ),
    ],
    expected: {
      type: 'aws-account',
      title: account.name,
      // The tag names a group: the owner is its ref.
      includes: [`"owner":"group:default/${owner}"`],
    },
  };
}

/**
 * The account moved from the Workloads OU to Shared, in the management
 * account: neither OU's name says a role, so the event path places it.
 */
async function accountMoveChange(
  ctx: ChangeContext,
  account: SeededAccount,
): Promise<MadeChange> {
  const move = {
    AccountId: account.id,
    SourceParentId: ctx.estate.ous.Workloads,
    DestinationParentId: ctx.estate.ous.Shared,
  };
  await ctx.organizations.send(new MoveAccountCommand(move));
  return {
    events: [
      madeIn(
        organizationsMoveAccount,
        ctx.estate.managementAccountId,
        'us-east-1',
        {
          requestParameters: {
            accountId: move.AccountId,
            sourceParentId: move.SourceParentId,
            destinationParentId: move.DestinationParentId,
          },
        },
      ),
    ],
    expected: {
      type: 'aws-account',
      title: account.name,
      includes: [`"aws-platform-suite.github.io/ou-path":"Root/Shared"`],
    },
  };
}

/**
 * An OU created under the root, in the management account: a change to the
 * organization itself, which only the full refresh reads.
 */
async function ouCreatedChange(
  ctx: ChangeContext,
  _account: SeededAccount,
  label: string,
): Promise<MadeChange> {
  const request = { ParentId: ctx.estate.rootId, Name: `Bench ${label}` };
  const { OrganizationalUnit } = await ctx.organizations.send(
    new CreateOrganizationalUnitCommand(request),
  );
  return {
    events: [
      madeIn(
        organizationsCreateOu,
        ctx.estate.managementAccountId,
        'us-east-1',
        {
          requestParameters: { parentId: request.ParentId, name: request.Name },
          responseElements: {
            organizationalUnit: {
              arn: OrganizationalUnit?.Arn,
              id: OrganizationalUnit?.Id,
              name: request.Name,
            },
          },
        },
      ),
    ],
    expected: {
      type: 'aws-organizational-unit',
      title: request.Name,
      includes: [],
    },
  };
}

/** Makes one change of `kind` in `account`; `label` keeps its names unique. */
export function makeChange(
  kind: ChangeKind,
  ctx: ChangeContext,
  account: SeededAccount,
  label: string,
): Promise<MadeChange> {
  const make = {
    zone: zoneChange,
    eks: eksChange,
    backup: backupChange,
    'account-tag': accountTagChange,
    'account-move': accountMoveChange,
    'ou-created': ouCreatedChange,
  }[kind];
  return make(ctx, account, label);
}
