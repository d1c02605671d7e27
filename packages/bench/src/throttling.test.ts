import { Bucket, Throttle, withLimitOverrides } from './throttling.ts';

describe('Bucket', () => {
  it('allows the burst, then the rate', () => {
    const bucket = new Bucket({ ratePerSecond: 10, burst: 2 }, 0);
    expect([bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(bucket.tryTake(50)).toBe(false);
    expect(bucket.tryTake(100)).toBe(true);
  });
});

describe('Throttle', () => {
  it('keeps one bucket per account, and per region for regional services', () => {
    let now = 0;
    const throttle = new Throttle(
      {
        route53: { ratePerSecond: 1, burst: 1, source: 'test' },
        eks: { ratePerSecond: 1, burst: 1, source: 'test' },
      },
      () => now,
    );
    const call = (account: string, service: string, region: string) =>
      throttle.allow({ account, service, region });
    expect(call('1', 'route53', 'us-east-1')).toBe(true);
    expect(call('1', 'route53', 'eu-west-1')).toBe(false);
    expect(call('2', 'route53', 'us-east-1')).toBe(true);
    expect(call('1', 'eks', 'us-east-1')).toBe(true);
    expect(call('1', 'eks', 'eu-west-1')).toBe(true);
    expect(call('1', 'sts', 'us-east-1')).toBe(true);
    now = 1000;
    expect(call('1', 'route53', 'us-east-1')).toBe(true);
  });
});

describe('withLimitOverrides', () => {
  it('parses service=rate/burst', () => {
    expect(withLimitOverrides({}, ['organizations=20/40'])).toEqual({
      organizations: {
        ratePerSecond: 20,
        burst: 40,
        source: 'set with --limit',
      },
    });
    expect(() => withLimitOverrides({}, ['organizations=fast'])).toThrow(
      'expected service=rate/burst',
    );
  });
});
