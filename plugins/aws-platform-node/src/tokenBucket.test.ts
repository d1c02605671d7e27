import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  it('lets a burst through at once, then paces at the refill rate', async () => {
    let now = 0;
    const bucket = new TokenBucket({
      ratePerSecond: 10,
      burst: 3,
      now: () => now,
    });
    for (let i = 0; i < 3; i++) {
      await bucket.take();
    }
    let fourthDone = false;
    const fourth = bucket.take().then(() => {
      fourthDone = true;
    });
    await new Promise(resolve => setTimeout(resolve, 30));
    expect(fourthDone).toBe(false);
    now += 100; // one token's worth at 10 per second
    await fourth;
    expect(fourthDone).toBe(true);
  });

  it('serves waiters in order', async () => {
    let now = 0;
    const bucket = new TokenBucket({
      ratePerSecond: 1000,
      burst: 1,
      now: () => now,
    });
    const order: number[] = [];
    const takes = [1, 2, 3].map(n =>
      bucket.take().then(() => {
        order.push(n);
        now += 1;
      }),
    );
    now += 1;
    await Promise.all(takes);
    expect(order).toEqual([1, 2, 3]);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0 })).toThrow(RangeError);
  });
});
