import type {
  BackupJob,
  CopyJob,
  RecoveryPointByBackupVault,
} from '@aws-sdk/client-backup';
import type {
  Addon,
  Cluster,
  InsightSummary,
  Nodegroup,
} from '@aws-sdk/client-eks';
import { BACKUP, PLAN_ID, PRODUCTION } from './liveEntities';

/*
 * AWS SDK responses as real AWS returns them (shapes from the SDK's models,
 * values modelled on the reference estate), for the pure mapping tests and
 * the aws-sdk-client-mock tests of the APIs moto does not serve.
 */

export const describedCluster: Cluster = {
  name: 'acme-production-v1',
  arn: `arn:aws:eks:us-east-1:${PRODUCTION}:cluster/acme-production-v1`,
  version: '1.33',
  platformVersion: 'eks.12',
  status: 'ACTIVE',
  endpoint: 'https://ABCDEF.gr7.us-east-1.eks.amazonaws.com',
  certificateAuthority: { data: 'Q0EgZGF0YQ==' },
  roleArn: `arn:aws:iam::${PRODUCTION}:role/acme-production-v1-cluster`,
  upgradePolicy: { supportType: 'STANDARD' },
  health: { issues: [] },
  tags: { owner: 'platform-team' },
};

export const generalNodegroup: Nodegroup = {
  nodegroupName: 'acme-production-v1-general-us-east-1a',
  clusterName: 'acme-production-v1',
  version: '1.33',
  releaseVersion: '1.33.0-20250715',
  status: 'ACTIVE',
  capacityType: 'ON_DEMAND',
  amiType: 'AL2023_x86_64_STANDARD',
  instanceTypes: ['m6i.large', 'm5.large'],
  scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 2 },
  nodeRole: `arn:aws:iam::${PRODUCTION}:role/acme-production-v1-nodes`,
  health: { issues: [] },
  modifiedAt: new Date('2026-11-20T08:00:00Z'),
};

export const degradedNodegroup: Nodegroup = {
  nodegroupName: 'acme-production-v1-batch-us-east-1b',
  version: '1.32',
  status: 'DEGRADED',
  capacityType: 'SPOT',
  instanceTypes: ['c6i.xlarge'],
  scalingConfig: { minSize: 0, maxSize: 10, desiredSize: 4 },
  health: {
    issues: [
      {
        code: 'AsgInstanceLaunchFailures',
        message: 'Could not launch Spot Instances.',
        resourceIds: ['eks-batch-asg'],
      },
    ],
  },
};

export const corednsAddon: Addon = {
  addonName: 'coredns',
  clusterName: 'acme-production-v1',
  addonVersion: 'v1.12.1-eksbuild.2',
  status: 'ACTIVE',
  health: { issues: [] },
  serviceAccountRoleArn: `arn:aws:iam::${PRODUCTION}:role/coredns`,
  modifiedAt: new Date('2026-11-01T10:00:00Z'),
};

export const vpcCniAddon: Addon = {
  addonName: 'vpc-cni',
  addonVersion: 'v1.19.5-eksbuild.1',
  status: 'DEGRADED',
  health: {
    issues: [
      {
        code: 'InsufficientNumberOfReplicas',
        message: '1 of 3 replicas ready',
      },
    ],
  },
};

export const insights: InsightSummary[] = [
  {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    name: 'Kubelet version skew',
    category: 'UPGRADE_READINESS',
    kubernetesVersion: '1.34',
    lastRefreshTime: new Date('2026-11-25T06:00:00Z'),
    description:
      'Checks the kubelet versions of the nodes against the control plane.',
    insightStatus: { status: 'PASSING', reason: 'No issues found.' },
  },
  {
    id: 'a1b2c3d4-0000-4000-8000-000000000002',
    name: 'Deprecated APIs removed in Kubernetes v1.34',
    category: 'UPGRADE_READINESS',
    kubernetesVersion: '1.34',
    lastRefreshTime: new Date('2026-11-25T06:00:00Z'),
    insightStatus: {
      status: 'ERROR',
      reason: 'Deprecated API usage detected within last 30 days.',
    },
  },
];

