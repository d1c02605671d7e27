import type { PermissionsService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  createTemplateAction,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type { BackupPlanInput, BackupPlanOutput } from './actionTypes';
import type { JsonValue } from '@backstage/types';
import { awsPlatformBackupPlanCreatePermission } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { ActionsConfig, BackupConfig } from '../actionsConfig';
import { applyBackupPlanChange } from '../backup/applyBackupPlanChange';
import type { AppliedBackupPlanChange } from '../backup/applyBackupPlanChange';
import { backupPlanClients } from '../backup/backupPlanClients';
import {
  checkTargetAccount,
  RawBackupPlanInput,
  validateBackupPlanInput,
} from '../backup/backupPlanInput';
import { desiredBackupPlan, planBackupPlan } from '../backup/backupPlanPlan';
import type {
  BackupPlanPlan,
  DesiredBackupPlan,
} from '../backup/backupPlanPlan';
import {
  readCopyTargets,
  readExistingPlans,
} from '../backup/readBackupPlanState';
import type { BackupPlanClients } from '../backup/backupPlanClients';
import { authorizeChange } from '../lib/authorizeChange';
import { resolveOwnerGroup } from '../lib/ownerGroup';
import { resolveAccount } from '../lib/resolveAccount';
import { examples } from './createBackupPlan.examples';
import {
  changeOutputSchemas,
  planOnlyInput,
  readPlanOnly,
  writeChangeOutputs,
} from '../lib/changeOutputs';
import { accountNamer } from '../lib/changeSummary';

/**
 * `aws-platform:backup:plan:create`: a backup plan in a workload account
 * following the guide's backup conventions (section d): one rule backing up
 * into the account's own vault, copies into the vault of the same name in the
 * Backup account and optionally in a second region, and a selection of the
 * resources carrying a tag. Reuses only what the suite made for the same
 * request (plan name, account, region and owner) exactly as requested, and
 * refuses anything else of the same name; safe to retry and to dry-run.
 * @public
 */
export function createBackupPlanAction(options: {
  config: ActionsConfig;
  clientFactory: AwsClientFactory;
  catalog: CatalogService;
  permissions: PermissionsService;
}): TemplateAction<BackupPlanInput, BackupPlanOutput, 'v2'> {
  const { config, clientFactory, catalog, permissions } = options;
  return createTemplateAction({
    id: 'aws-platform:backup:plan:create',
    description:
      "Creates an AWS Backup plan in a workload account: one rule into the account's vault, copies to the Backup account (and optionally a second region), and a tag-based selection, owned by a catalog Group. Reuses only the plan and selection the suite made for the same request, refuses anything else of the same name; safe to retry; supports dry-run.",
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
              'The workload account that gets the plan: its 12-digit id or its catalog entity, e.g. resource:default/account-210987654321. It must be listed in scaffolder.awsPlatform.accounts.',
            ),
        owner: z =>
          z
            .string()
            .min(1)
            .max(300)
            .describe(
              "The team that owns the plan: a catalog Group, e.g. group:default/payments (the template's owner field). It becomes the plan's owner tag and part of its lineage: a rerun by another owner is refused.",
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
        tags: z =>
          z
            .record(z.string())
            .optional()
            .describe(
              'Up to 10 further tags for the plan, e.g. { cost-center: cc-42 }. They may not set owner nor any aws-platform-suite.github.io/ key: the suite sets those.',
            ),
        ...planOnlyInput,
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
        ...changeOutputSchemas,
      },
    },
    async handler(ctx) {
      // 1. Validate, check permissions (before the catalog is read), resolve.
      const backup = requireBackupConfig(config);
      const input = validateBackupPlanInput(
        ctx.input as RawBackupPlanInput,
        backup.allowedRegions,
      );
      const planOnly = readPlanOnly(ctx.input.planOnly);
      const credentials = await ctx.getInitiatorCredentials();
      const permission = awsPlatformBackupPlanCreatePermission;
      await authorizeChange(permissions, credentials, permission, []);
      const account = await resolveAccount(
        ctx.input.account,
        config.accounts,
        catalog,
        credentials,
      );
      const ownerGroup = await resolveOwnerGroup(
        catalog,
        credentials,
        ctx.input.owner,
        'owner',
      );
      checkTargetAccount(input, account, backup);
      if (account.production) {
        // The only account the run writes in needs the production permission too.
        await authorizeChange(permissions, credentials, permission, [account]);
      }

      // 2. Read what exists: the vaults first (refusing a missing one), then the plan.
      // The workload client writes, so it always acts for the user who asked;
      // the factory refuses a task without one rather than act as the backend.
      const clients = await backupPlanClients(clientFactory, {
        accountId: account.accountId,
        region: input.region,
        backupAccountId: input.copyToBackupAccount
          ? backup.backupAccountId
          : undefined,
        secondaryRegion: input.secondaryRegion,
        actor: { userEntityRef: ctx.user?.ref },
      });
      const where = `account ${account.name} (${account.accountId})`;
      const copyTo = await readCopyTargets(clients, backup.vaultName, {
        own: `${where}, ${input.region} (the plan's own vault)`,
        backupAccount: `the Backup account (${backup.backupAccountId}), ${input.region}`,
        secondary: `${where}, ${input.secondaryRegion} (the secondary region)`,
      });
      const desired = desiredBackupPlan({
        input,
        account,
        ownerGroup,
        backup,
        copyTo,
        requester: { userEntityRef: ctx.user?.ref, taskId: ctx.task.id },
      });
      const observed = await readExistingPlans(
        clients.workload,
        desired.settings.planName,
        desired.selection.name,
      );

      // 3. Plan (pure): conflicts refuse the run before any write.
      const plan = planBackupPlan(desired, observed);
      if (plan.conflicts.length > 0) {
        throw new ConflictError(
          `Nothing was changed: ${plan.conflicts.join('. ')}.`,
        );
      }
      ctx.output(
        'plannedChanges',
        plan.changes.map(c => c.description),
      );
      // Every write is in the workload account: copies only name the vaults.
      const changes = plan.changes.map(c => ({
        accountId: account.accountId,
        description: c.description,
      }));
      const names = accountNamer(config.accounts);
      if (ctx.isDryRun || planOnly) {
        writeChangeOutputs(ctx.output, changes, names, 'planned');
        reportPlanOnly(ctx, desired, plan, ctx.isDryRun === true);
        return;
      }

      // 4. Change AWS, each write checkpointed so a resumed task skips what is done.
      const result = await applyChanges(ctx, plan, clients, desired);
      writeOutputs(ctx.output, desired, result);
      writeChangeOutputs(ctx.output, changes, names, 'done');
    },
  });
}

