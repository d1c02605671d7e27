/**
 * CloudTrail management events as EventBridge writes them to an SQS queue,
 * written after AWS's documented examples. Each record is the `detail` of
 * an event in the envelope that "AWS service events delivered via AWS
 * CloudTrail" (Amazon EventBridge User Guide) shows: version, id,
 * detail-type, source, account, time, region, resources, detail. Account
 * ids, names and request ids are AWS's placeholders.
 */

/** The example account of AWS's CloudTrail pages. */
export const EXAMPLE_ACCOUNT_ID = '111122223333';

/** The user AWS's examples make their calls as. */
const userIdentity = {
  type: 'IAMUser',
  principalId: 'AIDACKCEVSQ6C2EXAMPLE',
  arn: `arn:aws:iam::${EXAMPLE_ACCOUNT_ID}:user/Mary_Major`,
  accountId: EXAMPLE_ACCOUNT_ID,
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  userName: 'Mary_Major',
};

type Detail = Record<string, unknown>;

/**
 * The EventBridge event of one CloudTrail record. `source` is `aws.` and
 * the service's prefix, as for every event delivered via CloudTrail.
 */
export function viaEventBridge(
  detail: Detail,
  options: { detailType?: string; id?: string } = {},
): Record<string, unknown> {
  const service = String(detail.eventSource).split('.')[0];
  return {
    version: '0',
    id: options.id ?? '36eb8523-97d0-4518-b33d-ee3579ff19f0',
    'detail-type': options.detailType ?? 'AWS API Call via CloudTrail',
    source: `aws.${service}`,
    account: EXAMPLE_ACCOUNT_ID,
    time: detail.eventTime,
    region: detail.awsRegion,
    resources: [],
    detail,
  };
}

/**
 * A documented event as if made in another account and region, with some
 * of its record's fields replaced (e.g. the request's names).
 */
export function madeIn(
  event: Record<string, unknown>,
  accountId: string,
  region: string,
  detail: Detail = {},
): Record<string, unknown> {
  return {
    ...event,
    account: accountId,
    region,
    detail: {
      ...(event.detail as Detail),
      recipientAccountId: accountId,
      awsRegion: region,
      ...detail,
    },
  };
}

const common = (
  eventSource: string,
  eventName: string,
  awsRegion: string,
): Detail => ({
  eventVersion: '1.08',
  userIdentity,
  eventTime: '2024-02-20T17:55:42Z',
  eventSource,
  eventName,
  awsRegion,
  sourceIPAddress: '192.0.2.92',
  userAgent: 'aws-cli/2.13.5',
  requestID: 'b25f48e8-84fd-11e6-80d8-ef0a1EXAMPLE',
  eventID: '1cdb6d5f-7b0a-4d3c-b3b5-7EXAMPLE1234',
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: EXAMPLE_ACCOUNT_ID,
  eventCategory: 'Management',
});

// "Logging Amazon Route 53 API calls with AWS CloudTrail" (Route 53
// Developer Guide), "Example: Route 53 log file entry": Route 53 is global,
// so its events are recorded in us-east-1.

/** ChangeResourceRecordSets creating an A record. */
export const route53ChangeARecord = viaEventBridge({
  ...common('route53.amazonaws.com', 'ChangeResourceRecordSets', 'us-east-1'),
  requestParameters: {
    hostedZoneId: 'Z1PA6795UKMFR9',
    changeBatch: {
      changes: [
        {
          action: 'CREATE',
          resourceRecordSet: {
            name: 'prod.example.com.',
            type: 'A',
            tTL: 300,
            resourceRecords: [{ value: '192.0.2.1' }],
          },
        },
      ],
    },
  },
  responseElements: {
    changeInfo: {
      id: '/change/C156SRE0X2ZB10',
      status: 'PENDING',
      submittedAt: 'Feb 20, 2024 5:55:42 PM',
    },
  },
  additionalEventData: { Note: 'Do not use to reconstruct hosted zone' },
  apiVersion: '2013-04-01',
});

