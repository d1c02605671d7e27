/**
 * The run, in order: the baseline full refresh (which also fills the
 * catalog the events start from), one round per scope change kind, the
 * duplicated and reordered round, the dropped round, then the organization
 * changes, whose full refresh must also repair the dropped changes; last,
 * what the events' catalog lacked against that refresh.
 */
import type { LargeEstate } from '@internal/local-aws';
import type { CountingProxy, OperationCount } from '../countingProxy.ts';
import { compareWithRefresh } from './catalogComparison.ts';
import { is } from './childLink.ts';
import type { ChildLink } from './childLink.ts';
import type { ChangeContext } from './changeKinds.ts';
import type { FreshnessArgs } from './freshnessArgs.ts';
import { refreshSummary } from './freshnessReport.ts';
import type { RobustFigures } from './freshnessReport.ts';
import type { RefreshResult } from './protocol.ts';
import type { Queue } from './queue.ts';
import {
  catalogRefs,
  droppedRound,
  duplicatedReorderedRound,
} from './robustRound.ts';
import { organizationRound, scopeRound } from './rounds.ts';
import type { RoundDeps, RoundResult } from './rounds.ts';

/** The shipped refresh's timeout: no full refresh is waited for longer. */
const REFRESH_BOUND_MS = 20 * 60_000;
/** The shipped coalescing window, and as much again: quiet enough to see no read. */
const QUIET_MS = 10_000;

export type Measured = {
  estate: {
    accounts: number;
    zones: number;
    clusters: number;
    plans: number;
    seededMs: number;
  };
  baseline: {
    cadenceMs: number;
    refresh: RefreshResult;
    calls: number;
    counts: OperationCount[];
  };
  rounds: RoundResult[];
  robust: RobustFigures;
  logLines: string[];
  complete: boolean;
};

async function baselineRefresh(deps: RoundDeps) {
  deps.takeCounts();
  deps.link.send({ type: 'fullRefresh' });
  const { result } = await deps.link.next(
    is('refreshed'),
    REFRESH_BOUND_MS,
    'the full refresh',
  );
  const counts = deps.takeCounts();
  return {
    refresh: result,
    counts,
    calls: counts.reduce((n, c) => n + c.calls, 0),
  };
}

export async function measureAll(o: {
  args: FreshnessArgs;
  estate: LargeEstate;
  link: ChildLink;
  change: ChangeContext;
  queue: Queue;
  proxy: CountingProxy;
  log: (message: string) => void;
}): Promise<Measured> {
  const { args, link, log } = o;
  const deps: RoundDeps = {
    link,
    change: o.change,
    publish: event => o.queue.send(event),
    // The queue is read straight from moto: every call here is the event path's.
    takeCounts: () => o.proxy.take(),
    waitMs: args.waitS * 1000,
  };
  await link.next(is('ready'), 60_000, 'the event path to start');
  log('baseline: one full refresh (it also fills the catalog)');
  const baseline = await baselineRefresh(deps);
  log(
    `full refresh: ${refreshSummary(baseline.refresh)}, ${
      baseline.calls
    } calls, ${baseline.refresh.entities} entities, ${
      baseline.refresh.failures.length
    } failures`,
  );
  const workloads = o.estate.workloads;
  const forKinds = workloads.slice(0, args.changes);
  const forDuplicated = workloads.slice(
    args.changes,
    args.changes + args.robustChanges,
  );
  const forDropped = workloads.slice(
    args.changes + args.robustChanges,
    args.changes + 2 * args.robustChanges,
  );
  const rounds: RoundResult[] = [];
  for (const kind of [
    'zone',
    'eks',
    'backup',
    'account-tag',
    'account-move',
  ] as const) {
    rounds.push(await scopeRound(deps, kind, forKinds, log));
  }
  log('events duplicated and reordered');
  const duplicated = await duplicatedReorderedRound(
    deps,
    forDuplicated,
    rounds[0].replay ?? [],
  );
  log('events dropped');
  const dropped = await droppedRound(deps, forDropped, QUIET_MS);
  const before = await catalogRefs(deps);
  log(
    'organization changes (OUs created): the full refresh they start must also repair the dropped changes',
  );
  const refreshBound = Math.max(3 * baseline.refresh.durationMs, 60_000);
  const organization = await organizationRound(
    deps,
    forKinds,
    dropped.pending,
    refreshBound,
  );
  const { pending: _made, ...organizationResult } = organization;
  rounds.push(organizationResult);
  const after = await catalogRefs(deps);
  const refreshOnly = [...dropped.pending, ...organization.pending];
  const { lost, stale } = compareWithRefresh(
    before,
    after,
    new Set(refreshOnly.map(p => p.made.expected.title)),
  );
  const repaired = dropped.pending.filter(
    p => p.sample.mutation === 'full',
  ).length;
  const robust: RobustFigures = {
    duplicated,
    dropped: {
      made: dropped.pending.length,
      seenByEvents: dropped.seenByEvents,
      repaired,
      calls: dropped.calls,
    },
    repairRefresh: organization.refreshes[0],
    lost,
    stale,
  };
  const allArrived = [...rounds, duplicated].every(r =>
    r.samples.every(x => x.latencyMs !== undefined),
  );
  return {
    estate: {
      accounts: workloads.length + 3,
      zones: o.estate.zones.length + 1,
      clusters: o.estate.clusters.length,
      plans: o.estate.plans,
      seededMs: o.estate.durationMs,
    },
    baseline: { cadenceMs: args.cadenceMin * 60_000, ...baseline },
    rounds,
    robust,
    logLines: link.logLines,
    complete:
      allArrived && lost.length === 0 && repaired === dropped.pending.length,
  };
}
