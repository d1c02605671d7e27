import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

/** packages/backend, where the portal's backend runs from. */
const BACKEND_DIR = resolve(__dirname, '../../..');
/**
 * Node's compile cache (V8 code of the modules a replica loads), shared by
 * every replica a test run starts: the later ones skip compiling the
 * backend's dependencies again. Under the ignored .tools folder.
 */
const COMPILE_CACHE_DIR = resolve(
  BACKEND_DIR,
  '../../.tools/node-compile-cache',
);
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 10_000;

/** One backend replica: the portal's `src/index.ts` in a process of its own. */
export type ReplicaProcess = {
  name: string;
  baseUrl: string;
  /** Its process id, as the replica itself knows it. */
  pid: number;
  /** The end of its log, for failure messages. */
  logTail(): string;
  /** SIGKILL: the replica dies as a crashed pod does, in the middle of whatever it does. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
};

/** Options of {@link startReplica}. */
export type ReplicaOptions = {
  name: string;
  port: number;
  /** Config files after app-config.yaml, in order. */
  configFiles: string[];
  /** Added to this process's environment (database, cache, AWS endpoint). */
  env: Record<string, string>;
};

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts the portal's backend as `backstage-cli package start` runs it,
 * without its file watcher, and resolves once its readiness check answers
 * 200. The replica exits when this process does (parentWatchdog.js).
 */
export async function startReplica(
  options: ReplicaOptions,
): Promise<ReplicaProcess> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      '--require',
      join(__dirname, 'parentWatchdog.js'),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      ...options.configFiles.flatMap(file => ['--config', file]),
    ],
    {
      cwd: BACKEND_DIR,
      env: {
        ...process.env,
        ...options.env,
        APP_CONFIG_backend_baseUrl: baseUrl,
        APP_CONFIG_backend_listen_port: String(options.port),
        NODE_COMPILE_CACHE: COMPILE_CACHE_DIR,
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>(done => child.once('exit', () => done()));
  const logTail = () => log.split('\n').slice(-40).join('\n');

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await isReady(baseUrl))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`replica ${options.name} exited:\n${logTail()}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`replica ${options.name} not ready:\n${logTail()}`);
    }
    await new Promise(done => setTimeout(done, 500));
  }

  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name: options.name,
    baseUrl,
    pid: child.pid!,
    logTail,
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
