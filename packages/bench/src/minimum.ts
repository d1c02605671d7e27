/**
 * The estate as the benchmark seeded it, and the theoretical minimum of AWS
 * calls to read each part of it (shared/reference/benchmarking.md, and the
 * suite's per-service formulas): maximum page sizes, credentials assumed once
 * per account, nothing read twice.
 */
import type { LargeEstate } from '@internal/local-aws';
import type { Implementation } from './runners/protocol.ts';

/** What one account holds, as far as any implementation reads it. */
export type AccountShape = {
  id: string;
  /** Record sets of each hosted zone. */
  zoneRecords: number[];
  /** Node groups and add-ons of each EKS cluster (in the benchmark region). */
  clusters: { nodegroups: number; addons: number }[];
  /** SSM parameters under /flightdeck/. */
  flightdeckParameters: number;
  vaults: number;
  plans: number;
  /** Backup selections over all plans. */
  selections: number;
};

export type EstateShape = {
  /** Children of each parent (root, then each OU), for the breadth-first read. */
  parents: { ous: number; accounts: number }[];
  roots: number;
  ous: number;
  accounts: AccountShape[];
};

/** Derives the shape from what seedLargeEstate returned and how it seeds. */
export function estateShape(
  estate: LargeEstate,
  options: { zonesPerAccount: number },
): EstateShape {
  const workloads = estate.workloads.length;
  const zonesPerAccount = options.zonesPerAccount;
  const clustersOf = (accountId: string) =>
    estate.clusters.filter(c => c.accountId === accountId);
  const empty = (id: string): AccountShape => ({
    id,
    zoneRecords: [],
    clusters: [],
    flightdeckParameters: 0,
    vaults: 0,
    plans: 0,
    selections: 0,
  });
  const withPlans = estate.plans > 0;
  const withVaults = estate.vaults > (withPlans ? 1 : 0);
  const management = empty(estate.managementAccountId);
  // The root zone: SOA, NS, and one NS delegation per workload account.
  const network: AccountShape = {
    ...empty(estate.network.id),
    zoneRecords: [2 + (zonesPerAccount > 0 ? workloads : 0)],
  };
  // The copy-target vault exists when plans were seeded.
  const backup: AccountShape = {
    ...empty(estate.backup.id),
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
  };
}

/** Minimum calls per `service:Operation`. */
export type CallCounts = Record<string, number>;

const pages = (items: number, pageSize: number) =>
  Math.max(1, Math.ceil(items / pageSize));

function add(counts: CallCounts, key: string, n: number) {
  if (n > 0) counts[key] = (counts[key] ?? 0) + n;
}

/** The suite's organization read: root, OUs breadth first, tags of all. */
function suiteOrganization(shape: EstateShape, counts: CallCounts) {
  add(counts, 'organizations:DescribeOrganization', 1);
  add(counts, 'organizations:ListRoots', 1);
  for (const parent of shape.parents) {
    add(
      counts,
      'organizations:ListOrganizationalUnitsForParent',
      pages(parent.ous, 20),
    );
    add(
      counts,
      'organizations:ListAccountsForParent',
      pages(parent.accounts, 20),
    );
  }
  add(
    counts,
    'organizations:ListTagsForResource',
    shape.roots + shape.ous + shape.accounts.length,
  );
}

function suiteRoute53(account: AccountShape, counts: CallCounts) {
  const zones = account.zoneRecords.length;
  add(counts, 'route53:ListHostedZones', pages(zones, 100));
  for (const records of account.zoneRecords) {
    add(counts, 'route53:ListResourceRecordSets', pages(records, 300));
  }
  add(counts, 'route53:ListTagsForResources', Math.ceil(zones / 10));
}

function suiteEks(account: AccountShape, counts: CallCounts) {
  const clusters = account.clusters.length;
  add(counts, 'eks:ListClusters', pages(clusters, 100));
  if (clusters === 0) return;
  add(
    counts,
    'ssm:GetParametersByPath',
    pages(account.flightdeckParameters, 10),
  );
  add(counts, 'eks:DescribeCluster', clusters);
  add(counts, 'eks:ListNodegroups', clusters);
  add(counts, 'eks:ListAddons', clusters);
  for (const cluster of account.clusters) {
    add(counts, 'eks:DescribeNodegroup', cluster.nodegroups);
    add(counts, 'eks:DescribeAddon', cluster.addons);
  }
}

function suiteBackup(account: AccountShape, counts: CallCounts) {
  add(counts, 'backup:ListBackupVaults', 1);
  add(counts, 'backup:ListBackupPlans', 1);
  add(counts, 'backup:ListTags', account.vaults + account.plans);
  add(counts, 'backup:GetBackupPlan', account.plans);
  add(counts, 'backup:ListBackupSelections', account.plans);
  add(counts, 'backup:GetBackupSelection', account.selections);
}

/** Accounts with tags, as Roadie reads them (benchmarking.md). */
function accountsWithTags(shape: EstateShape, counts: CallCounts) {
  add(counts, 'organizations:ListAccounts', pages(shape.accounts.length, 20));
  add(counts, 'organizations:ListTagsForResource', shape.accounts.length);
}

/** Clusters as the peers read them: one role, one list, one describe. */
function peerClusters(shape: EstateShape, counts: CallCounts) {
  add(counts, 'sts:AssumeRole', shape.accounts.length);
  for (const account of shape.accounts) {
    add(counts, 'eks:ListClusters', pages(account.clusters.length, 100));
    add(counts, 'eks:DescribeCluster', account.clusters.length);
  }
}

/**
 * The minimum for what an implementation reads. One region; the suite reads
 * EKS and Backup per account and region, Route 53 per account.
 */
export function minimumCalls(
  impl: Implementation,
  shape: EstateShape,
): CallCounts {
  const counts: CallCounts = {};
  switch (impl) {
    case 'suite':
      suiteOrganization(shape, counts);
      add(counts, 'sts:AssumeRole', shape.accounts.length);
      for (const account of shape.accounts) {
        suiteRoute53(account, counts);
        suiteEks(account, counts);
        suiteBackup(account, counts);
      }
      break;
    case 'suite-org':
      suiteOrganization(shape, counts);
      break;
    case 'suite-eks':
      add(counts, 'sts:AssumeRole', shape.accounts.length);
      for (const account of shape.accounts) suiteEks(account, counts);
      break;
    case 'roadie-org':
      // Roadie is configured with a role ARN, which it must assume once.
      add(counts, 'sts:AssumeRole', 1);
      accountsWithTags(shape, counts);
      break;
    case 'core-org':
      // Core reads no tags.
      add(
        counts,
        'organizations:ListAccounts',
        pages(shape.accounts.length, 20),
      );
      break;
    case 'roadie-eks':
    case 'core-eks':
      peerClusters(shape, counts);
      break;
    default:
      throw new Error(`unknown implementation ${impl satisfies never}`);
  }
  return counts;
}

export function total(counts: CallCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
