/**
 * What the backup plan action should leave behind, and the changes that get
 * there from what exists. Pure: the action reads AWS, calls these, refuses
 * the run when there is a conflict, then applies the changes one checkpoint
 * at a time.
 *
 * One ownership rule (`lib/ownership.ts`): the action creates what does not
 * exist and reuses only what the suite made for the same lineage (plan name,
 * account, region and owner group) and that is exactly as requested. Plans
 * and selections are never changed: AWS Backup cannot update a selection in
 * place, and a plan that differs is the user's to change or delete.
 */
import type { AllowedAccount, BackupConfig } from '../actionsConfig';
import { judgeExisting, lineageOf, ownershipTags } from '../lib/ownership';
import type { Requester } from '../lib/ownership';
import { partitionOf } from '../lib/regions';
import type { BackupPlanInput } from './backupPlanInput';
import { planDifferences } from './backupPlans';
import type { PlanSettings } from './backupPlans';
import { selectionDifferences } from './backupSelections';
import type { SelectionDetails, SelectionSettings } from './backupSelections';
import { ownershipFromToken, ownershipToken } from './planOwnershipProof';
import type { ObservedPlan } from './readBackupPlanState';

/** The action id; part of every lineage it computes. */
export const BACKUP_PLAN_ACTION_ID = 'aws-platform:backup:plan:create';

/** The plan, its selection and its tags as the action makes them. */
export interface DesiredBackupPlan {
  accountId: string;
  region: string;
  /** e.g. "account Sandbox (210987654321), us-east-1", for messages. */
  where: string;
  lineage: string;
  settings: PlanSettings;
  selection: SelectionSettings;
  /** The user's tags, `owner` and the suite's ownership tags. */
  tags: Record<string, string>;
  /** CreatorRequestIds of this task's writes, carrying the lineage. */
  planToken: string;
  selectionToken: string;
  /** Checkpoint keys of the two writes. */
  planKey: string;
  selectionKey: string;
}

/** One write the run makes; `key` is its checkpoint key. */
export type BackupPlanChange =
  | { kind: 'createPlan'; key: string; description: string }
  | {
      kind: 'createSelection';
      key: string;
      description: string;
      /** The existing plan; absent when this run creates it first. */
      planId?: string;
    };

/** An existing plan or selection the run keeps. */
export interface KeptResource {
  id: string;
  arn?: string;
  /** Whether this task made it (an earlier attempt of the same task). */
  createdByThisTask: boolean;
}

/** The outcome of planning: conflicts refuse the run before any write. */
export interface BackupPlanPlan {
  conflicts: string[];
  changes: BackupPlanChange[];
  plan?: KeptResource;
  selection?: KeptResource;
}

/** The lineage of a plan: the same request is the same name, place and owner. */
export function backupPlanLineage(facts: {
  planName: string;
  accountId: string;
  region: string;
  ownerGroup: string;
}): string {
  return lineageOf(BACKUP_PLAN_ACTION_ID, facts);
}

/** The plan the action should leave behind, following the guide's conventions. */
export function desiredBackupPlan(options: {
  input: BackupPlanInput;
  account: AllowedAccount;
  ownerGroup: string;
  backup: BackupConfig;
  copyTo: string[];
  requester: Requester;
}): DesiredBackupPlan {
  const { input, account, backup, requester } = options;
  const { planName, region } = input;
  const { accountId } = account;
  const lineage = backupPlanLineage({
    planName,
    accountId,
    region,
    ownerGroup: options.ownerGroup,
  });
  const keyOf = (what: string) =>
    `backup.${what}.create:${accountId}:${region}:${planName}`;
  return {
    accountId,
    region,
    where: `account ${account.name} (${accountId}), ${region}`,
    lineage,
    settings: {
      planName,
      ruleName: `${planName.slice(0, 45)}-rule`,
      vaultName: backup.vaultName,
      schedule: input.schedule,
      startWindowMinutes: input.startWindowMinutes,
      completionWindowMinutes: input.completionWindowMinutes,
      coldStorageAfterDays: input.coldStorageAfterDays,
      deleteAfterDays: input.deleteAfterDays,
      copyTo: options.copyTo,
    },
    selection: {
      name: `${planName.slice(0, 40)}-selection`,
      iamRoleArn: `arn:${partitionOf(region)}:iam::${accountId}:role/${
        backup.selectionRoleName
      }`,
      tagKey: input.selectionTagKey,
      tagValue: input.selectionTagValue,
    },
    tags: {
      ...input.tags,
      owner: options.ownerGroup,
      ...ownershipTags(lineage, requester),
    },
    planToken: ownershipToken(lineage, 'plan', requester.taskId),
    selectionToken: ownershipToken(lineage, 'selection', requester.taskId),
    planKey: keyOf('plan'),
    selectionKey: keyOf('selection'),
  };
}

/**
 * The changes from `observed` (every plan of the name) to `desired`, or the
 * conflicts that forbid any change.
 */
