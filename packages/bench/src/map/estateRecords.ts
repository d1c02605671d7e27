/**
 * A large organization as the suite's readers would return it, generated in
 * memory in the shape `seedLargeEstate` (packages/local-aws) seeds into moto:
 * the management account at the root, Network (root zone) and Backup (copy
 * target vault) in Shared, an empty Security OU, and N workload accounts in
 * Workloads, alternately production and sandbox, owned by ten teams, each
 * with delegated zones, a vault and a plan copying into Backup, and the
 * first accounts with a Flightdeck cluster. A few imperfections make the
 * health badges show as they would in a real estate: every 11th account's
 * zone drifts from its delegation, every 7th has no backup plan, and cluster
 * versions cycle down to 1.28, past EKS support.
 *
 * Types are the backend's record types, imported for their shape only; the
 * map benchmark bundles this file with esbuild (see buildEstateRunner.ts).
 */
import type {
  PlanRecord,
  VaultRecord,
} from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/backup/types';
import type { HostedZoneRecord } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/dns/types';
import type { ClusterRecord } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/eks/types';
import type { OrganizationSnapshot } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/organization/types';

/** Options of {@link generateEstate}. */
export type EstateOptions = {
  /** Workload accounts. */
  accounts: number;
  zonesPerAccount: number;
  clusters: number;
};

/** What the readers return, per account. */
export type GeneratedEstate = {
  snapshot: OrganizationSnapshot;
  zones: Map<string, HostedZoneRecord[]>;
  clusters: Map<string, ClusterRecord[]>;
  backup: Map<string, { vaults: VaultRecord[]; plans: PlanRecord[] }>;
};

const ORG = 'o-bench000001';
const MANAGEMENT = '100000000000';
const NETWORK = '100000000001';
const BACKUP = '100000000002';
const ROOT = 'r-bnch';
const REGION = 'us-east-1';
const DOMAIN = 'example.com';
const VAULT = 'user-backup-vault';
const TEAMS = 10;
/** The versions clusters cycle through, as in seedLargeEstate. */
const VERSIONS = ['1.33', '1.32', '1.31', '1.30', '1.29', '1.28'];

const arn = (kind: string, id: string) =>
  `arn:aws:organizations::${MANAGEMENT}:${kind}/${ORG}/${id}`;

// Four name servers that differ per zone, as Route 53 assigns them.
function nameServers(seed: number): string[] {
  return [
    `ns-${seed % 2048}.awsdns-${seed % 64}.com`,
    `ns-${(seed * 7) % 2048}.awsdns-${(seed * 7) % 64}.net`,
    `ns-${(seed * 13) % 2048}.awsdns-${(seed * 13) % 64}.org`,
    `ns-${(seed * 17) % 2048}.awsdns-${(seed * 17) % 64}.co.uk`,
  ];
}

function zone(
  id: string,
  name: string,
  servers: string[],
  delegations: HostedZoneRecord['delegations'],
): HostedZoneRecord {
  return {
    id,
    name,
    privateZone: false,
    recordCount: 2 + delegations.length,
    nameServers: servers,
    delegations,
    tags: { owner: 'platform-team' },
  };
}

/** The workload account `index` (0-based): its id, name and tags. */
export function workloadAccount(index: number) {
  const name = `workload-${String(index + 1).padStart(4, '0')}`;
  return {
    id: String(200000000000 + index),
    name,
    stage: index % 2 === 0 ? 'production' : 'sandbox',
    owner: `team-${String((index % TEAMS) + 1).padStart(2, '0')}`,
    drifts: index % 11 === 0,
    hasPlan: index % 7 !== 0,
  };
}

