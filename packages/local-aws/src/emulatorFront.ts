/**
 * The emulator front of `cli.ts serve`: the fault proxy (faults/) with no
 * rules in front of moto, so the endpoint the portal and scripts use
 * answers what moto 5.2.1 lacks and the suite's actions rely on (AWS
 * Backup selections, Route 53's CallerReference idempotency, record set
 * conflicts, name servers per zone). Everything else, `/moto-api/` calls
 * included, passes through unchanged. moto's own endpoint is for seeding.
 */
import type { LocalAws } from './emulator.ts';
import { startFaultProxy } from './faults/faultProxy.ts';
import type { FaultProxy } from './faults/faultProxy.ts';

/** Starts the front on 127.0.0.1 (`port` 0: a free one) over moto at `target`. */
export function startEmulatorFront(
  target: string,
  port = 0,
): Promise<FaultProxy> {
  return startFaultProxy({
    target,
    port,
    emulatorGaps: true,
    // The seeded plans' selections stay unknown, as moto alone answered:
    // the front never saw them made, and an empty list would flag the
    // reference estate's production plan as selecting nothing.
    selectionsOfOtherPlans: 'emulator',
    // It lives as long as the developer's session; SIGINT/SIGTERM stop it.
    idleTimeoutMs: Infinity,
    maxLifetimeMs: Infinity,
  });
}

/** moto and its front, stopped together. */
export type ServedAws = {
  /**
   * 0 once a signal stopped both; 1 once moto or the front ended on its
   * own (the other is stopped first).
   */
  exitCode: Promise<number>;
  /** Whether stop() was called, or a signal or an unexpected end came. */
  stopping(): boolean;
  /** Starts the front over moto; rejects if stopping meanwhile. */
  startFront(port: number): Promise<FaultProxy>;
  /** Closes the front, then stops moto. Safe to call twice. */
  stop(): Promise<void>;
};

/**
 * From here on every way out must stop moto: SIGINT and SIGTERM stop the
 * front and moto (exit code 0), and either one ending by itself stops the
 * other (exit code 1).
 */
export function serveLocalAws(
  aws: LocalAws,
  out: Pick<Console, 'log' | 'error'> = console,
): ServedAws {
  let stopping = false;
  let front: FaultProxy | undefined;
  let settle: (code: number) => void = () => {};
  const exitCode = new Promise<number>(resolve => {
    settle = resolve;
  });
  // Stay subscribed until both stopped: a second Ctrl-C must not kill Node
  // and orphan moto.
  const onSignal = (signal: NodeJS.Signals) =>
    end(0, `local-aws: ${signal}, stopping the emulator front and moto`);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopping = true;
    stopped ??= (async () => {
      // The front first, so no request reaches a moto that is going away.
      await front?.close();
      await aws.stop();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    })();
    return stopped;
  };
  function end(code: number, message: string) {
    if (stopping) return;
    if (code === 0) out.log(message);
    else out.error(message);
    void stop().then(() => settle(code));
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  void aws.exited.then(reason =>
    end(1, `local-aws: moto ${reason} unexpectedly`),
  );

  return {
    exitCode,
    stopping: () => stopping,
    async startFront(port) {
      const started = await startEmulatorFront(aws.endpoint, port);
      if (stopping) {
        await started.close();
        throw new Error('stopped while the emulator front started');
      }
      front = started;
      void started.closed.then(reason =>
        end(
          1,
          `local-aws: the emulator front stopped unexpectedly (${reason})`,
        ),
      );
      return started;
    },
    stop,
  };
}
