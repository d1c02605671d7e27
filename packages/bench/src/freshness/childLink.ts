/**
 * The orchestrator's side of the event-path child: forks it, sends it
 * commands and waits, never without a bound, for its answers.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { FromChild, ToChild } from './protocol.ts';

export type ChildLink = {
  send(message: ToChild): void;
  /** The first message matching `accept` from now on; rejects after `timeoutMs`. */
  next<T extends FromChild>(
    accept: (message: FromChild) => message is T,
    timeoutMs: number,
    what: string,
  ): Promise<T>;
  /** Every message received so far (the orchestrator reads `seen` and `refreshed` from here). */
  received: FromChild[];
  /** Warnings and errors the child's event path logged. */
  logLines: string[];
  kill(): void;
};

export function startChild(
  script: string,
  jobPath: string,
  env: NodeJS.ProcessEnv,
): ChildLink {
  const child: ChildProcess = fork(script, [jobPath], {
    env,
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const received: FromChild[] = [];
  const logLines: string[] = [];
  const waiters = new Set<(message: FromChild) => void>();
  child.on('message', (message: FromChild) => {
    if (message.type === 'log') logLines.push(...message.lines);
    received.push(message);
    for (const waiter of [...waiters]) waiter(message);
  });
  child.on('error', () => {});
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `the event-path child exited with ${
      signal ?? `code ${code}`
    }: ${tail.trim().split('\n').slice(-5).join(' / ')}`;
    for (const waiter of [...waiters]) waiter({ type: 'log', lines: [] });
  });
  return {
    // Once the child is gone, `next` says why; a send must not throw.
    send: message => {
      if (child.connected) child.send(message);
    },
    next(accept, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const wait: { timer?: ReturnType<typeof setTimeout> } = {};
        function done(message: FromChild) {
          if (exited) {
            finish();
            reject(new Error(exited));
          } else if (accept(message)) {
            finish();
            resolve(message);
          }
        }
        function finish() {
          clearTimeout(wait.timer);
          waiters.delete(done);
        }
        wait.timer = setTimeout(() => {
          finish();
          reject(
            new Error(
              `no answer from the event path in ${timeoutMs / 1000} s: ${what}`,
            ),
          );
        }, timeoutMs);
        waiters.add(done);
      });
    },
    received,
    logLines,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Type guards for `next`. */
export const is =
  <K extends FromChild['type']>(type: K, id?: string) =>
  (message: FromChild): message is Extract<FromChild, { type: K }> =>
    message.type === type &&
    (id === undefined || ('id' in message && message.id === id));
