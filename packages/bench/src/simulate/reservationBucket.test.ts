import { ReservationBucket } from './reservationBucket.ts';

describe('ReservationBucket', () => {
  it('lets the burst go at once, then one request per 1/rate, in order', () => {
    const bucket = new ReservationBucket({ ratePerSecond: 10, burst: 2 });
    expect([0, 0, 0, 0].map(() => bucket.reserve(0))).toEqual([0, 0, 100, 200]);
    // Asked at 150 ms: the tokens up to 200 ms are promised already.
    expect(bucket.reserve(150)).toBe(300);
  });

  it('refills while idle, up to the burst only', () => {
    const bucket = new ReservationBucket({ ratePerSecond: 5, burst: 3 });
    [0, 0, 0].forEach(t => bucket.reserve(t));
    // 10 s idle would be 50 tokens; the bucket holds 3.
    expect(
      [10_000, 10_000, 10_000, 10_000].map(t => bucket.reserve(t)),
    ).toEqual([10_000, 10_000, 10_000, 10_200]);
  });

  it('defaults the burst like the suite: ceil(rate), at least 1', () => {
    const half = new ReservationBucket({ ratePerSecond: 0.5 });
    expect([half.reserve(0), half.reserve(0)]).toEqual([0, 2_000]);
    const fast = new ReservationBucket({ ratePerSecond: 2.5 });
    expect([0, 0, 0, 0].map(() => fast.reserve(0))).toEqual([0, 0, 0, 400]);
  });

  it('refuses requests out of time order and rates that are not positive', () => {
    const bucket = new ReservationBucket({ ratePerSecond: 1 });
    bucket.reserve(1_000);
    expect(() => bucket.reserve(999)).toThrow(RangeError);
    expect(() => new ReservationBucket({ ratePerSecond: 0 })).toThrow(
      RangeError,
    );
  });
});
