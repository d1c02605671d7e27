import {
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import {
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  ProvisionPermissionSetCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { clientOptions } from './awsSession.ts';
import type { AwsSession } from './awsSession.ts';
import { APP_DEVELOPERS, PLATFORM_TEAM } from './conventions.ts';
import type { RoleId } from './conventions.ts';

/** The permission sets of the guide's examples, plus one never used. */
export const PERMISSION_SETS = [
  'AdministratorAccess',
  'DeveloperAccess',
  'ReadOnlyAccess',
  // Imperfection: created, provisioned nowhere, assigned to no one.
  'BillingAccess',
] as const;

/** A permission set name of the reference estate. */
export type PermissionSetName = (typeof PERMISSION_SETS)[number];

/** Identity Store groups, each with its members' user names. */
export const IDENTITY_CENTER_GROUPS: Record<string, readonly string[]> = {
  [PLATFORM_TEAM]: ['alice.platform', 'bob.platform'],
  [APP_DEVELOPERS]: ['carol.dev', 'dave.dev'],
  'aws-sandbox-developers': ['carol.dev', 'dave.dev', 'erin.contractor'],
  'aws-production-admins': ['alice.platform'],
  // Imperfection: assigned access, but no members.
  'aws-auditors': [],
};

/** Identity Store users: user name → display name. */
export const IDENTITY_CENTER_USERS: Record<string, string> = {
  'alice.platform': 'Alice Platform',
  'bob.platform': 'Bob Platform',
  'carol.dev': 'Carol Developer',
  'dave.dev': 'Dave Developer',
  'erin.contractor': 'Erin Contractor',
};

/** One account assignment: a group or user gets a permission set in an account. */
export type IdentityCenterAssignment = {
  account: RoleId;
  permissionSet: PermissionSetName;
  principalType: 'GROUP' | 'USER';
  /** A group's display name or a user's user name. */
  principal: string;
};

const group = (
  principal: string,
  account: RoleId,
  permissionSet: PermissionSetName,
): IdentityCenterAssignment => ({
  account,
  permissionSet,
  principalType: 'GROUP',
  principal,
});

/**
 * The guide's mapping of groups to accounts and permission sets
 * (`aws-sandbox-developers` → Sandbox = DeveloperAccess, ReadOnlyAccess),
 * with three of the four seeded problems of the access review.
 */
export const IDENTITY_CENTER_ASSIGNMENTS: readonly IdentityCenterAssignment[] =
  [
    group(PLATFORM_TEAM, 'identity', 'AdministratorAccess'),
    group(PLATFORM_TEAM, 'operations', 'AdministratorAccess'),
    group(PLATFORM_TEAM, 'network', 'AdministratorAccess'),
    group(PLATFORM_TEAM, 'sandbox', 'AdministratorAccess'),
    group(PLATFORM_TEAM, 'production', 'ReadOnlyAccess'),
    group(APP_DEVELOPERS, 'production', 'ReadOnlyAccess'),
    group('aws-sandbox-developers', 'sandbox', 'DeveloperAccess'),
    group('aws-sandbox-developers', 'sandbox', 'ReadOnlyAccess'),
    // Imperfection: administrator access in production.
    group('aws-production-admins', 'production', 'AdministratorAccess'),
    // Imperfection: a group with no members holds access.
    group('aws-auditors', 'audit', 'ReadOnlyAccess'),
    // Imperfection: a user assigned directly instead of through a group.
    {
      account: 'sandbox',
      permissionSet: 'DeveloperAccess',
      principalType: 'USER',
      principal: 'erin.contractor',
    },
  ];

/** What {@link seedIdentityCenter} created. */
export type SeededIdentityCenter = {
  /** The account holding the instance (the guide's Identity account). */
  accountId: string;
  instanceArn: string;
  identityStoreId: string;
  permissionSetArns: Record<PermissionSetName, string>;
  userIds: Record<string, string>;
  groupIds: Record<string, string>;
  assignments: readonly IdentityCenterAssignment[];
  /** The seeded problems the access review must flag, one per entry. */
  imperfections: {
    administratorInProduction: { group: string; account: RoleId };
    directUserAssignment: { user: string; account: RoleId };
    groupWithoutMembers: string;
    permissionSetProvisionedNowhere: PermissionSetName;
  };
};

/**
 * Seeds Identity Center in the Identity account, as the guide's Identity
 * account manages it as delegated administrator: users, groups and
 * memberships in the Identity Store, the permission sets, each used one
 * provisioned, and the account assignments.
 *
 * moto 5.2 refuses to register `sso.amazonaws.com` as a delegated
 * administrator and gives every account its own instance, so the
 * instance seeded here is the Identity account's own (ListInstances there
 * answers with it). moto also provisions a permission set to the caller's
 * account whatever the target, so ListAccountsForProvisionedPermissionSet
 * names the Identity account for every provisioned set.
 */
export async function seedIdentityCenter(
  identity: AwsSession,
  accountIds: Record<RoleId, string>,
): Promise<SeededIdentityCenter> {
  const ssoAdmin = new SSOAdminClient(clientOptions(identity));
  const store = new IdentitystoreClient(clientOptions(identity));
  const instance = (await ssoAdmin.send(new ListInstancesCommand({})))
    .Instances?.[0];
  if (!instance?.InstanceArn || !instance.IdentityStoreId) {
    throw new Error('ListInstances returned no Identity Center instance');
  }
  const instanceArn = instance.InstanceArn;
  const identityStoreId = instance.IdentityStoreId;

  const { userIds, groupIds } = await seedIdentityStore(store, identityStoreId);
  const permissionSetArns = await seedAccess(ssoAdmin, instanceArn, {
    accountIds,
    userIds,
    groupIds,
  });

  return {
    accountId: accountIds.identity,
    instanceArn,
    identityStoreId,
    permissionSetArns,
    userIds,
    groupIds,
    assignments: IDENTITY_CENTER_ASSIGNMENTS,
    imperfections: {
      administratorInProduction: {
        group: 'aws-production-admins',
        account: 'production',
      },
      directUserAssignment: { user: 'erin.contractor', account: 'sandbox' },
      groupWithoutMembers: 'aws-auditors',
      permissionSetProvisionedNowhere: 'BillingAccess',
    },
  };
}

/** Users, groups and memberships in the Identity Store. */
async function seedIdentityStore(
  store: IdentitystoreClient,
  identityStoreId: string,
): Promise<{
  userIds: Record<string, string>;
  groupIds: Record<string, string>;
}> {
  const userIds: Record<string, string> = {};
  for (const [userName, displayName] of Object.entries(IDENTITY_CENTER_USERS)) {
    const [givenName, familyName] = displayName.split(' ');
    const out = await store.send(
      new CreateUserCommand({
        IdentityStoreId: identityStoreId,
        UserName: userName,
        DisplayName: displayName,
        Name: { GivenName: givenName, FamilyName: familyName },
        Emails: [
          { Value: `${userName}@example.com`, Type: 'work', Primary: true },
        ],
      }),
    );
    userIds[userName] = out.UserId!;
  }

  const groupIds: Record<string, string> = {};
  for (const [displayName, members] of Object.entries(IDENTITY_CENTER_GROUPS)) {
    const out = await store.send(
      new CreateGroupCommand({
        IdentityStoreId: identityStoreId,
        DisplayName: displayName,
      }),
    );
    groupIds[displayName] = out.GroupId!;
    for (const member of members) {
      await store.send(
        new CreateGroupMembershipCommand({
          IdentityStoreId: identityStoreId,
          GroupId: out.GroupId!,
          MemberId: { UserId: userIds[member] },
        }),
      );
    }
  }

  return { userIds, groupIds };
}

/** Permission sets, account assignments, and provisioning of the sets used. */
async function seedAccess(
  ssoAdmin: SSOAdminClient,
  instanceArn: string,
  ids: {
    accountIds: Record<RoleId, string>;
    userIds: Record<string, string>;
    groupIds: Record<string, string>;
  },
): Promise<Record<PermissionSetName, string>> {
  const { accountIds, userIds, groupIds } = ids;
  const permissionSetArns = {} as Record<PermissionSetName, string>;
  for (const name of PERMISSION_SETS) {
    const out = await ssoAdmin.send(
      new CreatePermissionSetCommand({
        InstanceArn: instanceArn,
        Name: name,
        Description: `${name} (the guide's permission set)`,
        SessionDuration: 'PT8H',
      }),
    );
    permissionSetArns[name] = out.PermissionSet!.PermissionSetArn!;
  }

  for (const assignment of IDENTITY_CENTER_ASSIGNMENTS) {
    await ssoAdmin.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: instanceArn,
        TargetId: accountIds[assignment.account],
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: permissionSetArns[assignment.permissionSet],
        PrincipalType: assignment.principalType,
        PrincipalId:
          assignment.principalType === 'GROUP'
            ? groupIds[assignment.principal]
            : userIds[assignment.principal],
      }),
    );
  }
  // AWS provisions a set when it is first assigned; moto does not.
  const assigned = new Set(
    IDENTITY_CENTER_ASSIGNMENTS.map(a => a.permissionSet),
  );
  for (const name of PERMISSION_SETS.filter(n => assigned.has(n))) {
    await ssoAdmin.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: permissionSetArns[name],
        TargetType: 'ALL_PROVISIONED_ACCOUNTS',
      }),
    );
  }

  return permissionSetArns;
}