export function planBackupPlan(
  desired: DesiredBackupPlan,
  observed: ObservedPlan[],
): BackupPlanPlan {
  if (observed.length > 1) {
    return conflict(
      `${desired.where} has ${observed.length} backup plans named ${
        desired.settings.planName
      } (${observed.map(p => p.id).join(', ')}); remove the duplicates first`,
    );
  }
  if (observed.length === 0) {
    return {
      conflicts: [],
      changes: [createPlanChange(desired), createSelectionChange(desired)],
    };
  }
  const [existing] = observed;
  const planConflict = judgePlan(desired, existing);
  if (planConflict) {
    return conflict(planConflict);
  }
  const plan = {
    id: existing.id,
    arn: existing.arn,
    createdByThisTask: existing.creatorRequestId === desired.planToken,
  };
  return { plan, ...planSelection(desired, existing) };
}

/**
 * Why an existing plan of the name may not be reused, or undefined when it
 * may: the suite made it for this lineage and it is exactly as requested.
 */
export function judgePlan(
  desired: DesiredBackupPlan,
  existing: Pick<ObservedPlan, 'id' | 'creatorRequestId' | 'body'>,
): string | undefined {
  const { planName } = desired.settings;
  const verdict = judgeExisting(
    ownershipFromToken(existing.creatorRequestId, desired.lineage),
    desired.lineage,
    `The backup plan ${planName} in ${desired.where} (${existing.id})`,
  );
  if (verdict.kind === 'conflict') {
    return verdict.reason;
  }
  const differences = planDifferences(existing.body, desired.settings);
  if (differences.length > 0) {
    return `A backup plan named ${planName} already exists in ${
      desired.where
    } (${existing.id}) with other settings: ${differences.join(
      '; ',
    )}. It was left unchanged; choose another plan name, or change or delete that plan in AWS Backup first`;
  }
  return undefined;
}

/** The selection part of the plan for a plan that is kept. */
function planSelection(
  desired: DesiredBackupPlan,
  existing: ObservedPlan,
): Omit<BackupPlanPlan, 'plan'> {
  const { selections } = existing;
  if (selections.length === 0) {
    return {
      conflicts: [],
      changes: [createSelectionChange(desired, existing.id)],
    };
  }
  const selectionConflict = judgeSelections(desired, selections);
  if (selectionConflict) {
    return { conflicts: [selectionConflict], changes: [] };
  }
  const selection = {
    id: selections[0].id,
    createdByThisTask:
      selections[0].creatorRequestId === desired.selectionToken,
  };
  return { conflicts: [], changes: [], selection };
}

/**
 * Why the existing selections of the name may not be kept, or undefined.
 * Selections cannot be updated in place, so a drifted one, even the suite's
 * own, is refused with its differences rather than replaced.
 */
function judgeSelections(
  desired: DesiredBackupPlan,
  selections: SelectionDetails[],
): string | undefined {
  const { name } = desired.selection;
  const what = `The backup selection ${name} of plan ${desired.settings.planName}`;
  if (selections.length > 1) {
    return `${what} exists ${selections.length} times (${selections
      .map(s => s.id)
      .join(', ')}); remove the duplicates first`;
  }
  const [selection] = selections;
  const verdict = judgeExisting(
    ownershipFromToken(selection.creatorRequestId, desired.lineage),
    desired.lineage,
    `${what} (${selection.id})`,
  );
  if (verdict.kind === 'conflict') {
    return verdict.reason;
  }
  const differences = selectionDifferences(selection.body, desired.selection);
  if (differences.length === 0) {
    return undefined;
  }
  return `${what} (${
    selection.id
  }) selects other resources than requested: ${differences.join(
    '; ',
  )}. AWS Backup cannot change a selection in place and it was left as it is; delete it in AWS Backup to have this task recreate it, or choose another plan name`;
}

function createPlanChange(desired: DesiredBackupPlan): BackupPlanChange {
  const { settings } = desired;
  return {
    kind: 'createPlan',
    key: desired.planKey,
    description: `Create backup plan ${settings.planName} in ${
      desired.where
    }: rule ${settings.ruleName}, ${settings.schedule} UTC into ${
      settings.vaultName
    }, ${describeLifecycle(settings)}, copies to ${
      settings.copyTo.length ? settings.copyTo.join(', ') : 'none'
    }, owner ${desired.tags.owner}`,
  };
}

function createSelectionChange(
  desired: DesiredBackupPlan,
  planId?: string,
): BackupPlanChange {
  const { selection } = desired;
  return {
    kind: 'createSelection',
    key: desired.selectionKey,
    planId,
    description: `Assign resources tagged ${selection.tagKey}=${selection.tagValue} to the plan (selection ${selection.name}, role ${selection.iamRoleArn})`,
  };
}

function conflict(reason: string): BackupPlanPlan {
  return { conflicts: [reason], changes: [] };
}

function describeLifecycle(settings: PlanSettings): string {
  return settings.coldStorageAfterDays === undefined
    ? `deleted after ${settings.deleteAfterDays} days`
    : `cold storage after ${settings.coldStorageAfterDays} days, deleted after ${settings.deleteAfterDays}`;
}
