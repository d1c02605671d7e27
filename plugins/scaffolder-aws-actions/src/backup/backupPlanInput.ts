/**
 * The backup plan action's input, checked completely before any catalog or
 * AWS call. The scaffolder validates against the action's schema first; this
 * holds the handler to the same contract when it is called some other way,
 * and adds what a schema cannot say (AWS Backup's limits, the allowlist of
 * regions, the suite's reserved tag keys).
 */
import { InputError } from '@backstage/errors';
import type { AllowedAccount, BackupConfig } from '../actionsConfig';
import { isAwsTagText, quoteInput, requireText } from '../lib/inputText';
import { isRegionName } from '../lib/regions';
import { checkUserTags } from '../lib/userTags';
import { validateScheduleExpression } from '../lib/scheduleExpression';

/** The longest plan name AWS Backup accepts. */
export const MAX_PLAN_NAME = 50;
/** At most this many tags of the user's own on a plan. */
export const MAX_USER_TAGS = 10;
/** AWS Backup's upper bounds: 100 years. */
const MAX_WINDOW_MINUTES = 52_560_000;
const MAX_DAYS = 36_500;
/** Backups in cold storage stay there at least 90 days (AWS Backup). */
const MIN_COLD_STORAGE_DAYS = 90;
const PLAN_NAME = /^[a-zA-Z0-9\-_.]{1,50}$/;
/** Tag keys the suite writes itself; a user's tag may not set them. */
const DEFAULTS = {
  startWindowMinutes: 60,
  completionWindowMinutes: 360,
  copyToBackupAccount: true,
  selectionTagKey: 'Backup',
  selectionTagValue: 'true',
};

/** The input as a template (or anything else) may send it. */
export interface RawBackupPlanInput {
  region?: unknown;
  planName?: unknown;
  schedule?: unknown;
  startWindowMinutes?: unknown;
  completionWindowMinutes?: unknown;
  coldStorageAfterDays?: unknown;
  deleteAfterDays?: unknown;
  copyToBackupAccount?: unknown;
  secondaryRegion?: unknown;
  selectionTagKey?: unknown;
  selectionTagValue?: unknown;
  tags?: unknown;
}

/** The input with defaults applied, checked completely. */
export interface BackupPlanInput {
  region: string;
  planName: string;
  schedule: string;
  startWindowMinutes: number;
  completionWindowMinutes: number;
  coldStorageAfterDays?: number;
  deleteAfterDays: number;
  copyToBackupAccount: boolean;
  secondaryRegion?: string;
  selectionTagKey: string;
  selectionTagValue: string;
  /** The user's own tags for the plan; never `owner` nor the suite's keys. */
  tags: Record<string, string>;
}

/**
 * Checks every field except the account and the owner, which need the
 * catalog and are resolved after the permission check.
 */
export function validateBackupPlanInput(
  raw: RawBackupPlanInput,
  allowedRegions: string[] | undefined,
): BackupPlanInput {
  const region = checkRegion(raw.region, 'region', allowedRegions);
  const secondaryRegion = isAbsent(raw.secondaryRegion)
    ? undefined
    : checkRegion(raw.secondaryRegion, 'secondaryRegion', allowedRegions);
  if (secondaryRegion === region) {
    throw new InputError(
      `secondaryRegion must differ from region (${region}); a copy into the plan's own vault protects nothing`,
    );
  }
  const copyToBackupAccount =
    raw.copyToBackupAccount ?? DEFAULTS.copyToBackupAccount;
  if (typeof copyToBackupAccount !== 'boolean') {
    throw new InputError('copyToBackupAccount must be true or false');
  }
  return {
    region,
    planName: checkPlanName(raw.planName),
    schedule: validateScheduleExpression(
      requireText(raw.schedule, 'schedule'),
      'schedule',
    ),
    ...checkWindows(raw),
    ...checkLifecycle(raw),
    copyToBackupAccount,
    secondaryRegion,
    ...checkSelectionTag(raw),
    tags: checkUserTags(raw.tags ?? {}, MAX_USER_TAGS),
  };
}

/**
 * Refuses a plan in the Backup account that would copy into the Backup
 * account: its own vault.
 */
