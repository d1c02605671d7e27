import { BackupClient } from '@aws-sdk/client-backup';
import type { PermissionsService } from '@backstage/backend-plugin-api';
import { ConflictError, ForwardedError, InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { awsPlatformBackupPlanCreatePermission } from '@internal/backstage-plugin-aws-platform-common';
import type { AwsClientFactory } from '@internal/backstage-plugin-aws-platform-node';
import type { ActionsConfig } from '../actionsConfig';
import {
  createPlan,
  createTagSelection,
  describeVault,
  findPlansByName,
  findSelectionByName,
  getPlan,
  planDifferences,
} from '../backup/backupPlans';
import type {
  PlanSettings,
  PlanSummary,
  VaultSummary,
} from '../backup/backupPlans';
import { authorizeChange } from '../lib/authorizeChange';
import { idempotencyToken } from '../lib/idempotency';
import { quoteInput } from '../lib/inputText';
import { isRegionName, partitionOf } from '../lib/regions';
import { resolveAccount } from '../lib/resolveAccount';
import { validateScheduleExpression } from '../lib/scheduleExpression';
import { examples } from './createBackupPlan.examples';

const NAME = /^[a-zA-Z0-9\-_.]{1,50}$/;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
/** AWS Backup's upper bounds: 100 years. */
const MAX_WINDOW_MINUTES = 52_560_000;
const MAX_DAYS = 36_500;
/** Backups in cold storage stay there at least 90 days (AWS Backup). */
const MIN_COLD_STORAGE_DAYS = 90;
const DEFAULTS = {
  startWindowMinutes: 60,
  completionWindowMinutes: 360,
  copyToBackupAccount: true,
  selectionTagKey: 'Backup',
  selectionTagValue: 'true',
};

/**
 * `aws-platform:backup:plan:create`: a backup plan in a workload account
 * following the guide's backup conventions (section d): one rule backing up
 * into the account's own vault, copies into the vault of the same name in the
 * Backup account and optionally in a second region, and a selection of the
 * resources carrying a tag. Reuses an identical plan, refuses a different one
 * of the same name; safe to retry and to dry-run.
 * @public
 */
export function createBackupPlanAction(options: {
  config: ActionsConfig;
  clientFactory: AwsClientFactory;
  catalog: CatalogService;
  permissions: PermissionsService;
}) {
  const { config, clientFactory, catalog, permissions } = options;
  return createTemplateAction({
    id: 'aws-platform:backup:plan:create',
    description:
      "Creates an AWS Backup plan in a workload account: one rule into the account's vault, copies to the Backup account (and optionally a second region), and a tag-based selection. Reuses an identical existing plan and refuses a different one; safe to retry; supports dry-run.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        account: z =>
          z
            .string()
            .min(1)
            .max(300)
            .describe(
              'The workload account that gets the plan: its 12-digit id or its catalog entity, e.g. resource:default/sandbox-210987654321. It must be listed in scaffolder.awsPlatform.accounts.',
            ),
        region: z =>
          z
            .string()
            .min(1)
            .max(30)
            .describe(
              'The region of the plan and of the vault it backs up into, e.g. us-east-1. It must be in scaffolder.awsPlatform.backup.allowedRegions when that is set.',
            ),
        planName: z =>
          z
            .string()
            .min(1)
            .max(50)
            .describe(
              "Name of the plan, 1 to 50 letters, digits, '-', '_' or '.', e.g. payments-daily. The rule and the selection are named after it.",
            ),
        schedule: z =>
          z
            .string()
            .min(1)
            .max(256)
            .describe(
              'When backups start, in UTC: a cron(minutes hours day-of-month month day-of-week year) or rate(n unit) expression, at most hourly, e.g. cron(0 2 * * ? *) for 02:00 every day.',
            ),
        startWindowMinutes: z =>
          z
            .number()
            .int()
            .optional()
            .describe(
              'Minutes after the scheduled time within which a backup must start, at least 60, e.g. 60 (the default).',
            ),
        completionWindowMinutes: z =>
          z
            .number()
            .int()
            .optional()
            .describe(
              'Minutes within which a started backup must complete, at least 60, e.g. 360 (the default).',
            ),
        coldStorageAfterDays: z =>
          z
            .number()
            .int()
            .optional()
            .describe(
              'Days after which backups move to cold storage, e.g. 90. Omit to keep them in warm storage.',
            ),
        deleteAfterDays: z =>
          z
            .number()
            .int()
            .describe(
              'Days after which backups (and their copies) are deleted, e.g. 270. With cold storage it must be at least coldStorageAfterDays + 90, as AWS Backup requires.',
            ),
        copyToBackupAccount: z =>
          z
            .boolean()
            .optional()
            .describe(
              "Whether each backup is copied into the vault of the same name in the Backup account, in the plan's region, e.g. true (the default).",
            ),
        secondaryRegion: z =>
          z
            .string()
            .max(30)
            .optional()
            .describe(
              'A second region of the same account to copy each backup into, e.g. us-west-2. The vault must exist there. Omit for no second-region copy.',
            ),
        selectionTagKey: z =>
          z
            .string()
            .max(128)
            .optional()
            .describe(
              'Tag key of the resources the plan backs up, e.g. Backup (the default).',
            ),
        selectionTagValue: z =>
          z
            .string()
            .max(256)
            .optional()
            .describe(
              'Tag value of the resources the plan backs up (case-sensitive), e.g. true (the default).',
            ),
      },
      output: {
        planId: z =>
          z
            .string()
            .describe(
              'Id of the plan, e.g. 8F81F553-3A74-4A3F-B93D-B3360DC80C50',
            ),
        planArn: z => z.string().describe('ARN of the plan'),
        planName: z => z.string().describe('Name of the plan'),
        selectionId: z =>
          z.string().describe('Id of the tag-based selection of the plan'),
        copyTargets: z =>
          z
            .array(z.string())
            .describe('ARNs of the vaults each backup is copied into'),
        consoleUrl: z =>
          z.string().describe('Link to the plan in the AWS console'),
        created: z =>
          z
            .boolean()
            .describe(
              'Whether this task created the plan or its selection (false when both existed)',
            ),
        plannedChanges: z =>
          z
            .array(z.string())
            .describe(
              'The AWS changes this run makes (or, in a dry-run, would make)',
            ),
      },
    },
    async handler(ctx) {
      // 1. Validate everything before any AWS call.
      const backup = config.backup;
      if (!backup) {
        throw new InputError(
          'Backup plans are not configured: set scaffolder.awsPlatform.backup in the backend config',
        );
      }
      const input = validateInput(ctx.input, backup.allowedRegions);
      const credentials = await ctx.getInitiatorCredentials();
      const account = await resolveAccount(
        ctx.input.account,
        config.accounts,
        catalog,
        credentials,
      );
      if (
        input.copyToBackupAccount &&
        account.accountId === backup.backupAccountId
      ) {
        throw new InputError(
          `Account ${account.name} (${account.accountId}) is the Backup account; its plans cannot copy into the Backup account. Set copyToBackupAccount to false.`,
        );
      }
      await authorizeChange(
        permissions,
        credentials,
        awsPlatformBackupPlanCreatePermission,
        [account],
      );
      const { planName, region } = input;
      const ruleName = `${planName.slice(0, 45)}-rule`;
      const selectionName = `${planName.slice(0, 40)}-selection`;
      const iamRoleArn = `arn:${partitionOf(region)}:iam::${
        account.accountId
      }:role/${backup.selectionRoleName}`;
      const where = `account ${account.name} (${account.accountId}), ${region}`;

      // 2. Read what exists: the vaults the rule writes to, and any plan of that name.
      const [workload, backupAccount, secondary] = await Promise.all([
        clientFactory.createClient(BackupClient, {
          accountId: account.accountId,
          region,
        }),
        input.copyToBackupAccount
          ? clientFactory.createClient(BackupClient, {
              accountId: backup.backupAccountId,
              region,
            })
          : undefined,
        input.secondaryRegion
          ? clientFactory.createClient(BackupClient, {
              accountId: account.accountId,
              region: input.secondaryRegion,
            })
          : undefined,
      ]);
      const vaultChecks: {
        what: string;
        client: BackupClient;
      }[] = [
        { what: `${where} (the plan's own vault)`, client: workload },
        ...(backupAccount
          ? [
              {
                what: `the Backup account (${backup.backupAccountId}), ${region}`,
                client: backupAccount,
              },
            ]
          : []),
        ...(secondary
          ? [
              {
                what: `account ${account.name} (${account.accountId}), ${input.secondaryRegion} (the secondary region)`,
                client: secondary,
              },
            ]
          : []),
      ];
      const vaults = await Promise.all(
        vaultChecks.map(async check => {
          try {
            return await describeVault(check.client, backup.vaultName);
          } catch (error) {
            throw new ForwardedError(
              `Could not check the vault ${backup.vaultName} in ${check.what}`,
              error,
            );
          }
        }),
      );
      const missing = vaultChecks.filter((_, i) => !vaults[i]);
      if (missing.length > 0) {
        throw new InputError(
          `The vault ${backup.vaultName} does not exist in ${missing
            .map(check => check.what)
            .join(
              '; nor in ',
            )}. Create it there first (the guide's backup-vault module); the plan would back up or copy into it.`,
        );
      }
      const copyTo = (vaults.slice(1) as VaultSummary[]).map(
        vault => vault.arn,
      );
      const settings: PlanSettings = {
        planName,
        ruleName,
        vaultName: backup.vaultName,
        schedule: input.schedule,
        startWindowMinutes: input.startWindowMinutes,
        completionWindowMinutes: input.completionWindowMinutes,
        coldStorageAfterDays: input.coldStorageAfterDays,
        deleteAfterDays: input.deleteAfterDays,
        copyTo,
      };
      const planToken = idempotencyToken(
        ctx.task.id,
        `backup.plan.create:${account.accountId}:${region}:${planName}`,
      );
      const existing = await findIdenticalPlan(workload, settings, where);
      const existingSelectionId = existing
        ? await findSelectionByName(workload, existing.id, selectionName)
        : undefined;

      const plannedChanges = [
        ...(existing
          ? []
          : [
              `Create backup plan ${planName} in ${where}: rule ${ruleName}, ${
                input.schedule
              } UTC into ${backup.vaultName}, ${describeLifecycle(
                input,
              )}, copies to ${copyTo.length ? copyTo.join(', ') : 'none'}`,
            ]),
        ...(existingSelectionId
          ? []
          : [
              `Assign resources tagged ${input.selectionTagKey}=${input.selectionTagValue} to the plan (selection ${selectionName}, role ${iamRoleArn})`,
            ]),
      ];
      ctx.output('plannedChanges', plannedChanges);
      if (ctx.isDryRun) {
        ctx.logger.info(
          plannedChanges.length
            ? `Dry-run, nothing changed. Planned changes:\n- ${plannedChanges.join(
                '\n- ',
              )}`
            : 'Dry-run, nothing changed. The plan and its selection already exist as requested.',
        );
        ctx.output('planId', existing?.id ?? '(created on the real run)');
        ctx.output('planArn', existing?.arn ?? '(created on the real run)');
        ctx.output('planName', planName);
        ctx.output(
          'selectionId',
          existingSelectionId ?? '(created on the real run)',
        );
        ctx.output('copyTargets', copyTo);
        ctx.output(
          'consoleUrl',
          existing ? consoleUrl(region, existing.id) : '',
        );
        ctx.output('created', false);
        return;
      }

      // 3. Change AWS, each step checkpointed so a resumed task skips what is done.
      const done: string[] = [];
      try {
        const plan = existing
          ? {
              id: existing.id,
              arn: existing.arn,
              created: existing.creatorRequestId === planToken,
            }
          : await ctx.checkpoint({
              key: `backup.plan.create:${account.accountId}:${region}:${planName}`,
              fn: async () => {
                ctx.logger.info(`Creating backup plan ${planName} in ${where}`);
                return createPlanOnce(workload, settings, planToken, where);
              },
            });
        done.push(
          `plan ${planName} (${plan.id}) ${
            plan.created ? 'created' : 'already existed'
          } in ${where}`,
        );

        const selection = await ctx.checkpoint({
          key: `backup.selection.create:${account.accountId}:${region}:${planName}`,
          fn: async () => {
            const found = await findSelectionByName(
              workload,
              plan.id,
              selectionName,
            );
            if (found) {
              ctx.logger.info(
                `The plan already has the selection ${selectionName}; its conditions are left as they are`,
              );
              return { id: found, created: false };
            }
            ctx.logger.info(
              `Assigning resources tagged ${input.selectionTagKey}=${input.selectionTagValue} to plan ${planName}`,
            );
            const id = await createTagSelection(workload, {
              planId: plan.id,
              selectionName,
              iamRoleArn,
              tagKey: input.selectionTagKey,
              tagValue: input.selectionTagValue,
              creatorRequestId: idempotencyToken(
                ctx.task.id,
                `backup.selection.create:${account.accountId}:${region}:${planName}`,
              ),
            });
            return { id, created: true };
          },
        });
        done.push(
          `selection ${selectionName} (${selection.id}) ${
            selection.created ? 'created' : 'already existed'
          }`,
        );

        ctx.output('planId', plan.id);
        ctx.output('planArn', plan.arn);
        ctx.output('planName', planName);
        ctx.output('selectionId', selection.id);
        ctx.output('copyTargets', copyTo);
        ctx.output('consoleUrl', consoleUrl(region, plan.id));
        ctx.output('created', plan.created || selection.created);
        ctx.logger.info(`Backup plan ${planName}: ${done.join('; ')}`);
      } catch (error) {
        ctx.logger.error(
          `Stopped while creating backup plan ${planName} in ${where}. Done so far: ${
            done.length ? done.join('; ') : 'nothing'
          }. Running the task again resumes from here and creates nothing twice.`,
        );
        throw error;
      }
    },
  });
}