/** ChangeResourceRecordSets delegating a subdomain: an NS record set. */
export const route53ChangeNsRecord = viaEventBridge({
  ...common('route53.amazonaws.com', 'ChangeResourceRecordSets', 'us-east-1'),
  requestParameters: {
    hostedZoneId: 'Z1PA6795UKMFR9',
    changeBatch: {
      changes: [
        {
          action: 'UPSERT',
          resourceRecordSet: {
            name: 'dev.example.com.',
            type: 'NS',
            tTL: 172800,
            resourceRecords: [
              { value: 'ns-2048.awsdns-64.com.' },
              { value: 'ns-2049.awsdns-65.net.' },
            ],
          },
        },
      ],
    },
  },
  responseElements: {
    changeInfo: {
      id: '/change/C2682N5HXP0BZ4',
      status: 'PENDING',
      submittedAt: 'Feb 20, 2024 5:55:42 PM',
    },
  },
  apiVersion: '2013-04-01',
});

/** CreateHostedZone of a public zone. */
export const route53CreateHostedZone = viaEventBridge({
  ...common('route53.amazonaws.com', 'CreateHostedZone', 'us-east-1'),
  requestParameters: {
    name: 'dev.example.com',
    callerReference: '2024-02-20-17:55',
    hostedZoneConfig: { comment: 'Development', privateZone: false },
  },
  responseElements: {
    hostedZone: {
      id: '/hostedzone/Z1D633PJN98FT9',
      name: 'dev.example.com.',
      callerReference: '2024-02-20-17:55',
      config: { comment: 'Development', privateZone: false },
      resourceRecordSetCount: 2,
    },
    changeInfo: {
      id: '/change/C1PA6795UKMFR9',
      status: 'PENDING',
      submittedAt: 'Feb 20, 2024 5:55:42 PM',
    },
    delegationSet: {
      nameServers: [
        'ns-2048.awsdns-64.com',
        'ns-2049.awsdns-65.net',
        'ns-2050.awsdns-66.org',
        'ns-2051.awsdns-67.co.uk',
      ],
    },
    location:
      'https://route53.amazonaws.com/2013-04-01/hostedzone/Z1D633PJN98FT9',
  },
  apiVersion: '2013-04-01',
});

/** ChangeTagsForResource on a hosted zone. */
export const route53ChangeTags = viaEventBridge({
  ...common('route53.amazonaws.com', 'ChangeTagsForResource', 'us-east-1'),
  requestParameters: {
    resourceType: 'hostedzone',
    resourceId: 'Z1D633PJN98FT9',
    addTags: [{ key: 'owner', value: 'platform-team' }],
  },
  responseElements: null,
  apiVersion: '2013-04-01',
});

/** ChangeTagsForResource on a health check: no zone entity changes. */
export const route53TagHealthCheck = viaEventBridge({
  ...common('route53.amazonaws.com', 'ChangeTagsForResource', 'us-east-1'),
  requestParameters: {
    resourceType: 'healthcheck',
    resourceId: 'abcdef11-2222-3333-4444-555555fedcba',
    addTags: [{ key: 'owner', value: 'platform-team' }],
  },
  responseElements: null,
});

// "Log API calls as AWS CloudTrail events" (Amazon EKS User Guide),
// "Understand Amazon EKS log file entries": a CreateCluster call.

/** CreateCluster, answered with the cluster still CREATING. */
export const eksCreateCluster = viaEventBridge({
  ...common('eks.amazonaws.com', 'CreateCluster', 'us-west-2'),
  requestParameters: {
    resourcesVpcConfig: { subnetIds: ['subnet-a670c2df', 'subnet-4f8c5004'] },
    roleArn: `arn:aws:iam::${EXAMPLE_ACCOUNT_ID}:role/AWSServiceRoleForAmazonEKS-CAC1G1VH3ZKZ`,
    clusterName: 'test',
  },
  responseElements: {
    cluster: {
      clusterName: 'test',
      status: 'CREATING',
      createdAt: 1527535003.208,
      certificateAuthority: {},
      arn: `arn:aws:eks:us-west-2:${EXAMPLE_ACCOUNT_ID}:cluster/test`,
      roleArn: `arn:aws:iam::${EXAMPLE_ACCOUNT_ID}:role/AWSServiceRoleForAmazonEKS-CAC1G1VH3ZKZ`,
      version: '1.33',
      resourcesVpcConfig: {
        securityGroupIds: [],
        vpcId: 'vpc-21277358',
        subnetIds: ['subnet-a670c2df', 'subnet-4f8c5004'],
      },
    },
  },
});

