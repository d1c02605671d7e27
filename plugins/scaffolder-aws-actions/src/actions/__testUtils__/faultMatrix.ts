import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { recordMatrixRow } from '@internal/local-aws';
import type { FaultProxy, FaultRule } from '@internal/local-aws';

/**
 * What the scaffolder keeps of a task between its runs: the values of the
 * checkpoints that succeeded, by key. A resumed (or rerun) task gets them
 * back; a checkpoint that failed, or whose process died before it was
 * persisted, runs again.
 */
export type TaskState = Map<string, unknown>;

/** The user every task of the matrix runs for. */
export const FAULT_MATRIX_USER = 'user:default/fault-matrix';

/** Where a run is killed: at the n-th AWS change, before or after AWS made it. */
export type KillPoint = { change: number; when: 'before' | 'after' };

/** An action as the harness runs it. */
export type RunnableAction = {
  handler(ctx: any): Promise<void>;
};

/**
 * An action context whose checkpoints behave as the scaffolder's task
 * runner (NunjucksWorkflowRunner) does: a stored success is returned without
 * running `fn` again, a new success is stored as `value ?? {}`, a failure is
 * not reused. Nothing is stored once `alive()` turns false: a dead process
 * writes no task state.
 */
export function taskContext(options: {
  input: JsonObject;
  taskId: string;
  state: TaskState;
  signal: AbortSignal;
  alive: () => boolean;
}) {
  const ctx = createMockActionContext({
    input: options.input,
    task: { id: options.taskId } as any,
    // Changes are made in a session named after the task's user.
    user: { ref: FAULT_MATRIX_USER },
  });
  return Object.assign(ctx, {
    signal: options.signal,
    async checkpoint<T>(opts: { key: string; fn: () => Promise<T> }) {
      if (options.state.has(opts.key)) {
        return options.state.get(opts.key) as T;
      }
      const value = await opts.fn();
      if (options.alive()) options.state.set(opts.key, value ?? {});
      return value;
    },
  });
}

/** The outcome of running one task until it succeeded. */
export type TaskOutcome = {
  /** Runs of the handler: the first, and each resume or rerun. */
  runs: number;
  /** Whether the kill point was reached (the first run died there). */
  killed: boolean;
  /** The error of each failed run, in order. */
  errors: unknown[];
  /** Outputs of the successful run. */
  outputs: Record<string, unknown>;
};

/**
 * Runs a scaffolder task through the fault proxy until it succeeds, as the
 * scaffolder would: with `kill`, the first run's process dies at that AWS
 * change (the proxy drops the request before or after AWS acted, and every
 * request after it, as nothing more leaves a dead process), and the task is
 * resumed with the checkpoints it had persisted. A run that fails under
 * `rules` is run again with the same task id, up to `maxRuns`.
 */
export async function runTaskUntilDone(options: {
  proxy: FaultProxy;
  /** A fresh action per run, as a restarted backend would build it. */
  createAction: () => RunnableAction;
  input: JsonObject;
  taskId: string;
  kill?: KillPoint;
  rules?: FaultRule[];
  /** Faults may be drawn per run with another seed. */
  seed?: number;
  maxRuns?: number;
}): Promise<TaskOutcome> {
  const { proxy, kill } = options;
  const maxRuns = options.maxRuns ?? 6;
  const state: TaskState = new Map();
  const errors: unknown[] = [];
  let killed = false;
  for (let run = 1; ; run++) {
    const controller = new AbortController();
    // Set by the kill; a dead process persists no checkpoint.
    const life = { alive: true };
    const rules = [
      ...(run === 1 && kill
        ? [
            {
              name: 'kill',
              match: { mutating: true },
              skip: kill.change - 1,
              times: 1,
              fault: { kind: 'drop', when: kill.when },
            } satisfies FaultRule,
          ]
        : []),
      ...(options.rules ?? []),
    ];
    proxy.setRules(rules, `${options.seed ?? 1}:${options.taskId}:${run}`);
    const unsubscribe = proxy.onFault(event => {
      if (event.name !== 'kill') return;
      life.alive = false;
      proxy.setOffline(true);
      controller.abort();
    });
    const ctx = taskContext({
      input: options.input,
      taskId: options.taskId,
      state,
      signal: controller.signal,
      alive: () => life.alive,
    });
    try {
      await options.createAction().handler(ctx);
      if (!life.alive) {
        throw new Error('the run went on after its process died');
      }
      const outputs = Object.fromEntries(
        (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [
          name,
          value,
        ]),
      );
      return { runs: run, killed, errors, outputs };
    } catch (error) {
      errors.push(error);
      if (run >= maxRuns) throw error;
    } finally {
      killed ||= !life.alive;
      unsubscribe();
      proxy.setOffline(false);
      proxy.setRules([]);
    }
  }
}

