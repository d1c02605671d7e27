import {
  BackupClient,
  BackupJob,
  CopyJob,
  paginateListBackupJobs,
  paginateListCopyJobs,
  paginateListRecoveryPointsByBackupVault,
  RecoveryPointByBackupVault,
} from '@aws-sdk/client-backup';
import type { LiveSectionGap } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { readOptional } from '../awsFailures';
import type { BackupTarget } from '../liveTargets';

/** Items per page of the job and recovery point lists. */
const PAGE_SIZE = 100;
/**
 * Pages read per list at most. A busy account can run thousands of jobs a
 * week; the answer shows the latest few, so reading on costs calls and
 * shows nothing more. What is cut off is reported as `capped`.
 */
const MAX_PAGES = 5;

/** Items of one list, and whether reading stopped at the page cap. */
export interface BoundedRead<T> {
  items: T[];
  capped: boolean;
}

type Optional<T> = { value: BoundedRead<T> } | { gap: LiveSectionGap };

/** What AWS Backup holds for a vault or plan in the window, as the SDK returns it. */
export interface BackupActivityRead {
  jobs: Optional<BackupJob>;
  copyJobs: Optional<CopyJob>;
  /** Vaults only. */
  recoveryPoints?: Optional<RecoveryPointByBackupVault>;
}

/**
 * Reads the backup jobs, copy jobs and (for a vault) recovery points created
 * since `since`, in the target's account and region. I/O only; filtering to
 * the plan or vault happens in the mapping where AWS has no filter for it.
 *
 * - Jobs are listed per vault (ByBackupVaultName): the vault itself, or the
 *   vaults the plan's rules write to.
 * - Copy jobs have no filter by source vault or plan, so the account's copy
 *   jobs of the window are read.
 * - Each list that the role may not read, or that the endpoint does not
 *   serve, is a gap; any other failure fails the read.
 */
export async function readBackupActivity(
  backup: BackupClient,
  target: BackupTarget,
  since: Date,
): Promise<BackupActivityRead> {
  const vaultNames =
    target.kind === 'vault' ? [target.name] : target.vaultNames;
  const [jobs, copyJobs, recoveryPoints] = await Promise.all([
    readOptional(async () => {
      const perVault = await Promise.all(
        vaultNames.map(vaultName =>
          readBounded(
            paginateListBackupJobs(
              { client: backup, pageSize: PAGE_SIZE },
              { ByBackupVaultName: vaultName, ByCreatedAfter: since },
            ),
            page => page.BackupJobs,
          ),
        ),
      );
      return {
        items: perVault.flatMap(read => read.items),
        capped: perVault.some(read => read.capped),
      };
    }),
    readOptional(() =>
      readBounded(
        paginateListCopyJobs(
          { client: backup, pageSize: PAGE_SIZE },
          { ByCreatedAfter: since },
        ),
        page => page.CopyJobs,
      ),
    ),
    target.kind === 'vault'
      ? readOptional(() =>
          readBounded(
            paginateListRecoveryPointsByBackupVault(
              { client: backup, pageSize: PAGE_SIZE },
              { BackupVaultName: target.name, ByCreatedAfter: since },
            ),
            page => page.RecoveryPoints,
          ),
        )
      : undefined,
  ]);
  return { jobs, copyJobs, ...(recoveryPoints && { recoveryPoints }) };
}

/** Collects pages until the list ends or {@link MAX_PAGES} were read. */
async function readBounded<TPage, TItem>(
  pages: AsyncIterable<TPage & { NextToken?: string }>,
  itemsOf: (page: TPage) => TItem[] | undefined,
): Promise<BoundedRead<TItem>> {
  const items: TItem[] = [];
  let read = 0;
  for await (const page of pages) {
    items.push(...(itemsOf(page) ?? []));
    read += 1;
    if (read >= MAX_PAGES) {
      return { items, capped: Boolean(page.NextToken) };
    }
  }
  return { items, capped: false };
}
