import { readFileSync } from 'node:fs';
import type { Job, RunResult } from './protocol.ts';

/** What an implementation reports about its own run. */
export type Outcome = Pick<
  RunResult,
  'entities' | 'entitiesByType' | 'failures'
> & { phases?: Record<string, number> };

/**
 * Runs one job in this child process: `setup` (constructing providers, not
 * timed, as a backend does it once at start), then `run` (one refresh,
 * timed), and sends the result to the orchestrator over IPC.
 */
export async function runJob<TContext>(
  setup: (job: Job) => Promise<TContext>,
  run: (context: TContext, job: Job) => Promise<Outcome>,
): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job;
  const context = await setup(job);
  const loadedRssMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  const outcome = await run(context, job);
  const wallMs = performance.now() - started;
  const result: RunResult = {
    impl: job.impl,
    wallMs,
    phases: outcome.phases ?? {},
    entities: outcome.entities,
    entitiesByType: outcome.entitiesByType,
    failures: outcome.failures,
    // getrusage reports kilobytes on Linux.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    loadedRssMb,
  };
  await new Promise<void>((resolve, reject) =>
    process.send!(result, error => (error ? reject(error) : resolve())),
  );
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
}

/** A LoggerService that keeps quiet but keeps errors and warnings. */
export function quietLogger(sink: string[] = []): any {
  const logger = {
    error: (message: string) => sink.push(`error: ${message}`),
    warn: (message: string) => sink.push(`warn: ${message}`),
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

/** Counts entities by `spec.type` (else kind). */
export function countByType(
  entities: ReadonlyArray<{ kind: string; spec?: { type?: unknown } }>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entity of entities) {
    const type =
      typeof entity.spec?.type === 'string' ? entity.spec.type : entity.kind;
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