/** UpdateClusterVersion: the update starts; the version changes once it ends. */
export const eksUpdateClusterVersion = viaEventBridge({
  ...common('eks.amazonaws.com', 'UpdateClusterVersion', 'us-west-2'),
  requestParameters: { name: 'test', version: '1.34' },
  responseElements: {
    update: {
      id: 'b5f0ba18-9a87-4450-b5a0-825e6e84496f',
      status: 'InProgress',
      type: 'VersionUpdate',
      params: [
        { type: 'Version', value: '1.34' },
        { type: 'PlatformVersion', value: 'eks.1' },
      ],
      createdAt: 1708451742.0,
      errors: [],
    },
  },
});

/** An EKS call that AWS refused: CloudTrail records it with its error code. */
export const eksDeleteClusterDenied = viaEventBridge({
  ...common('eks.amazonaws.com', 'DeleteCluster', 'us-west-2'),
  errorCode: 'AccessDeniedException',
  errorMessage: `User: arn:aws:iam::${EXAMPLE_ACCOUNT_ID}:user/Mary_Major is not authorized to perform: eks:DeleteCluster`,
  requestParameters: { name: 'test' },
  responseElements: null,
});

/** DescribeCluster is read-only; EventBridge rules on write calls never see it. */
export const eksDescribeCluster = viaEventBridge({
  ...common('eks.amazonaws.com', 'DescribeCluster', 'us-west-2'),
  readOnly: true,
  requestParameters: { name: 'test' },
  responseElements: null,
});

// "Logging AWS Backup API calls with CloudTrail" (AWS Backup Developer
// Guide), "Understanding AWS Backup log file entries".

/** CreateBackupPlan. */
export const backupCreateBackupPlan = viaEventBridge({
  ...common('backup.amazonaws.com', 'CreateBackupPlan', 'us-east-1'),
  requestParameters: {
    backupPlan: {
      backupPlanName: 'test-plan',
      rules: [
        {
          ruleName: 'daily',
          targetBackupVaultName: 'Default',
          scheduleExpression: 'cron(0 5 ? * * *)',
        },
      ],
    },
  },
  responseElements: {
    backupPlanId: '8ddb1ad6-9d9c-4b1e-a4d8-5d4b6f0dEXAMPLE',
    backupPlanArn: `arn:aws:backup:us-east-1:${EXAMPLE_ACCOUNT_ID}:backup-plan:8ddb1ad6-9d9c-4b1e-a4d8-5d4b6f0dEXAMPLE`,
    creationDate: 'Feb 20, 2024 5:55:42 PM',
    versionId: 'ZjQ2ZTI5YWQtZDk5NC00NjE5LWE4NTYtYjE5EXAMPLE',
  },
});

/** DeleteBackupVault. */
export const backupDeleteBackupVault = viaEventBridge({
  ...common('backup.amazonaws.com', 'DeleteBackupVault', 'us-east-1'),
  requestParameters: { backupVaultName: 'test-vault' },
  responseElements: null,
});

/** StartBackupJob runs a backup: it changes no vault or plan entity. */
export const backupStartBackupJob = viaEventBridge({
  ...common('backup.amazonaws.com', 'StartBackupJob', 'us-east-1'),
  requestParameters: {
    backupVaultName: 'Default',
    resourceArn: `arn:aws:dynamodb:us-east-1:${EXAMPLE_ACCOUNT_ID}:table/Music`,
    iamRoleArn: `arn:aws:iam::${EXAMPLE_ACCOUNT_ID}:role/AWSBackupDefaultServiceRole`,
  },
  responseElements: {
    backupJobId: '8a3c2a87-b23e-4d56-a0fa-bfbb3EXAMPLE',
    creationDate: 'Feb 20, 2024 5:55:42 PM',
  },
});

