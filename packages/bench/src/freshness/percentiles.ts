/**
 * Latency summaries. Nearest-rank percentiles: with 20 samples, p95 is the
 * 19th smallest, a value that was measured, not one interpolated between
 * two (with few samples an interpolated p95 would be a latency no change had).
 */

/** The p-th percentile (0 < p ≤ 100) of `values` by nearest rank; undefined if empty. */
export function percentile(
  values: readonly number[],
  p: number,
): number | undefined {
  if (!(p > 0 && p <= 100))
    throw new Error(`percentile ${p} is not in (0, 100]`);
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1];
}

export type LatencySummary = {
  count: number;
  p50?: number;
  p95?: number;
  max?: number;
};

export function summarize(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : undefined,
  };
}

/**
 * The full-refresh-only baseline: a change waits for the next scheduled
 * refresh (uniformly between 0 and the cadence), then for that refresh to
 * end. So its latency's p-th percentile is p % of the cadence plus the
 * refresh's duration.
 */
export function baselineLatency(
  cadenceMs: number,
  refreshMs: number,
): LatencySummary {
  return {
    count: 0,
    p50: 0.5 * cadenceMs + refreshMs,
    p95: 0.95 * cadenceMs + refreshMs,
    max: cadenceMs + refreshMs,
  };
}
