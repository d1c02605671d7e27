/**
 * What the orchestrator (ingest.ts) and the runners (one child process per
 * implementation) exchange: a job file in, one IPC message out.
 */

/** The implementations and the part of the estate each one reads. */
export const IMPLEMENTATIONS = [
  'suite',
  'suite-eks',
  'suite-org',
  'roadie-org',
  'roadie-eks',
  'core-org',
  'core-eks',
] as const;

export type Implementation = (typeof IMPLEMENTATIONS)[number];

/** Which bundle runs an implementation. */
export function runnerOf(impl: Implementation): 'suite' | 'roadie' | 'core' {
  if (impl.startsWith('suite')) return 'suite';
  return impl.startsWith('roadie') ? 'roadie' : 'core';
}

export type Job = {
  impl: Implementation;
  region: string;
  managementAccountId: string;
  /** Every account the peers' EKS readers are configured for. */
  accountIds: string[];
  /** The role assumed in member accounts (aws.accountDefaults.roleName). */
  roleName: string;
  /** Providers or locations the driver runs at once for the peers. */
  peerConcurrency: number;
  /**
   * suite: where to write the organization it read; suite-eks: where to read
   * it from (the peers are given their account list in config, too).
   */
  snapshotPath?: string;
  /** suite: catalog.providers.awsPlatform.concurrency (organization read), if not the default. */
  concurrency?: number;
  /** suite: catalog.providers.awsPlatform.accountConcurrency, if not the default. */
  accountConcurrency?: number;
  /** suite: overrides of awsPlatform.aws.rateLimits (client-side). */
  rateLimits?: Record<string, { ratePerSecond: number; burst?: number }>;
};

export type RunResult = {
  impl: Implementation;
  /** The refresh itself: from the first AWS call to the last entity. */
  wallMs: number;
  /** Named parts of wallMs (the suite's organization read). */
  phases: Record<string, number>;
  entities: number;
  entitiesByType: Record<string, number>;
  /** Scopes, providers or locations that failed, with the error. */
  failures: string[];
  /** Peak resident set size of the child process (getrusage). */
  maxRssMb: number;
  /** Resident set size once the implementation's modules were loaded. */
  loadedRssMb: number;
};
