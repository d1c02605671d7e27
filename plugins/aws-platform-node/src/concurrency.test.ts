import { mapSettled } from './concurrency';

describe('mapSettled', () => {
  it('never runs more than the limit at once and keeps input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapSettled([5, 1, 3, 2, 4], 2, async n => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise(resolve => setTimeout(resolve, n));
      inFlight--;
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results.map(r => r.status === 'fulfilled' && r.value)).toEqual([
      50, 10, 30, 20, 40,
    ]);
  });

  it('reports a failure without stopping the other items', async () => {
    const results = await mapSettled(['a', 'b', 'c'], 3, async item => {
      if (item === 'b') throw new Error('denied');
      return item;
    });
    expect(results[0]).toEqual({ status: 'fulfilled', value: 'a' });
    expect(results[1]).toMatchObject({ status: 'rejected' });
    expect(results[2]).toEqual({ status: 'fulfilled', value: 'c' });
  });
});
