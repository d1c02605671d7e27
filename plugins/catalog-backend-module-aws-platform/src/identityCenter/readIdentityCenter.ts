import {
  IdentitystoreClient,
  paginateListGroupMemberships,
  paginateListGroups,
  paginateListUsers,
} from '@aws-sdk/client-identitystore';
import {
  DescribePermissionSetCommand,
  paginateListAccountAssignments,
  paginateListAccountsForProvisionedPermissionSet,
  paginateListInstances,
  paginateListPermissionSets,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { InstanceMetadata } from '@aws-sdk/client-sso-admin';
import { NotFoundError } from '@backstage/errors';
import {
  collectPages,
  mapAllOrThrow,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type {
  AccountAssignmentRecord,
  IdentityCenterGroupRecord,
  IdentityCenterSnapshot,
  IdentityCenterUserRecord,
  PermissionSetRecord,
} from './types';

/** The largest page SSO Admin and the Identity Store serve. */
const PAGE_SIZE = 100;

/** The clients of one account, and how to make them. */
export interface IdentityCenterClients {
  ssoAdmin(accountId: string): Promise<SSOAdminClient>;
  identityStore(accountId: string): Promise<IdentitystoreClient>;
}

/**
 * The Identity Center instance and the account it is read from: the first
 * candidate account (the configured one, else the delegated administrator,
 * else management) whose ListInstances answers with an instance, or with
 * the configured instance.
 */
export async function findInstance(
  clients: IdentityCenterClients,
  options: { candidateAccountIds: string[]; instanceArn?: string },
): Promise<{ accountId: string; instance: InstanceMetadata }> {
  for (const accountId of options.candidateAccountIds) {
    const client = await clients.ssoAdmin(accountId);
    const instances = await collectPages(
      paginateListInstances({ client, pageSize: PAGE_SIZE }, {}),
      page => page.Instances,
    );
    const instance = instances.find(i =>
      options.instanceArn
        ? i.InstanceArn === options.instanceArn
        : i.InstanceArn && i.IdentityStoreId,
    );
    if (instance) return { accountId, instance };
  }
  throw new NotFoundError(
    `No Identity Center instance${
      options.instanceArn ? ` ${options.instanceArn}` : ''
    } in accounts ${options.candidateAccountIds.join(', ')}`,
  );
}

/**
 * Reads Identity Center from the account holding the instance: users,
 * groups and memberships from the Identity Store; permission sets, the
 * accounts each is provisioned to, and each provisioned set's assignments
 * in every given account (ListAccountAssignments needs both the account and
 * the set; a set provisioned nowhere has no assignments). Every list is
 * paged. Any failure throws: the caller keeps the last good entities.
 */
export async function readIdentityCenter(
  clients: IdentityCenterClients,
  options: {
    candidateAccountIds: string[];
    instanceArn?: string;
    /** The accounts whose assignments are read. */
    accountIds: string[];
    concurrency: number;
  },
): Promise<IdentityCenterSnapshot> {
  const { accountId, instance } = await findInstance(clients, options);
  const instanceArn = instance.InstanceArn!;
  const identityStoreId = instance.IdentityStoreId!;
  const [ssoAdmin, store] = await Promise.all([
    clients.ssoAdmin(accountId),
    clients.identityStore(accountId),
  ]);
  const [users, groups, permissionSets] = await Promise.all([
    readUsers(store, identityStoreId),
    readGroups(store, identityStoreId, options.concurrency),
    readPermissionSets(ssoAdmin, instanceArn, options),
  ]);
  return {
    accountId,
    instanceArn,
    identityStoreId,
    users,
    groups,
    permissionSets,
  };
}

async function readUsers(
  client: IdentitystoreClient,
  identityStoreId: string,
): Promise<IdentityCenterUserRecord[]> {
  const users = await collectPages(
    paginateListUsers(
      { client, pageSize: PAGE_SIZE },
      { IdentityStoreId: identityStoreId },
    ),
    page => page.Users,
  );
  return users.map(user => ({
    id: user.UserId!,
    userName: user.UserName ?? user.UserId!,
    displayName: user.DisplayName,
    email: (user.Emails?.find(e => e.Primary) ?? user.Emails?.[0])?.Value,
  }));
}

async function readGroups(
  client: IdentitystoreClient,
  identityStoreId: string,
  concurrency: number,
): Promise<IdentityCenterGroupRecord[]> {
  const groups = await collectPages(
    paginateListGroups(
      { client, pageSize: PAGE_SIZE },
      { IdentityStoreId: identityStoreId },
    ),
    page => page.Groups,
  );
  return mapAllOrThrow(groups, concurrency, async group => {
    const memberships = await collectPages(
      paginateListGroupMemberships(
        { client, pageSize: PAGE_SIZE },
        { IdentityStoreId: identityStoreId, GroupId: group.GroupId },
      ),
      page => page.GroupMemberships,
    );
    return {
      id: group.GroupId!,
      displayName: group.DisplayName ?? group.GroupId!,
      description: group.Description,
      memberUserIds: memberships.flatMap(m =>
        m.MemberId && 'UserId' in m.MemberId && m.MemberId.UserId
          ? [m.MemberId.UserId]
          : [],
      ),
    };
  });
}

async function readPermissionSets(
  client: SSOAdminClient,
  instanceArn: string,
  options: { accountIds: string[]; concurrency: number },
): Promise<PermissionSetRecord[]> {
  const arns = await collectPages(
    paginateListPermissionSets(
      { client, pageSize: PAGE_SIZE },
      { InstanceArn: instanceArn },
    ),
    page => page.PermissionSets,
  );
  return mapAllOrThrow(arns, options.concurrency, async arn => {
    const { PermissionSet: set } = await client.send(
      new DescribePermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: arn,
      }),
    );
    const provisionedAccountIds = await collectPages(
      paginateListAccountsForProvisionedPermissionSet(
        { client, pageSize: PAGE_SIZE },
        { InstanceArn: instanceArn, PermissionSetArn: arn },
      ),
      page => page.AccountIds,
    );
    const assignments =
      provisionedAccountIds.length === 0
        ? []
        : await readAssignments(client, instanceArn, arn, options);
    return {
      arn,
      name: set?.Name ?? arn,
      description: set?.Description,
      sessionDuration: set?.SessionDuration,
      provisionedAccountIds,
      assignments,
    };
  });
}

async function readAssignments(
  client: SSOAdminClient,
  instanceArn: string,
  permissionSetArn: string,
  options: { accountIds: string[]; concurrency: number },
): Promise<AccountAssignmentRecord[]> {
  const perAccount = await mapAllOrThrow(
    options.accountIds,
    options.concurrency,
    accountId =>
      collectPages(
        paginateListAccountAssignments(
          { client, pageSize: PAGE_SIZE },
          {
            InstanceArn: instanceArn,
            AccountId: accountId,
            PermissionSetArn: permissionSetArn,
          },
        ),
        page => page.AccountAssignments,
      ),
  );
  return perAccount.flat().flatMap(a =>
    a.AccountId &&
    a.PrincipalId &&
    (a.PrincipalType === 'GROUP' || a.PrincipalType === 'USER')
      ? [
          {
            accountId: a.AccountId,
            principalType: a.PrincipalType,
            principalId: a.PrincipalId,
          },
        ]
      : [],
  );
}
