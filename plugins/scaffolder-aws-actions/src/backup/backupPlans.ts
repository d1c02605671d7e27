import {
  BackupClient,
  CreateBackupPlanCommand,
  DescribeBackupVaultCommand,
  GetBackupPlanCommand,
  paginateListBackupPlans,
} from '@aws-sdk/client-backup';
import type {
  BackupPlan,
  BackupPlanInput,
  GetBackupPlanCommandOutput,
  Lifecycle,
} from '@aws-sdk/client-backup';
import { collectPages } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { AwsResponseLike } from '../lib/changeLog';

/** A vault as the action needs it. */
export interface VaultSummary {
  name: string;
  arn: string;
}

/** A plan as ListBackupPlans returns it. */
export interface PlanSummary {
  id: string;
  arn: string;
  name: string;
  /** The token it was created with, the suite's proof of ownership. */
  creatorRequestId?: string;
}

/** The one rule the action writes, and the copies it makes. */
export interface PlanSettings {
  planName: string;
  ruleName: string;
  vaultName: string;
  schedule: string;
  startWindowMinutes: number;
  completionWindowMinutes: number;
  coldStorageAfterDays?: number;
  deleteAfterDays: number;
  /** DestinationBackupVaultArn of each copy action. */
  copyTo: string[];
}

/**
 * The vault `name` of the client's account and region, or undefined when it
 * does not exist. Other errors (access denied, throttling) propagate.
 */
export async function describeVault(
  client: BackupClient,
  name: string,
): Promise<VaultSummary | undefined> {
  try {
    const vault = await client.send(
      new DescribeBackupVaultCommand({ BackupVaultName: name }),
    );
    return { name, arn: vault.BackupVaultArn! };
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') {
      return undefined;
    }
    throw error;
  }
}

/** Every (not deleted) plan of the account and region named exactly `name`. */
export async function findPlansByName(
  client: BackupClient,
  name: string,
): Promise<PlanSummary[]> {
  const plans = await collectPages(
    paginateListBackupPlans({ client }, { MaxResults: 1000 }),
    page => page.BackupPlansList,
  );
  return plans
    .filter(plan => plan.BackupPlanName === name && !plan.DeletionDate)
    .map(plan => ({
      id: plan.BackupPlanId!,
      arn: plan.BackupPlanArn!,
      name,
      creatorRequestId: plan.CreatorRequestId,
    }));
}

/** The plan's current version, with the CreatorRequestId it was made with. */
export async function getPlan(
  client: BackupClient,
  planId: string,
): Promise<GetBackupPlanCommandOutput> {
  return client.send(new GetBackupPlanCommand({ BackupPlanId: planId }));
}

/** The plan body the action sends: one rule, its lifecycle on every copy. */
function toBackupPlanInput(settings: PlanSettings): BackupPlanInput {
  const lifecycle = toLifecycle(settings);
  return {
    BackupPlanName: settings.planName,
    Rules: [
      {
        RuleName: settings.ruleName,
        TargetBackupVaultName: settings.vaultName,
        ScheduleExpression: settings.schedule,
        StartWindowMinutes: settings.startWindowMinutes,
        CompletionWindowMinutes: settings.completionWindowMinutes,
        Lifecycle: lifecycle,
        CopyActions: settings.copyTo.map(DestinationBackupVaultArn => ({
          DestinationBackupVaultArn,
          Lifecycle: lifecycle,
        })),
      },
    ],
  };
}

/** Creates the plan with its tags; returns its id and ARN, and AWS's request metadata. */
export async function createPlan(
  client: BackupClient,
  settings: PlanSettings,
  request: { creatorRequestId: string; tags: Record<string, string> },
): Promise<PlanSummary & AwsResponseLike> {
  const created = await client.send(
    new CreateBackupPlanCommand({
      BackupPlan: toBackupPlanInput(settings),
      BackupPlanTags: request.tags,
      CreatorRequestId: request.creatorRequestId,
    }),
  );
  if (!created.BackupPlanId || !created.BackupPlanArn) {
    throw new Error(
      `CreateBackupPlan ${settings.planName} returned no plan id or ARN`,
    );
  }
  return {
    id: created.BackupPlanId,
    arn: created.BackupPlanArn,
    name: settings.planName,
    $metadata: created.$metadata,
  };
}

/**
 * How an existing plan differs from the one the action would create, in
 * words for the user; empty when they are the same. Fields the action does
 * not set are compared with AWS's defaults (UTC schedule, snapshots).
 */
export function planDifferences(
  existing: BackupPlan | undefined,
  wanted: PlanSettings,
): string[] {
  const rules = existing?.Rules ?? [];
  if (rules.length !== 1) {
    return [`it has ${rules.length} rules, not 1`];
  }
  const rule = rules[0];
  const differences: string[] = [];
  const compare = (what: string, actual: unknown, expected: unknown) => {
    if (actual !== expected) {
      differences.push(
        `${what} is ${show(actual)}, not ${show(expected)} as requested`,
      );
    }
  };
  compare('the rule name', rule.RuleName, wanted.ruleName);
  compare('the target vault', rule.TargetBackupVaultName, wanted.vaultName);
  compare('the schedule', rule.ScheduleExpression, wanted.schedule);
  compare(
    'the schedule time zone',
    normalizeTimezone(rule.ScheduleExpressionTimezone),
    'Etc/UTC',
  );
  compare(
    'the start window (minutes)',
    rule.StartWindowMinutes,
    wanted.startWindowMinutes,
  );
  compare(
    'the completion window (minutes)',
    rule.CompletionWindowMinutes,
    wanted.completionWindowMinutes,
  );
  compare('continuous backup', rule.EnableContinuousBackup ?? false, false);
  compare(
    'the lifecycle',
    showLifecycle(rule.Lifecycle),
    showLifecycle(toLifecycle(wanted)),
  );
  const actualCopies = (rule.CopyActions ?? [])
    .map(
      copy =>
        `${copy.DestinationBackupVaultArn} (${showLifecycle(copy.Lifecycle)})`,
    )
    .sort();
  const wantedCopies = wanted.copyTo
    .map(arn => `${arn} (${showLifecycle(toLifecycle(wanted))})`)
    .sort();
  if (actualCopies.join('\n') !== wantedCopies.join('\n')) {
    differences.push(
      `the copy actions are [${actualCopies.join(
        ', ',
      )}], not [${wantedCopies.join(', ')}] as requested`,
    );
  }
  return differences;
}

function toLifecycle(settings: PlanSettings): Lifecycle {
  return settings.coldStorageAfterDays === undefined
    ? { DeleteAfterDays: settings.deleteAfterDays }
    : {
        MoveToColdStorageAfterDays: settings.coldStorageAfterDays,
        DeleteAfterDays: settings.deleteAfterDays,
      };
}

function showLifecycle(lifecycle: Lifecycle | undefined): string {
  const cold = lifecycle?.MoveToColdStorageAfterDays;
  const del = lifecycle?.DeleteAfterDays;
  return `${
    cold === undefined ? 'no cold storage' : `cold after ${cold} days`
  }, ${del === undefined ? 'kept forever' : `deleted after ${del} days`}`;
}

function normalizeTimezone(timezone: string | undefined): string {
  return !timezone || timezone === 'UTC' ? 'Etc/UTC' : timezone;
}

/** A value in a difference message. */
export function show(value: unknown): string {
  return value === undefined ? 'not set' : String(value);
}
