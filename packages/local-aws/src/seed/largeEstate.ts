import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { mapWithConcurrency } from '../pool.ts';
import { accountClients } from './accountClients.ts';
import type { AccountClients } from './accountClients.ts';
import {
  assumeAccount,
  clientOptions,
  MANAGEMENT_CREDENTIALS,
} from './awsSession.ts';
import type { AwsSession } from './awsSession.ts';
import { createPlan, createVault, vaultArn } from './backup.ts';
import {
  accountTags,
  DEFAULT_ORG_NAME,
  DEFAULT_REGION,
  DEFAULT_ROOT_DOMAIN,
  OWNER_TAG,
  PLATFORM_TEAM,
  VAULT_NAME,
} from './conventions.ts';
import type { OuName } from './conventions.ts';
import { createPublicZone, delegateSubdomain, upsertNsRecords } from './dns.ts';
import type { SeededZone } from './dns.ts';
import { createFlightdeckCluster } from './flightdeckCluster.ts';
import type { SeededCluster } from './flightdeckCluster.ts';
import {
  createMemberAccount,
  createOrganizationSkeleton,
} from './organization.ts';
import type { SeededAccount } from './organization.ts';

/** Options of {@link seedLargeEstate}. */
export type SeedLargeEstateOptions = {
  endpoint: string;
  /** Workload accounts in the Workloads OU. Default 1000. */
  accounts?: number;
  /** Public zones per workload account. Default 5. */
  zonesPerAccount?: number;
  /** EKS clusters, one per account from the first on. Default 100. */
  clusters?: number;
  /** Backup vault per workload account (0 or 1). Default 1. */
  vaultsPerAccount?: 0 | 1;
  /** Backup plan per workload account (0 or 1; needs the vault). Default 1. */
  plansPerAccount?: 0 | 1;
  /** Workload accounts seeded at the same time. Default 8. */
  concurrency?: number;
  region?: string;
  orgName?: string;
  rootDomain?: string;
  log?: (msg: string) => void;
};

/** What {@link seedLargeEstate} created. */
export type LargeEstate = {
  organizationId: string;
  managementAccountId: string;
  rootId: string;
  ous: Record<OuName, string>;
  /** Network (root zone) and Backup (copy target) in Shared. */
  network: SeededAccount;
  backup: SeededAccount;
  /** `workload-0001` … in the Workloads OU, in name order. */
  workloads: SeededAccount[];
  rootZone: SeededZone;
  zones: SeededZone[];
  clusters: SeededCluster[];
  vaults: number;
  plans: number;
  durationMs: number;
};

/** Versions the clusters cycle through (1.28 and 1.29 are past standard support). */
export const LARGE_CLUSTER_VERSIONS = [
  '1.33',
  '1.32',
  '1.31',
  '1.30',
  '1.29',
  '1.28',
];

/** Number of owner groups the workload accounts are spread over. */
export const LARGE_OWNER_TEAMS = 10;

/**
 * Seeds a big estate for benchmarks: the reference organization's skeleton
 * (management account, Security/Shared/Workloads OUs, Network with the root
 * zone, Backup with the copy-target vault) plus `accounts` workload accounts
 * with delegated zones, a vault and a plan each, and `clusters` Flightdeck
 * clusters spread over the first accounts. Ids are deterministic only with
 * `concurrency: 1` (moto's seeded generator is shared by all requests).
 */
