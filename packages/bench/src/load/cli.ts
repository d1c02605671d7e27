/**
 * `yarn bench:load`: the live status API under concurrent load.
 *
 * moto seeded with the reference estate; a recording proxy in front of it;
 * the aws-platform backend plugin in a child process (loadBackend.ts,
 * bundled with esbuild) on 127.0.0.1; autocannon at each rate in turn over
 * every live endpoint of the ingested entities. Prints Markdown; everything
 * it starts, it stops. Runs under Node 22's type stripping.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startReferenceEstate } from '@internal/local-aws';
import type { LocalAws } from '@internal/local-aws';
import { bundleForNode } from '../buildRunners.ts';
import { markdownTable } from '../report.ts';
import { callsPerTtl, readsPerKey } from './awsCallsPerTtl.ts';
import { progressLog, runBenchCli } from '../benchCli.ts';
import { parseLoadArgs, USAGE } from './loadArgs.ts';
import type { LoadArgs } from './loadArgs.ts';
import type {
  CacheWrite,
  LoadJob,
  LoadReady,
  LoadReport,
  LoadTarget,
} from './loadProtocol.ts';
import { startRecordingProxy } from './recordingProxy.ts';
import type { RecordingProxy } from './recordingProxy.ts';

const REGION = 'us-east-1';
const ROLE_NAME = 'OrganizationAccountAccessRole';
/** The whole run stops after this long, whatever happens. */
const HARD_LIMIT_MS = 15 * 60_000;

/** What one rate gave. */
type RateResult = {
  rate: number;
  connections: number;
  durationS: number;
  requests: number;
  achievedRps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
};

async function bundleBackend(): Promise<string> {
  const here = new URL('.', import.meta.url).pathname;
  const { loadBackend } = await bundleForNode({
    loadBackend: join(here, 'loadBackend.ts'),
  });
  return loadBackend;
}

function startBackend(
  bundle: string,
  job: LoadJob,
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; ready: Promise<LoadReady> } {
  const child = fork(bundle, [JSON.stringify(job)], {
    env,
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-3000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const ready = new Promise<LoadReady>((resolve, reject) => {
    child.on('message', message => {
      if ((message as LoadReady).type === 'ready')
        resolve(message as LoadReady);
    });
    child.on('exit', (code, signal) =>
      reject(
        new Error(
          `the backend exited with ${signal ?? `code ${code}`}: ${tail
            .trim()
            .split('\n')
            .slice(-8)
            .join(' / ')}`,
        ),
      ),
    );
  });
  return { child, ready };
}

/** The cache writes the backend recorded (one per AWS read of a resource). */
function requestReport(child: ChildProcess): Promise<CacheWrite[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the backend sent no report')),
      10_000,
    );
    const onMessage = (message: unknown) => {
      if ((message as LoadReport).type !== 'report') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve((message as LoadReport).cacheWrites);
    };
    child.on('message', onMessage);
    child.send({ type: 'report' });
  });
}

