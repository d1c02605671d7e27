import { randomUUID } from 'node:crypto';
import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';

/** How a {@link CacheLease} claim ended. */
export type LeaseClaim =
  /** This instance reads and stores the value. */
  | 'mine'
  /** Another instance is reading it: wait for its value. */
  | 'theirs'
  /** The cache cannot hold a lease (down, or not shared): read alone. */
  | 'unusable';

/**
 * Default wait between writing a claim and reading it back: far longer than
 * the gap between a replica's lease read and its write, even on a loaded
 * event loop; paid only by a cache miss.
 */
export const LEASE_SETTLE_MS = 100;
/** Default lease: longer than a live read of one resource takes. */
export const LEASE_MS = 10_000;

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

/**
 * A short lease in a cache shared by several backend replicas (Redis,
 * Valkey, Memcache), so that of the replicas missing the same key at once
 * only one reads AWS and the others wait for its answer in the cache.
 *
 * Backstage's cache service has no atomic set-if-absent, so a claim writes
 * the instance's id when no lease is held, waits `settleMs`, and reads it
 * back: of claims racing within that window, the last write wins on every
 * replica. Claims further apart than `settleMs` see the earlier lease. A
 * lease expires after `leaseMs`, so a replica that dies while reading holds
 * nobody up for longer.
 */
export class CacheLease {
  readonly #cache: CacheService;
  readonly #id = randomUUID();
  readonly #settleMs: number;
  readonly #leaseMs: number;

  constructor(options: {
    cache: CacheService;
    settleMs: number;
    leaseMs: number;
  }) {
    this.#cache = options.cache;
    this.#settleMs = options.settleMs;
    this.#leaseMs = options.leaseMs;
  }

  /** How long a waiter waits at most for the holder's value. */
  get leaseMs(): number {
    return this.#leaseMs;
  }

  async claim(key: string): Promise<LeaseClaim> {
    const leaseKey = leaseKeyOf(key);
    const holder = await this.#cache.get<string>(leaseKey);
    if (holder !== undefined) return holder === this.#id ? 'mine' : 'theirs';
    await this.#cache.set(leaseKey, this.#id, { ttl: this.#leaseMs });
    await sleep(this.#settleMs);
    const winner = await this.#cache.get<string>(leaseKey);
    if (winner === undefined) return 'unusable';
    return winner === this.#id ? 'mine' : 'theirs';
  }

  /** Ends this instance's lease early (its read failed), so waiters read themselves. */
  async release(key: string): Promise<void> {
    const leaseKey = leaseKeyOf(key);
    if ((await this.#cache.get<string>(leaseKey)) === this.#id) {
      await this.#cache.delete(leaseKey);
    }
  }

  /**
   * Polls for the holder's value every `pollMs` until it is stored (the
   * value), or the lease is gone or `leaseMs` passed (undefined).
   */
  async waitForValue<T extends JsonValue>(
    key: string,
    pollMs = 50,
  ): Promise<T | undefined> {
    const deadline = Date.now() + this.#leaseMs;
    while (Date.now() < deadline) {
      await sleep(pollMs);
      const value = await this.#cache.get<T>(key);
      if (value !== undefined) return value;
      if ((await this.#cache.get(leaseKeyOf(key))) === undefined) {
        return await this.#cache.get<T>(key);
      }
    }
    return undefined;
  }
}

function leaseKeyOf(key: string): string {
  return `lease:${key}`;
}
