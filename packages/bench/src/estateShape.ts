/**
 * The estate as far as any implementation reads it: how many of each thing
 * there are, not what they are called. The benchmark derives it from what
 * seedLargeEstate returned; the simulation builds it from an organization's
 * make-up (simulate/estate.ts).
 */
import type { LargeEstate } from '@internal/local-aws';

/** What one account holds, as far as any implementation reads it. */
export type AccountShape = {
  id: string;
  /** Record sets of each hosted zone. */
  zoneRecords: number[];
  /** Node groups and add-ons of each EKS cluster (in the first region). */
  clusters: { nodegroups: number; addons: number }[];
  /** SSM parameters under /flightdeck/. */
  flightdeckParameters: number;
  vaults: number;
  plans: number;
  /** Backup selections over all plans, spread evenly (selectionsOfPlan). */
  selections: number;
  /** ECR repositories (in the first region), each read with its policy. */
  repositories: number;
};

export type EstateShape = {
  /** Children of each parent (root, then each OU), for the breadth-first read. */
  parents: { ous: number; accounts: number }[];
  roots: number;
  ous: number;
  /** The management account first. */
  accounts: AccountShape[];
  /**
   * The services each delegated administrator administers (one entry per
   * administrator account). Absent or empty: the organization has none.
   */
  delegatedAdministrators?: number[];
};

/** Selections of one of an account's plans: the account's, spread evenly. */
export function selectionsOfPlan(account: AccountShape, plan: number): number {
  return (
    Math.floor(account.selections / account.plans) +
    (plan < account.selections % account.plans ? 1 : 0)
  );
}

function emptyAccount(id: string): AccountShape {
  return {
    id,
    zoneRecords: [],
    clusters: [],
    flightdeckParameters: 0,
    vaults: 0,
    plans: 0,
    selections: 0,
    repositories: 0,
  };
}

/** Derives the shape from what seedLargeEstate returned and how it seeds. */
export function estateShape(
  estate: LargeEstate,
  options: { zonesPerAccount: number },
): EstateShape {
  const workloads = estate.workloads.length;
  const zonesPerAccount = options.zonesPerAccount;
  const clustersOf = (accountId: string) =>
    estate.clusters.filter(c => c.accountId === accountId);
  const withPlans = estate.plans > 0;
  const withVaults = estate.vaults > (withPlans ? 1 : 0);
  const management = emptyAccount(estate.managementAccountId);
  // The root zone: SOA, NS, and one NS delegation per workload account.
  const network: AccountShape = {
    ...emptyAccount(estate.network.id),
    zoneRecords: [2 + (zonesPerAccount > 0 ? workloads : 0)],
  };
  // The copy-target vault exists when plans were seeded.
  const backup: AccountShape = {
    ...emptyAccount(estate.backup.id),
    vaults: withPlans ? 1 : 0,
  };
  const workloadShapes = estate.workloads.map((account): AccountShape => {
    const clusters = clustersOf(account.id);
    return {
      id: account.id,
      // The apex zone delegates to the account's other zones.
      zoneRecords: Array.from({ length: zonesPerAccount }, (_, i) =>
        i === 0 ? 2 + (zonesPerAccount - 1) : 2,
      ),
      clusters: clusters.map(() => ({ nodegroups: 1, addons: 0 })),
      flightdeckParameters: clusters.length * 2,
      vaults: withVaults ? 1 : 0,
      plans: withPlans ? 1 : 0,
      selections: 0,
      // seedLargeEstate creates no ECR repository.
      repositories: 0,
    };
  });
  const count = (ou: string) =>
    estate.workloads.length * (ou === 'Workloads' ? 1 : 0) +
    (ou === 'Shared' ? 2 : 0);
  return {
    roots: 1,
    ous: Object.keys(estate.ous).length,
    parents: [
      { ous: Object.keys(estate.ous).length, accounts: 1 },
      ...Object.keys(estate.ous).map(ou => ({ ous: 0, accounts: count(ou) })),
    ],
    accounts: [management, network, backup, ...workloadShapes],
    // seedLargeEstate registers no delegated administrator.
    delegatedAdministrators: [],
  };
}
