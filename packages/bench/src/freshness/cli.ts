/**
 * `yarn bench:freshness`: how long a change in AWS takes to reach the
 * catalog through the event path, and what it costs in AWS calls, against
 * the full refresh alone (Roadie's and core's only mode).
 *
 * One run, one estate: a fresh moto on loopback with the large estate, the
 * counting proxy in its AWS-like profile in front of it, an SQS queue on
 * moto, and one child process that is the backend's event path (see
 * eventBackend.ts). Runs under Node 22's type stripping; the child is
 * bundled with esbuild first. Everything it starts, it stops.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { startLocalAws } from '@internal/local-aws';
import type { LargeEstate, LocalAws } from '@internal/local-aws';
import { accountClients } from '@internal/local-aws/src/seed/accountClients.ts';
import type { AccountClients } from '@internal/local-aws/src/seed/accountClients.ts';
import {
  assumeAccount,
  clientOptions,
  MANAGEMENT_CREDENTIALS,
} from '@internal/local-aws/src/seed/awsSession.ts';
import { progressLog, runBenchCli } from '../benchCli.ts';
import {
  childEnv,
  createBenchUser,
  machine,
  REGION,
  seedBenchEstate,
} from '../benchEnv.ts';
import { bundleForNode } from '../buildRunners.ts';
import { startCountingProxy } from '../countingProxy.ts';
import type { CountingProxy } from '../countingProxy.ts';
import { AWS_LIKE_LIMITS } from '../throttling.ts';
import { startChild } from './childLink.ts';
import type { ChildLink } from './childLink.ts';
import type { ChangeContext } from './changeKinds.ts';
import { parseFreshnessArgs, USAGE } from './freshnessArgs.ts';
import type { FreshnessArgs } from './freshnessArgs.ts';
import { createQueue } from './queue.ts';
import { measureAll } from './measureAll.ts';
import { printReport } from './printReport.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROLE_NAME = 'OrganizationAccountAccessRole';

/** What the run started, to stop on any exit. */
type Started = {
  aws?: LocalAws;
  proxy?: CountingProxy;
  child?: ChildLink;
  workDir: string;
};

function stopper(started: Started) {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      started.child?.kill();
      await started.proxy?.close();
      await started.aws?.stop();
      rmSync(started.workDir, { recursive: true, force: true });
    })();
    return stopping;
  };
}

/** Clients acting in one account, through moto straight (the changes are not counted). */
function changeContext(aws: LocalAws, estate: LargeEstate): ChangeContext {
  const management = {
    endpoint: aws.endpoint,
    region: REGION,
    credentials: MANAGEMENT_CREDENTIALS,
  };
  const clients = new Map<string, Promise<AccountClients>>();
  return {
    estate,
    region: REGION,
    organizations: new OrganizationsClient(clientOptions(management)),
    clientsOf(accountId) {
      if (!clients.has(accountId)) {
        clients.set(
          accountId,
          assumeAccount(management, accountId).then(s =>
            accountClients(s, accountId),
          ),
        );
      }
      return clients.get(accountId)!;
    },
  };
}

async function main(args: FreshnessArgs): Promise<number> {
  const begun = Date.now();
  const log = progressLog(begun);
  const started: Started = {
    workDir: mkdtempSync(join(os.tmpdir(), 'bench-freshness-')),
  };
  const stopAll = stopper(started);
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping moto, the proxy and the child`);
    stopAll().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    log('bundling the event-path child with esbuild');
    const { backend } = await bundleForNode({
      backend: join(HERE, 'eventBackend.ts'),
    });
    const aws = (started.aws = await startLocalAws());
    await aws.reset();
    const estate = await seedBenchEstate(aws.endpoint, args, log);
    const keys = await createBenchUser(aws.endpoint, 'bench-freshness');
    const proxy = (started.proxy = await startCountingProxy({
      target: aws.endpoint,
      defaultAccountId: estate.managementAccountId,
    }));
    proxy.registerKey(keys.accessKeyId, estate.managementAccountId);
    proxy.begin({ latencyMs: args.latencyMs, limits: AWS_LIKE_LIMITS });
    const queue = await createQueue(aws.endpoint, keys, REGION);
    const jobPath = join(started.workDir, 'job.json');
    writeFileSync(
      jobPath,
      JSON.stringify({
        region: REGION,
        roleName: ROLE_NAME,
        queueUrl: queue.url,
        sqsEndpoint: aws.endpoint,
        accountTagsMaxAge: args.accountTagsMaxAge,
      }),
    );
    const child = (started.child = startChild(
      backend,
      jobPath,
      childEnv(proxy.endpoint, keys),
    ));
    const report = await measureAll({
      args,
      estate,
      link: child,
      change: changeContext(aws, estate),
      queue,
      proxy,
      log,
    });
    child.send({ type: 'stop' });
    printReport({
      ...report,
      args,
      machine: machine(),
      totalMs: Date.now() - begun,
    });
    if (args.jsonOut) {
      writeFileSync(
        args.jsonOut,
        JSON.stringify({ args, machine: machine(), ...report }, null, 2),
      );
      log(`wrote ${args.jsonOut}`);
    }
    return report.complete ? 0 : 1;
  } finally {
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    log('moto, the proxy and the child stopped');
  }
}

runBenchCli({
  name: 'bench:freshness',
  usage: USAGE,
  parse: parseFreshnessArgs,
  run: main,
});