const VAULT_ARN = `arn:aws:backup:us-east-1:${PRODUCTION}:backup-vault:user-backup-vault`;
const BACKUP_VAULT_ARN = `arn:aws:backup:us-east-1:${BACKUP}:backup-vault:user-backup-vault`;
const PLAN_CREATOR = {
  BackupPlanId: PLAN_ID,
  BackupPlanArn: `arn:aws:backup:us-east-1:${PRODUCTION}:backup-plan:${PLAN_ID}`,
  BackupRuleName: 'production-backup-rule',
};
const DB_ARN = `arn:aws:rds:us-east-1:${PRODUCTION}:db:storefront`;

export const backupJobs: BackupJob[] = [
  {
    BackupJobId: 'job-completed',
    BackupVaultName: 'user-backup-vault',
    BackupVaultArn: VAULT_ARN,
    ResourceArn: DB_ARN,
    ResourceName: 'storefront',
    ResourceType: 'RDS',
    State: 'COMPLETED',
    CreationDate: new Date('2026-11-24T02:00:00Z'),
    CompletionDate: new Date('2026-11-24T02:20:00Z'),
    BackupSizeInBytes: 2_147_483_648,
    IamRoleArn: `arn:aws:iam::${PRODUCTION}:role/backup`,
    CreatedBy: PLAN_CREATOR,
  },
  {
    BackupJobId: 'job-failed',
    BackupVaultName: 'user-backup-vault',
    ResourceArn: DB_ARN,
    ResourceType: 'RDS',
    State: 'FAILED',
    StatusMessage: 'The DB instance is not in an available state.',
    CreationDate: new Date('2026-11-25T02:00:00Z'),
    CreatedBy: PLAN_CREATOR,
  },
  {
    // On demand, into the same vault: not the plan's.
    BackupJobId: 'job-on-demand',
    BackupVaultName: 'user-backup-vault',
    ResourceArn: DB_ARN,
    State: 'RUNNING',
    CreationDate: new Date('2026-11-25T09:00:00Z'),
  },
];

export const copyJobs: CopyJob[] = [
  {
    CopyJobId: 'copy-completed',
    SourceBackupVaultArn: VAULT_ARN,
    DestinationBackupVaultArn: BACKUP_VAULT_ARN,
    ResourceArn: DB_ARN,
    ResourceType: 'RDS',
    State: 'COMPLETED',
    CreationDate: new Date('2026-11-24T02:25:00Z'),
    CompletionDate: new Date('2026-11-24T03:00:00Z'),
    BackupSizeInBytes: 2_147_483_648,
    CreatedBy: PLAN_CREATOR,
  },
  {
    // Another vault of the account, copied by hand.
    CopyJobId: 'copy-elsewhere',
    SourceBackupVaultArn: `arn:aws:backup:us-east-1:${PRODUCTION}:backup-vault:other`,
    DestinationBackupVaultArn: BACKUP_VAULT_ARN,
    State: 'FAILED',
    StatusMessage: 'Access denied by the destination vault policy.',
    CreationDate: new Date('2026-11-25T04:00:00Z'),
  },
];

export const recoveryPoints: RecoveryPointByBackupVault[] = [
  {
    RecoveryPointArn: `arn:aws:backup:us-east-1:${PRODUCTION}:recovery-point:rp-1`,
    BackupVaultName: 'user-backup-vault',
    BackupVaultArn: VAULT_ARN,
    ResourceArn: DB_ARN,
    ResourceName: 'storefront',
    ResourceType: 'RDS',
    Status: 'COMPLETED',
    CreationDate: new Date('2026-11-24T02:00:00Z'),
    CompletionDate: new Date('2026-11-24T02:20:00Z'),
    BackupSizeInBytes: 2_147_483_648,
    CalculatedLifecycle: {
      MoveToColdStorageAt: new Date('2027-02-22T02:00:00Z'),
      DeleteAt: new Date('2027-08-21T02:00:00Z'),
    },
    CreatedBy: PLAN_CREATOR,
    EncryptionKeyArn: `arn:aws:kms:us-east-1:${PRODUCTION}:key/abc`,
  },
];