export function checkTargetAccount(
  input: BackupPlanInput,
  account: AllowedAccount,
  backup: BackupConfig,
): void {
  if (
    input.copyToBackupAccount &&
    account.accountId === backup.backupAccountId
  ) {
    throw new InputError(
      `Account ${account.name} (${account.accountId}) is the Backup account; its plans cannot copy into the Backup account. Set copyToBackupAccount to false.`,
    );
  }
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function checkRegion(
  value: unknown,
  field: string,
  allowedRegions: string[] | undefined,
): string {
  const region = typeof value === 'string' ? value.trim() : '';
  if (!isRegionName(region)) {
    throw new InputError(
      `${field} ${quoteInput(
        value,
      )} is not an AWS region name such as us-east-1`,
    );
  }
  if (allowedRegions && !allowedRegions.includes(region)) {
    throw new InputError(
      `${field} ${region} is not one backup plans may use (scaffolder.awsPlatform.backup.allowedRegions: ${allowedRegions.join(
        ', ',
      )})`,
    );
  }
  return region;
}

function checkPlanName(value: unknown): string {
  const planName = typeof value === 'string' ? value : '';
  if (!PLAN_NAME.test(planName)) {
    throw new InputError(
      `planName ${quoteInput(
        value,
      )} must be 1 to ${MAX_PLAN_NAME} letters, digits, '-', '_' or '.'`,
    );
  }
  return planName;
}

function checkInteger(
  value: unknown,
  field: string,
  min: number,
  max: number,
): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw new InputError(
      `${field} must be a whole number from ${min} to ${max}; got ${quoteInput(
        value,
      )}`,
    );
  }
  return value;
}

function checkWindows(raw: RawBackupPlanInput) {
  return {
    startWindowMinutes: checkInteger(
      raw.startWindowMinutes ?? DEFAULTS.startWindowMinutes,
      'startWindowMinutes',
      60,
      MAX_WINDOW_MINUTES,
    ),
    completionWindowMinutes: checkInteger(
      raw.completionWindowMinutes ?? DEFAULTS.completionWindowMinutes,
      'completionWindowMinutes',
      60,
      MAX_WINDOW_MINUTES,
    ),
  };
}

function checkLifecycle(raw: RawBackupPlanInput) {
  const coldStorageAfterDays =
    raw.coldStorageAfterDays === undefined || raw.coldStorageAfterDays === null
      ? undefined
      : checkInteger(
          raw.coldStorageAfterDays,
          'coldStorageAfterDays',
          1,
          MAX_DAYS - MIN_COLD_STORAGE_DAYS,
        );
  const deleteAfterDays = checkInteger(
    raw.deleteAfterDays,
    'deleteAfterDays',
    1,
    MAX_DAYS,
  );
  if (
    coldStorageAfterDays !== undefined &&
    deleteAfterDays < coldStorageAfterDays + MIN_COLD_STORAGE_DAYS
  ) {
    throw new InputError(
      `deleteAfterDays (${deleteAfterDays}) must be at least coldStorageAfterDays + ${MIN_COLD_STORAGE_DAYS} (${
        coldStorageAfterDays + MIN_COLD_STORAGE_DAYS
      }): AWS Backup keeps backups in cold storage for at least ${MIN_COLD_STORAGE_DAYS} days`,
    );
  }
  return { coldStorageAfterDays, deleteAfterDays };
}

function checkSelectionTag(raw: RawBackupPlanInput) {
  const selectionTagKey = raw.selectionTagKey ?? DEFAULTS.selectionTagKey;
  if (!isTagKey(selectionTagKey)) {
    throw new InputError(
      `selectionTagKey ${quoteInput(
        selectionTagKey,
      )} is not a valid AWS tag key`,
    );
  }
  const selectionTagValue = raw.selectionTagValue ?? DEFAULTS.selectionTagValue;
  if (!isTagValue(selectionTagValue) || selectionTagValue === '') {
    throw new InputError(
      `selectionTagValue ${quoteInput(
        selectionTagValue,
      )} is not a valid AWS tag value (1 to 256 characters)`,
    );
  }
  return { selectionTagKey, selectionTagValue };
}

function isTagKey(key: unknown): key is string {
  return (
    isAwsTagText(key, 1, 128) &&
    !key.toLocaleLowerCase('en-US').startsWith('aws:')
  );
}

function isTagValue(value: unknown): value is string {
  return isAwsTagText(value, 0, 256);
}