export async function seedLargeEstate(
  options: SeedLargeEstateOptions,
): Promise<LargeEstate> {
  const started = Date.now();
  const region = options.region ?? DEFAULT_REGION;
  const orgName = options.orgName ?? DEFAULT_ORG_NAME;
  const rootDomain = options.rootDomain ?? DEFAULT_ROOT_DOMAIN;
  const accountCount = options.accounts ?? 1000;
  const zonesPerAccount = options.zonesPerAccount ?? 5;
  const clusterCount = options.clusters ?? 100;
  const withVault = (options.vaultsPerAccount ?? 1) === 1;
  const withPlan = withVault && (options.plansPerAccount ?? 1) === 1;
  const concurrency = options.concurrency ?? 8;
  const log = options.log ?? (() => {});
  for (const [name, value] of Object.entries({
    accountCount,
    zonesPerAccount,
    clusterCount,
  })) {
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`${name} must be a non-negative integer, got ${value}`);
    }
  }
  if (clusterCount > 0 && accountCount === 0) {
    throw new Error('clusters need at least one workload account');
  }

  const management: AwsSession = {
    endpoint: options.endpoint,
    region,
    credentials: MANAGEMENT_CREDENTIALS,
  };
  const skeleton = await createOrganizationSkeleton(management);
  const organizations = new OrganizationsClient(clientOptions(management));
  const shared = async (name: string, role: string) => {
    const account = await createMemberAccount(organizations, skeleton, {
      name,
      rootDomain,
      ou: 'Shared',
      tags: accountTags(role, PLATFORM_TEAM),
    });
    const clients = accountClients(
      await assumeAccount(management, account.id),
      account.id,
    );
    return { account, clients };
  };
  const network = await shared('Network', 'network');
  const backup = await shared('Backup', 'backup');
  const platformOwned = { [OWNER_TAG]: PLATFORM_TEAM };
  const rootZone = await createPublicZone(
    network.clients.route53,
    network.account.id,
    rootDomain,
    platformOwned,
  );
  if (withPlan) {
    await createVault(backup.clients.backup(), {
      name: VAULT_NAME,
      accountId: backup.account.id,
      region,
      owner: PLATFORM_TEAM,
    });
  }
  const copyTarget = vaultArn(region, backup.account.id, VAULT_NAME);

  // Cluster k goes to account k % accounts; a wrap-around gets v2, v3 names.
  const clustersOf = (index: number) => {
    const out: { n: number; ordinal: number }[] = [];
    for (let o = index, n = 1; o < clusterCount; o += accountCount, n++) {
      out.push({ n, ordinal: o });
    }
    return out;
  };

  let done = 0;
  const seedWorkload = async (index: number) => {
    const name = `workload-${String(index + 1).padStart(4, '0')}`;
    const stage = index % 2 === 0 ? 'production' : 'sandbox';
    const owner = `team-${String((index % LARGE_OWNER_TEAMS) + 1).padStart(
      2,
      '0',
    )}`;
    const account = await createMemberAccount(organizations, skeleton, {
      name,
      rootDomain,
      ou: 'Workloads',
      tags: accountTags(stage, owner),
    });
    const clients = accountClients(
      await assumeAccount(management, account.id),
      account.id,
    );
    const zones = await seedZones(clients, network.clients, rootZone, {
      accountName: name,
      rootDomain,
      count: zonesPerAccount,
    });
    const clusters: SeededCluster[] = [];
    for (const { n, ordinal } of clustersOf(index)) {
      clusters.push(
        await createFlightdeckCluster(clients.eks(), clients.ssm(), {
          name: `${orgName}-${name}-v${n}`,
          version:
            LARGE_CLUSTER_VERSIONS[ordinal % LARGE_CLUSTER_VERSIONS.length],
          accountId: account.id,
          region,
          owner: PLATFORM_TEAM,
          module: `cluster/${name}-v${n}`,
        }),
      );
    }
    if (withVault) {
      await createVault(clients.backup(), {
        name: VAULT_NAME,
        accountId: account.id,
        region,
        owner: PLATFORM_TEAM,
      });
    }
    if (withPlan) {
      await createPlan(clients.backup(), {
        name: `${name}-backup-plan`,
        accountId: account.id,
        region,
        owner: PLATFORM_TEAM,
        vaultName: VAULT_NAME,
        copyTo: [copyTarget],
      });
    }
    done++;
    if (done % 100 === 0 || done === accountCount) {
      log(`large estate: ${done}/${accountCount} accounts seeded`);
    }
    return { account, zones, clusters };
  };

  const indices = Array.from({ length: accountCount }, (_, i) => i);
  const seeded = await mapWithConcurrency(indices, concurrency, seedWorkload);
  return {
    organizationId: skeleton.organizationId,
    managementAccountId: skeleton.management.id,
    rootId: skeleton.rootId,
    ous: skeleton.ous,
    network: network.account,
    backup: backup.account,
    workloads: seeded.map(s => s.account),
    rootZone,
    zones: seeded.flatMap(s => s.zones),
    clusters: seeded.flatMap(s => s.clusters),
    vaults: (withVault ? accountCount : 0) + (withPlan ? 1 : 0),
    plans: withPlan ? accountCount : 0,
    durationMs: Date.now() - started,
  };
}

/**
 * An account's zones: `<account>.<root>` delegated from the root zone, and
 * `app-NN.<account>.<root>` delegated from that first zone in one batch.
 */
async function seedZones(
  clients: AccountClients,
  network: AccountClients,
  rootZone: SeededZone,
  request: { accountName: string; rootDomain: string; count: number },
): Promise<SeededZone[]> {
  if (request.count === 0) return [];
  const tags = { [OWNER_TAG]: PLATFORM_TEAM };
  const apex = `${request.accountName}.${request.rootDomain}`;
  const first = await createPublicZone(
    clients.route53,
    clients.accountId,
    apex,
    tags,
  );
  await delegateSubdomain(
    network.route53,
    rootZone.id,
    apex,
    first.nameServers,
  );
  const children: SeededZone[] = [];
  for (let n = 2; n <= request.count; n++) {
    const name = `app-${String(n - 1).padStart(2, '0')}.${apex}`;
    children.push(
      await createPublicZone(clients.route53, clients.accountId, name, tags),
    );
  }
  if (children.length > 0) {
    await upsertNsRecords(
      clients.route53,
      first.id,
      children.map(zone => ({ name: zone.name, values: zone.nameServers })),
    );
  }
  return [first, ...children];
}
