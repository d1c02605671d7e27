/**
 * Turns the measurements into Markdown tables and the issue's targets into
 * plain verdicts.
 */
import type { OperationCount } from './countingProxy.ts';
import { total } from './minimum.ts';
import type { CallCounts } from './minimum.ts';
import type { Implementation, RunResult } from './runners/protocol.ts';

export type Measurement = {
  mode: 'bare' | 'aws';
  impl: Implementation;
  /** Column label, e.g. `suite-org (Organizations 20/s)`. */
  label: string;
  /** Set when the suite ran with a setting changed from its default. */
  variant?: string;
  reads: string;
  result?: RunResult;
  error?: string;
  counts: OperationCount[];
  minimum: CallCounts;
  /** Child process start to exit, as the orchestrator saw it. */
  processMs: number;
  /** 1-minute load average at the end: other work on the machine skews wall times. */
  loadAverage?: number;
};

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
const seconds = (ms: number) => fmt(ms / 1000, 1);

function calls(m: Measurement) {
  return m.counts.reduce((sum, c) => sum + c.calls, 0);
}
function throttled(m: Measurement) {
  return m.counts.reduce((sum, c) => sum + c.throttled, 0);
}
function errors(m: Measurement) {
  return m.counts.reduce((sum, c) => sum + c.errors, 0);
}
function substituted(m: Measurement) {
  return m.counts.reduce((sum, c) => sum + c.substituted, 0);
}

/** Calls of one service (`organizations`) or operation (`eks:ListClusters`). */
export function callsOf(m: Measurement | undefined, prefix: string): number {
  if (!m) return NaN;
  return m.counts
    .filter(c => `${c.service}:${c.operation}`.startsWith(prefix))
    .reduce((sum, c) => sum + c.calls, 0);
}

export function summaryTable(measurements: Measurement[]): string {
  const rows = measurements.map(m => {
    const r = m.result;
    const min = total(m.minimum);
    return [
      m.label,
      m.reads,
      r ? seconds(r.wallMs) : `failed: ${m.error}`,
      fmt(calls(m)),
      fmt(min),
      min ? fmt(calls(m) / min, 2) : '–',
      fmt(throttled(m)),
      fmt(errors(m)),
      fmt(substituted(m)),
      r ? fmt(r.entities) : '–',
      r ? fmt(r.maxRssMb) : '–',
      r ? fmt(r.failures.length) : '–',
      m.loadAverage === undefined ? '–' : fmt(m.loadAverage, 1),
    ];
  });
  return markdownTable(
    [
      'implementation',
      'reads',
      'wall s',
      'AWS calls',
      'minimum',
      'calls ÷ min',
      'throttled',
      'moto 4xx/5xx',
      'emulator gaps filled',
      'entities',
      'peak RSS MB',
      'failed scopes',
      'load avg',
    ],
    rows,
  );
}

/** Observed calls per API next to the minimum, one column per implementation. */
export function apiTable(measurements: Measurement[]): string {
  const keys = new Set<string>();
  for (const m of measurements) {
    for (const c of m.counts) keys.add(`${c.service}:${c.operation}`);
    for (const key of Object.keys(m.minimum)) keys.add(key);
  }
  const rows = [...keys].sort().map(key => [
    key,
    ...measurements.map(m => {
      const c = m.counts.find(x => `${x.service}:${x.operation}` === key);
      const observed = c?.calls ?? 0;
      const min = m.minimum[key] ?? 0;
      if (!observed && !min) return '';
      const notes = [
        c?.throttled ? `${fmt(c.throttled)} thr` : '',
        c?.errors ? `${fmt(c.errors)} err` : '',
        c?.substituted ? `${fmt(c.substituted)} filled` : '',
      ].filter(Boolean);
      return `${fmt(observed)} (${fmt(min)})${
        notes.length ? ` ${notes.join(', ')}` : ''
      }`;
    }),
  ]);
  return markdownTable(
    ['API: calls (minimum)', ...measurements.map(m => m.label)],
    rows,
  );
}

export type Comparison = {
  what: string;
  suite: number;
  roadie: number;
  core: number;
};

