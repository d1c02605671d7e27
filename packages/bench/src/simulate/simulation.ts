/**
 * One simulated refresh from a scenario: the estate, the suite's settings,
 * and the "network" (latency, AWS's limits, the suite's own limits).
 */
import {
  DEFAULT_RATE_LIMITS,
  FALLBACK_RATE_LIMIT,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node/src/rateLimits.ts';
import type { BucketLimit } from '../throttling.ts';
import type { EstateShape } from '../minimum.ts';
import { AwsModel } from './awsModel.ts';
import type { OperationStats, WaitCategory } from './awsModel.ts';
import { simulateRefresh } from './suiteRefresh.ts';
import type { RefreshSettings, RefreshTimes } from './suiteRefresh.ts';
import { VirtualClock } from './virtualClock.ts';

export type Scenario = {
  shape: EstateShape;
  settings: RefreshSettings;
  latencyMs: number;
  serverLimits: Record<string, BucketLimit>;
  /** Overrides of the suite's DEFAULT_RATE_LIMITS (awsPlatform.aws.rateLimits). */
  clientLimits?: Record<string, { ratePerSecond: number; burst?: number }>;
  /** The SDK's attempts per call (awsPlatform.aws.maxAttempts, default 5). */
  maxAttempts?: number;
  emulatorMs?: number;
  seed?: number;
};

export type SimulationResult = RefreshTimes & {
  /** Calls per `service:Operation`, throttled attempts included. */
  operations: Map<string, OperationStats>;
  /** Time the phase's calls spent on each thing, summed over calls. */
  waits: Record<'organization' | 'scopes', Map<WaitCategory, number>>;
};

/** The suite's client-side limits with the scenario's overrides. */
export function clientLimitsOf(
  overrides: Scenario['clientLimits'] = {},
): Record<string, { ratePerSecond: number; burst?: number }> {
  const limits: Record<string, { ratePerSecond: number; burst?: number }> = {
    ...DEFAULT_RATE_LIMITS,
    ...overrides,
  };
  // What DefaultAwsClientFactory uses for a service missing from the table.
  for (const id of [
    'Organizations',
    'Route 53',
    'EKS',
    'SSM',
    'Backup',
    'EC2',
  ]) {
    limits[id] ??= FALLBACK_RATE_LIMIT;
  }
  return limits;
}

export async function simulate(scenario: Scenario): Promise<SimulationResult> {
  const clock = new VirtualClock();
  const aws = new AwsModel({
    clock,
    latencyMs: scenario.latencyMs,
    clientLimits: clientLimitsOf(scenario.clientLimits),
    serverLimits: scenario.serverLimits,
    maxAttempts: scenario.maxAttempts ?? 5,
    mainAccount: scenario.shape.accounts[0].id,
    emulatorMs: scenario.emulatorMs ?? 0,
    seed: scenario.seed ?? 1,
  });
  const times = await clock.run(() =>
    simulateRefresh(aws, clock, scenario.shape, scenario.settings),
  );
  return {
    ...times,
    operations: aws.operations,
    waits: {
      organization: aws.waitsOf('organization'),
      scopes: aws.waitsOf('scopes'),
    },
  };
}
