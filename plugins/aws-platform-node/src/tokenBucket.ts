/**
 * A token bucket: `burst` requests may go at once, then `ratePerSecond`.
 *
 * AWS throttles with token buckets per account and API (Route 53 documents
 * burst 50 / refill 10 per second), so pacing our own calls the same way keeps
 * a large organization's refresh from spending its retries on throttling.
 *
 * @public
 */
export class TokenBucket {
  readonly #ratePerSecond: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #updatedAt: number;
  // Waiters are served in order so a busy account cannot starve a caller.
  #queue: Promise<void> = Promise.resolve();

  constructor(options: {
    ratePerSecond: number;
    burst?: number;
    now?: () => number;
  }) {
    if (!(options.ratePerSecond > 0)) {
      throw new RangeError('ratePerSecond must be a positive number');
    }
    this.#ratePerSecond = options.ratePerSecond;
    this.#burst = Math.max(
      1,
      options.burst ?? Math.ceil(options.ratePerSecond),
    );
    this.#now = options.now ?? Date.now;
    this.#tokens = this.#burst;
    this.#updatedAt = this.#now();
  }

  /** Resolves when a request may be sent. */
  take(): Promise<void> {
    const next = this.#queue.then(() => this.#waitForToken());
    this.#queue = next;
    return next;
  }

  async #waitForToken(): Promise<void> {
    for (;;) {
      this.#refill();
      if (this.#tokens >= 1) {
        this.#tokens -= 1;
        return;
      }
      const waitMs = ((1 - this.#tokens) / this.#ratePerSecond) * 1000;
      await new Promise(resolve => setTimeout(resolve, Math.ceil(waitMs)));
    }
  }

  #refill() {
    const now = this.#now();
    const elapsedSeconds = (now - this.#updatedAt) / 1000;
    this.#updatedAt = now;
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + elapsedSeconds * this.#ratePerSecond,
    );
  }
}
