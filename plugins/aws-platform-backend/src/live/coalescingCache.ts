import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';

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
 * Memcache).
 */
export class CoalescingCache {
  readonly #cache: CacheService;
  readonly #ttlMs: number;
  readonly #logger: LoggerService;
  readonly #inFlight = new Map<string, Promise<JsonValue>>();

  constructor(options: {
    cache: CacheService;
    ttlMs: number;
    logger: LoggerService;
  }) {
    this.#cache = options.cache;
    this.#ttlMs = options.ttlMs;
    this.#logger = options.logger;
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
    const value = await read();
    await this.#cacheSet(key, value);
    return value;
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
