import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';

/** What a {@link RefreshTrigger} needs. */
export interface RefreshTriggerOptions {
  /** Starts the provider's scheduled refresh now (the scheduler's `triggerTask`). */
  trigger(): Promise<void>;
  logger: LoggerService;
  /** How long requests are gathered before the refresh is started. */
  windowMs: number;
  /** How long to wait before trying again while a refresh runs. Default 30 s. */
  retryDelayMs?: number;
  /** Tries before giving up (the schedule then refreshes as usual). Default 60. */
  maxAttempts?: number;
}

/**
 * Starts the provider's full refresh early, for changes to the organization
 * that no scope re-read can show (an account moved, tagged, created or
 * closed; an OU created, renamed or deleted). Requests within the window
 * start one refresh. A refresh that is running now may have read the
 * organization before the change, so the trigger is tried again, every
 * `retryDelayMs`, until the scheduler accepts it: one more refresh after
 * the running one.
 */
export class RefreshTrigger {
  readonly #options: RefreshTriggerOptions;
  #timer?: ReturnType<typeof setTimeout>;
  #reasons = new Set<string>();
  #stopped = false;

  constructor(options: RefreshTriggerOptions) {
    this.#options = options;
  }

  /** Asks for a refresh; `reason` is logged, e.g. `MoveAccount`. */
  request(reason: string): void {
    if (this.#stopped) return;
    this.#reasons.add(reason);
    if (!this.#timer) this.#wait(this.#options.windowMs, 1);
  }

  /** Whether a refresh is asked for and not yet started. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #wait(delayMs: number, attempt: number): void {
    this.#timer = setTimeout(() => this.#attempt(attempt), delayMs);
    this.#timer.unref?.();
  }

  async #attempt(attempt: number): Promise<void> {
    const reasons = [...this.#reasons].join(', ');
    const { logger, retryDelayMs = 30_000, maxAttempts = 60 } = this.#options;
    try {
      await this.#options.trigger();
      this.#timer = undefined;
      this.#reasons.clear();
      logger.info(`Started the full refresh early, for ${reasons}`);
    } catch (error) {
      const name = isError(error) ? error.name : 'Error';
      if (name === 'NotFoundError' || attempt >= maxAttempts) {
        this.#timer = undefined;
        this.#reasons.clear();
        logger.warn(
          `Could not start the full refresh early, for ${reasons}; the schedule refreshes as usual. ${name}: ${error}`,
        );
        return;
      }
      if (!this.#stopped) this.#wait(retryDelayMs, attempt + 1);
    }
  }
}
