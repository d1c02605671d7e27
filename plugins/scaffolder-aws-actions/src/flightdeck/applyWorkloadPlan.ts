import type { LoggerService } from '@backstage/backend-plugin-api';
import { AppliedChange, applyWorkloadChange } from './applyWorkloadChange';
import type { WorkloadClients } from './workloadClients';
import type { WorkloadChange } from './workloadPlan';

/** What {@link applyWorkloadPlan} needs of the task. */
export interface PlanRun {
  appName: string;
  clients: WorkloadClients;
  logger: Pick<LoggerService, 'info' | 'error'>;
  /** The task's checkpoint: a resumed task skips the changes it stored. */
  checkpoint(options: {
    key: string;
    fn: () => Promise<AppliedChange>;
  }): Promise<AppliedChange>;
  syncTimeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Applies the plan's changes in order, each inside its checkpoint. When one
 * fails, the log says what was done, what was not, and that running the
 * task again resumes. Returns whether AWS was changed.
 */
export async function applyWorkloadPlan(
  changes: WorkloadChange[],
  run: PlanRun,
): Promise<boolean> {
  const { logger } = run;
  const done: string[] = [];
  let changed = false;
  try {
    for (const [i, change] of changes.entries()) {
      if (run.signal?.aborted) {
        throw new Error('The task was cancelled');
      }
      logger.info(`(${i + 1}/${changes.length}) ${change.description}`);
      const applied = await run.checkpoint({
        key: change.key,
        fn: () =>
          applyWorkloadChange(change, run.clients, {
            syncTimeoutMs: run.syncTimeoutMs,
            signal: run.signal,
            logger,
          }),
      });
      changed = changed || applied.changed;
      done.push(
        applied.changed
          ? change.description
          : `${change.description} (it existed already)`,
      );
    }
  } catch (error) {
    const remaining = changes.slice(done.length).map(c => c.description);
    logger.error(
      `Stopped while setting up ${run.appName}. Done so far: ${
        done.length ? done.join('; ') : 'nothing'
      }. Not done: ${remaining.join(
        '; ',
      )}. Everything else the workload needs existed before. Running the task again resumes from here and creates nothing twice.`,
    );
    throw error;
  }
  logger.info(
    `Workload ${run.appName} is set up: ${done.length} change${
      done.length === 1 ? '' : 's'
    }.`,
  );
  return changed;
}
