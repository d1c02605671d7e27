import { baselineLatency, percentile, summarize } from './percentiles.ts';

describe('percentile', () => {
  it('takes the nearest rank, a measured value', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 100);
    expect(percentile(twenty, 50)).toBe(1000);
    expect(percentile(twenty, 95)).toBe(1900);
    expect(percentile(twenty, 100)).toBe(2000);
  });

  it('does not depend on the order of the samples', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
  });

  it('has no percentile of nothing, and refuses a percentile out of range', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });

  it('summarizes one sample as itself', () => {
    expect(summarize([7])).toEqual({ count: 1, p50: 7, p95: 7, max: 7 });
  });
});

describe('baselineLatency', () => {
  it('waits half the cadence at the median and 95 % of it at p95, plus the refresh', () => {
    expect(baselineLatency(30 * 60_000, 100_000)).toEqual({
      count: 0,
      p50: 15 * 60_000 + 100_000,
      p95: 28.5 * 60_000 + 100_000,
      max: 30 * 60_000 + 100_000,
    });
  });
});
