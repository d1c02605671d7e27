import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import { logAppliedChange } from '../lib/changeLog';
import {
  applySubdomainChange,
  AppliedSubdomainChange,
  ApplyContext,
} from './applySubdomainChange';
import type { SubdomainPlan } from './subdomainPlan';

/** Applies the plan in order; says what was done when a change fails. */
export async function applySubdomainPlan(
  ctx: Pick<ActionContext<any, any, 'v2'>, 'checkpoint' | 'logger'>,
  plan: SubdomainPlan,
  context: ApplyContext,
): Promise<{ zoneId: string; createdNow: boolean }> {
  let zoneId = context.zoneId;
  let createdNow = false;
  const done: string[] = [];
  try {
    for (const change of plan.changes) {
      // The zone of the changes before this one (a new zone's id is only known then).
      const current: ApplyContext = { ...context, zoneId };
      const applied: AppliedSubdomainChange = await ctx.checkpoint({
        key: change.key,
        fn: () => applySubdomainChange(change, current),
      });
      zoneId = applied.zoneId;
      createdNow ||= change.kind === 'createZone' && applied.changed;
      logAppliedChange(
        ctx.logger,
        applied.changed
          ? change.description
          : `${change.description} (it was done already)`,
        applied.requestIds.map(requestId => ({ $metadata: { requestId } })),
      );
      done.push(change.description);
    }
  } catch (error) {
    const remaining = plan.changes.slice(done.length).map(c => c.description);
    ctx.logger.error(
      `Stopped. Done so far: ${
        done.join('; ') || 'nothing'
      }. Not done: ${remaining.join(
        '; ',
      )}. Running the task again resumes from here and creates nothing twice.`,
    );
    throw error;
  }
  if (!zoneId) throw new Error('The plan left no zone');
  return { zoneId, createdNow };
}
