import {
  backupCreateBackupPlan,
  backupDeleteBackupVault,
  backupStartBackupJob,
  eksCreateCluster,
  eksDeleteClusterDenied,
  eksDescribeCluster,
  eksUpdateClusterVersion,
  EXAMPLE_ACCOUNT_ID,
  madeIn,
  organizationsCreateAccount,
  organizationsCreateAccountResult,
  organizationsCreateOu,
  organizationsMoveAccount,
  organizationsTagAccount,
  route53ChangeARecord,
  route53ChangeNsRecord,
  route53ChangeTags,
  route53CreateHostedZone,
  route53TagHealthCheck,
  s3PutBucketPolicy,
  viaEventBridge,
} from './__fixtures__/cloudTrailEvents';
import { parseCloudTrailEvent } from './cloudTrailEvent';
import { changeOfEvent, delegationOfBoth, EventMapping } from './eventChange';

function mapped(payload: unknown): EventMapping {
  const parsed = parseCloudTrailEvent(payload);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.reason}`);
  return changeOfEvent(parsed.event);
}

const account = EXAMPLE_ACCOUNT_ID;

describe('changeOfEvent', () => {
  it('maps Route 53 calls to the account scope, judging delegations again when a zone or an NS record changes', () => {
    expect(mapped(route53ChangeARecord)).toEqual({
      change: {
        kind: 'scope',
        key: `route53:${account}`,
        service: 'route53',
        accountId: account,
        delegation: false,
        zones: [{ zoneId: 'Z1PA6795UKMFR9', change: 'records', nsNames: [] }],
      },
    });
    for (const event of [route53ChangeNsRecord, route53CreateHostedZone]) {
      expect(mapped(event)).toMatchObject({
        change: { key: `route53:${account}`, delegation: true },
      });
    }
    expect(mapped(route53ChangeTags)).toMatchObject({
      change: { key: `route53:${account}`, delegation: false },
    });
    expect(mapped(route53TagHealthCheck)).toHaveProperty('ignored');
  });

  it('names the NS records a batch changed, and names none for a zone created', () => {
    expect(mapped(route53ChangeNsRecord)).toMatchObject({
      change: { delegation: true, delegatedNames: ['dev.example.com'] },
    });
    expect(mapped(route53CreateHostedZone)).not.toHaveProperty(
      'change.delegatedNames',
    );
  });

  it('names the zone each Route 53 call changed, and how', () => {
    expect(mapped(route53CreateHostedZone)).toMatchObject({
      change: { zones: [{ zoneId: 'Z1D633PJN98FT9', change: 'created' }] },
    });
    expect(mapped(route53ChangeNsRecord)).toMatchObject({
      change: {
        zones: [
          {
            zoneId: 'Z1PA6795UKMFR9',
            change: 'records',
            nsNames: ['dev.example.com'],
          },
        ],
      },
    });
    expect(mapped(route53ChangeTags)).toMatchObject({
      change: { zones: [{ zoneId: 'Z1D633PJN98FT9', change: 'tags' }] },
    });
    const deleted = madeIn(route53CreateHostedZone, account, 'us-east-1', {
      eventName: 'DeleteHostedZone',
      requestParameters: { id: '/hostedzone/Z1D633PJN98FT9' },
      responseElements: null,
    });
    expect(mapped(deleted)).toMatchObject({
      change: { zones: [{ zoneId: 'Z1D633PJN98FT9', change: 'deleted' }] },
    });
    // No id in the answer: the whole account is read.
    const unnamed = madeIn(route53CreateHostedZone, account, 'us-east-1', {
      responseElements: { hostedZone: { name: 'dev.example.com.' } },
    });
    expect(mapped(unnamed)).not.toHaveProperty('change.zones');
  });

  it('judges delegations again when a record batch cannot be read', () => {
    const detail = {
      ...(route53ChangeARecord.detail as object),
      requestParameters: { hostedZoneId: 'Z1PA6795UKMFR9' },
    };
    expect(mapped(viaEventBridge(detail))).toMatchObject({
      change: { delegation: true },
    });
    expect(mapped(viaEventBridge(detail))).not.toHaveProperty('change.zones');
  });

  it('joins two events’ delegations: named records add up, a change anywhere wins', () => {
    const named = (...names: string[]) => ({
      delegation: true,
      delegatedNames: names,
    });
    const anywhere = { delegation: true };
    const none = { delegation: false };
    expect(
      delegationOfBoth(named('a.example.com'), named('b.example.com')),
    ).toEqual(named('a.example.com', 'b.example.com'));
    expect(delegationOfBoth(named('a.example.com'), anywhere)).toEqual({
      delegation: true,
      delegatedNames: undefined,
    });
    expect(delegationOfBoth(none, named('a.example.com'))).toEqual(
      named('a.example.com'),
    );
    expect(delegationOfBoth(named('a.example.com'), none)).toEqual(
      named('a.example.com'),
    );
    expect(delegationOfBoth(none, none)).toEqual({
      delegation: false,
      delegatedNames: undefined,
    });
  });

  it('maps EKS and Backup calls to their account and region', () => {
    for (const event of [eksCreateCluster, eksUpdateClusterVersion]) {
      expect(mapped(event)).toEqual({
        change: {
          kind: 'scope',
          key: `eks:${account}:us-west-2`,
          service: 'eks',
          accountId: account,
          region: 'us-west-2',
          delegation: false,
          clusters: ['test'],
        },
      });
    }
    for (const event of [backupCreateBackupPlan, backupDeleteBackupVault]) {
      expect(mapped(event)).toMatchObject({
        change: { key: `backup:${account}:us-east-1`, service: 'backup' },
      });
    }
  });

  it.each([
    ['CreateNodegroup', { clusterName: 'shop', nodegroupName: 'ng' }, 'shop'],
    ['UpdateClusterConfig', { name: 'shop' }, 'shop'],
    [
      'TagResource',
      { resourceArn: `arn:aws:eks:us-west-2:${account}:cluster/shop` },
      'shop',
    ],
    [
      'UntagResource',
      {
        resourceArn: `arn:aws:eks:us-west-2:${account}:nodegroup/shop/ng/0ac1`,
      },
      'shop',
    ],
  ])('names the cluster that %s changed', (eventName, parameters, cluster) => {
    const event = madeIn(eksUpdateClusterVersion, account, 'us-west-2', {
      eventName,
      requestParameters: parameters,
    });
    expect(mapped(event)).toMatchObject({ change: { clusters: [cluster] } });
  });

  it.each([
    ['no name', {}],
    ['a name EKS would refuse', { name: '../shop' }],
    ['an ARN of another service', { resourceArn: 'arn:aws:iam::1:role/x' }],
  ])('reads the whole EKS scope when the request has %s', (_, parameters) => {
    const event = madeIn(eksUpdateClusterVersion, account, 'us-west-2', {
      requestParameters: parameters,
    });
    const change = mapped(event);
    expect(change).toMatchObject({ change: { service: 'eks' } });
    expect(change).not.toHaveProperty('change.clusters');
  });

  const PLAN_ID = '8ddb1ad6-9d9c-4b1e-a4d8-5d4b6f0dEXAMPLE';
  it('names the plan CreateBackupPlan answered with', () => {
    expect(mapped(backupCreateBackupPlan)).toMatchObject({
      change: { service: 'backup', plans: [PLAN_ID] },
    });
  });

  it.each([
    ['UpdateBackupPlan', { backupPlanId: 'p-1' }, 'p-1'],
    ['DeleteBackupPlan', { backupPlanId: 'p-1' }, 'p-1'],
    ['CreateBackupSelection', { backupPlanId: 'p-1' }, 'p-1'],
    [
      'TagResource',
      { resourceArn: `arn:aws:backup:us-east-1:${account}:backup-plan:p-1` },
      'p-1',
    ],
  ])('names the backup plan that %s changed', (eventName, parameters, id) => {
    const event = madeIn(backupCreateBackupPlan, account, 'us-east-1', {
      eventName,
      requestParameters: parameters,
      responseElements: null,
    });
    expect(mapped(event)).toMatchObject({ change: { plans: [id] } });
  });

  it.each([
    ['a vault deleted', 'DeleteBackupVault', { backupVaultName: 'v' }],
    [
      "a vault's tags",
      'TagResource',
      { resourceArn: `arn:aws:backup:us-east-1:${account}:backup-vault:v` },
    ],
    ['no plan id', 'DeleteBackupPlan', {}],
    ['an id AWS would refuse', 'DeleteBackupPlan', { backupPlanId: '../p' }],
  ])('reads the whole Backup scope for %s', (_, eventName, parameters) => {
    const event = madeIn(backupCreateBackupPlan, account, 'us-east-1', {
      eventName,
      requestParameters: parameters,
      responseElements: null,
    });
    const change = mapped(event);
    expect(change).toMatchObject({ change: { service: 'backup' } });
    expect(change).not.toHaveProperty('change.plans');
  });

  it.each([
    ['ecr.amazonaws.com', 'SetRepositoryPolicy', 'ecr'],
    ['ecr.amazonaws.com', 'DeleteRepository', 'ecr'],
    ['sso.amazonaws.com', 'CreateAccountAssignment', 'identityCenter'],
    ['identitystore.amazonaws.com', 'CreateGroupMembership', 'identityCenter'],
  ])(
    'asks the full refresh for %s %s, as evidence it reads',
    (source, eventName, reads) => {
      const event = madeIn(eksUpdateClusterVersion, account, 'us-east-1', {
        eventSource: source,
        eventName,
        requestParameters: {},
      });
      expect(mapped(event)).toEqual({
        change: { kind: 'organization', accountId: account, eventName, reads },
      });
    },
  );

  it.each([
    ['ecr.amazonaws.com', 'CreateRepository'],
    ['ecr.amazonaws.com', 'PutImage'],
    ['sso.amazonaws.com', 'ProvisionPermissionSet'],
    ['identitystore.amazonaws.com', 'ListUsers'],
  ])('asks nothing for %s %s', (source, eventName) => {
    const event = madeIn(eksUpdateClusterVersion, account, 'us-east-1', {
      eventSource: source,
      eventName,
    });
    expect(mapped(event)).toHaveProperty('ignored');
  });

  it("maps a tag call on an account to that account's tags, with the keys it set or removed", () => {
    expect(mapped(organizationsTagAccount)).toEqual({
      change: {
        kind: 'accountTags',
        key: 'account-tags:555555555555',
        accountId: '555555555555',
        callerAccountId: account,
        eventName: 'TagResource',
        tagKeys: ['owner'],
      },
    });
    const untag = madeIn(organizationsTagAccount, account, 'us-east-1', {
      eventName: 'UntagResource',
      requestParameters: {
        resourceId: '555555555555',
        tagKeys: ['owner', 'cost-center'],
      },
    });
    expect(mapped(untag)).toMatchObject({
      change: { kind: 'accountTags', tagKeys: ['owner', 'cost-center'] },
    });
    // Keys that cannot be read: any tag may have changed.
    const unreadable = madeIn(organizationsTagAccount, account, 'us-east-1', {
      requestParameters: { resourceId: '555555555555', tags: [{ value: 'x' }] },
    });
    expect(mapped(unreadable)).toMatchObject({
      change: { kind: 'accountTags', accountId: '555555555555' },
    });
    expect(mapped(unreadable)).not.toHaveProperty('change.tagKeys');
  });

  it('maps tag calls on an OU or the root to the organization', () => {
    for (const resourceId of ['ou-ab12-cdef3456', 'r-ab12']) {
      const event = madeIn(organizationsTagAccount, account, 'us-east-1', {
        requestParameters: { resourceId, tags: [{ key: 'owner', value: 'x' }] },
      });
      expect(mapped(event)).toMatchObject({
        change: { kind: 'organization', eventName: 'TagResource' },
      });
    }
  });

  it('maps an account moved to the account, with the caller', () => {
    expect(
      mapped(madeIn(organizationsMoveAccount, account, 'us-east-1')),
    ).toEqual({
      change: {
        kind: 'accountMove',
        key: 'account-move:555555555555',
        accountId: '555555555555',
        callerAccountId: account,
        eventName: 'MoveAccount',
      },
    });
    // Without an account id to read, only the full refresh can tell.
    const unnamed = madeIn(organizationsMoveAccount, account, 'us-east-1', {
      requestParameters: { accountId: 'someone' },
    });
    expect(mapped(unnamed)).toMatchObject({
      change: { kind: 'organization', eventName: 'MoveAccount' },
    });
  });

  it('maps changes to accounts and OUs to the organization', () => {
    for (const event of [
      organizationsCreateOu,
      organizationsCreateAccountResult,
    ]) {
      expect(mapped(event)).toMatchObject({
        change: { kind: 'organization', accountId: account },
      });
    }
  });

  it('asks for nothing for calls that change no entity, failed calls and other services', () => {
    for (const event of [
      eksDescribeCluster,
      eksDeleteClusterDenied,
      backupStartBackupJob,
      organizationsCreateAccount,
      s3PutBucketPolicy,
    ]) {
      expect(mapped(event)).toEqual({ ignored: expect.any(String) });
    }
    expect(mapped(eksDeleteClusterDenied)).toEqual({
      ignored: 'the call failed (AccessDeniedException)',
    });
  });

  it('asks for nothing when an account creation failed', () => {
    const detail = organizationsCreateAccountResult.detail as {
      serviceEventDetails: { createAccountStatus: object };
    };
    const failed = viaEventBridge(
      {
        ...detail,
        serviceEventDetails: {
          createAccountStatus: {
            ...detail.serviceEventDetails.createAccountStatus,
            state: 'FAILED',
            failureReason: 'EMAIL_ALREADY_EXISTS',
          },
        },
      },
      { detailType: 'AWS Service Event via CloudTrail' },
    );
    expect(mapped(failed)).toEqual({
      ignored: 'account creation ended FAILED',
    });
  });
});

describe('parseCloudTrailEvent', () => {
  it('reads the account and region of the record, and the body as text too', () => {
    const parsed = parseCloudTrailEvent(JSON.stringify(eksCreateCluster));
    expect(parsed).toMatchObject({
      ok: true,
      event: {
        eventSource: 'eks.amazonaws.com',
        eventName: 'CreateCluster',
        accountId: account,
        region: 'us-west-2',
      },
    });
  });

  it.each([
    ['text that is not JSON', '{"detail-type": '],
    ['a JSON array', []],
    ['null', null],
    [
      'another detail type',
      {
        ...eksCreateCluster,
        'detail-type': 'EC2 Instance State-change Notification',
      },
    ],
    ['no detail', { ...eksCreateCluster, detail: 'x' }],
    [
      'no event name',
      { ...eksCreateCluster, detail: { eventSource: 'eks.amazonaws.com' } },
    ],
    [
      'an account id that is not one',
      {
        ...eksCreateCluster,
        account: '12',
        detail: {
          ...(eksCreateCluster.detail as object),
          recipientAccountId: undefined,
        },
      },
    ],
    [
      'a region that is not one',
      {
        ...eksCreateCluster,
        region: '../../etc',
        detail: {
          ...(eksCreateCluster.detail as object),
          awsRegion: undefined,
        },
      },
    ],
  ])('refuses %s with a reason, without throwing', (_, payload) => {
    const parsed = parseCloudTrailEvent(payload);
    expect(parsed).toEqual(
      expect.objectContaining({ ok: false, reason: expect.any(String) }),
    );
  });
});
