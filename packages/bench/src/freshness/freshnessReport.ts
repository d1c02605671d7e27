/**
 * The freshness figures as Markdown tables, and the issue's goals as plain
 * verdicts. Pure: the tests hold the arithmetic and the wording.
 */
import type { OperationCount } from '../countingProxy.ts';
import { markdownTable } from '../report.ts';
import { baselineLatency, summarize } from './percentiles.ts';
import type { RefreshResult } from './protocol.ts';
import type { RoundResult } from './rounds.ts';

export const GOALS = { p95Ms: 30_000, callsPerChange: 5 };

const READS: Record<string, string> = {
  zone: 'the zone named, and its NS record in the parent zone (delta)',
  eks: 'the cluster named (delta)',
  backup: 'the plan named (delta)',
  'account-tag': "the account's tags (delta)",
  'account-move': "the account's parent (delta)",
  'ou-created': 'full refresh (RefreshTrigger)',
};

const s = (ms: number | undefined) =>
  ms === undefined ? '–' : (ms / 1000).toFixed(1);
const total = (counts: OperationCount[]) =>
  counts.reduce((sum, c) => sum + c.calls, 0);

/** The event path's AWS calls per change (counted on the wire, all APIs). */
export function callsPerChange(round: RoundResult): number {
  return round.samples.length ? total(round.counts) / round.samples.length : 0;
}

function latencies(round: RoundResult): number[] {
  return round.samples.flatMap(x =>
    x.latencyMs === undefined ? [] : [x.latencyMs],
  );
}

/** One row per change kind, then the full-refresh-only baseline. */
export function latencyTable(
  rounds: RoundResult[],
  baseline: { cadenceMs: number; refresh: RefreshResult; calls: number },
): string {
  const rows = rounds.map(round => {
    const l = summarize(latencies(round));
    const perChange = callsPerChange(round);
    return [
      round.name,
      READS[round.name] ?? round.name,
      `${l.count}/${round.samples.length}`,
      s(l.p50),
      s(l.p95),
      s(l.max),
      perChange.toFixed(1),
      l.count === round.samples.length && (l.p95 ?? Infinity) <= GOALS.p95Ms
        ? 'meets'
        : 'misses',
      perChange <= GOALS.callsPerChange ? 'meets' : 'misses',
    ];
  });
  const b = baselineLatency(baseline.cadenceMs, baseline.refresh.durationMs);
  rows.push([
    'any (full refresh only)',
    `next scheduled refresh (every ${
      baseline.cadenceMs / 60_000
    } min) + one refresh of ${s(baseline.refresh.durationMs)} s`,
    '–',
    s(b.p50),
    s(b.p95),
    s(b.max),
    `${baseline.calls.toLocaleString('en-US')} per refresh`,
    (b.p95 ?? Infinity) <= GOALS.p95Ms ? 'meets' : 'misses',
    '–',
  ]);
  return markdownTable(
    [
      'change',
      'what reads it',
      'reached',
      'p50 s',
      'p95 s',
      'max s',
      'AWS calls per change',
      `p95 ≤ ${GOALS.p95Ms / 1000} s`,
      `≤ ${GOALS.callsPerChange} calls`,
    ],
    rows,
  );
}

/** AWS calls per change by API, one column per round. */
export function apiTable(rounds: RoundResult[]): string {
  const apis = [
    ...new Set(
      rounds.flatMap(r => r.counts.map(c => `${c.service}:${c.operation}`)),
    ),
  ].sort();
  const perChange = (round: RoundResult, api: string) => {
    const count = round.counts.find(c => `${c.service}:${c.operation}` === api);
    if (!count || !round.samples.length) return '';
    const n = count.calls / round.samples.length;
    return `${Number.isInteger(n) ? n : n.toFixed(2)}${
      count.throttled ? ` (${count.throttled} thr)` : ''
    }`;
  };
  return markdownTable(
    ['API', ...rounds.map(r => r.name)],
    [
      ...apis.map(api => [api, ...rounds.map(r => perChange(r, api))]),
      ['all', ...rounds.map(r => callsPerChange(r).toFixed(2))],
    ],
  );
}

export type RobustFigures = {
  duplicated: RoundResult;
  dropped: {
    made: number;
    seenByEvents: number;
    repaired: number;
    calls: number;
  };
  /** The full refresh that repaired the dropped changes. */
  repairRefresh?: RefreshResult;
  lost: string[];
  stale: string[];
};

export function robustTable(r: RobustFigures): string {
  const l = summarize(latencies(r.duplicated));
  const n = r.duplicated.samples.length;
  return markdownTable(
    [
      'round',
      'changes',
      'reached the catalog',
      'p50 s',
      'p95 s',
      'AWS calls per change',
      'entities lost',
      'stale entities kept',
    ],
    [
      [
        'events duplicated, reordered, an old one again',
        String(n),
        `${l.count}/${n} by delta`,
        s(l.p50),
        s(l.p95),
        callsPerChange(r.duplicated).toFixed(1),
        String(r.lost.length),
        String(r.stale.length),
      ],
      [
        'events dropped',
        String(r.dropped.made),
        `${r.dropped.seenByEvents}/${r.dropped.made} by events (${
          r.dropped.calls
        } AWS calls); ${r.dropped.repaired}/${
          r.dropped.made
        } by the next full refresh${
          r.repairRefresh ? ` (${refreshSummary(r.repairRefresh)})` : ''
        }`,
        '–',
        '–',
        '–',
        '–',
        '–',
      ],
    ],
  );
}

/** The issue's goals, each met or missed, with the figure. */
export function verdicts(
  rounds: RoundResult[],
  robust: RobustFigures,
): string[] {
  const out: string[] = [];
  for (const round of rounds) {
    const l = summarize(latencies(round));
    const all = l.count === round.samples.length;
    const fast = all && (l.p95 ?? Infinity) <= GOALS.p95Ms;
    const calls = callsPerChange(round);
    out.push(
      `${fast ? 'MEETS' : 'MISSES'} p95 ≤ 30 s, ${round.name}: ${
        all
          ? `${s(l.p95)} s`
          : `${round.samples.length - l.count} of ${
              round.samples.length
            } changes never reached the catalog`
      }`,
      `${
        calls <= GOALS.callsPerChange ? 'MEETS' : 'MISSES'
      } ≤ 5 AWS calls per change, ${round.name}: ${calls.toFixed(1)}`,
    );
  }
  const dup = robust.duplicated;
  const dupAll = latencies(dup).length === dup.samples.length;
  out.push(
    `${
      robust.lost.length === 0 && dupAll ? 'MEETS' : 'MISSES'
    } 0 entities lost with events duplicated and reordered: ${
      robust.lost.length
    } lost, ${dup.samples.length - latencies(dup).length} changes missing`,
    `${
      robust.dropped.repaired === robust.dropped.made ? 'MEETS' : 'MISSES'
    } dropped events repaired within one cadence: ${robust.dropped.repaired}/${
      robust.dropped.made
    } by one full refresh`,
  );
  return out;
}

/** A refresh's time, and the accounts whose tags it carried, if any. */
export function refreshSummary(refresh: RefreshResult): string {
  const carried =
    refresh.tagsCarried !== undefined
      ? `, ${refresh.tagsCarried} accounts' tags carried`
      : '';
  return `${s(refresh.durationMs)} s${carried}`;
}
