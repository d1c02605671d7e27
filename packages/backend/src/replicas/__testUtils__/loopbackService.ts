import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository's root, where scripts/ is. */
export const REPO_ROOT = resolve(__dirname, '../../../../..');

/** A service started by one of scripts/lib's `serve` commands. */
export type LoopbackService = {
  /** The KEY=value lines the script wrote (POSTGRES_*, REDIS_URL). */
  env: Record<string, string>;
  stop(): Promise<void>;
};

const START_TIMEOUT_MS = 60_000;
/** The script stops itself after this long, whatever happens to the test. */
const MAX_SECONDS = 900;

function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
  }
  return env;
}

/**
 * Runs `scripts/lib/<script> serve` (postgres.sh, redis.sh): a throwaway
 * server on 127.0.0.1 that stops on SIGTERM, when this process exits, or
 * after 15 minutes. Resolves once it wrote its environment file.
 */
export async function startLoopbackService(
  script: 'postgres.sh' | 'redis.sh',
): Promise<LoopbackService> {
  const dir = mkdtempSync(join(tmpdir(), 'replicas-service-'));
  const envFile = join(dir, 'service.env');
  const child = spawn(
    'bash',
    [
      join(REPO_ROOT, 'scripts/lib', script),
      'serve',
      '--env-out',
      envFile,
      '--parent',
      String(process.pid),
      '--max-seconds',
      String(MAX_SECONDS),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>(done => child.once('exit', () => done()));

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`${script} exited before it was ready: ${output}`);
    }
    if (/ ready at /.test(output)) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`${script} was not ready within 60 s: ${output}`);
    }
    await new Promise(done => setTimeout(done, 100));
  }
  const env = parseEnvFile(readFileSync(envFile, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return {
    env,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
