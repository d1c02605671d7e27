import type { AwsSession } from './awsSession.ts';
import { APP_DEVELOPERS, PLATFORM_TEAM } from './conventions.ts';
import type { RoleId } from './conventions.ts';
import { seedIdentityCenterSpec } from './identityCenterSeeder.ts';

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
  const ids = await seedIdentityCenterSpec(identity, {
    users: IDENTITY_CENTER_USERS,
    groups: IDENTITY_CENTER_GROUPS,
    permissionSets: PERMISSION_SETS,
    assignments: IDENTITY_CENTER_ASSIGNMENTS.map(assignment => ({
      ...assignment,
      accountId: accountIds[assignment.account],
    })),
  });
  return {
    accountId: accountIds.identity,
    instanceArn: ids.instanceArn,
    identityStoreId: ids.identityStoreId,
    permissionSetArns: ids.permissionSetArns as Record<
      PermissionSetName,
      string
    >,
    userIds: ids.userIds,
    groupIds: ids.groupIds,
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
