import {
  BackupClient,
  CreateBackupPlanCommand,
  CreateBackupSelectionCommand,
  GetBackupSelectionCommand,
  ListBackupSelectionsCommand,
} from '@aws-sdk/client-backup';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLoopbackPortFree } from './freePort.ts';

// The CLI runs under Node's own type stripping, not under jest's transform.
const CLI = join(__dirname, 'cli.ts');

function runCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) => {
        // execFile reports the exit code on the error (null when killed).
        const code = error === null ? 0 : (error.code as number | null);
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** `cli.ts seed --seed none` at the endpoint: a reset, nothing seeded. */
async function resetThrough(endpoint: string) {
  const reseed = await runCli([
    'seed',
    '--endpoint',
    endpoint,
    '--seed',
    'none',
  ]);
  expect(reseed).toMatchObject({ code: 0, stderr: '' });
  return reseed;
}

// Resolves with the first match of `pattern` in the child's stdout.
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number) {
  return new Promise<RegExpMatchArray>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () =>
        reject(new Error(`timed out waiting for ${pattern}; got:\n${seen}`)),
      timeoutMs,
    );
    child.stdout!.on('data', chunk => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', code => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; got:\n${seen}`));
    });
  });
}

const SANDBOX = '171870262174';

/** A Backup client acting in `accountId` through `endpoint`, no retries. */
async function backupIn(endpoint: string, accountId: string) {
  const options = {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  };
  const { Credentials: c } = await new STSClient(options).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`,
      RoleSessionName: 'cli-test',
    }),
  );
  return new BackupClient({
    ...options,
    credentials: {
      accessKeyId: c!.AccessKeyId!,
      secretAccessKey: c!.SecretAccessKey!,
      sessionToken: c!.SessionToken,
    },
  });
}

const dailyPlan = (name: string) =>
  new CreateBackupPlanCommand({
    BackupPlan: {
      BackupPlanName: name,
      Rules: [
        {
          RuleName: `${name}-rule`,
          TargetBackupVaultName: 'user-backup-vault',
          ScheduleExpression: 'cron(0 2 * * ? *)',
        },
      ],
    },
  });

describe('cli', () => {
  let serve: ChildProcess | undefined;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'local-aws-cli-'));
  });
  afterEach(async () => {
    // Only if a test failed midway: never leave a server behind. SIGTERM
    // first, so the CLI stops moto too (SIGKILL would orphan it); bounded.
    const running = serve;
    serve = undefined;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise(resolve => running.once('exit', resolve));
      running.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        exited,
        new Promise(resolve => {
          timer = setTimeout(resolve, 15_000);
        }),
      ]);
      clearTimeout(timer);
      if (running.exitCode === null && running.signalCode === null) {
        running.kill('SIGKILL');
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('serves a seeded estate, writes the env file, and stops on SIGTERM', async () => {
    const envFile = join(dir, 'aws.env');
    serve = spawn(
      process.execPath,
      [
        CLI,
        'serve',
        '--port',
        '0',
        '--seed',
        'reference',
        '--env-out',
        envFile,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    serve.stderr!.on('data', chunk => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>(resolve =>
      serve!.once('exit', code => resolve(code)),
    );

    const [, endpoint, port] = await waitForLine(
      serve,
      /^local-aws ready at (http:\/\/127\.0\.0\.1:(\d+))$/m,
      45_000,
    );
    expect(readFileSync(envFile, 'utf8')).toBe(
      `AWS_ENDPOINT_URL=${endpoint}\nAWS_ACCESS_KEY_ID=test\nAWS_SECRET_ACCESS_KEY=test\nAWS_REGION=us-east-1\n`,
    );

    const reseed = await resetThrough(endpoint);
    expect(reseed.stdout).toContain('seeded nothing');

    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await isLoopbackPortFree(Number(port))).toBe(true);
    // No MODULE_TYPELESS_PACKAGE_JSON warning (src/package.json sets the type).
    expect(stderr).toBe('');
  }, 60_000);

  it('serves the emulator front: backup selections work through the env file endpoint, and SIGTERM stops it and moto', async () => {
    const envFile = join(dir, 'aws.env');
    serve = spawn(
      process.execPath,
      [CLI, 'serve', '--port', '0', '--seed', 'none', '--env-out', envFile],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>(resolve =>
      serve!.once('exit', code => resolve(code)),
    );
    const motoLine = waitForLine(
      serve,
      /^local-aws: moto listening on (http:\/\/127\.0\.0\.1:(\d+))/m,
      45_000,
    );
    const [, endpoint, frontPort] = await waitForLine(
      serve,
      /^local-aws ready at (http:\/\/127\.0\.0\.1:(\d+))$/m,
      45_000,
    );
    const [, motoEndpoint, motoPort] = await motoLine;
    expect(endpoint).not.toBe(motoEndpoint);
    expect(readFileSync(envFile, 'utf8')).toContain(
      `AWS_ENDPOINT_URL=${endpoint}\n`,
    );

    // The round trip moto alone answers with a 500.
    const backup = await backupIn(endpoint, SANDBOX);
    const plan = await backup.send(dailyPlan('cli-daily'));
    const { SelectionId } = await backup.send(
      new CreateBackupSelectionCommand({
        BackupPlanId: plan.BackupPlanId,
        BackupSelection: {
          SelectionName: 'cli-daily-selection',
          IamRoleArn: `arn:aws:iam::${SANDBOX}:role/backup-selection-role`,
        },
      }),
    );
    const listed = await backup.send(
      new ListBackupSelectionsCommand({ BackupPlanId: plan.BackupPlanId }),
    );
    expect(listed.BackupSelectionsList).toEqual([
      expect.objectContaining({
        SelectionId,
        SelectionName: 'cli-daily-selection',
      }),
    ]);
    const got = await backup.send(
      new GetBackupSelectionCommand({
        BackupPlanId: plan.BackupPlanId,
        SelectionId,
      }),
    );
    expect(got.BackupSelection?.SelectionName).toBe('cli-daily-selection');

    // A plan seeded straight into moto keeps moto's answer: its selections
    // are unknown, not empty.
    const seeded = await (
      await backupIn(motoEndpoint, SANDBOX)
    ).send(dailyPlan('cli-seeded'));
    await expect(
      backup.send(
        new ListBackupSelectionsCommand({ BackupPlanId: seeded.BackupPlanId }),
      ),
    ).rejects.toThrow();

    // A reset through the front (moto-api passes through) wipes the
    // selections too: after it, moto hands out the same plan id again.
    await resetThrough(endpoint);
    const afterReset = await backupIn(endpoint, SANDBOX);
    const again = await afterReset.send(dailyPlan('cli-daily'));
    expect(again.BackupPlanId).toBe(plan.BackupPlanId);
    const listedAgain = await afterReset.send(
      new ListBackupSelectionsCommand({ BackupPlanId: again.BackupPlanId }),
    );
    expect(listedAgain.BackupSelectionsList).toEqual([]);

    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await isLoopbackPortFree(Number(frontPort))).toBe(true);
    expect(await isLoopbackPortFree(Number(motoPort))).toBe(true);
  }, 60_000);

  it('exits 2 with a clear message on a bad flag', async () => {
    const out = await runCli(['serve', '--seed', 'everything']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(
      'local-aws: --seed must be reference, large, generated or none, not "everything"',
    );
    expect(out.stdout).toBe('');
  }, 20_000);

  it('exits 1 when the endpoint does not answer', async () => {
    const out = await runCli(['seed', '--endpoint', 'http://127.0.0.1:1']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('could not reach moto at http://127.0.0.1:1');
  }, 20_000);
});
