/**
 * The suite's client-side token bucket (plugins/aws-platform-node
 * tokenBucket.ts) as reservations: waiters are served in arrival order, so
 * the n-th request past the burst may go when the bucket has refilled for
 * it. Instead of waiting, `reserve` says when the request may go; the bucket
 * goes into debt for the requests already promised a later token.
 */
export class ReservationBucket {
  readonly #perMs: number;
  readonly #burst: number;
  #tokens: number;
  #updatedAt: number;

  constructor(limit: { ratePerSecond: number; burst?: number }, now = 0) {
    if (!(limit.ratePerSecond > 0)) {
      throw new RangeError('ratePerSecond must be a positive number');
    }
    this.#perMs = limit.ratePerSecond / 1000;
    // The same default and floor as the suite's TokenBucket.
    this.#burst = Math.max(1, limit.burst ?? Math.ceil(limit.ratePerSecond));
    this.#tokens = this.#burst;
    this.#updatedAt = now;
  }

  /**
   * Takes the next token for a request made at `now` and returns the time
   * it may be sent (`now` when a token is free). Requests must come in time
   * order, as the virtual clock delivers them.
   */
  reserve(now: number): number {
    if (now < this.#updatedAt) {
      throw new RangeError(
        `reservation at ${now} ms after one at ${this.#updatedAt} ms`,
      );
    }
    this.#tokens = Math.min(
      this.#burst,
      this.#tokens + (now - this.#updatedAt) * this.#perMs,
    );
    this.#updatedAt = now;
    this.#tokens -= 1;
    return this.#tokens >= 0 ? now : now - this.#tokens / this.#perMs;
  }
}
