/**
 * `yarn bench:ingest`: the ingestion benchmark against the peers.
 *
 * One run, one estate: a fresh moto on loopback, seeded with the large
 * estate; a counting proxy in front of it; then, per mode (bare emulator, and
 * "AWS-like" with latency and per-account throttling), the suite's ingestion
 * and the peers' AWS modules, each in its own child process so that peak RSS
 * is its own. Prints Markdown tables; everything it starts, it stops.
 *
 * Runs under Node 22's type stripping; the runners are bundled with esbuild
 * first (see buildRunners.ts for why).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import {
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { startLocalAws } from '@internal/local-aws';
import type { LocalAws } from '@internal/local-aws';
import { progressLog, runBenchCli } from './benchCli.ts';
import {
  childEnv,
  createBenchUser,
  machine,
  motoVersion,
  REGION,
  seedBenchEstate,
} from './benchEnv.ts';
import type { Keys } from './benchEnv.ts';
import { parseBenchArgs, USAGE } from './benchArgs.ts';
import type { BenchArgs } from './benchArgs.ts';
import { buildRunners } from './buildRunners.ts';
import { startCountingProxy } from './countingProxy.ts';
import type { CountingProxy, NetworkProfile } from './countingProxy.ts';
import { credentialSessions } from './awsPageMaxima.ts';
import { estateShape, minimumCalls } from './minimum.ts';
import type { EstateShape } from './minimum.ts';
import {
  apiTable,
  comparisons,
  comparisonTable,
  summaryTable,
  verdicts,
} from './report.ts';
import type { Measurement } from './report.ts';
import { runnerOf } from './runners/protocol.ts';
import type { Implementation, Job, RunResult } from './runners/protocol.ts';
import { AWS_LIKE_LIMITS, withLimitOverrides } from './throttling.ts';

const ROLE_NAME = 'OrganizationAccountAccessRole';

const READS: Record<Implementation, string> = {
  suite: 'org + OUs + tags + delegated admins, Route 53, EKS, Backup',
  'suite-eks': 'EKS (given the organization)',
  'suite-org': 'org + OUs + tags + delegated admins',
  'roadie-org': 'accounts + tags',
  'roadie-eks': 'EKS, one provider per account',
  'core-org': 'accounts (no tags)',
  'core-eks': 'EKS, one location per account',
};

async function main(args: BenchArgs): Promise<number> {
  const limits = withLimitOverrides(AWS_LIKE_LIMITS, args.limits);
  const started = Date.now();
  const log = progressLog(started);

  log('bundling the runners with esbuild');
  const runners = await buildRunners();
  const workDir = mkdtempSync(join(os.tmpdir(), 'bench-ingest-'));

  let aws: LocalAws | undefined;
  let proxy: CountingProxy | undefined;
  const children = new Set<ReturnType<typeof fork>>();
  let stopping: Promise<void> | undefined;
  const stopAll = () => {
    stopping ??= (async () => {
      for (const child of children) child.kill('SIGKILL');
      await proxy?.close();
      await aws?.stop();
      rmSync(workDir, { recursive: true, force: true });
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping moto and the children`);
    stopAll().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    aws = await startLocalAws();
    log(`moto ${motoVersion()} at ${aws.endpoint}`);
    await aws.reset();
    const estate = await seedBenchEstate(aws.endpoint, args, log);
    const shape = estateShape(estate, {
      zonesPerAccount: args.zonesPerAccount,
    });
    const managementAccountId = estate.managementAccountId;
    // Registered keys: moto maps unregistered ones to an account by scanning all.
    const keys = await createBenchUser(aws.endpoint);
    proxy = await startCountingProxy({
      target: aws.endpoint,
      defaultAccountId: managementAccountId,
    });
    proxy.registerKey(keys.accessKeyId, managementAccountId);

    const measurements: Measurement[] = [];
    const probes: { mode: string; when: string; msPerCall: number }[] = [];
    for (const mode of args.modes) {
      const profile: NetworkProfile =
        mode === 'aws'
          ? { latencyMs: args.latencyMs, limits }
          : { latencyMs: 0 };
      probes.push({
        mode,
        when: 'before',
        msPerCall: await probe(aws.endpoint, keys, managementAccountId),
      });
      for (const { impl, label, variant, extra } of planRuns(args, mode)) {
        const job: Job = {
          impl,
          region: REGION,
          managementAccountId,
          accountIds: shape.accounts.map(a => a.id),
          roleName: ROLE_NAME,
          peerConcurrency: args.peerConcurrency,
          snapshotPath: join(workDir, `organization-${mode}.json`),
          ...extra,
        };
        log(`${mode}: ${label}`);
        const measurement = await measure({
          mode,
          impl,
          label,
          variant,
          job,
          runner: runners[runnerOf(impl)],
          proxy,
          profile,
          keys,
          workDir,
          timeoutMs: args.timeoutMin * 60_000,
          children,
          shape,
        });
        measurements.push(measurement);
        log(
          `${mode}: ${label}: ${
            measurement.result
              ? `${(measurement.result.wallMs / 1000).toFixed(
                  1,
                )} s, ${measurement.counts.reduce(
                  (s, c) => s + c.calls,
                  0,
                )} calls, ${
                  measurement.result.entities
                } entities, ${measurement.result.maxRssMb.toFixed(0)} MB, ${
                  measurement.result.failures.length
                } failures${
                  measurement.result.failures.length
                    ? ` (${measurement.result.failures.slice(0, 2).join('; ')})`
                    : ''
                }`
              : `failed: ${measurement.error}`
          }`,
        );
      }
      probes.push({
        mode,
        when: 'after',
        msPerCall: await probe(aws.endpoint, keys, managementAccountId),
      });
    }

    printReport({
      args,
      estate: shape,
      measurements,
      probes,
      limits,
      seededMs: estate.durationMs,
      totalMs: Date.now() - started,
    });
    if (args.jsonOut) {
      writeFileSync(
        args.jsonOut,
        JSON.stringify(
          { args, machine: machine(), probes, limits, measurements },
          null,
          2,
        ),
      );
      log(`wrote ${args.jsonOut}`);
    }
    const failed = measurements.filter(m => !m.result);
    return failed.length ? 1 : 0;
  } finally {
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    log('moto stopped');
  }
}

type PlannedRun = {
  impl: Implementation;
  label: string;
  /** Set for a run with the suite's settings changed from the defaults. */
  variant?: string;
  extra?: Partial<Job>;
};

