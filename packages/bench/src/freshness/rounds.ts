/**
 * The measurement rounds. Scope changes are made one at a time, so that
 * each one's AWS calls are its own (the counting proxy's counts are taken
 * between changes); organization changes are made together, since each
 * costs a full refresh and RefreshTrigger gathers them into one.
 */
import type { OperationCount } from '../countingProxy.ts';
import type { SeededAccount } from '@internal/local-aws';
import { is } from './childLink.ts';
import type { ChildLink } from './childLink.ts';
import { makeChange } from './changeKinds.ts';
import type { ChangeContext, ChangeKind, MadeChange } from './changeKinds.ts';
import type { FromChild, RefreshResult } from './protocol.ts';

export type RoundDeps = {
  link: ChildLink;
  change: ChangeContext;
  /** Sends one message to the queue, as EventBridge does for each event. */
  publish(event: Record<string, unknown>): Promise<void>;
  /** The event path's AWS calls since the last take (the queue's are not counted). */
  takeCounts(): OperationCount[];
  waitMs: number;
};

export type ChangeSample = {
  label: string;
  accountId: string;
  /** From the change made in moto to the mutation holding it; absent if it never came. */
  latencyMs?: number;
  mutation?: 'delta' | 'full';
};

export type RoundResult = {
  name: string;
  samples: ChangeSample[];
  counts: OperationCount[];
  /** Full refreshes the round's events started (organization changes). */
  refreshes: RefreshResult[];
  /** The first change's events, to publish again later as an old event. */
  replay?: Record<string, unknown>[];
};

let nextId = 0;

/** A change made, with the state to wait for registered in the child. */
type Pending = {
  id: string;
  made: MadeChange;
  at: number;
  sample: ChangeSample;
};

async function made(
  deps: RoundDeps,
  kind: ChangeKind,
  account: SeededAccount,
  label: string,
): Promise<Pending> {
  const change = await makeChange(kind, deps.change, account, label);
  const at = Date.now();
  const id = `change-${++nextId}`;
  deps.link.send({ type: 'expect', id, match: change.expected });
  await deps.link.next(is('expecting', id), 10_000, `expect ${label}`);
  return { id, made: change, at, sample: { label, accountId: account.id } };
}

/** Waits for the mutation holding the change; leaves the latency unset if none comes in time. */
async function arrival(deps: RoundDeps, p: Pending, waitMs: number) {
  const seen =
    deps.link.received.find(is('seen', p.id)) ??
    (await deps.link
      .next(is('seen', p.id), waitMs, p.sample.label)
      .catch(() => undefined));
  if (seen && seen.type === 'seen') {
    p.sample.latencyMs = seen.at - p.at;
    p.sample.mutation = seen.mutation;
  }
}

/** Waits until the event path has nothing queued or running (bounded). */
async function settled(deps: RoundDeps): Promise<void> {
  deps.link.send({ type: 'idle' });
  await deps.link.next(is('idle'), deps.waitMs, 'the coalescer to be idle');
}

function mergeCounts(into: OperationCount[], more: OperationCount[]) {
  for (const count of more) {
    const same = into.find(
      c => c.service === count.service && c.operation === count.operation,
    );
    if (!same) into.push({ ...count });
    else {
      same.calls += count.calls;
      same.throttled += count.throttled;
      same.errors += count.errors;
      same.substituted += count.substituted;
    }
  }
}

/** One scope change at a time: make it, publish its events, wait for the catalog. */
export async function scopeRound(
  deps: RoundDeps,
  kind: ChangeKind,
  accounts: SeededAccount[],
  log: (message: string) => void,
): Promise<RoundResult> {
  const result: RoundResult = {
    name: kind,
    samples: [],
    counts: [],
    refreshes: [],
  };
  for (const [i, account] of accounts.entries()) {
    deps.takeCounts();
    const p = await made(deps, kind, account, `f${i + 1}`);
    for (const event of p.made.events) await deps.publish(event);
    await arrival(deps, p, deps.waitMs);
    await settled(deps);
    mergeCounts(result.counts, deps.takeCounts());
    result.samples.push(p.sample);
    result.replay ??= p.made.events;
    log(
      `${kind} ${i + 1}/${accounts.length}: ${
        p.sample.latencyMs === undefined
          ? 'not in the catalog'
          : `${(p.sample.latencyMs / 1000).toFixed(1)} s (${p.sample.mutation})`
      }`,
    );
  }
  return result;
}

/**
 * Organization changes (OUs created), all made, then all published:
 * RefreshTrigger starts one full refresh for them. `alsoAwaited` are changes made before
 * without an event (the dropped ones): the same refresh must bring them.
 */
export async function organizationRound(
  deps: RoundDeps,
  accounts: SeededAccount[],
  alsoAwaited: Pending[],
  refreshBoundMs: number,
): Promise<RoundResult & { pending: Pending[] }> {
  deps.takeCounts();
  const before = deps.link.received.length;
  const pending: Pending[] = [];
  for (const [i, account] of accounts.entries()) {
    pending.push(await made(deps, 'ou-created', account, `ou-${i + 1}`));
  }
  for (const p of pending) {
    for (const event of p.made.events) await deps.publish(event);
  }
  const bound = deps.waitMs + refreshBoundMs;
  await Promise.all(
    [...pending, ...alsoAwaited].map(p => arrival(deps, p, bound)),
  );
  const triggered = (m: FromChild) =>
    m.type === 'refreshed' && m.result.triggered;
  if (!deps.link.received.slice(before).some(triggered)) {
    await deps.link
      .next(
        (m): m is FromChild => triggered(m),
        deps.waitMs,
        'the triggered refresh',
      )
      .catch(() => undefined);
  }
  await settled(deps);
  const refreshes = deps.link.received
    .slice(before)
    .flatMap(m =>
      m.type === 'refreshed' && m.result.triggered ? [m.result] : [],
    );
  return {
    name: 'ou-created',
    pending,
    samples: pending.map(p => p.sample),
    counts: deps.takeCounts(),
    refreshes,
  };
}

export { made, arrival, settled, mergeCounts };
export type { Pending };
