import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Empties the shared Redis cache (FLUSHALL) with Debian's redis-cli; the
 * password goes through REDISCLI_AUTH, not the command line.
 */
export async function flushRedis(redisUrl: string): Promise<void> {
  const url = new URL(redisUrl);
  const { stdout } = await promisify(execFile)(
    'redis-cli',
    ['-h', url.hostname, '-p', url.port, '--user', url.username, 'FLUSHALL'],
    {
      env: { ...process.env, REDISCLI_AUTH: decodeURIComponent(url.password) },
    },
  );
  if (stdout.trim() !== 'OK') throw new Error(`FLUSHALL answered ${stdout}`);
}