/** The runs of one mode; the suite's variants only where they mean something. */
function planRuns(args: BenchArgs, mode: 'bare' | 'aws'): PlannedRun[] {
  const runs: PlannedRun[] = [];
  for (const impl of args.only) {
    if (impl === 'suite-org') {
      if (mode === 'aws' && args.suiteOrgsRate > 0) {
        const rate = args.suiteOrgsRate;
        const concurrency = args.suiteOrgConcurrency;
        const withConcurrency = concurrency
          ? `, concurrency ${concurrency}`
          : '';
        runs.push({
          impl,
          label: `suite-org (Organizations ${rate}/s${withConcurrency})`,
          variant: `Organizations ${rate}/s burst ${
            rate * 2
          }${withConcurrency}`,
          extra: {
            ...(concurrency && { concurrency }),
            rateLimits: {
              Organizations: { ratePerSecond: rate, burst: rate * 2 },
            },
          },
        });
      }
      continue;
    }
    runs.push({ impl, label: impl });
    if (
      impl === 'suite-eks' &&
      mode === 'aws' &&
      args.suiteAccountConcurrency > 0
    ) {
      const n = args.suiteAccountConcurrency;
      runs.push({
        impl,
        label: `suite-eks (accountConcurrency ${n})`,
        variant: `accountConcurrency ${n}`,
        extra: { accountConcurrency: n },
      });
    }
  }
  return runs;
}

async function measure(options: {
  mode: 'bare' | 'aws';
  impl: Implementation;
  label: string;
  variant?: string;
  job: Job;
  runner: string;
  proxy: CountingProxy;
  profile: NetworkProfile;
  keys: Keys;
  workDir: string;
  timeoutMs: number;
  children: Set<ReturnType<typeof fork>>;
  shape: EstateShape;
}): Promise<Measurement> {
  const { proxy, job } = options;
  const jobPath = join(
    options.workDir,
    `job-${options.mode}-${options.impl}.json`,
  );
  writeFileSync(jobPath, JSON.stringify(job));
  proxy.begin(options.profile);
  const started = Date.now();
  let result: RunResult | undefined;
  let error: string | undefined;
  try {
    result = await runChild(options.runner, jobPath, {
      env: childEnv(proxy.endpoint, options.keys),
      timeoutMs: options.timeoutMs,
      children: options.children,
    });
  } catch (e) {
    error = (e as Error).message;
  }
  const processMs = Date.now() - started;
  const counts = proxy.end();
  return {
    mode: options.mode,
    impl: options.impl,
    label: options.label,
    variant: options.variant,
    reads: READS[options.impl],
    result,
    error,
    counts,
    minimum: minimumCalls(options.impl, options.shape, {
      // The runner reads the configured region only (no DescribeRegions).
      regions: 1,
      sessions: credentialSessions(processMs),
      // The suite's runs read the organization, and confirm it at the end.
      confirmOrganization:
        options.impl === 'suite' || options.impl === 'suite-org',
    }),
    processMs,
    loadAverage: os.loadavg()[0],
  };
}

