import { MappingContext } from '../../resources/mappingContext';
import {
  PRODUCTION,
  SANDBOX,
  BACKUP,
  referenceMappingContext,
} from '../../__fixtures__/referenceEstateContext';

export { PRODUCTION, SANDBOX, BACKUP };
import { BackupScope, PlanRecord, VaultRecord } from '../types';

/** The guide's one vault name, used org-wide. */
export const VAULT_NAME = 'user-backup-vault';

/** The catalog context of the guide's estate: two workloads and Backup. */
export const mappingContext: MappingContext = referenceMappingContext;

/** A vault as readBackup returns it, created by terraform-aws-backup. */
export function vault(
  accountId: string,
  region: string,
  tags: Record<string, string> = { owner: 'platform-team' },
): VaultRecord {
  return {
    name: VAULT_NAME,
    arn: `arn:aws:backup:${region}:${accountId}:backup-vault:${VAULT_NAME}`,
    region,
    accountId,
    vaultType: 'BACKUP_VAULT',
    locked: false,
    recoveryPoints: 12,
    encryptionKeyArn: `arn:aws:kms:${region}:${accountId}:key/0b6a4c5e-2f1d-4e0a-9a57-3c1f2b9d8e7a`,
    createdAt: '2024-11-22T10:00:00.000Z',
    tags,
  };
}

const lifecycle = { coldAfterDays: 90, deleteAfterDays: 270 };

/** Production's plan: daily at 02:00 UTC, copied into the Backup account. */
export const productionPlan: PlanRecord = {
  id: '980f963f-e889-40d6-b7cf-e3f491af5982',
  arn: `arn:aws:backup:us-east-1:${PRODUCTION}:backup-plan:980f963f-e889-40d6-b7cf-e3f491af5982`,
  name: 'production-backup-plan',
  versionId: 'ZDc3ZjQ5YzEtNzg0Ni00YjM0LWI4YmUtZDIwNWQxZjQ4YjQz',
  region: 'us-east-1',
  accountId: PRODUCTION,
  rules: [
    {
      name: 'production-backup-rule',
      targetVaultName: VAULT_NAME,
      schedule: 'cron(0 2 * * ? *)',
      scheduleTimezone: 'Etc/UTC',
      startWindowMinutes: 60,
      completionWindowMinutes: 360,
      lifecycle,
      copyActions: [
        {
          destinationVaultArn: `arn:aws:backup:us-east-1:${BACKUP}:backup-vault:${VAULT_NAME}`,
          lifecycle,
        },
      ],
    },
  ],
  // What AWS returns for the guide's tag selection (the emulator has none).
  selections: [
    {
      name: 'Backup',
      iamRoleArn: `arn:aws:iam::${PRODUCTION}:role/backup-selection-role`,
      tagConditions: [{ key: 'Backup', value: 'true' }],
      resources: [],
    },
  ],
  tags: { owner: 'platform-team' },
};

/**
 * The reference estate's backups: a vault in Production, Sandbox and Backup
 * (us-east-1 and us-west-2); a plan only in Production (Sandbox has none).
 */
export const backupScopes: BackupScope[] = [
  {
    accountId: PRODUCTION,
    region: 'us-east-1',
    vaults: [vault(PRODUCTION, 'us-east-1')],
    plans: [productionPlan],
  },
  {
    accountId: SANDBOX,
    region: 'us-east-1',
    vaults: [vault(SANDBOX, 'us-east-1')],
    plans: [],
  },
  {
    accountId: BACKUP,
    region: 'us-east-1',
    vaults: [vault(BACKUP, 'us-east-1')],
    plans: [],
  },
  {
    accountId: BACKUP,
    region: 'us-west-2',
    vaults: [vault(BACKUP, 'us-west-2')],
    plans: [],
  },
];