/** How many AWS changes one undisturbed run makes, counted by the proxy. */
export async function countChanges(
  proxy: FaultProxy,
  run: () => Promise<unknown>,
  isChange: (operation: string) => boolean,
): Promise<string[]> {
  proxy.resetStats();
  await run();
  return proxy
    .stats()
    .operations.filter(op => isChange(op.operation))
    .flatMap(op => Array(op.calls).fill(`${op.service}:${op.operation}`));
}

/**
 * One AWS resource as an inventory lists it: `id` is what AWS identifies it
 * by (a second copy gets another id), `name` what the action means to
 * create once (a second copy has the same name).
 */
export type InventoryItem = { id: string; name: string };

/**
 * Lists every resource of the kinds an action creates, in every account and
 * zone it changes, from the emulator (through the proxy while it injects
 * nothing).
 */
export type Inventory = () => Promise<InventoryItem[]>;

/** The cells of a matrix row that AWS's state decides, measured by listing it. */
export type MeasuredCells = {
  /** Resources listed before the row's tasks ran. */
  before: number;
  /** Resources listed after them. */
  after: number;
  /** Resources listed before and missing after. */
  lost: number;
  /** Copies beyond the first of each name, after. */
  duplicates: number;
};

/** The cells from the inventory before and after a row. */
export function measureCells(
  before: InventoryItem[],
  after: InventoryItem[],
): MeasuredCells {
  const afterIds = new Set(after.map(item => item.id));
  const copies = new Map<string, number>();
  for (const { name } of after) copies.set(name, (copies.get(name) ?? 0) + 1);
  return {
    before: before.length,
    after: after.length,
    lost: before.filter(item => !afterIds.has(item.id)).length,
    duplicates: [...copies.values()].reduce((sum, n) => sum + n - 1, 0),
  };
}

/**
 * Lists the inventory now, before a row's tasks run; `finish()` lists it
 * again and measures the row's cells.
 */
export async function startMeasure(
  inventory: Inventory,
): Promise<{ finish(): Promise<MeasuredCells> }> {
  const before = await inventory();
  return { finish: async () => measureCells(before, await inventory()) };
}

/**
 * The names of the `rules` that injected no fault since the proxy's last
 * reset, counted under each rule's own name. A row must meet its own fault
 * (an empty list); any other fault does not count.
 */
export function rulesThatNeverFired(
  proxy: FaultProxy,
  rules: FaultRule[],
): string[] {
  const { faults } = proxy.stats();
  return rules
    .map(rule => rule.name ?? rule.fault.kind)
    .filter(name => !((faults[name] ?? 0) > 0));
}

/** A task's outcome with what AWS holds afterwards. */
export type CheckedOutcome = TaskOutcome & {
  duplicates: number;
  /** The resources of the task found in AWS afterwards. */
  found: number;
};

/**
 * Adds an action's row to the fault matrix report (docs/reliability.md):
 * the tasks run under one fault, the proxy's counts of retries and injected
 * faults since its last reset, and the `measured` cells (see
 * {@link startMeasure}). Throws, after recording the row, when the row has
 * no measured cells or lost or duplicated a resource.
 */