/** The input with defaults applied, checked completely. */
interface ValidInput {
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
}

function validateInput(
  raw: {
    region: string;
    planName: string;
    schedule: string;
    startWindowMinutes?: number;
    completionWindowMinutes?: number;
    coldStorageAfterDays?: number;
    deleteAfterDays: number;
    copyToBackupAccount?: boolean;
    secondaryRegion?: string;
    selectionTagKey?: string;
    selectionTagValue?: string;
  },
  allowedRegions: string[] | undefined,
): ValidInput {
  const checkRegion = (value: unknown, field: string): string => {
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
  };
  const checkInteger = (
    value: unknown,
    field: string,
    min: number,
    max: number,
  ): number => {
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < min ||
      value > max
    ) {
      throw new InputError(
        `${field} must be a whole number from ${min} to ${max}; got ${JSON.stringify(
          value,
        )}`,
      );
    }
    return value;
  };

  const region = checkRegion(raw.region, 'region');
  const planName = typeof raw.planName === 'string' ? raw.planName : '';
  if (!NAME.test(planName)) {
    throw new InputError(
      `planName ${quoteInput(
        raw.planName,
      )} must be 1 to 50 letters, digits, '-', '_' or '.'`,
    );
  }
  if (typeof raw.schedule !== 'string') {
    throw new InputError(
      'schedule must be a cron(...) or rate(...) expression',
    );
  }
  const schedule = validateScheduleExpression(raw.schedule, 'schedule');
  const startWindowMinutes = checkInteger(
    raw.startWindowMinutes ?? DEFAULTS.startWindowMinutes,
    'startWindowMinutes',
    60,
    MAX_WINDOW_MINUTES,
  );
  const completionWindowMinutes = checkInteger(
    raw.completionWindowMinutes ?? DEFAULTS.completionWindowMinutes,
    'completionWindowMinutes',
    60,
    MAX_WINDOW_MINUTES,
  );
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
  const copyToBackupAccount =
    raw.copyToBackupAccount ?? DEFAULTS.copyToBackupAccount;
  if (typeof copyToBackupAccount !== 'boolean') {
    throw new InputError('copyToBackupAccount must be true or false');
  }
  const secondaryRegion =
    raw.secondaryRegion === undefined ||
    raw.secondaryRegion === null ||
    raw.secondaryRegion === ''
      ? undefined
      : checkRegion(raw.secondaryRegion, 'secondaryRegion');
  if (secondaryRegion === region) {
    throw new InputError(
      `secondaryRegion must differ from region (${region}); a copy into the plan's own vault protects nothing`,
    );
  }
  const selectionTagKey = raw.selectionTagKey ?? DEFAULTS.selectionTagKey;
  if (
    typeof selectionTagKey !== 'string' ||
    selectionTagKey.length > 128 ||
    !TAG_TEXT.test(selectionTagKey) ||
    selectionTagKey.toLocaleLowerCase('en-US').startsWith('aws:')
  ) {
    throw new InputError(
      `selectionTagKey ${quoteInput(
        selectionTagKey,
      )} is not a valid AWS tag key`,
    );
  }
  const selectionTagValue = raw.selectionTagValue ?? DEFAULTS.selectionTagValue;
  if (
    typeof selectionTagValue !== 'string' ||
    selectionTagValue.length > 256 ||
    !TAG_TEXT.test(selectionTagValue)
  ) {
    throw new InputError(
      `selectionTagValue ${quoteInput(
        selectionTagValue,
      )} is not a valid AWS tag value (1 to 256 characters)`,
    );
  }
  return {
    region,
    planName,
    schedule,
    startWindowMinutes,
    completionWindowMinutes,
    coldStorageAfterDays,
    deleteAfterDays,
    copyToBackupAccount,
    secondaryRegion,
    selectionTagKey,
    selectionTagValue,
  };
}