// "Logging and monitoring in AWS Organizations" (AWS Organizations User
// Guide), "Understanding AWS Organizations log file entries": the
// management account's calls, and the CreateAccountResult service event.

/** MoveAccount between OUs. */
export const organizationsMoveAccount = viaEventBridge({
  ...common('organizations.amazonaws.com', 'MoveAccount', 'us-east-1'),
  requestParameters: {
    accountId: '555555555555',
    sourceParentId: 'r-examplerootid111',
    destinationParentId: 'ou-examplerootid111-exampleouid111',
  },
  responseElements: null,
});

/** TagResource on an account. */
export const organizationsTagAccount = viaEventBridge({
  ...common('organizations.amazonaws.com', 'TagResource', 'us-east-1'),
  requestParameters: {
    resourceId: '555555555555',
    tags: [{ key: 'owner', value: 'app-developers' }],
  },
  responseElements: null,
});

/** CreateAccount: the call only starts the account's creation. */
export const organizationsCreateAccount = viaEventBridge({
  ...common('organizations.amazonaws.com', 'CreateAccount', 'us-east-1'),
  requestParameters: {
    email: 'anaya@example.com',
    accountName: 'ProductionAccount',
  },
  responseElements: {
    createAccountStatus: {
      id: 'car-examplecreateaccountrequestid111',
      state: 'IN_PROGRESS',
      accountName: 'ProductionAccount',
      requestedTimestamp: 'Feb 20, 2024 5:55:42 PM',
    },
  },
});

/** CreateAccountResult: the service event once the account exists. */
export const organizationsCreateAccountResult = viaEventBridge(
  {
    eventVersion: '1.08',
    userIdentity: { accountId: EXAMPLE_ACCOUNT_ID, invokedBy: 'AWS Internal' },
    eventTime: '2024-02-20T17:56:42Z',
    eventSource: 'organizations.amazonaws.com',
    eventName: 'CreateAccountResult',
    awsRegion: 'us-east-1',
    sourceIPAddress: 'AWS Internal',
    userAgent: 'AWS Internal',
    requestParameters: null,
    responseElements: null,
    eventID: 'EXAMPLE8-90ab-cdef-fedc-ba987EXAMPLE',
    readOnly: false,
    eventType: 'AwsServiceEvent',
    managementEvent: true,
    recipientAccountId: EXAMPLE_ACCOUNT_ID,
    serviceEventDetails: {
      createAccountStatus: {
        id: 'car-examplecreateaccountrequestid111',
        state: 'SUCCEEDED',
        accountName: 'ProductionAccount',
        accountId: '555555555555',
        requestedTimestamp: 'Feb 20, 2024 5:55:42 PM',
        completedTimestamp: 'Feb 20, 2024 5:56:42 PM',
      },
    },
    eventCategory: 'Management',
  },
  { detailType: 'AWS Service Event via CloudTrail' },
);

/** CreateOrganizationalUnit. */
export const organizationsCreateOu = viaEventBridge({
  ...common(
    'organizations.amazonaws.com',
    'CreateOrganizationalUnit',
    'us-east-1',
  ),
  requestParameters: { parentId: 'r-examplerootid111', name: 'Sandbox' },
  responseElements: {
    organizationalUnit: {
      arn: `arn:aws:organizations::${EXAMPLE_ACCOUNT_ID}:ou/o-exampleorgid/ou-examplerootid111-exampleouid111`,
      id: 'ou-examplerootid111-exampleouid111',
      name: 'Sandbox',
    },
  },
});

// "Logging Amazon S3 API calls using AWS CloudTrail" (Amazon S3 User Guide):
// a service the ingestion does not read.

/** PutBucketPolicy. */
export const s3PutBucketPolicy = viaEventBridge({
  ...common('s3.amazonaws.com', 'PutBucketPolicy', 'us-east-1'),
  requestParameters: { bucketName: 'amzn-s3-demo-bucket', policy: '' },
  responseElements: null,
});
