/**
 * What the benchmarks that drive the suite against moto share: the bench
 * IAM user whose keys every implementation uses, the environment of the
 * child processes, and the machine's description for the report.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { seedLargeEstate } from '@internal/local-aws';
import type { LargeEstate } from '@internal/local-aws';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  IAMClient,
} from '@aws-sdk/client-iam';

export const REGION = 'us-east-1';

export type Keys = { accessKeyId: string; secretAccessKey: string };

/** Only what the SDK needs: no profile, no instance metadata, no proxy settings. */
export function childEnv(endpoint: string, keys: Keys): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_REGION: REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
    NODE_ENV: 'production',
  };
}

/** An IAM user in the management account, whose keys every implementation uses. */
export async function createBenchUser(
  endpoint: string,
  userName = 'bench-ingest',
): Promise<Keys> {
  const iam = new IAMClient({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  await iam.send(new CreateUserCommand({ UserName: userName }));
  const { AccessKey } = await iam.send(
    new CreateAccessKeyCommand({ UserName: userName }),
  );
  if (!AccessKey?.AccessKeyId || !AccessKey.SecretAccessKey) {
    throw new Error('CreateAccessKey returned no key');
  }
  return {
    accessKeyId: AccessKey.AccessKeyId,
    secretAccessKey: AccessKey.SecretAccessKey,
  };
}

export function motoVersion(): string {
  try {
    return execFileSync(
      'python3',
      ['-c', 'import moto; print(moto.__version__)'],
      {
        encoding: 'utf8',
      },
    ).trim();
  } catch {
    return '(unknown version)';
  }
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    moto: motoVersion(),
    os: `${os.type()} ${os.release()}`,
  };
}

/** The large estate's size, as the benchmarks' flags give it. */
export type EstateSize = {
  accounts: number;
  zonesPerAccount: number;
  clusters: number;
  seedConcurrency: number;
};

/** Seeds the large estate into a fresh moto, logging its progress. */
export async function seedBenchEstate(
  endpoint: string,
  size: EstateSize,
  log: (line: string) => void,
): Promise<LargeEstate> {
  log(
    `seeding ${size.accounts} accounts, ${size.zonesPerAccount} zones each, ${size.clusters} clusters`,
  );
  const estate = await seedLargeEstate({
    endpoint,
    accounts: size.accounts,
    zonesPerAccount: size.zonesPerAccount,
    clusters: size.clusters,
    concurrency: size.seedConcurrency,
    region: REGION,
    log,
  });
  log(`seeded in ${(estate.durationMs / 1000).toFixed(0)} s`);
  return estate;
}