/**
 * The plan named like the requested one, if it exists and is identical; a
 * ConflictError saying how it differs otherwise. Plans are never changed.
 */
async function findIdenticalPlan(
  client: BackupClient,
  settings: PlanSettings,
  where: string,
): Promise<(PlanSummary & { creatorRequestId?: string }) | undefined> {
  const found = await findPlansByName(client, settings.planName);
  if (found.length === 0) {
    return undefined;
  }
  if (found.length > 1) {
    throw new ConflictError(
      `${where} has ${found.length} backup plans named ${
        settings.planName
      } (${found.map(p => p.id).join(', ')}); remove the duplicates first`,
    );
  }
  const current = await getPlan(client, found[0].id);
  const differences = planDifferences(current.BackupPlan, settings);
  if (differences.length > 0) {
    throw new ConflictError(
      `A backup plan named ${settings.planName} already exists in ${where} (${
        found[0].id
      }) with other settings: ${differences.join(
        '; ',
      )}. It was left unchanged; choose another plan name, or change or delete that plan in AWS Backup first.`,
    );
  }
  return { ...found[0], creatorRequestId: current.CreatorRequestId };
}

/**
 * Creates the plan. If AWS says a plan of that name already exists (another
 * run got there first, or an earlier attempt of this one succeeded), that
 * plan is used when identical and refused otherwise.
 */
async function createPlanOnce(
  client: BackupClient,
  settings: PlanSettings,
  creatorRequestId: string,
  where: string,
): Promise<{ id: string; arn: string; created: boolean }> {
  try {
    const plan = await createPlan(client, settings, creatorRequestId);
    return { id: plan.id, arn: plan.arn, created: true };
  } catch (error) {
    if ((error as Error).name !== 'AlreadyExistsException') {
      throw error;
    }
    const existing = await findIdenticalPlan(client, settings, where);
    if (!existing) {
      throw error;
    }
    return {
      id: existing.id,
      arn: existing.arn,
      created: existing.creatorRequestId === creatorRequestId,
    };
  }
}

function describeLifecycle(input: ValidInput): string {
  return input.coldStorageAfterDays === undefined
    ? `deleted after ${input.deleteAfterDays} days`
    : `cold storage after ${input.coldStorageAfterDays} days, deleted after ${input.deleteAfterDays}`;
}

function consoleUrl(region: string, planId: string): string {
  return `https://${region}.console.aws.amazon.com/backup/home?region=${region}#/backupplan/details/${planId}`;
}
