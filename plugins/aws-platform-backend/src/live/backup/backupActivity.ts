import type {
  BackupJob,
  CopyJob,
  RecoveryPointByBackupVault,
} from '@aws-sdk/client-backup';
import type {
  LiveBackupActivity,
  LiveBackupJob,
  LiveCopyJob,
  LiveList,
  LiveRecoveryPoint,
  LiveSectionGap,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { BackupTarget } from '../liveTargets';
import { optionalField } from '../optionalField';
import type { BackupActivityRead, BoundedRead } from './readBackupActivity';

/** A live backup answer before the request's entity ref is added. */
export type BackupActivityBody = Omit<LiveBackupActivity, 'entityRef'>;

/** The window of a backup answer. */
export interface BackupWindow {
  since: Date;
  days: number;
  maxItems: number;
}

/**
 * Maps what AWS Backup returned to the DTO: keeps the items of the plan
 * (its jobs and copy jobs, by the plan id AWS records as their creator) or
 * of the vault (jobs into it, copy jobs from or to it, its recovery
 * points), newest first, at most `maxItems` each. Pure.
 */
export function backupActivity(
  target: BackupTarget,
  read: BackupActivityRead,
  window: BackupWindow,
  readAt: Date,
): BackupActivityBody {
  const ofPlan = (planId: string | undefined) =>
    target.kind !== 'plan' || planId === target.id;
  const vaultArn = target.kind === 'vault' ? target.arn : undefined;
  const copyMatches = (copy: CopyJob) =>
    target.kind === 'plan'
      ? copy.CreatedBy?.BackupPlanId === target.id
      : copy.SourceBackupVaultArn === vaultArn ||
        copy.DestinationBackupVaultArn === vaultArn;

  const jobs = section(read.jobs, window.maxItems, job =>
    ofPlan(job.CreatedBy?.BackupPlanId) ? jobOf(job) : undefined,
  );
  const copyJobs = section(read.copyJobs, window.maxItems, copy =>
    copyMatches(copy) ? copyJobOf(copy) : undefined,
  );
  const recoveryPoints = read.recoveryPoints
    ? section(read.recoveryPoints, window.maxItems, recoveryPointOf)
    : undefined;

  return {
    readAt: readAt.toISOString(),
    kind: target.kind,
    accountId: target.accountId,
    region: target.region,
    window: {
      since: window.since.toISOString(),
      days: window.days,
      maxItems: window.maxItems,
    },
    ...('list' in jobs && { jobs: jobs.list }),
    ...('list' in copyJobs && { copyJobs: copyJobs.list }),
    ...(recoveryPoints &&
      'list' in recoveryPoints && { recoveryPoints: recoveryPoints.list }),
    gaps: {
      ...('gap' in jobs && { jobs: jobs.gap }),
      ...('gap' in copyJobs && { copyJobs: copyJobs.gap }),
      ...(recoveryPoints &&
        'gap' in recoveryPoints && { recoveryPoints: recoveryPoints.gap }),
    },
  };
}

/** Maps, filters (undefined drops an item), sorts newest first and bounds one list. */
function section<TItem, TDto extends { createdAt?: string }>(
  read: { value: BoundedRead<TItem> } | { gap: LiveSectionGap },
  maxItems: number,
  map: (item: TItem) => TDto | undefined,
): { list: LiveList<TDto> } | { gap: LiveSectionGap } {
  if ('gap' in read) return { gap: read.gap };
  const items = read.value.items
    .map(map)
    .filter((item): item is TDto => item !== undefined)
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  return {
    list: {
      items: items.slice(0, maxItems),
      truncated: read.value.capped || items.length > maxItems,
    },
  };
}

function jobOf(job: BackupJob): LiveBackupJob {
  return {
    id: job.BackupJobId ?? '',
    state: job.State ?? 'UNKNOWN',
    ...optionalField('statusMessage', job.StatusMessage),
    ...optionalField('resourceArn', job.ResourceArn),
    ...optionalField('resourceName', job.ResourceName),
    ...optionalField('resourceType', job.ResourceType),
    ...optionalField('vaultName', job.BackupVaultName),
    ...optionalField('planId', job.CreatedBy?.BackupPlanId),
    ...optionalField('ruleName', job.CreatedBy?.BackupRuleName),
    ...optionalField('createdAt', job.CreationDate?.toISOString()),
    ...optionalField('completedAt', job.CompletionDate?.toISOString()),
    ...optionalField('sizeBytes', job.BackupSizeInBytes),
  };
}

function copyJobOf(copy: CopyJob): LiveCopyJob {
  return {
    id: copy.CopyJobId ?? '',
    state: copy.State ?? 'UNKNOWN',
    ...optionalField('statusMessage', copy.StatusMessage),
    ...optionalField('resourceArn', copy.ResourceArn),
    ...optionalField('resourceName', copy.ResourceName),
    ...optionalField('resourceType', copy.ResourceType),
    ...optionalField('sourceVaultArn', copy.SourceBackupVaultArn),
    ...optionalField('destinationVaultArn', copy.DestinationBackupVaultArn),
    ...optionalField('planId', copy.CreatedBy?.BackupPlanId),
    ...optionalField('createdAt', copy.CreationDate?.toISOString()),
    ...optionalField('completedAt', copy.CompletionDate?.toISOString()),
    ...optionalField('sizeBytes', copy.BackupSizeInBytes),
  };
}

function recoveryPointOf(point: RecoveryPointByBackupVault): LiveRecoveryPoint {
  return {
    arn: point.RecoveryPointArn ?? '',
    status: point.Status ?? 'UNKNOWN',
    ...optionalField('statusMessage', point.StatusMessage),
    ...optionalField('resourceArn', point.ResourceArn),
    ...optionalField('resourceName', point.ResourceName),
    ...optionalField('resourceType', point.ResourceType),
    ...optionalField('sourceVaultArn', point.SourceBackupVaultArn),
    ...optionalField('planId', point.CreatedBy?.BackupPlanId),
    ...optionalField('createdAt', point.CreationDate?.toISOString()),
    ...optionalField('completedAt', point.CompletionDate?.toISOString()),
    ...optionalField('sizeBytes', point.BackupSizeInBytes),
    ...optionalField(
      'coldAt',
      point.CalculatedLifecycle?.MoveToColdStorageAt?.toISOString(),
    ),
    ...optionalField(
      'deleteAt',
      point.CalculatedLifecycle?.DeleteAt?.toISOString(),
    ),
  };
}
