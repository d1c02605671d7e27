/**
 * The model against what the emulator benchmark measured: the same estate
 * (seedLargeEstate's shape), the same AWS-like limits and latency, the
 * suite's settings of each measured run. The emulator adds what AWS does not
 * have: moto serves one request at a time, modelled as one FIFO server.
 */
import { AWS_LIKE_LIMITS } from '../throttling.ts';
import { benchEstateShape } from './estate.ts';
import type { Scenario, SimulationResult } from './simulation.ts';

/** A figure docs/benchmarks.md records, and where. */
export type MeasuredReference = {
  label: string;
  /** The section of docs/benchmarks.md and the run. */
  source: string;
  measuredMs: number;
  /** Throttled calls the run reported, where the section gives them. */
  measuredThrottled?: number;
  /** Which simulated time it compares with. */
  phase: 'organizationMs' | 'scopesMs' | 'totalMs';
  scenario: (emulatorMs: number) => Scenario;
};

const bench = (
  workloads: number,
  clusters: number,
  options: Partial<Scenario['settings']> & {
    clientLimits?: Scenario['clientLimits'];
    zonesPerAccount?: number;
  },
  emulatorMs: number,
): Scenario => {
  const { clientLimits, zonesPerAccount = 5, ...settings } = options;
  return {
    shape: benchEstateShape({ workloads, zonesPerAccount, clusters }),
    settings: {
      concurrency: 4,
      accountConcurrency: 16,
      regions: ['us-east-1'],
      services: ['route53', 'eks', 'backup'],
      ...settings,
    },
    latencyMs: 50,
    serverLimits: AWS_LIKE_LIMITS,
    clientLimits,
    emulatorMs,
  };
};

/**
 * Each run's settings as the benchmark set them; accountConcurrency was 4
 * before the default became 16.
 */
export const MEASURED: MeasuredReference[] = [
  {
    label: '1,000 accounts: organization read, current defaults',
    source: 'Ingestion at scale (1,000 accounts), suite',
    measuredMs: 104_787,
    measuredThrottled: 1,
    phase: 'organizationMs',
    scenario: e => bench(1000, 100, {}, e),
  },
  {
    label: '1,000 accounts: scopes, current defaults',
    source: 'Ingestion at scale (1,000 accounts), suite',
    measuredMs: 227_300 - 104_787,
    phase: 'scopesMs',
    scenario: e => bench(1000, 100, {}, e),
  },
  {
    label: '1,000 accounts: EKS scopes only, accountConcurrency 16',
    source: 'Ingestion at scale (1,000 accounts), suite-eks',
    measuredMs: 18_190,
    measuredThrottled: 0,
    phase: 'totalMs',
    scenario: e =>
      bench(1000, 100, { services: ['eks'], organizationGiven: true }, e),
  },
  {
    label: '1,000 accounts: EKS scopes only, accountConcurrency 32',
    source: 'Ingestion at scale (1,000 accounts), suite-eks',
    measuredMs: 15_588,
    measuredThrottled: 0,
    phase: 'totalMs',
    scenario: e =>
      bench(
        1000,
        100,
        { accountConcurrency: 32, services: ['eks'], organizationGiven: true },
        e,
      ),
  },
  {
    label: '1,000 accounts, no zones: whole refresh, accountConcurrency 4',
    source: 'After pacing AssumeRole, suite (run at the old default)',
    measuredMs: 175_800,
    measuredThrottled: 1,
    phase: 'totalMs',
    scenario: e =>
      bench(1000, 100, { zonesPerAccount: 0, accountConcurrency: 4 }, e),
  },
  {
    label:
      '1,000 accounts: EKS scopes only, accountConcurrency 16 (lower load)',
    source: 'After pacing AssumeRole, suite-eks',
    measuredMs: 11_900,
    measuredThrottled: 0,
    phase: 'totalMs',
    scenario: e =>
      bench(1000, 100, { services: ['eks'], organizationGiven: true }, e),
  },
  {
    label: '1,000 accounts: EKS scopes only, accountConcurrency 4',
    source: 'After pacing AssumeRole, suite-eks',
    measuredMs: 18_500,
    measuredThrottled: 0,
    phase: 'totalMs',
    scenario: e =>
      bench(
        1000,
        100,
        { accountConcurrency: 4, services: ['eks'], organizationGiven: true },
        e,
      ),
  },
  {
    label: '1,000 accounts: organization read, client Organizations 4/s',
    source: 'Results: 1,000 accounts (run 2), the shipped limit then',
    measuredMs: 264_600,
    measuredThrottled: 0,
    phase: 'organizationMs',
    scenario: e =>
      bench(
        1000,
        100,
        {
          services: [],
          clientLimits: { Organizations: { ratePerSecond: 4, burst: 8 } },
        },
        e,
      ),
  },
  {
    label: '1,000 accounts: organization read, client Organizations 20/s',
    source: 'Results: 1,000 accounts (run 2), suite-org (Organizations 20/s)',
    measuredMs: 104_800,
    measuredThrottled: 43,
    phase: 'organizationMs',
    scenario: e =>
      bench(
        1000,
        100,
        {
          services: [],
          clientLimits: { Organizations: { ratePerSecond: 20, burst: 40 } },
        },
        e,
      ),
  },
  {
    label: '200 accounts: whole refresh, accountConcurrency 4',
    source: 'After the fixes (200 accounts), suite',
    measuredMs: 37_200,
    phase: 'totalMs',
    scenario: e => bench(200, 20, { accountConcurrency: 4 }, e),
  },
  {
    label: '200 accounts: organization read',
    source: 'After the fixes (200 accounts), suite',
    measuredMs: 20_765,
    phase: 'organizationMs',
    scenario: e => bench(200, 20, { accountConcurrency: 4 }, e),
  },
  {
    label: '200 accounts: EKS scopes only, accountConcurrency 4',
    source: 'After the fixes (200 accounts), suite-eks',
    measuredMs: 3_569,
    phase: 'totalMs',
    scenario: e =>
      bench(
        200,
        20,
        { accountConcurrency: 4, services: ['eks'], organizationGiven: true },
        e,
      ),
  },
];

/** The simulated figure a reference compares with. */
export function simulatedMs(
  reference: MeasuredReference,
  result: SimulationResult,
): number {
  return result[reference.phase];
}
