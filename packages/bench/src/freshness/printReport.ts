/** Prints the run's report on stdout, as Markdown (docs/benchmarks.md pastes it). */
import os from 'node:os';
import { AWS_LIKE_LIMITS } from '../throttling.ts';
import type { FreshnessArgs } from './freshnessArgs.ts';
import {
  apiTable,
  latencyTable,
  robustTable,
  verdicts,
} from './freshnessReport.ts';
import type { Measured } from './measureAll.ts';

export function printReport(
  r: Measured & {
    args: FreshnessArgs;
    machine: {
      cpu: string;
      memoryGb: number;
      os: string;
      node: string;
      moto: string;
    };
    totalMs: number;
  },
): void {
  const { args, machine: m, estate } = r;
  const limits = Object.entries(AWS_LIKE_LIMITS)
    .map(([service, l]) => `${service} ${l.ratePerSecond}/s burst ${l.burst}`)
    .join(', ');
  const problems = r.logLines.filter(l => l.startsWith('error'));
  const out = [
    '# bench:freshness',
    '',
    `Machine: ${m.cpu}, ${m.memoryGb} GB, ${m.os}; Node ${m.node}; moto ${
      m.moto
    }; load average ${os.loadavg()[0].toFixed(1)} at the end.`,
    `Estate: ${estate.accounts} accounts (${args.accounts} workload), ${
      estate.zones
    } hosted zones, ${estate.clusters} EKS clusters, ${
      estate.plans
    } backup plans; seeded in ${(estate.seededMs / 1000).toFixed(
      0,
    )} s. Whole run: ${(r.totalMs / 1000).toFixed(0)} s.`,
    `AWS-like proxy: ${args.latencyMs} ms per call, ${limits}. Events: the shipped coalescing window (5 s); the aws-sqs module long-polls (20 s) and polls again 1 s after an empty receive.`,
    `Latency: from the change made in moto to the catalog mutation holding it (the event is published right after the change; AWS's own delivery delay to the queue is not in it).`,
    '',
    `## Change to catalog (${args.changes} changes of each kind, one at a time; the OUs created all at once)`,
    '',
    latencyTable(r.rounds, r.baseline),
    '',
    '## AWS calls per change, by API (the event path only; the queue not counted)',
    '',
    apiTable(r.rounds),
    '',
    `## Bad deliveries (${args.robustChanges} accounts each)`,
    '',
    robustTable(r.robust),
    '',
    ...verdicts(r.rounds, r.robust).map(v => `- ${v}`),
    '',
    `Event path log: ${r.logLines.length} warnings and errors${
      problems.length ? `, e.g. ${problems.slice(0, 3).join(' | ')}` : ''
    }.`,
  ];
  if (r.robust.lost.length || r.robust.stale.length) {
    out.push(
      `Lost: ${r.robust.lost.slice(0, 10).join(', ')}; stale: ${r.robust.stale
        .slice(0, 10)
        .join(', ')}`,
    );
  }
  console.log(out.join('\n'));
}
