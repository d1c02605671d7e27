import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateHostedZoneCommand,
  ListHostedZonesCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startLocalAws } from './emulator.ts';
import type { LocalAws } from './emulator.ts';
import { findFreeLoopbackPort, isLoopbackPortFree } from './freePort.ts';

// Runs `fn` with PATH pointing at a folder holding only the given scripts.
async function withPath<T>(
  scripts: Record<string, string>,
  fn: () => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'local-aws-path-'));
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), body);
    chmodSync(join(dir, name), 0o755);
  }
  const saved = process.env.PATH;
  process.env.PATH = dir;
  try {
    return await fn();
  } finally {
    process.env.PATH = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('startLocalAws', () => {
  let aws: LocalAws | undefined;
  afterEach(async () => {
    await aws?.stop();
    aws = undefined;
  }, 15_000);

  it('starts on the given port, exposes the env, resets and stops', async () => {
    const exitListeners = process.listenerCount('exit');
    const port = await findFreeLoopbackPort();
    aws = await startLocalAws({ port });
    expect(aws.port).toBe(port);
    expect(aws.endpoint).toBe(`http://127.0.0.1:${port}`);
    expect(aws.env).toEqual({
      AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
    });
    expect(process.listenerCount('exit')).toBe(exitListeners + 1);

    const config = {
      endpoint: aws.env.AWS_ENDPOINT_URL,
      region: aws.env.AWS_REGION,
      credentials: {
        accessKeyId: aws.env.AWS_ACCESS_KEY_ID,
        secretAccessKey: aws.env.AWS_SECRET_ACCESS_KEY,
      },
      maxAttempts: 1,
    };
    const me = await new STSClient(config).send(
      new GetCallerIdentityCommand({}),
    );
    expect(me.Account).toBe('123456789012');

    const route53 = new Route53Client(config);
    await route53.send(
      new CreateHostedZoneCommand({ Name: 'reset.test', CallerReference: 'r' }),
    );
    expect(
      (await route53.send(new ListHostedZonesCommand({}))).HostedZones,
    ).toHaveLength(1);
    await aws.reset();
    expect(
      (await route53.send(new ListHostedZonesCommand({}))).HostedZones,
    ).toEqual([]);

    await aws.stop();
    await expect(aws.exited).resolves.toMatch(/^exited with/);
    expect(await isLoopbackPortFree(port)).toBe(true);
    expect(process.listenerCount('exit')).toBe(exitListeners);
  }, 30_000);

  it("records the requests it receives in moto's own request log", async () => {
    aws = await startLocalAws();
    const config = {
      endpoint: aws.env.AWS_ENDPOINT_URL,
      region: aws.env.AWS_REGION,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    };
    const route53 = new Route53Client(config);
    await route53.send(new ListHostedZonesCommand({}));
    expect(await aws.requestLog.read()).toEqual([]); // not recording yet

    await aws.requestLog.start();
    await new STSClient(config).send(new GetCallerIdentityCommand({}));
    await route53.send(
      new CreateHostedZoneCommand({ Name: 'log.test', CallerReference: 'l' }),
    );
    await route53.send(new ListHostedZonesCommand({}));
    await aws.requestLog.stop();
    await route53.send(new ListHostedZonesCommand({}));

    expect(await aws.requestLog.read()).toEqual([
      expect.objectContaining({
        service: 'sts',
        operation: 'GetCallerIdentity',
        mutating: false,
      }),
      expect.objectContaining({
        service: 'route53',
        operation: 'POST /2013-04-01/hostedzone',
        mutating: true,
      }),
      expect.objectContaining({
        service: 'route53',
        operation: 'GET /2013-04-01/hostedzone',
        mutating: false,
      }),
    ]);
  }, 30_000);

  it('refuses a port that is already taken', async () => {
    const server: Server = createServer();
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      await expect(startLocalAws({ port })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await new Promise(resolve => server.close(resolve));
    }
  }, 15_000);

  it('refuses to listen beyond loopback', async () => {
    await expect(
      startLocalAws({ host: '0.0.0.0' as '127.0.0.1' }),
    ).rejects.toThrow('only listens on 127.0.0.1');
  });

  it('says how to install moto when python3 is missing', async () => {
    await withPath({}, async () => {
      await expect(startLocalAws()).rejects.toThrow(
        "python3 was not found; install Python 3, then moto's server: pip install 'moto[server]'",
      );
    });
  });

  it('says how to install moto when moto.server cannot be imported', async () => {
    await withPath({ python3: '#!/bin/sh\nexit 1\n' }, async () => {
      await expect(startLocalAws()).rejects.toThrow(
        "moto's server is required: pip install 'moto[server]'",
      );
    });
  });

  it('gives up after startTimeoutMs and kills the half-started server', async () => {
    const port = await findFreeLoopbackPort();
    await expect(startLocalAws({ port, startTimeoutMs: 1 })).rejects.toThrow(
      /did not start on http:\/\/127\.0\.0\.1:\d+: no answer within 1 ms/,
    );
    // A moto left running would have bound the port by now.
    await new Promise(resolve => setTimeout(resolve, 2_500));
    expect(await isLoopbackPortFree(port)).toBe(true);
  }, 15_000);
});
