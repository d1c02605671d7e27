import {
  IdentitystoreClient,
  ListGroupMembershipsCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-identitystore';
import {
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListInstancesCommand,
  ListPermissionSetsCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { startLocalAws } from '../emulator.ts';
import type { LocalAws } from '../emulator.ts';
import { clientOptions, MANAGEMENT_CREDENTIALS } from './awsSession.ts';
import type { AwsSession } from './awsSession.ts';
import type { RoleId } from './conventions.ts';
import {
  IDENTITY_CENTER_ASSIGNMENTS,
  IDENTITY_CENTER_GROUPS,
  IDENTITY_CENTER_USERS,
  PERMISSION_SETS,
  seedIdentityCenter,
} from './identityCenter.ts';
import type { SeededIdentityCenter } from './identityCenter.ts';

// Identity Center alone, in one account, with made-up account ids: the
// reference estate's own seeding is covered by referenceEstate.emulator.test.ts.
const ACCOUNT_IDS: Record<RoleId, string> = {
  management: '123456789012',
  'log-archive': '100000000001',
  audit: '100000000002',
  identity: '123456789012',
  operations: '100000000004',
  network: '100000000005',
  backup: '100000000006',
  production: '100000000007',
  sandbox: '100000000008',
};

let aws: LocalAws;
let session: AwsSession;
let seeded: SeededIdentityCenter;

beforeAll(async () => {
  aws = await startLocalAws();
  await aws.reset();
  session = {
    endpoint: aws.endpoint,
    region: 'us-east-1',
    credentials: MANAGEMENT_CREDENTIALS,
  };
  seeded = await seedIdentityCenter(session, ACCOUNT_IDS);
}, 120_000);

afterAll(async () => {
  await aws?.stop();
}, 15_000);

describe('seedIdentityCenter', () => {
  it('uses the instance ListInstances answers with', async () => {
    const sso = new SSOAdminClient(clientOptions(session));
    const { Instances } = await sso.send(new ListInstancesCommand({}));
    expect(Instances?.map(i => i.InstanceArn)).toEqual([seeded.instanceArn]);
    expect(Instances?.[0].IdentityStoreId).toBe(seeded.identityStoreId);
  });

  it('creates the users, groups and memberships', async () => {
    const store = new IdentitystoreClient(clientOptions(session));
    const users = await store.send(
      new ListUsersCommand({ IdentityStoreId: seeded.identityStoreId }),
    );
    expect(users.Users?.map(u => u.UserName).sort()).toEqual(
      Object.keys(IDENTITY_CENTER_USERS).sort(),
    );
    const groups = await store.send(
      new ListGroupsCommand({ IdentityStoreId: seeded.identityStoreId }),
    );
    expect(groups.Groups?.map(g => g.DisplayName).sort()).toEqual(
      Object.keys(IDENTITY_CENTER_GROUPS).sort(),
    );
    const empty = await store.send(
      new ListGroupMembershipsCommand({
        IdentityStoreId: seeded.identityStoreId,
        GroupId: seeded.groupIds['aws-auditors'],
      }),
    );
    expect(empty.GroupMemberships).toEqual([]);
    const sandboxDevelopers = await store.send(
      new ListGroupMembershipsCommand({
        IdentityStoreId: seeded.identityStoreId,
        GroupId: seeded.groupIds['aws-sandbox-developers'],
      }),
    );
    expect(
      sandboxDevelopers.GroupMemberships?.map(m => m.MemberId?.UserId).sort(),
    ).toEqual(
      ['carol.dev', 'dave.dev', 'erin.contractor']
        .map(name => seeded.userIds[name])
        .sort(),
    );
  });

  it('creates the permission sets, provisioning only those assigned', async () => {
    const sso = new SSOAdminClient(clientOptions(session));
    const sets = await sso.send(
      new ListPermissionSetsCommand({ InstanceArn: seeded.instanceArn }),
    );
    expect(sets.PermissionSets).toHaveLength(PERMISSION_SETS.length);
    const provisioned = async (arn: string) =>
      (
        await sso.send(
          new ListAccountsForProvisionedPermissionSetCommand({
            InstanceArn: seeded.instanceArn,
            PermissionSetArn: arn,
          }),
        )
      ).AccountIds;
    expect(await provisioned(seeded.permissionSetArns.BillingAccess)).toEqual(
      [],
    );
    expect(
      await provisioned(seeded.permissionSetArns.AdministratorAccess),
    ).toEqual([ACCOUNT_IDS.identity]);
  });

  it('assigns the sets to groups and to one user directly', async () => {
    const sso = new SSOAdminClient(clientOptions(session));
    const sandbox = await sso.send(
      new ListAccountAssignmentsCommand({
        InstanceArn: seeded.instanceArn,
        AccountId: ACCOUNT_IDS.sandbox,
        PermissionSetArn: seeded.permissionSetArns.DeveloperAccess,
      }),
    );
    expect(
      sandbox.AccountAssignments?.map(a => [a.PrincipalType, a.PrincipalId]),
    ).toEqual(
      expect.arrayContaining([
        ['GROUP', seeded.groupIds['aws-sandbox-developers']],
        ['USER', seeded.userIds['erin.contractor']],
      ]),
    );
    expect(
      IDENTITY_CENTER_ASSIGNMENTS.filter(a => a.principalType === 'USER'),
    ).toHaveLength(1);
  });
});
