import { mockServices } from '@backstage/backend-test-utils';
import type { CacheService } from '@backstage/backend-plugin-api';
import { CacheLease } from './cacheLease';
import { CoalescingCache } from './coalescingCache';

// Two replicas' CoalescingCaches on one shared cache (what Redis is to the
// replicas), each with its own lease: the cross-replica half of coalescing.
// The Redis-backed version runs in packages/backend/src/replicas.

/** A cache shared by the "replicas", with TTLs, and a delay like a network's. */
function sharedCache(delayMs = 2): CacheService {
  const entries = new Map<string, { value: unknown; expires: number }>();
  const later = () => new Promise(done => setTimeout(done, delayMs));
  const cache = {
    get: jest.fn(async (key: string) => {
      await later();
      const entry = entries.get(key);
      return entry && entry.expires > Date.now() ? entry.value : undefined;
    }),
    set: jest.fn(
      async (key: string, value: unknown, options?: { ttl?: number }) => {
        await later();
        entries.set(key, {
          value,
          expires: Date.now() + (options?.ttl ?? 60_000),
        });
      },
    ),
    delete: jest.fn(async (key: string) => {
      await later();
      entries.delete(key);
    }),
    withOptions: () => cache,
  };
  return cache as unknown as CacheService;
}

function replica(cache: CacheService, leaseMs = 2_000) {
  return new CoalescingCache({
    cache,
    ttlMs: 60_000,
    logger: mockServices.logger.mock(),
    lease: new CacheLease({ cache, settleMs: 30, leaseMs }),
  });
}

describe('CoalescingCache with a lease in a shared cache', () => {
  it('reads once for a burst that reaches both replicas at once', async () => {
    const cache = sharedCache();
    const [a, b] = [replica(cache), replica(cache)];
    const read = jest.fn(async () => {
      await new Promise(done => setTimeout(done, 50));
      return { n: 1 };
    });

    const values = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? a : b).getOrRead('k', read),
      ),
    );

    expect(read).toHaveBeenCalledTimes(1);
    expect(new Set(values.map(v => v.n))).toEqual(new Set([1]));
  });

  it('lets the other replica read at once when the holder fails', async () => {
    const cache = sharedCache();
    const [a, b] = [replica(cache, 60_000), replica(cache, 60_000)];
    const failing = jest.fn(async () => {
      await new Promise(done => setTimeout(done, 20));
      throw new Error('Throttling');
    });
    const working = jest.fn(async () => 'ok');

    const started = Date.now();
    const [first, second] = await Promise.allSettled([
      a.getOrRead('k', failing),
      new Promise(done => setTimeout(done, 5)).then(() =>
        b.getOrRead('k', working),
      ),
    ]);

    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: 'ok' });
    // Not after the 60 s lease: the failed holder gave it up.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reads alone when the cache cannot hold the lease', async () => {
    const cache = sharedCache();
    (cache.get as jest.Mock).mockRejectedValue(new Error('ECONNREFUSED'));
    const read = jest.fn(async () => 'ok');
    await expect(replica(cache).getOrRead('k', read)).resolves.toBe('ok');
    expect(read).toHaveBeenCalledTimes(1);
  });
});
