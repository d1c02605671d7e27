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

/** One account assignment, with the account already resolved to its id. */
export type ResolvedAssignment = {
  accountId: string;
  permissionSet: string;
  principalType: 'GROUP' | 'USER';
  /** A group's display name or a user's user name. */
  principal: string;
};

/** What to create in an Identity Center instance. */
export type IdentityCenterSpec = {
  /** User name → display name (`Given Family`). */
  users: Record<string, string>;
  /** Group display name → its members' user names. */
  groups: Record<string, readonly string[]>;
  permissionSets: readonly string[];
  assignments: readonly ResolvedAssignment[];
};

/** The ids of what {@link seedIdentityCenterSpec} created. */
export type SeededIdentityCenterIds = {
  instanceArn: string;
  identityStoreId: string;
  permissionSetArns: Record<string, string>;
  userIds: Record<string, string>;
  groupIds: Record<string, string>;
};

/**
 * Seeds the instance ListInstances answers with in the session's account:
 * users, groups and memberships in its Identity Store, the permission sets,
 * the account assignments, and provisioning of each set that is assigned
 * (AWS provisions a set when it is first assigned; moto does not).
 */
export async function seedIdentityCenterSpec(
  session: AwsSession,
  spec: IdentityCenterSpec,
): Promise<SeededIdentityCenterIds> {
  const ssoAdmin = new SSOAdminClient(clientOptions(session));
  const store = new IdentitystoreClient(clientOptions(session));
  const instance = (await ssoAdmin.send(new ListInstancesCommand({})))
    .Instances?.[0];
  if (!instance?.InstanceArn || !instance.IdentityStoreId) {
    throw new Error('ListInstances returned no Identity Center instance');
  }
  const instanceArn = instance.InstanceArn;
  const identityStoreId = instance.IdentityStoreId;
  const userIds = await createUsers(store, identityStoreId, spec.users);
  const groupIds = await createGroups(store, identityStoreId, {
    groups: spec.groups,
    userIds,
  });
  const permissionSetArns = await createPermissionSets(
    ssoAdmin,
    instanceArn,
    spec.permissionSets,
  );
  for (const assignment of spec.assignments) {
    await ssoAdmin.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: instanceArn,
        TargetId: assignment.accountId,
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
  const assigned = new Set(spec.assignments.map(a => a.permissionSet));
  for (const name of spec.permissionSets.filter(n => assigned.has(n))) {
    await ssoAdmin.send(
      new ProvisionPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: permissionSetArns[name],
        TargetType: 'ALL_PROVISIONED_ACCOUNTS',
      }),
    );
  }
  return { instanceArn, identityStoreId, permissionSetArns, userIds, groupIds };
}

async function createUsers(
  store: IdentitystoreClient,
  identityStoreId: string,
  users: Record<string, string>,
): Promise<Record<string, string>> {
  const userIds: Record<string, string> = {};
  for (const [userName, displayName] of Object.entries(users)) {
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
  return userIds;
}

async function createGroups(
  store: IdentitystoreClient,
  identityStoreId: string,
  request: {
    groups: Record<string, readonly string[]>;
    userIds: Record<string, string>;
  },
): Promise<Record<string, string>> {
  const groupIds: Record<string, string> = {};
  for (const [displayName, members] of Object.entries(request.groups)) {
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
          MemberId: { UserId: request.userIds[member] },
        }),
      );
    }
  }
  return groupIds;
}

async function createPermissionSets(
  ssoAdmin: SSOAdminClient,
  instanceArn: string,
  names: readonly string[],
): Promise<Record<string, string>> {
  const arns: Record<string, string> = {};
  for (const name of names) {
    const out = await ssoAdmin.send(
      new CreatePermissionSetCommand({
        InstanceArn: instanceArn,
        Name: name,
        Description: `${name} (seeded)`,
        SessionDuration: 'PT8H',
      }),
    );
    arns[name] = out.PermissionSet!.PermissionSetArn!;
  }
  return arns;
}