async function drive(
  ready: LoadReady,
  rate: number,
  args: LoadArgs,
): Promise<RateResult> {
  const connections = args.connections ?? Math.max(10, Math.round(rate / 5));
  const pathOf = (target: LoadTarget) =>
    `/api/aws-platform/live/${target.endpoint}?entityRef=${encodeURIComponent(
      target.entityRef,
    )}`;
  const result = await autocannon({
    url: ready.baseUrl,
    connections,
    overallRate: rate,
    duration: args.durationS,
    timeout: 10,
    headers: { authorization: ready.authorization },
    // Each connection walks the whole list, so every entity gets its share.
    requests: ready.targets.map(target => ({
      method: 'GET' as const,
      path: pathOf(target),
    })),
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = Number((stats as { count: number }).count);
  }
  return {
    rate,
    connections,
    durationS: args.durationS,
    requests: result.requests.total,
    achievedRps: result.requests.total / args.durationS,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
}

async function main(args: LoadArgs): Promise<number> {
  const started = Date.now();
  const log = progressLog(started);

  let localAws: LocalAws | undefined;
  let proxy: RecordingProxy | undefined;
  let child: ChildProcess | undefined;
  const stopAll = async () => {
    if (child && child.exitCode === null) {
      child.send?.({ type: 'stop' });
      const exited = new Promise(resolve => child!.once('exit', resolve));
      const timer = setTimeout(() => child?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await proxy?.close();
    await localAws?.stop();
  };
  const onSignal = () => {
    log('stopping');
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const hardLimit = setTimeout(() => {
    log(`still running after ${HARD_LIMIT_MS / 60_000} min; stopping`);
    onSignal();
  }, HARD_LIMIT_MS);
  hardLimit.unref();

  try {
    log('bundling the backend with esbuild');
    const bundle = await bundleBackend();
    log('starting moto with the reference estate');
    const reference = await startReferenceEstate();
    localAws = reference.localAws;
    proxy = await startRecordingProxy({
      target: localAws.endpoint,
      maxLifetimeMs: HARD_LIMIT_MS,
    });
    log('ingesting the estate and starting the backend');
    const backend = startBackend(
      bundle,
      { region: REGION, roleName: ROLE_NAME, cacheTtlMs: args.cacheTtlMs },
      { ...process.env, ...localAws.env, AWS_ENDPOINT_URL: proxy.endpoint },
    );
    child = backend.child;
    const ready = await backend.ready;
    const ingestionCalls = proxy.calls().length;
    proxy.clear();
    const byEndpoint: Record<string, number> = {};
    for (const target of ready.targets) {
      byEndpoint[target.endpoint] = (byEndpoint[target.endpoint] ?? 0) + 1;
    }
    log(
      `backend at ${ready.baseUrl}; ${
        ready.entities
      } entities (ingestion: ${ingestionCalls} AWS calls); load over ${
        ready.targets.length
      } of them: ${Object.entries(byEndpoint)
        .map(([endpoint, n]) => `${n} ${endpoint}`)
        .join(', ')}`,
    );

    const loadStarted = performance.now();
    const rates: RateResult[] = [];
    for (const rate of args.rates) {
      log(`${rate} requests per second for ${args.durationS} s`);
      const result = await drive(ready, rate, args);
      rates.push(result);
      log(
        `${rate}/s: ${result.requests} requests, p50 ${result.p50Ms} ms, p99 ${
          result.p99Ms
        } ms, ${result.non2xx + result.errors + result.timeouts} not OK`,
      );
    }
    const loadMs = performance.now() - loadStarted;
    const aws = callsPerTtl(proxy.calls(), args.cacheTtlMs);
    const reads = readsPerKey(await requestReport(child), args.cacheTtlMs);
    const maxReadsPerTtl = Math.max(0, ...reads.map(r => r.maxPerTtl));
    const loadAverage = os.loadavg()[0];

    const lines = [
      '# bench:load',
      '',
      `Machine: ${os.cpus().length} × ${
        os.cpus()[0]?.model.trim() ?? 'unknown CPU'
      }, ${Math.round(os.totalmem() / 2 ** 30)} GB; Node ${
        process.version
      }; 1-minute load average at the end ${loadAverage.toFixed(1)}.`,
      `Backend: the aws-platform plugin (startTestBackend's mock services: mock auth, an in-memory cache; all permissions allowed) on 127.0.0.1; ${
        ready.entities
      } catalog entities from the suite's ingestion of the reference estate; live status cache TTL ${
        args.cacheTtlMs / 1000
      } s; AWS: moto through a recording proxy, the suite's client factory (AssumeRole per account).`,
      `Load: autocannon, ${
        args.durationS
      } s per rate, coordinated omission corrected, over ${
        ready.targets.length
      } entities (${Object.entries(byEndpoint)
        .map(([endpoint, n]) => `${n} ${endpoint}`)
        .join(', ')}), one after another on each connection.`,
      '',
      markdownTable(
        [
          'target rate /s',
          'connections',
          'requests',
          'achieved /s',
          'p50 ms',
          'p99 ms',
          'max ms',
          '2xx',
          'non-2xx',
          'errors',
          'timeouts',
        ],
        rates.map(r => [
          String(r.rate),
          String(r.connections),
          r.requests.toLocaleString('en-US'),
          r.achievedRps.toFixed(0),
          String(r.p50Ms),
          String(r.p99Ms),
          String(r.maxMs),
          r.ok.toLocaleString('en-US'),
          String(r.non2xx),
          String(r.errors),
          String(r.timeouts),
        ]),
      ),
      '',
      `Reads per resource (the plugin's cache writes: one per AWS read of a resource) during the load (${(
        loadMs / 1000
      ).toFixed(0)} s, TTL ${args.cacheTtlMs / 1000} s):`,
      '',
      markdownTable(
        [
          'resource (cache key)',
          'reads',
          'most reads within one TTL',
          'shortest gap between reads s',
        ],
        reads.map(r => [
          r.key.replace(/^live-status:v\d+:/, ''),
          String(r.reads),
          String(r.maxPerTtl),
          r.minRepeatMs === undefined ? '–' : (r.minRepeatMs / 1000).toFixed(1),
        ]),
      ),
      '',
      maxReadsPerTtl <= 1
        ? `- MEETS at most one AWS read per resource per TTL: no resource was read twice within ${
            args.cacheTtlMs / 1000
          } s.`
        : `- MISSES at most one AWS read per resource per TTL: a resource was read ${maxReadsPerTtl} times within ${
            args.cacheTtlMs / 1000
          } s.`,
      '',
      `AWS calls on the wire (the recording proxy): ${aws.calls} first attempts, ${aws.retries} retries, of which ${aws.assumeRole} AssumeRole (one per account reached). By what they read:`,
      '',
      markdownTable(
        [
          'AWS resource',
          'calls',
          'most of one request within one TTL',
          'shortest gap between repeats s',
        ],
        aws.resources.map(r => [
          r.resource,
          String(r.calls),
          String(r.maxPerTtl),
          r.minRepeatMs === undefined ? '–' : (r.minRepeatMs / 1000).toFixed(1),
        ]),
      ),
      '',
      aws.maxPerTtl <= 1
        ? '- No AWS request was made twice within one TTL.'
        : `- An AWS request was made ${aws.maxPerTtl} times within one TTL: the reads of two resources (e.g. a vault and a plan whose rules write to it) make the same request, each once per TTL.`,
    ];
    console.log(lines.join('\n'));
    if (args.jsonOut) {
      writeFileSync(
        args.jsonOut,
        JSON.stringify(
          { args, loadAverage, ready, rates, reads, aws },
          null,
          2,
        ),
      );
      log(`wrote ${args.jsonOut}`);
    }
    return maxReadsPerTtl <= 1 ? 0 : 1;
  } finally {
    clearTimeout(hardLimit);
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    log('backend, proxy and moto stopped');
  }
}

runBenchCli({
  name: 'bench:load',
  usage: USAGE,
  parse: parseLoadArgs,
  run: main,
});