function runChild(
  runner: string,
  jobPath: string,
  options: {
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
    children: Set<ReturnType<typeof fork>>;
  },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = fork(runner, [jobPath], {
      env: options.env,
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    options.children.add(child);
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-2000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let result: RunResult | undefined;
    child.on('message', message => {
      result = message as RunResult;
    });
    const timer = setTimeout(() => {
      tail += `\n(killed after ${options.timeoutMs / 60_000} min)`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      options.children.delete(child);
      if (result) resolve(result);
      else
        reject(
          new Error(
            `exited with ${signal ?? `code ${code}`}: ${tail
              .trim()
              .split('\n')
              .slice(-5)
              .join(' / ')}`,
          ),
        );
    });
  });
}

/**
 * moto's own service time, straight to moto (not counted): 100 sequential
 * ListTagsForResource. Taken before and after each mode, to show how much
 * the emulator drifts as its state grows during the run.
 */
async function probe(endpoint: string, keys: Keys, accountId: string) {
  const org = new OrganizationsClient({
    endpoint,
    region: REGION,
    credentials: keys,
    maxAttempts: 1,
  });
  const n = 100;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    await org.send(new ListTagsForResourceCommand({ ResourceId: accountId }));
  }
  org.destroy();
  return (performance.now() - started) / n;
}

function printReport(report: {
  args: BenchArgs;
  estate: EstateShape;
  measurements: Measurement[];
  probes: { mode: string; when: string; msPerCall: number }[];
  limits: typeof AWS_LIKE_LIMITS;
  seededMs: number;
  totalMs: number;
}) {
  const { args, estate, measurements } = report;
  const m = machine();
  const out: string[] = [];
  out.push(
    `# bench:ingest`,
    '',
    `Machine: ${m.cpu}, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; moto ${m.moto}.`,
    `Estate: ${estate.accounts.length} accounts (${args.accounts} workload), ${estate.ous} OUs, ` +
      `${estate.accounts.reduce(
        (s, a) => s + a.zoneRecords.length,
        0,
      )} hosted zones, ` +
      `${estate.accounts.reduce(
        (s, a) => s + a.clusters.length,
        0,
      )} EKS clusters, ` +
      `${estate.accounts.reduce(
        (s, a) => s + a.vaults,
        0,
      )} vaults, ${estate.accounts.reduce(
        (s, a) => s + a.plans,
        0,
      )} plans; seeded in ${(report.seededMs / 1000).toFixed(0)} s.`,
    `Peers run ${
      args.peerConcurrency
    } providers/locations at once. Whole run: ${(report.totalMs / 1000).toFixed(
      0,
    )} s.`,
    `moto service time (100 sequential calls, straight to moto): ${report.probes
      .map(p => `${p.mode} ${p.when} ${p.msPerCall.toFixed(1)} ms`)
      .join(', ')}.`,
    '',
  );
  for (const mode of args.modes) {
    const ofMode = measurements.filter(x => x.mode === mode);
    if (!ofMode.length) continue;
    out.push(
      mode === 'aws'
        ? `## AWS-like: ${
            args.latencyMs
          } ms per call, per-account token buckets (${Object.entries(
            report.limits,
          )
            .map(([s, l]) => `${s} ${l.ratePerSecond}/s burst ${l.burst}`)
            .join(', ')})`
        : '## Bare emulator (no latency, no throttling)',
      '',
      summaryTable(ofMode),
      '',
      comparisonTable(comparisons(ofMode)),
      '',
      ...verdicts(ofMode).map(v => `- ${v}`),
      '',
      apiTable(ofMode),
      '',
    );
    for (const x of ofMode) {
      const failures = x.result?.failures ?? [];
      if (failures.length) {
        out.push(
          `${x.label}: ${failures.length} failures, e.g. ${failures
            .slice(0, 3)
            .join(' | ')}`,
          '',
        );
      }
    }
  }
  console.log(out.join('\n'));
}

runBenchCli({
  name: 'bench:ingest',
  usage: USAGE,
  parse: parseBenchArgs,
  run: main,
});