function requireBackupConfig(config: ActionsConfig): BackupConfig {
  if (!config.backup) {
    throw new InputError(
      'Backup plans are not configured: set scaffolder.awsPlatform.backup in the backend config',
    );
  }
  return config.backup;
}

/** What the run leaves behind, for the outputs. */
interface BackupPlanResult {
  planId: string;
  planArn: string;
  selectionId: string;
  created: boolean;
}

/** The part of the scaffolder's action context the helpers below use. */
type ActionContext = {
  output(name: string, value: unknown): void;
  logger: {
    info(message: string): void;
    error(message: string): void;
  };
  checkpoint<T extends JsonValue | void>(options: {
    key: string;
    fn: () => Promise<T>;
  }): Promise<T>;
  signal?: AbortSignal;
};

/**
 * Applies the planned changes in order, one checkpoint each; on failure,
 * logs what is done and that a rerun resumes, then rethrows.
 */
async function applyChanges(
  ctx: ActionContext,
  plan: BackupPlanPlan,
  clients: BackupPlanClients,
  desired: DesiredBackupPlan,
): Promise<BackupPlanResult> {
  const { planName } = desired.settings;
  let planResult = plan.plan;
  let selection = plan.selection;
  const done: string[] = [];
  try {
    for (const change of plan.changes) {
      if (ctx.signal?.aborted) {
        throw new Error('The task was cancelled');
      }
      const planId = planResult?.id;
      const applied: AppliedBackupPlanChange = await ctx.checkpoint({
        key: change.key,
        fn: () =>
          applyBackupPlanChange(change, {
            client: clients.workload,
            desired,
            planId,
            logger: ctx.logger,
          }),
      });
      if (applied.kind === 'plan') {
        planResult = {
          id: applied.id,
          arn: applied.arn,
          createdByThisTask: applied.changed,
        };
        done.push(
          `plan ${planName} (${applied.id}) ${
            applied.changed ? 'created' : 'already existed'
          } in ${desired.where}`,
        );
      } else {
        selection = { id: applied.id, createdByThisTask: applied.changed };
        done.push(
          `selection ${desired.selection.name} (${applied.id}) created`,
        );
      }
    }
  } catch (error) {
    ctx.logger.error(
      `Stopped while creating backup plan ${planName} in ${
        desired.where
      }. Done so far: ${
        done.length ? done.join('; ') : 'nothing'
      }. Running the task again resumes from here and creates nothing twice.`,
    );
    throw error;
  }
  return {
    planId: planResult!.id,
    planArn: planResult!.arn!,
    selectionId: selection!.id,
    created: planResult!.createdByThisTask || selection!.createdByThisTask,
  };
}

function reportPlanOnly(
  ctx: ActionContext,
  desired: DesiredBackupPlan,
  plan: BackupPlanPlan,
  isDryRun: boolean,
) {
  const planned = plan.changes.map(c => c.description);
  const mode = isDryRun ? 'Dry-run' : 'Plan only';
  ctx.logger.info(
    planned.length
      ? `${mode}, nothing changed. Planned changes:\n- ${planned.join('\n- ')}`
      : `${mode}, nothing changed. The plan and its selection already exist as requested.`,
  );
  const later = '(created on the real run)';
  ctx.output('planId', plan.plan?.id ?? later);
  ctx.output('planArn', plan.plan?.arn ?? later);
  ctx.output('planName', desired.settings.planName);
  ctx.output('selectionId', plan.selection?.id ?? later);
  ctx.output('copyTargets', desired.settings.copyTo);
  ctx.output(
    'consoleUrl',
    plan.plan ? consoleUrl(desired.region, plan.plan.id) : '',
  );
  ctx.output('created', false);
}

function writeOutputs(
  output: ActionContext['output'],
  desired: DesiredBackupPlan,
  result: BackupPlanResult,
) {
  output('planId', result.planId);
  output('planArn', result.planArn);
  output('planName', desired.settings.planName);
  output('selectionId', result.selectionId);
  output('copyTargets', desired.settings.copyTo);
  output('consoleUrl', consoleUrl(desired.region, result.planId));
  output('created', result.created);
}

function consoleUrl(region: string, planId: string): string {
  return `https://${region}.console.aws.amazon.com/backup/home?region=${region}#/backupplan/details/${planId}`;
}
