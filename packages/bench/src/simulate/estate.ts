/**
 * The estates the simulation reads, in the benchmark's EstateShape (so the
 * same minimum formulas apply to both): an organization of a given size and
 * make-up, and the exact shape `seedLargeEstate` gives the emulator runs.
 */
import type { LargeEstate } from '@internal/local-aws';
import { estateShape } from '../estateShape.ts';
import type { AccountShape, EstateShape } from '../estateShape.ts';

/** What an organization holds, per account unless said otherwise. */
export type OrganizationSpec = {
  /** Accounts in the organization, the management account included. */
  accounts: number;
  /** OUs under the root; every account but the management one sits in one. */
  ous: number;
  zonesPerAccount: number;
  recordsPerZone: number;
  /** EKS clusters in the whole organization, one per account from the first. */
  clusters: number;
  nodegroupsPerCluster: number;
  addonsPerCluster: number;
  /** SSM parameters under /flightdeck/ per cluster. */
  parametersPerCluster: number;
  vaultsPerAccount: number;
  plansPerAccount: number;
  selectionsPerPlan: number;
  /** Delegated administrator accounts of the organization. */
  delegatedAdministrators: number;
  /** Services each delegated administrator administers. */
  servicesPerAdministrator: number;
};

/**
 * Defaults for a 5,000-account organization: the emulator estate's make-up
 * (5 zones per account, a vault and a plan each, one cluster per 10
 * accounts) with what the emulator cannot hold: 2 node groups, 4 add-ons and
 * a backup selection per plan, 50 OUs, and the guide's two delegated
 * administrators.
 */
export const DEFAULT_ORGANIZATION: OrganizationSpec = {
  accounts: 5_000,
  ous: 50,
  zonesPerAccount: 5,
  recordsPerZone: 20,
  clusters: 500,
  nodegroupsPerCluster: 2,
  addonsPerCluster: 4,
  parametersPerCluster: 2,
  vaultsPerAccount: 1,
  plansPerAccount: 1,
  selectionsPerPlan: 1,
  // The guide's estate: Identity administers Identity Center, Backup
  // administers AWS Backup (aws-platform-guide.md, account table).
  delegatedAdministrators: 2,
  servicesPerAdministrator: 1,
};

const accountId = (n: number) => String(100_000_000_000 + n);

/** An organization's shape from its make-up; the management account holds nothing. */
export function organizationShape(spec: OrganizationSpec): EstateShape {
  if (spec.accounts < 1 || spec.ous < 1) {
    throw new RangeError('an organization has at least one account and OU');
  }
  const members = spec.accounts - 1;
  const management: AccountShape = {
    id: accountId(0),
    zoneRecords: [],
    clusters: [],
    flightdeckParameters: 0,
    vaults: 0,
    plans: 0,
    selections: 0,
    repositories: 0,
  };
  const accounts = Array.from({ length: members }, (_, i): AccountShape => {
    // As seedLargeEstate spreads them: cluster k in account k mod members.
    const clusters =
      Math.floor(spec.clusters / members) +
      (i < spec.clusters % members ? 1 : 0);
    return {
      id: accountId(i + 1),
      zoneRecords: Array.from(
        { length: spec.zonesPerAccount },
        () => spec.recordsPerZone,
      ),
      clusters: Array.from({ length: clusters }, () => ({
        nodegroups: spec.nodegroupsPerCluster,
        addons: spec.addonsPerCluster,
      })),
      flightdeckParameters: clusters * spec.parametersPerCluster,
      vaults: spec.vaultsPerAccount,
      plans: spec.plansPerAccount,
      selections: spec.plansPerAccount * spec.selectionsPerPlan,
      // ECR is read in every account (one DescribeRepositories finds none);
      // the Operations account's few repositories are left out.
      repositories: 0,
    };
  });
  const perOu = (ou: number) =>
    Math.floor(members / spec.ous) + (ou < members % spec.ous ? 1 : 0);
  return {
    roots: 1,
    ous: spec.ous,
    parents: [
      { ous: spec.ous, accounts: 1 },
      ...Array.from({ length: spec.ous }, (_, ou) => ({
        ous: 0,
        accounts: perOu(ou),
      })),
    ],
    accounts: [management, ...accounts],
    delegatedAdministrators: Array.from(
      { length: Math.min(spec.delegatedAdministrators, members) },
      () => spec.servicesPerAdministrator,
    ),
  };
}

/**
 * The shape `yarn bench:ingest` seeds and reads (management, Network and
 * Backup in their OUs, `workloads` accounts in Workloads), derived by the
 * benchmark's own estateShape from the ids seedLargeEstate would return.
 */
export function benchEstateShape(options: {
  workloads: number;
  zonesPerAccount: number;
  clusters: number;
}): EstateShape {
  const workloads = Array.from({ length: options.workloads }, (_, i) => ({
    id: accountId(i + 3),
  }));
  const ous: LargeEstate['ous'] = {
    Security: 'ou-security',
    Shared: 'ou-shared',
    Workloads: 'ou-workloads',
  };
  const estate = {
    managementAccountId: accountId(0),
    network: { id: accountId(1) },
    backup: { id: accountId(2) },
    ous,
    workloads,
    clusters: Array.from({ length: options.clusters }, (_, k) => ({
      accountId: workloads[k % options.workloads].id,
    })),
    // seedLargeEstate: a vault and a plan per workload, plus the copy target.
    vaults: options.workloads + 1,
    plans: options.workloads,
  } as unknown as LargeEstate;
  return estateShape(estate, { zonesPerAccount: options.zonesPerAccount });
}
