import { mockServices } from '@backstage/backend-test-utils';
import type { CacheService } from '@backstage/backend-plugin-api';
import { CoalescingCache } from './coalescingCache';

function memoryCache(): CacheService {
  const entries = new Map<string, unknown>();
  const cache = {
    get: jest.fn(async (key: string) => entries.get(key)),
    set: jest.fn(async (key: string, value: unknown) => {
      entries.set(key, value);
    }),
    delete: jest.fn(async (key: string) => {
      entries.delete(key);
    }),
    withOptions: () => cache,
  };
  return cache as unknown as CacheService;
}

function create(cache: CacheService = memoryCache()) {
  return new CoalescingCache({
    cache,
    ttlMs: 60_000,
    logger: mockServices.logger.mock(),
  });
}

describe('CoalescingCache', () => {
  it('reads once for many concurrent callers, and serves later ones from the cache', async () => {
    const cache = memoryCache();
    const coalescing = create(cache);
    let release!: (value: { n: number }) => void;
    const read = jest.fn(
      () => new Promise<{ n: number }>(resolve => (release = resolve)),
    );

    const callers = Array.from({ length: 500 }, () =>
      coalescing.getOrRead('k', read),
    );
    await new Promise(resolve => setImmediate(resolve));
    release({ n: 1 });
    const values = await Promise.all(callers);

    expect(read).toHaveBeenCalledTimes(1);
    expect(new Set(values.map(v => v.n))).toEqual(new Set([1]));
    expect(cache.set).toHaveBeenCalledWith('k', { n: 1 }, { ttl: 60_000 });

    await expect(coalescing.getOrRead('k', read)).resolves.toEqual({ n: 1 });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('keeps keys apart', async () => {
    const coalescing = create();
    const read = jest.fn(async () => 'x');
    await Promise.all([
      coalescing.getOrRead('a', read),
      coalescing.getOrRead('b', read),
    ]);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('shares a failure with the callers that joined it, caches nothing, and reads again next time', async () => {
    const cache = memoryCache();
    const coalescing = create(cache);
    const read = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('Throttling'))
      .mockResolvedValueOnce('ok');

    const results = await Promise.allSettled([
      coalescing.getOrRead('k', read),
      coalescing.getOrRead('k', read),
    ]);
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected']);
    expect(cache.set).not.toHaveBeenCalled();

    await expect(coalescing.getOrRead('k', read)).resolves.toBe('ok');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('still answers when the cache service fails', async () => {
    const broken = {
      get: jest.fn().mockRejectedValue(new Error('ECONNREFUSED')),
      set: jest.fn().mockRejectedValue(new Error('ECONNREFUSED')),
      delete: jest.fn(),
      withOptions: jest.fn(),
    } as unknown as CacheService;
    const coalescing = create(broken);
    await expect(coalescing.getOrRead('k', async () => 42)).resolves.toBe(42);
  });
});
