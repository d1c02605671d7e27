/**
 * The two things the event path asks of Backstage's scheduler, without a
 * database: the aws-sqs module's polling task (scheduled with frequency 0,
 * i.e. run again as soon as it ends) and `triggerTask` for the provider's
 * refresh, which RefreshTrigger calls on an organization change. As the
 * real scheduler, a trigger while the refresh runs is refused with a
 * ConflictError (RefreshTrigger then tries again), and a triggered refresh
 * starts at once.
 */
import type { SchedulerService } from '@backstage/backend-plugin-api';

export type BenchScheduler = {
  scheduler: SchedulerService;
  /** Runs the refresh now, as the schedule would; refused while one runs. */
  runRefresh(triggered: boolean): Promise<void>;
  stop(): void;
};

export function benchScheduler(
  refreshTaskId: string,
  refresh: (triggered: boolean) => Promise<void>,
): BenchScheduler {
  let stopped = false;
  let current: Promise<void> | undefined;
  const abort = new AbortController();
  const runRefresh = (triggered: boolean) => {
    if (current) {
      const error = new Error(`task ${refreshTaskId} is running`);
      error.name = 'ConflictError';
      return Promise.reject(error);
    }
    current = refresh(triggered).finally(() => {
      current = undefined;
    });
    return current;
  };
  const scheduler = {
    async scheduleTask(task: {
      fn: (signal: AbortSignal) => Promise<void> | void;
    }) {
      const loop = async () => {
        while (!stopped) await task.fn(abort.signal);
      };
      loop().catch(() => {});
    },
    async triggerTask(id: string) {
      if (id !== refreshTaskId) {
        const error = new Error(`no task ${id}`);
        error.name = 'NotFoundError';
        throw error;
      }
      if (current) await runRefresh(true);
      // Started, not awaited: the real scheduler's trigger returns at once.
      runRefresh(true).catch(() => {});
    },
  } as unknown as SchedulerService;
  return {
    scheduler,
    runRefresh,
    stop() {
      stopped = true;
      abort.abort();
    },
  };
}
