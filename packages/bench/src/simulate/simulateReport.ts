/**
 * Markdown for the simulation's figures: refresh times, what the time waits
 * on, calls per API, and the schedule they call for.
 */
import { markdownTable } from '../report.ts';
import type { CallCounts } from '../minimum.ts';
import type { WaitCategory } from './awsModel.ts';
import type { SimulationResult } from './simulation.ts';

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
export const seconds = (ms: number) => fmt(ms / 1000, 1);
export const minutes = (ms: number) => fmt(ms / 60_000, 1);
export const percent = (part: number, whole: number) =>
  whole > 0 ? `${fmt((100 * part) / whole)} %` : '–';

/** What each kind of wait means for the refresh. */
const MEANING: Record<string, string> = {
  latency:
    'round trips: calls in flight are bounded by the pools (accountConcurrency × 2 scopes, 4 calls in a scope, `concurrency` in the organization read)',
  credentials:
    "the accounts' first calls waiting for their role (the shared AssumeRole bucket and STS)",
  'throttled: backoff': "AWS's server-side limit: throttled calls backing off",
  'emulator queue': 'the emulator, which answers one request at a time',
};

export function meaningOf(category: WaitCategory): string {
  if (category.startsWith('client bucket: ')) {
    const id = category.slice('client bucket: '.length);
    return `the suite's own client-side ${id} limit (rateLimits.ts)`;
  }
  return MEANING[category] ?? category;
}

/** The kind of wait a phase's calls spent most time on, and its share. */
export function bindingConstraint(
  waits: Map<WaitCategory, number>,
): { category: WaitCategory; share: number } | undefined {
  let total = 0;
  let top: { category: WaitCategory; ms: number } | undefined;
  for (const [category, ms] of waits) {
    total += ms;
    if (!top || ms > top.ms) top = { category, ms };
  }
  return top && { category: top.category, share: top.ms / total };
}

export function bindingLabel(waits: Map<WaitCategory, number>): string {
  const binding = bindingConstraint(waits);
  if (!binding) return '–';
  return `${binding.category} (${fmt(100 * binding.share)} %)`;
}

export function throttledOf(result: SimulationResult): number {
  let n = 0;
  for (const stats of result.operations.values()) n += stats.throttled;
  return n;
}

export function callsOf(result: SimulationResult): number {
  let n = 0;
  for (const stats of result.operations.values()) n += stats.calls;
  return n;
}

/** Every wait of both phases, as shares of each phase's call time. */
export function waitTable(
  rows: { label: string; result: SimulationResult }[],
): string {
  const categories = new Set<WaitCategory>();
  for (const { result } of rows) {
    for (const phase of [result.waits.organization, result.waits.scopes]) {
      for (const category of phase.keys()) categories.add(category);
    }
  }
  const ordered = [...categories].sort();
  const body: string[][] = [];
  for (const { label, result } of rows) {
    for (const [phase, waits] of [
      ['organization read', result.waits.organization],
      ['scopes', result.waits.scopes],
    ] as const) {
      const total = [...waits.values()].reduce((s, ms) => s + ms, 0);
      if (total === 0) continue;
      body.push([
        label,
        phase,
        ...ordered.map(c => percent(waits.get(c) ?? 0, total)),
      ]);
    }
  }
  return markdownTable(['run', 'phase', ...ordered], body);
}

/** Calls per API of some runs beside their minimum. */
export function apiTable(
  columns: {
    label: string;
    result: SimulationResult;
    minimum?: CallCounts;
  }[],
): string {
  const keys = new Set<string>();
  for (const { result } of columns) {
    for (const key of result.operations.keys()) keys.add(key);
  }
  const rows = [...keys].map(key => [
    key,
    ...columns.map(({ result, minimum }) => {
      const stats = result.operations.get(key);
      if (!stats) return '';
      const min = minimum ? ` (${fmt(minimum[key] ?? 0)})` : '';
      const thr = stats.throttled ? ` ${fmt(stats.throttled)} thr` : '';
      return `${fmt(stats.calls)}${min}${thr}`;
    }),
  ]);
  rows.push([
    '**all**',
    ...columns.map(({ result, minimum }) => {
      const min = minimum
        ? ` (${fmt(Object.values(minimum).reduce((s, n) => s + n, 0))})`
        : '';
      return `**${fmt(callsOf(result))}**${min}`;
    }),
  ]);
  return markdownTable(
    ['API', ...columns.map(c => `${c.label}: calls (minimum)`)],
    rows,
  );
}

/**
 * A schedule for a refresh of this length: a timeout with half again as much
 * room (AWS's latency and limits vary, and a timed-out run is wasted), in
 * whole 5 minutes, and a frequency of at least the timeout and 30 minutes.
 */
export function recommendedSchedule(totalMs: number): {
  timeoutMinutes: number;
  frequencyMinutes: number;
} {
  const timeoutMinutes = Math.max(10, Math.ceil((1.5 * totalMs) / 300_000) * 5);
  return {
    timeoutMinutes,
    frequencyMinutes: Math.max(30, Math.ceil(timeoutMinutes / 30) * 30),
  };
}
