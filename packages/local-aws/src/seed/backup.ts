import {
  CreateBackupPlanCommand,
  CreateBackupVaultCommand,
} from '@aws-sdk/client-backup';
import type { BackupClient } from '@aws-sdk/client-backup';
import { BACKUP_RULE, OWNER_TAG } from './conventions.ts';

/** A backup vault as the seeders record it. */
export type SeededVault = {
  name: string;
  accountId: string;
  region: string;
  arn: string;
};

/** A backup plan as the seeders record it. */
export type SeededPlan = {
  name: string;
  id: string;
  arn: string;
  accountId: string;
  region: string;
  ruleName: string;
  targetVault: string;
  /** DestinationBackupVaultArn of each copy action. */
  copyTo: string[];
};

/** Builds a vault ARN (for copy-action destinations in other accounts). */
export function vaultArn(
  region: string,
  accountId: string,
  vaultName: string,
): string {
  return `arn:aws:backup:${region}:${accountId}:backup-vault:${vaultName}`;
}

/** Creates a vault tagged with its owner. */
export async function createVault(
  backup: BackupClient,
  request: { name: string; accountId: string; region: string; owner: string },
): Promise<SeededVault> {
  const out = await backup.send(
    new CreateBackupVaultCommand({
      BackupVaultName: request.name,
      BackupVaultTags: { [OWNER_TAG]: request.owner },
    }),
  );
  return {
    name: request.name,
    accountId: request.accountId,
    region: request.region,
    arn:
      out.BackupVaultArn ??
      vaultArn(request.region, request.accountId, request.name),
  };
}

/**
 * Creates a plan with one daily rule into the local vault, with the
 * terraform-aws-backup defaults (start 60 min, complete 360 min, cold after
 * 90 days, delete after 270) and copy actions with the same lifecycle.
 * No backup selection: moto does not implement CreateBackupSelection.
 */
export async function createPlan(
  backup: BackupClient,
  request: {
    name: string;
    accountId: string;
    region: string;
    owner: string;
    vaultName: string;
    copyTo: string[];
  },
): Promise<SeededPlan> {
  const lifecycle = {
    MoveToColdStorageAfterDays: BACKUP_RULE.moveToColdStorageAfterDays,
    DeleteAfterDays: BACKUP_RULE.deleteAfterDays,
  };
  const ruleName = `${request.name.replace(/-plan$/, '')}-rule`;
  const out = await backup.send(
    new CreateBackupPlanCommand({
      BackupPlan: {
        BackupPlanName: request.name,
        Rules: [
          {
            RuleName: ruleName,
            TargetBackupVaultName: request.vaultName,
            ScheduleExpression: BACKUP_RULE.schedule,
            StartWindowMinutes: BACKUP_RULE.startWindowMinutes,
            CompletionWindowMinutes: BACKUP_RULE.completionWindowMinutes,
            Lifecycle: lifecycle,
            CopyActions: request.copyTo.map(DestinationBackupVaultArn => ({
              DestinationBackupVaultArn,
              Lifecycle: lifecycle,
            })),
          },
        ],
      },
      BackupPlanTags: { [OWNER_TAG]: request.owner },
    }),
  );
  if (!out.BackupPlanId || !out.BackupPlanArn) {
    throw new Error(`CreateBackupPlan ${request.name} returned no id`);
  }
  return {
    name: request.name,
    id: out.BackupPlanId,
    arn: out.BackupPlanArn,
    accountId: request.accountId,
    region: request.region,
    ruleName,
    targetVault: request.vaultName,
    copyTo: request.copyTo,
  };
}
