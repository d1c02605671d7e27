import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_BACKUP_COVERAGE,
  ANNOTATION_OWNER_SOURCE,
} from './annotations';

/**
 * What an account holds, in `spec.summary` of account entities. A type
 * rather than an interface, so that it fits in an entity's JSON spec.
 * @public
 */
export type AccountSummary = {
  zones: number;
  clusters: number;
  vaults: number;
  plans: number;
  /** Zones whose parent's NS record does not match their name servers. */
  driftedZones: number;
  /** Clusters on an EKS version past extended support. */
  unsupportedClusters: number;
};

/**
 * The value of a workload account's `aws-platform-suite.github.io/backup-coverage`.
 * `unknown` is neither covered nor not covered: the plans' selections or the
 * account's backups could not be read.
 * @public
 */
export type BackupCoverage =
  | 'covered'
  | 'no-selection'
  | 'no-copy'
  | 'no-plan'
  | 'unknown';

/**
 * Something about an account the platform team should look at.
 * `backup-coverage-unknown` says that coverage could not be told, so that an
 * account is never shown as fine for lack of information.
 * @public
 */
export type AccountFinding =
  | 'no-owner-tag'
  | 'delegation-drift'
  | 'backup-not-covered'
  | 'backup-coverage-unknown'
  | 'eks-version-unsupported';

/**
 * The account's summary, or undefined when the entity has none (an older
 * ingestion, or an account whose resources are not read).
 * @public
 */
export function accountSummaryOf(entity: Entity): AccountSummary | undefined {
  const summary = entity.spec?.summary as Partial<AccountSummary> | undefined;
  if (!summary || typeof summary !== 'object') {
    return undefined;
  }
  const count = (value: unknown) => (typeof value === 'number' ? value : 0);
  return {
    zones: count(summary.zones),
    clusters: count(summary.clusters),
    vaults: count(summary.vaults),
    plans: count(summary.plans),
    driftedZones: count(summary.driftedZones),
    unsupportedClusters: count(summary.unsupportedClusters),
  };
}

/**
 * The findings of an account entity, in a stable order.
 * @public
 */
export function accountFindings(entity: Entity): AccountFinding[] {
  const annotations = entity.metadata.annotations ?? {};
  const summary = accountSummaryOf(entity);
  const findings: AccountFinding[] = [];
  if (annotations[ANNOTATION_OWNER_SOURCE] !== 'tag')
    findings.push('no-owner-tag');
  if (summary?.driftedZones) findings.push('delegation-drift');
  const coverage = annotations[ANNOTATION_BACKUP_COVERAGE];
  if (
    coverage === 'no-plan' ||
    coverage === 'no-copy' ||
    coverage === 'no-selection'
  )
    findings.push('backup-not-covered');
  if (coverage === 'unknown') findings.push('backup-coverage-unknown');
  if (summary?.unsupportedClusters) findings.push('eks-version-unsupported');
  return findings;
}
