/** What a {@link ChangeCoalescer} needs. */
export interface ChangeCoalescerOptions<T> {
  /** How long changes are gathered, from the first one of a batch. */
  windowMs: number;
  /** Two changes of one key as one (e.g. the wider of two re-reads). */
  merge(earlier: T, later: T): T;
  /** Handles one batch: each key once. Batches never overlap. */
  handle(batch: Map<string, T>): Promise<void>;
  /** Told about a batch whose handler threw. */
  onError(error: unknown): void;
}

/**
 * Gathers changes by key for a window, then hands them over as one batch,
 * so that a burst of events for one scope costs one re-read. The window is
 * fixed from the batch's first change (a steady stream of events cannot
 * hold a scope back forever). Batches run one at a time: a change that
 * arrives while a batch runs waits for the next one, even for a key in
 * the running batch, because that read may have begun before the change.
 */
export class ChangeCoalescer<T> {
  readonly #options: ChangeCoalescerOptions<T>;
  #pending = new Map<string, T>();
  #timer?: ReturnType<typeof setTimeout>;
  #running?: Promise<void>;
  readonly #later = new Set<ReturnType<typeof setTimeout>>();
  #stopped = false;

  constructor(options: ChangeCoalescerOptions<T>) {
    this.#options = options;
  }

  /** Adds a change; it is handled in the next batch. */
  add(key: string, change: T): void {
    if (this.#stopped) return;
    const earlier = this.#pending.get(key);
    this.#pending.set(
      key,
      earlier === undefined ? change : this.#options.merge(earlier, change),
    );
    this.#schedule();
  }

  /** Adds a change after `delayMs` (a re-read to see an operation end). */
  addLater(key: string, change: T, delayMs: number): void {
    if (this.#stopped) return;
    const timer = setTimeout(() => {
      this.#later.delete(timer);
      this.add(key, change);
    }, delayMs);
    timer.unref?.();
    this.#later.add(timer);
  }

  /** Resolves once nothing is pending, waiting or running. */
  async idle(): Promise<void> {
    while (this.#running || this.#timer || this.#later.size > 0) {
      await (this.#running ?? new Promise(resolve => setTimeout(resolve, 10)));
    }
  }

  /** Drops what is pending and waits for the running batch. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#later.forEach(timer => clearTimeout(timer));
    this.#later.clear();
    this.#pending.clear();
    await this.#running;
  }

  #schedule(): void {
    if (this.#timer || this.#running || this.#pending.size === 0) return;
    this.#timer = setTimeout(() => this.#flush(), this.#options.windowMs);
    this.#timer.unref?.();
  }

  #flush(): void {
    this.#timer = undefined;
    const batch = this.#pending;
    this.#pending = new Map();
    this.#running = this.#options
      .handle(batch)
      .catch(error => this.#options.onError(error))
      .finally(() => {
        this.#running = undefined;
        if (!this.#stopped) this.#schedule();
      });
  }
}
