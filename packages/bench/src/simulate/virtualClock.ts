/**
 * A virtual clock for discrete-event simulation with ordinary async code.
 *
 * Simulated work awaits `sleepUntil(t)` instead of a timer. `run` keeps the
 * sleeping tasks in a min-heap by wake-up time (ties in the order they went
 * to sleep), wakes the earliest, lets every promise continuation that follows
 * run to its next sleep, and repeats. So the simulated code runs in virtual
 * time order: whatever a task reserves on a shared bucket at time t, every
 * task that reached an earlier time has reserved before it. No real time
 * passes, and the same input always gives the same run.
 */
import { MinHeap } from './minHeap.ts';

type Sleeper = { at: number; seq: number; wake: () => void };

export class VirtualClock {
  #now = 0;
  #seq = 0;
  readonly #sleepers = new MinHeap<Sleeper>(
    (a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq),
  );

  /** Virtual milliseconds since the start. */
  get now(): number {
    return this.#now;
  }

  /** Resolves when the virtual time reaches `at` (at once if it has). */
  sleepUntil(at: number): Promise<void> {
    if (at <= this.#now) return Promise.resolve();
    return new Promise(wake => {
      this.#sleepers.push({ at, seq: this.#seq++, wake });
    });
  }

  sleep(ms: number): Promise<void> {
    return this.sleepUntil(this.#now + ms);
  }

  /**
   * Runs `main` to the end in virtual time. Throws if `main` still waits
   * when nothing is left to wake (it would wait forever).
   */
  async run<T>(main: () => Promise<T>): Promise<T> {
    let outcome:
      | { ok: true; value: T }
      | { ok: false; error: unknown }
      | undefined;
    main().then(
      value => {
        outcome = { ok: true, value };
      },
      error => {
        outcome = { ok: false, error };
      },
    );
    for (;;) {
      // A macrotask turn: every pending promise continuation runs first.
      await new Promise<void>(resolve => setImmediate(resolve));
      const next = this.#sleepers.pop();
      if (!next) break;
      this.#now = next.at;
      next.wake();
      // Wake everything due at the same instant in one turn, in sleep order.
      while (this.#sleepers.peek()?.at === next.at) {
        this.#sleepers.pop()!.wake();
      }
    }
    if (!outcome) {
      throw new Error(
        'the simulation stalled: main waits on nothing scheduled',
      );
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
}
