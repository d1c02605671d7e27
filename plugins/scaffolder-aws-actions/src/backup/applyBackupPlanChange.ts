import type { BackupClient } from '@aws-sdk/client-backup';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { logAppliedChange } from '../lib/changeLog';
import type { BackupPlanChange, DesiredBackupPlan } from './backupPlanPlan';
import { judgePlan } from './backupPlanPlan';
import { createPlan, findPlansByName, getPlan } from './backupPlans';
import { createTagSelection } from './backupSelections';

/** What a change left behind, kept in its checkpoint (plain JSON). */
export type AppliedBackupPlanChange =
  | { kind: 'plan'; id: string; arn: string; changed: boolean }
  | { kind: 'selection'; id: string; changed: boolean };

/**
 * Applies one change of the plan so that running it again after a kill (the
 * AWS call done, the checkpoint not yet stored) changes nothing: both writes
 * carry this task's CreatorRequestId, which AWS Backup uses to return what
 * the first attempt made instead of making it twice. `planId` is the plan a
 * selection goes into when the same run created it.
 */
export async function applyBackupPlanChange(
  change: BackupPlanChange,
  context: {
    client: BackupClient;
    desired: DesiredBackupPlan;
    planId?: string;
    logger: Pick<LoggerService, 'info'>;
  },
): Promise<AppliedBackupPlanChange> {
  const { client, desired, logger } = context;
  if (change.kind === 'createPlan') {
    return createPlanOnce(client, desired, logger);
  }
  const planId = change.planId ?? context.planId;
  if (!planId) {
    throw new Error('The selection change has no plan to go into');
  }
  const created = await createTagSelection(
    client,
    planId,
    desired.selection,
    desired.selectionToken,
  );
  logAppliedChange(logger, change.description, [created]);
  return { kind: 'selection', id: created.id, changed: true };
}

/**
 * Creates the plan. When AWS says a plan of that name exists (a concurrent
 * run, or moto, which ignores CreatorRequestId), it is judged by the same
 * ownership rule as in the plan: kept when this lineage made it exactly as
 * requested, refused otherwise.
 */
async function createPlanOnce(
  client: BackupClient,
  desired: DesiredBackupPlan,
  logger: Pick<LoggerService, 'info'>,
): Promise<AppliedBackupPlanChange> {
  try {
    const plan = await createPlan(client, desired.settings, {
      creatorRequestId: desired.planToken,
      tags: desired.tags,
    });
    logAppliedChange(
      logger,
      `created backup plan ${desired.settings.planName} (${plan.id}) in ${desired.where}`,
      [plan],
    );
    return { kind: 'plan', id: plan.id, arn: plan.arn, changed: true };
  } catch (error) {
    if ((error as Error).name !== 'AlreadyExistsException') {
      throw error;
    }
    const [found, ...more] = await findPlansByName(
      client,
      desired.settings.planName,
    );
    if (!found || more.length > 0) {
      throw error;
    }
    const current = await getPlan(client, found.id);
    const reason = judgePlan(desired, {
      id: found.id,
      creatorRequestId: current.CreatorRequestId,
      body: current.BackupPlan,
    });
    if (reason) {
      throw new ConflictError(`${reason} (it appeared while this task ran)`);
    }
    return {
      kind: 'plan',
      id: found.id,
      arn: found.arn,
      changed: current.CreatorRequestId === desired.planToken,
    };
  }
}