/** What the peers cover, timed for each: accounts and EKS clusters. */
export function comparisons(measurements: Measurement[]): Comparison[] {
  const get = (impl: Implementation) =>
    measurements.find(m => m.impl === impl && !m.variant && m.result);
  const variantOf = (impl: Implementation) =>
    measurements.find(m => m.impl === impl && m.variant && m.result);
  const suite = get('suite');
  const suiteEks = get('suite-eks');
  const proposal = variantOf('suite-org');
  const eksVariant = variantOf('suite-eks');
  const wall = (m?: Measurement) => m?.result?.wallMs ?? NaN;
  const out: Comparison[] = [
    {
      what: 'accounts with tags: wall ms (suite: its organization read, OUs included)',
      suite: suite?.result?.phases.organization ?? NaN,
      roadie: wall(get('roadie-org')),
      core: wall(get('core-org')),
    },
  ];
  if (proposal) {
    out.push({
      what: `accounts with tags: wall ms, ${proposal.label}`,
      suite: proposal.result?.phases.organization ?? NaN,
      roadie: wall(get('roadie-org')),
      core: wall(get('core-org')),
    });
  }
  out.push(
    {
      what: 'EKS clusters in every account: wall ms',
      suite: wall(suiteEks),
      roadie: wall(get('roadie-eks')),
      core: wall(get('core-eks')),
    },
    ...(eksVariant
      ? [
          {
            what: `EKS clusters in every account: wall ms, ${eksVariant.label}`,
            suite: wall(eksVariant),
            roadie: wall(get('roadie-eks')),
            core: wall(get('core-eks')),
          },
        ]
      : []),
    {
      what: 'accounts: AWS calls',
      suite: callsOf(suite, 'organizations:'),
      roadie: callsOf(get('roadie-org'), ''),
      core: callsOf(get('core-org'), ''),
    },
    {
      what: 'EKS: AWS calls (suite also reads node groups, add-ons, SSM)',
      suite: callsOf(suiteEks, ''),
      roadie: callsOf(get('roadie-eks'), ''),
      core: callsOf(get('core-eks'), ''),
    },
  );
  return out;
}

export function comparisonTable(rows: Comparison[]): string {
  const ratio = (peer: number, suite: number) =>
    Number.isFinite(peer / suite) ? `${fmt(peer / suite, 2)}×` : '–';
  return markdownTable(
    [
      'what the peers cover',
      'suite',
      'Roadie',
      'core',
      'Roadie ÷ suite',
      'core ÷ suite',
    ],
    rows.map(r => [
      r.what,
      Number.isFinite(r.suite) ? fmt(r.suite) : '–',
      Number.isFinite(r.roadie) ? fmt(r.roadie) : '–',
      Number.isFinite(r.core) ? fmt(r.core) : '–',
      ratio(r.roadie, r.suite),
      ratio(r.core, r.suite),
    ]),
  );
}

/** The issue's targets, judged on one mode's measurements. */
export function verdicts(measurements: Measurement[]): string[] {
  const rows = comparisons(measurements);
  const lines: string[] = [];
  const [accounts] = rows;
  const eks = rows.find(r => r.what.startsWith('EKS clusters'))!;
  const judge = (what: string, value: number, target: number, unit: string) =>
    Number.isFinite(value)
      ? `${value >= target ? 'MEETS' : 'MISSES'} ${what}: ${fmt(
          value,
          2,
        )}${unit} (target ≥ ${target}${unit})`
      : `n/a ${what}: not measured`;
  lines.push(
    judge('vs Roadie, accounts', accounts.roadie / accounts.suite, 5, '×'),
  );
  lines.push(judge('vs Roadie, EKS', eks.roadie / eks.suite, 5, '×'));
  lines.push(
    judge('vs core, accounts', accounts.core / accounts.suite, 2, '×'),
  );
  lines.push(judge('vs core, EKS', eks.core / eks.suite, 2, '×'));
  const suite = measurements.find(
    m => m.impl === 'suite' && !m.variant && m.result,
  );
  if (suite) {
    const excess = calls(suite) / total(suite.minimum) - 1;
    lines.push(
      `${
        excess <= 0.05 ? 'MEETS' : 'MISSES'
      } suite AWS calls within 5 % of the minimum: ${fmt(
        calls(suite),
      )} vs ${fmt(total(suite.minimum))} (${excess >= 0 ? '+' : ''}${fmt(
        excess * 100,
        1,
      )} %)`,
    );
    const rss = Math.max(
      ...measurements
        .filter(m => m.impl.startsWith('suite') && m.result)
        .map(m => m.result!.maxRssMb),
    );
    lines.push(
      `${rss < 500 ? 'MEETS' : 'MISSES'} suite peak RSS under 500 MB: ${fmt(
        rss,
      )} MB`,
    );
  }
  return lines;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join(
    '\n',
  );
}