/** Generates the organization and every account's resources. */
export function generateEstate(options: EstateOptions): GeneratedEstate {
  const ous = [
    { id: ROOT, name: 'Root', arn: arn('root', ROOT), tags: {} },
    ...['Security', 'Shared', 'Workloads'].map(name => {
      const id = `ou-bnch-${name.toLowerCase()}`;
      return { id, name, arn: arn('ou', id), parentId: ROOT, tags: {} };
    }),
  ];
  const account = (
    id: string,
    name: string,
    parentId: string,
    tags: Record<string, string>,
  ) => ({
    id,
    name,
    email: `aws-${name.toLowerCase()}@${DOMAIN}`,
    arn: arn('account', id),
    status: 'ACTIVE',
    joinedAt: '2025-01-02T03:04:05.000Z',
    parentId,
    tags,
  });
  const workloads = Array.from({ length: options.accounts }, (_, i) =>
    workloadAccount(i),
  );
  const snapshot: OrganizationSnapshot = {
    organizationId: ORG,
    organizationArn: `arn:aws:organizations::${MANAGEMENT}:organization/${ORG}`,
    managementAccountId: MANAGEMENT,
    organizationalUnits: ous,
    accounts: [
      account(MANAGEMENT, 'Management', ROOT, { owner: 'platform-team' }),
      account(NETWORK, 'Network', 'ou-bnch-shared', {
        owner: 'platform-team',
        'aws-platform/role': 'network',
      }),
      account(BACKUP, 'Backup', 'ou-bnch-shared', {
        owner: 'platform-team',
        'aws-platform/role': 'backup',
      }),
      ...workloads.map(w =>
        account(w.id, w.name, 'ou-bnch-workloads', {
          owner: w.owner,
          'aws-platform/role': w.stage,
        }),
      ),
    ],
  };

  const zones = new Map<string, HostedZoneRecord[]>();
  const rootDelegations: HostedZoneRecord['delegations'] = [];
  workloads.forEach((w, i) => {
    if (options.zonesPerAccount === 0) return;
    const accountZone = `${w.name}.${DOMAIN}`;
    const servers = nameServers(i * 10 + 1);
    // The root's NS record for the account zone: a stale server when it drifts.
    rootDelegations.push({
      name: accountZone,
      nameServers: w.drifts
        ? [...servers.slice(0, 3), 'ns-9999.awsdns-99.net']
        : servers,
      ttl: 3600,
    });
    const apps = Array.from(
      { length: options.zonesPerAccount - 1 },
      (_, n) => ({
        name: `app-${String(n + 1).padStart(2, '0')}.${accountZone}`,
        nameServers: nameServers(i * 10 + n + 2),
      }),
    );
    zones.set(w.id, [
      zone(
        `Z${w.id}A`,
        accountZone,
        servers,
        apps.map(app => ({ ...app, ttl: 3600 })),
      ),
      ...apps.map((app, n) =>
        zone(`Z${w.id}${n}`, app.name, app.nameServers, []),
      ),
    ]);
  });
  zones.set(NETWORK, [
    zone('ZROOTBENCH', DOMAIN, nameServers(0), rootDelegations),
  ]);

  const clusters = new Map<string, ClusterRecord[]>();
  for (let k = 0; k < options.clusters && options.accounts > 0; k++) {
    const w = workloads[k % options.accounts];
    const name = `acme-${w.name}-v${Math.floor(k / options.accounts) + 1}`;
    const list = clusters.get(w.id) ?? [];
    list.push({
      name,
      arn: `arn:aws:eks:${REGION}:${w.id}:cluster/${name}`,
      version: VERSIONS[k % VERSIONS.length],
      platformVersion: 'eks.1',
      status: 'ACTIVE',
      endpoint: `https://${w.id}.gr7.${REGION}.eks.amazonaws.com`,
      tags: { owner: 'platform-team', Module: `cluster/${name}` },
      nodegroups: [],
      addons: [],
      flightdeck: { detected: true, parameters: [`/flightdeck/${name}/id`] },
    });
    clusters.set(w.id, list);
  }

  const vault = (accountId: string): VaultRecord => ({
    name: VAULT,
    arn: `arn:aws:backup:${REGION}:${accountId}:backup-vault:${VAULT}`,
    region: REGION,
    accountId,
    tags: { owner: 'platform-team' },
  });
  const backup = new Map<
    string,
    { vaults: VaultRecord[]; plans: PlanRecord[] }
  >();
  backup.set(BACKUP, { vaults: [vault(BACKUP)], plans: [] });
  for (const w of workloads) {
    const planId = `plan-${w.id}`;
    backup.set(w.id, {
      vaults: [vault(w.id)],
      plans: w.hasPlan
        ? [
            {
              id: planId,
              arn: `arn:aws:backup:${REGION}:${w.id}:backup-plan:${planId}`,
              name: `${w.name}-backup-plan`,
              region: REGION,
              accountId: w.id,
              rules: [
                {
                  name: 'daily',
                  targetVaultName: VAULT,
                  schedule: 'cron(0 2 * * ? *)',
                  copyActions: [{ destinationVaultArn: vault(BACKUP).arn }],
                },
              ],
              selections: [
                {
                  name: 'tagged',
                  tagConditions: [{ key: 'Backup', value: 'true' }],
                  resources: [],
                },
              ],
              tags: { owner: 'platform-team' },
            },
          ]
        : [],
    });
  }
  return { snapshot, zones, clusters, backup };
}
