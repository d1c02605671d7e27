import { parseVaultArn } from './entityNames';
import { PlanRecord } from './types';

/** The values of `aws-platform.io/backup-coverage`. */
export type BackupCoverage = 'covered' | 'no-copy' | 'no-plan';

/**
 * Whether an account's backups leave it, as the guide asks: `covered` when
 * one of its plans copies into a vault of a Backup account (in any region),
 * `no-copy` when it has plans but none copies there, `no-plan` when it has
 * none. `plans` may hold every plan read, of any account and region; pass
 * only complete reads, or a failed region reads as `no-plan`.
 */
export function backupCoverage(
  accountId: string,
  plans: PlanRecord[],
  backupAccountIds: string[],
): BackupCoverage {
  const own = plans.filter(plan => plan.accountId === accountId);
  if (own.length === 0) {
    return 'no-plan';
  }
  const backupAccounts = new Set(backupAccountIds);
  const copies = own.some(plan =>
    plan.rules.some(rule =>
      rule.copyActions.some(action => {
        const vault = parseVaultArn(action.destinationVaultArn);
        return vault !== undefined && backupAccounts.has(vault.accountId);
      }),
    ),
  );
  return copies ? 'covered' : 'no-copy';
}