export function recordActionRow(options: {
  subject: string;
  /** What the inventory counts, e.g. "zones + NS record sets". */
  unit: string;
  fault: string;
  outcomes: CheckedOutcome[];
  proxy: FaultProxy;
  /** Required; optional in the type only for callers written before it. */
  measured?: MeasuredCells;
}): void {
  const { outcomes, measured } = options;
  if (!measured) {
    throw new Error(
      `The row '${options.fault}' has no measured cells; list the resources with startMeasure() around its tasks`,
    );
  }
  const stats = options.proxy.stats();
  const sum = (of: (o: CheckedOutcome) => number) =>
    outcomes.reduce((total, o) => total + of(o), 0);
  const failed = sum(o => o.errors.length);
  recordMatrixRow({
    subject: options.subject,
    fault: options.fault,
    runs: sum(o => o.runs),
    outcome: `${outcomes.length} task${outcomes.length > 1 ? 's' : ''} done${
      failed
        ? `, ${failed} run${failed > 1 ? 's' : ''} stopped and resumed`
        : ''
    }`,
    ...measured,
    unit: options.unit,
    retries: stats.retries,
    faults: Object.values(stats.faults).reduce((a, b) => a + b, 0),
  });
  // The measured counts, asserted after the row is recorded so a failing
  // row still shows in the report.
  expect(measured.lost).toBe(0);
  expect(measured.duplicates).toBe(0);
}

/**
 * A row of an action's fault matrix: a label for task names, the fault as
 * the report names it, how many tasks run under it, and the proxy's rules.
 */
export type FaultRow = [
  label: string,
  fault: string,
  tasks: number,
  rules: FaultRule[],
];

/** The faults every action's matrix runs under, as the report names them. */
const COMMON_FAULTS = {
  throttled: {
    fault: '20 % throttling',
    rules: [
      { name: 'throttled', fault: { kind: 'throttle' }, probability: 0.2 },
    ],
  },
  failing: {
    fault: '10 % HTTP 5xx',
    rules: [
      { name: 'failing', fault: { kind: 'server-error' }, probability: 0.1 },
    ],
  },
  slow: {
    fault: '500 ms latency',
    rules: [{ name: 'slow', fault: { kind: 'latency', ms: 500 } }],
  },
  lossy: {
    fault: '30 % of the answers to changes lost (AWS acted)',
    rules: [
      {
        name: 'lossy',
        match: { mutating: true },
        fault: { kind: 'drop', when: 'after' },
        probability: 0.3,
      },
    ],
  },
} satisfies Record<string, { fault: string; rules: FaultRule[] }>;

/**
 * One of the common faults as a matrix row, with as many tasks as an action
 * needs for the seeded draws to hit it. Its rule is named after `label`, so
 * the proxy counts its faults under that name.
 */
export function commonFaultRow(
  label: keyof typeof COMMON_FAULTS,
  tasks: number,
): FaultRow {
  const { fault, rules } = COMMON_FAULTS[label];
  return [label, fault, tasks, rules];
}

/**
 * Runs a task once while the proxy denies `accountId` (as an SCP or a
 * missing role would), then allows the account again. Returns the run's
 * error, or its outcome had it succeeded.
 */
export async function runOnceDenied(options: {
  proxy: FaultProxy;
  accountId: string;
  createAction: () => RunnableAction;
  input: JsonObject;
  taskId: string;
}): Promise<unknown> {
  const { proxy, accountId, ...task } = options;
  proxy.denyAccount(accountId);
  try {
    return await runTaskUntilDone({ proxy, ...task, maxRuns: 1 }).catch(
      error => error,
    );
  } finally {
    proxy.allowAccount(accountId);
  }
}

/** A task refused once by `denial`, then run until done, as one outcome. */
export function deniedThenDone(
  denial: unknown,
  done: CheckedOutcome,
): CheckedOutcome {
  return { ...done, runs: done.runs + 1, errors: [denial, ...done.errors] };
}
