import type { LargeEstate } from './seed/largeEstate.ts';
import type { ReferenceEstate } from './seed/referenceEstate.ts';

/** One line describing a seeded reference estate. */
export function summarizeReferenceEstate(
  estate: ReferenceEstate,
  ms: number,
): string {
  return (
    `seeded reference estate: organization ${estate.organizationId}, ` +
    `${Object.keys(estate.accounts).length} accounts, ` +
    `${Object.keys(estate.zones).length} zones, ` +
    `${Object.keys(estate.clusters).length} clusters, ` +
    `${estate.vaults.length} vaults, ${estate.plans.length} plan, ` +
    `${estate.repositories.length} repositories in ${seconds(ms)}`
  );
}

/** One line describing a seeded large estate. */
export function summarizeLargeEstate(estate: LargeEstate): string {
  return (
    `seeded large estate: organization ${estate.organizationId}, ` +
    // + management, Network, Backup
    `${estate.workloads.length + 3} accounts, ` +
    `${estate.zones.length + 1} zones, ${estate.clusters.length} clusters, ` +
    `${estate.vaults} vaults, ${estate.plans} plans in ${seconds(
      estate.durationMs,
    )}`
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
