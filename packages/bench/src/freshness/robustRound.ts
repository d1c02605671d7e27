/**
 * The events SQS and EventBridge can deliver badly: duplicated (SQS is at
 * least once), reordered (no order across messages), and dropped (a rule
 * or queue misconfigured, a message expired). An event only says which
 * scope to read again, so the first two must still bring every change and
 * lose nothing; dropped ones are the full refresh's to repair.
 */
import type { SeededAccount } from '@internal/local-aws';
import { is } from './childLink.ts';
import { arrival, made, settled } from './rounds.ts';
import type { Pending, RoundDeps, RoundResult } from './rounds.ts';

/**
 * Zones and backup plans created in `accounts`; their events published
 * newest first, then all of them again, then an older event again.
 */
export async function duplicatedReorderedRound(
  deps: RoundDeps,
  accounts: SeededAccount[],
  older: Record<string, unknown>[],
): Promise<RoundResult> {
  deps.takeCounts();
  const pending: Pending[] = [];
  for (const [i, account] of accounts.entries()) {
    pending.push(await made(deps, 'zone', account, `dup${i + 1}`));
    pending.push(await made(deps, 'backup', account, `dup${i + 1}`));
  }
  const events = pending.flatMap(p => p.made.events).reverse();
  for (const event of [...events, ...events, ...older]) {
    await deps.publish(event);
  }
  await Promise.all(pending.map(p => arrival(deps, p, deps.waitMs)));
  await settled(deps);
  const counts = deps.takeCounts();
  return {
    name: 'duplicated+reordered',
    samples: pending.map(p => p.sample),
    counts,
    refreshes: [],
  };
}

/**
 * A zone, a cluster and a plan made in each account with no event at all.
 * Returns them still awaited: the next full refresh must bring them.
 */
export async function droppedRound(
  deps: RoundDeps,
  accounts: SeededAccount[],
  quietMs: number,
): Promise<{ pending: Pending[]; seenByEvents: number; calls: number }> {
  deps.takeCounts();
  const pending: Pending[] = [];
  for (const [i, account] of accounts.entries()) {
    for (const kind of ['zone', 'eks', 'backup'] as const) {
      pending.push(await made(deps, kind, account, `drop${i + 1}`));
    }
  }
  // Longer than the coalescing window: had anything read them, it would show.
  await new Promise(resolve => setTimeout(resolve, quietMs));
  await settled(deps);
  const seenByEvents = pending.filter(p =>
    deps.link.received.some(is('seen', p.id)),
  ).length;
  const calls = deps.takeCounts().reduce((sum, c) => sum + c.calls, 0);
  return { pending, seenByEvents, calls };
}

/** The catalog's refs and titles now. */
export async function catalogRefs(deps: RoundDeps) {
  deps.link.send({ type: 'refs' });
  const { refs } = await deps.link.next(is('refs'), deps.waitMs, 'the refs');
  return refs;
}
