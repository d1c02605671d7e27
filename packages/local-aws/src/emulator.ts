import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreeLoopbackPort, isLoopbackPortFree } from './freePort.ts';
import { resetMoto } from './motoApi.ts';
import {
  createRequestLog,
  removeRequestLog,
  type RequestLog,
} from './requestLog.ts';

/** A running moto server on loopback. */
export type LocalAws = {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  /**
   * Environment for SDK clients and tools: AWS_ENDPOINT_URL, dummy keys
   * (moto maps them to the management account 123456789012) and AWS_REGION.
   */
  env: Record<string, string>;
  /**
   * Wipes all state and seeds moto's random generator (`seed?a=42`), so
   * seeding afterwards gives the same ids every time. See resetMoto.
   */
  reset(): Promise<void>;
  /** moto's request recorder: which AWS calls reached the emulator. */
  requestLog: RequestLog;
  /** Stops the server (SIGTERM, SIGKILL after 5 s). Safe to call twice. */
  stop(): Promise<void>;
  /** Settles with the reason once moto's process ends (stop() or a crash). */
  exited: Promise<string>;
};

/** Options of {@link startLocalAws}. */
export type StartLocalAwsOptions = {
  /** 0 or undefined: a free loopback port. */
  port?: number;
  /** Loopback only, on purpose: moto has no auth at all. */
  host?: '127.0.0.1';
  /** Append moto's output here; otherwise it is kept in memory for errors. */
  logFile?: string;
  /** How long to wait for `GET /moto-api/` to answer 200. Default 20 s. */
  startTimeoutMs?: number;
};

const KILL_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

/**
 * Starts `python3 -m moto.server` on 127.0.0.1 and resolves once it answers.
 * Rejects with an install hint when python3 or moto's server is missing.
 */
export async function startLocalAws(
  options: StartLocalAwsOptions = {},
): Promise<LocalAws> {
  const host = options.host ?? '127.0.0.1';
  // Guard JavaScript callers too: never listen beyond loopback.
  if (host !== '127.0.0.1') {
    throw new Error(`local-aws only listens on 127.0.0.1, not ${host}`);
  }
  await assertMotoInstalled();

  const port = options.port || (await findFreeLoopbackPort());
  // Otherwise an unrelated server on that port could answer our readiness probe.
  if (!(await isLoopbackPortFree(port))) {
    throw new Error(`port ${port} on 127.0.0.1 is already in use`);
  }
  const endpoint = `http://${host}:${port}`;

  const logFd =
    options.logFile === undefined ? undefined : openSync(options.logFile, 'a');
  const output = logFd ?? 'pipe';
  const env: Record<string, string | undefined> = {
    ...process.env,
    PYTHONUNBUFFERED: '1',
  };
  // MOTO_ACCOUNT_ID on the server would pin every request to one account.
  delete env.MOTO_ACCOUNT_ID;
  // Off until a test starts it; one file per server, removed on stop.
  delete env.MOTO_ENABLE_RECORDING;
  const recordingFile = join(
    tmpdir(),
    `local-aws-requests-${port}-${process.pid}.jsonl`,
  );
  env.MOTO_RECORDER_FILEPATH = recordingFile;
  const child = spawn(
    'python3',
    ['-m', 'moto.server', '-H', host, '-p', String(port)],
    { stdio: ['ignore', output, output], env },
  );
  // The child holds its own copy of the descriptor.
  if (logFd !== undefined) closeSync(logFd);

  let tail = '';
  const keepTail = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);

  let exitInfo: string | undefined;
  const exited = new Promise<string>(resolve => {
    child.once('exit', (code, signal) => {
      exitInfo = `exited with ${signal ?? `code ${code}`}`;
      resolve(exitInfo);
    });
    child.once('error', error => {
      exitInfo = `failed to start: ${error.message}`;
      resolve(exitInfo);
    });
  });

  // Exit handlers must be synchronous: SIGKILL is the only sure option.
  const killOnExit = () => {
    if (exitInfo === undefined) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (exitInfo === undefined) {
        child.kill('SIGTERM');
        if (!(await settlesWithin(exited, KILL_GRACE_MS))) {
          child.kill('SIGKILL');
          await settlesWithin(exited, KILL_GRACE_MS);
        }
      }
      process.off('exit', killOnExit);
      await removeRequestLog(recordingFile);
      child.stdout?.destroy();
      child.stderr?.destroy();
    })();
    return stopping;
  };

  const timeoutMs = options.startTimeoutMs ?? 20_000;
  const ready = await waitUntilReady(endpoint, timeoutMs, () => exitInfo);
  if (!ready.ok) {
    await stop();
    const where = options.logFile ? ` (see ${options.logFile})` : '';
    const lastOutput = tail ? `\n${tail.trim()}` : '';
    throw new Error(
      `moto's server did not start on ${endpoint}: ${ready.reason}${where}${lastOutput}`,
    );
  }

  return {
    endpoint,
    port,
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
    },
    reset: () => resetMoto(endpoint),
    requestLog: createRequestLog(endpoint, recordingFile),
    stop,
    exited,
  };
}

function assertMotoInstalled(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'python3',
      ['-c', 'import moto.server'],
      // Same environment as the server will get (PATH decides which python3).
      { timeout: 30_000, env: process.env },
      error => {
        if (!error) {
          resolve();
        } else if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new Error(
              "python3 was not found; install Python 3, then moto's server: pip install 'moto[server]'",
            ),
          );
        } else {
          reject(
            new Error("moto's server is required: pip install 'moto[server]'"),
          );
        }
      },
    );
  });
}

// Bounded polling: returns once moto answers 200, exits, or time runs out.
async function waitUntilReady(
  endpoint: string,
  timeoutMs: number,
  exitInfo: () => string | undefined,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = exitInfo();
    if (exited) return { ok: false, reason: `moto ${exited}` };
    try {
      const response = await fetch(`${endpoint}/moto-api/`, {
        signal: AbortSignal.timeout(1_000),
      });
      await response.body?.cancel();
      if (response.status === 200) return { ok: true };
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  return { ok: false, reason: `no answer within ${timeoutMs} ms` };
}

async function settlesWithin(
  promise: Promise<unknown>,
  ms: number,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>(resolve => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
