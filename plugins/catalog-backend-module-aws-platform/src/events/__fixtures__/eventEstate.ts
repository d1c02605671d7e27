import type { PlanRecord, VaultRecord } from '../../backup/types';
import type { HostedZoneRecord } from '../../dns/types';
import type { ClusterRecord } from '../../eks/types';

/** The active accounts of `organizationSnapshot` (src/__fixtures__). */
export const MANAGEMENT = '123456789012';
export const AUDIT = '111111111111';
export const PRODUCTION = '222222222222';
export const REGION = 'us-east-1';

/** What AWS holds, per scope key, as the readers return it. */
export interface EstateData {
  zones: Record<string, HostedZoneRecord[]>;
  clusters: Record<string, ClusterRecord[]>;
  backup: Record<string, { vaults: VaultRecord[]; plans: PlanRecord[] }>;
}

const PRODUCTION_NS = ['ns-1.awsdns-01.com', 'ns-2.awsdns-02.net'];
const AUDIT_NS = ['ns-3.awsdns-03.org', 'ns-4.awsdns-04.co.uk'];

/** A zone as readHostedZones returns it. */
export function zone(
  id: string,
  name: string,
  nameServers: string[],
  delegations: HostedZoneRecord['delegations'] = [],
): HostedZoneRecord {
  return {
    id,
    name,
    privateZone: false,
    recordCount: 2 + delegations.length,
    nameServers,
    delegations,
    tags: {},
  };
}

/** A cluster as readClusters returns it. */
export function cluster(
  accountId: string,
  name: string,
  options: { version?: string; status?: string } = {},
): ClusterRecord {
  return {
    name,
    arn: `arn:aws:eks:${REGION}:${accountId}:cluster/${name}`,
    version: options.version ?? '1.33',
    platformVersion: 'eks.1',
    status: options.status ?? 'ACTIVE',
    endpoint: `https://${name}.gr7.${REGION}.eks.amazonaws.com`,
    tags: { owner: 'platform-team' },
    nodegroups: [],
    addons: [],
    flightdeck: { detected: false, parameters: [] },
  };
}

/** A vault as readBackup returns it. */
export function vault(accountId: string, name: string): VaultRecord {
  return {
    name,
    arn: `arn:aws:backup:${REGION}:${accountId}:backup-vault:${name}`,
    region: REGION,
    accountId,
    tags: {},
  };
}

/** A daily plan writing to `vaultName`, as readBackup returns it. */
export function plan(
  accountId: string,
  id: string,
  vaultName: string,
): PlanRecord {
  return {
    id,
    arn: `arn:aws:backup:${REGION}:${accountId}:backup-plan:${id}`,
    name: `${id}-plan`,
    region: REGION,
    accountId,
    rules: [
      {
        name: 'daily',
        targetVaultName: vaultName,
        schedule: 'cron(0 5 ? * * *)',
        copyActions: [],
      },
    ],
    selections: [],
    tags: {},
  };
}

/**
 * A small estate on `organizationSnapshot`'s accounts: the root zone in
 * the management account delegating to Production's zone (in sync) and to
 * Audit's (drifted: one name server differs), one cluster and one vault in
 * Production. Each call returns a fresh copy to change.
 */
export function eventEstate(): EstateData {
  return {
    zones: {
      [`route53:${MANAGEMENT}`]: [
        zone(
          'ZROOT',
          'example.com',
          ['ns-0.awsdns-00.com'],
          [
            { name: 'production.example.com', nameServers: PRODUCTION_NS },
            {
              name: 'audit.example.com',
              nameServers: [AUDIT_NS[0], 'ns-9999.awsdns-99.net'],
            },
          ],
        ),
      ],
      [`route53:${PRODUCTION}`]: [
        zone('ZPRODUCTION', 'production.example.com', PRODUCTION_NS),
      ],
      [`route53:${AUDIT}`]: [zone('ZAUDIT', 'audit.example.com', AUDIT_NS)],
    },
    clusters: {
      [`eks:${PRODUCTION}:${REGION}`]: [
        cluster(PRODUCTION, 'acme-production-v1'),
      ],
    },
    backup: {
      [`backup:${PRODUCTION}:${REGION}`]: {
        vaults: [vault(PRODUCTION, 'user-backup-vault')],
        plans: [],
      },
    },
  };
}

/** The name servers Audit's zone has, for a test that repairs its delegation. */
export const AUDIT_NAME_SERVERS = AUDIT_NS;
