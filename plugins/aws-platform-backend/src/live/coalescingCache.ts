import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import type { CacheLease, LeaseClaim } from './cacheLease';

/**
 * Reads through Backstage's cache service, and joins callers asking for the
 * same key while a lookup is in flight: a burst of page views for one
 * resource costs AWS one read per TTL, not one per view.
 *
 * The in-flight promise covers the cache lookup as well as the AWS read, so
 * a caller can never miss the cache just before a concurrent read stores
 * its answer. Only successes are stored; a failed read is shared by the
 * callers that joined it and then forgotten. Joining works per backend
 * instance; the cache itself is shared when the cache service is (Redis,
 * Memcache), and with a `lease` in that shared cache, replicas missing the
 * same key at once join one read too (cacheLease.ts).
 */
export class CoalescingCache {
  readonly #cache: CacheService;
  readonly #ttlMs: number;
  readonly #logger: LoggerService;
  readonly #lease: CacheLease | undefined;
  readonly #inFlight = new Map<string, Promise<JsonValue>>();

  constructor(options: {
    cache: CacheService;
    ttlMs: number;
    logger: LoggerService;
    /** Only for a cache shared by replicas; see cacheLease.ts. */
    lease?: CacheLease;
  }) {
    this.#cache = options.cache;
    this.#ttlMs = options.ttlMs;
    this.#logger = options.logger;
    this.#lease = options.lease;
  }

  getOrRead<T extends JsonValue>(
    key: string,
    read: () => Promise<T>,
  ): Promise<T> {
    const pending = this.#inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const lookup = this.#lookup(key, read).finally(() => {
      this.#inFlight.delete(key);
    });
    this.#inFlight.set(key, lookup);
    return lookup;
  }

  async #lookup<T extends JsonValue>(
    key: string,
    read: () => Promise<T>,
  ): Promise<T> {
    const cached = await this.#cacheGet<T>(key);
    if (cached !== undefined) return cached;
    if ((await this.#claimLease(key)) === 'theirs') {
      const theirs = await this.#waitForLease<T>(key);
      if (theirs !== undefined) return theirs;
    }
    let value: T;
    try {
      value = await read();
    } catch (error) {
      await this.#releaseLease(key);
      throw error;
    }
    await this.#cacheSet(key, value);
    return value;
  }

  // The lease only saves AWS reads: when the cache cannot hold it, read.
  async #claimLease(key: string): Promise<LeaseClaim> {
    if (!this.#lease) return 'unusable';
    try {
      return await this.#lease.claim(key);
    } catch (error) {
      this.#logger.warn(`Live status cache lease failed for ${key}`, {
        error: String(error),
      });
      return 'unusable';
    }
  }

  async #waitForLease<T extends JsonValue>(
    key: string,
  ): Promise<T | undefined> {
    try {
      return await this.#lease!.waitForValue<T>(key);
    } catch (error) {
      this.#logger.warn(`Live status cache lease failed for ${key}`, {
        error: String(error),
      });
      return undefined;
    }
  }

  async #releaseLease(key: string): Promise<void> {
    try {
      await this.#lease?.release(key);
    } catch (error) {
      this.#logger.warn(`Live status cache lease failed for ${key}`, {
        error: String(error),
      });
    }
  }

  // A cache that is down makes every request read AWS, but fails none.
  async #cacheGet<T extends JsonValue>(key: string): Promise<T | undefined> {
    try {
      return await this.#cache.get<T>(key);
    } catch (error) {
      this.#logger.warn(`Live status cache read failed for ${key}`, {
        error: String(error),
      });
      return undefined;
    }
  }

  async #cacheSet(key: string, value: JsonValue): Promise<void> {
    try {
      await this.#cache.set(key, value, { ttl: this.#ttlMs });
    } catch (error) {
      this.#logger.warn(`Live status cache write failed for ${key}`, {
        error: String(error),
      });
    }
  }
}
