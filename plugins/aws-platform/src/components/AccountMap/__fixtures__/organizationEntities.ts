import { Entity } from '@backstage/catalog-model';
import { AccountSummary } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/*
 * Account and OU entities in the shape the backend's organization mapper
 * and account summaries emit (see organizationEntities.ts and
 * accountSummaries.ts in the backend), for the map's tests.
 */

const ORG = 'o-exampleorgid';
const MANAGEMENT_ID = '123456789012';
/** Where the suite's provider says its entities come from. */
const LOCATION = `aws-platform:organization/${ORG}`;

/** An OU entity; `path` like `Root/Workloads`, the root is `Root`. */
export function ouEntity(path: string, id: string, parentId?: string): Entity {
  const name = path.split('/').pop()!;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      // As the ingestion names them: by OU id only.
      name: id,
      namespace: 'default',
      title: parentId ? name : `${name} (organization ${ORG})`,
      annotations: {
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
        'amazonaws.com/organization-id': ORG,
        'amazonaws.com/account-id': MANAGEMENT_ID,
        'aws-platform-suite.github.io/ou-id': id,
        'aws-platform-suite.github.io/ou-path': path,
        'aws-platform-suite.github.io/owner-source': 'default',
        ...(parentId && { 'aws-platform-suite.github.io/parent-id': parentId }),
      },
    },
    spec: {
      type: 'aws-organizational-unit',
      owner: 'group:default/platform-team',
    },
  };
}

/** Options of {@link accountEntity}. */
export interface AccountOptions {
  title: string;
  id: string;
  role: string;
  path: string;
  owner?: string;
  /** `tag` unless given: anything else is the finding "no owner tag". */
  ownerSource?: string;
  summary?: Partial<AccountSummary>;
  coverage?: 'covered' | 'no-copy' | 'no-plan' | 'unknown';
  status?: string;
}

/** An account entity with its summary. */
export function accountEntity(options: AccountOptions): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      // As the ingestion names them: by account id only.
      name: `account-${options.id}`,
      namespace: 'default',
      title: options.title,
      annotations: {
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
        'amazonaws.com/organization-id': ORG,
        'amazonaws.com/account-id': options.id,
        'aws-platform-suite.github.io/ou-path': options.path,
        'aws-platform-suite.github.io/role-source': 'tag',
        'aws-platform-suite.github.io/owner-source':
          options.ownerSource ?? 'tag',
        ...(options.coverage && {
          'aws-platform-suite.github.io/backup-coverage': options.coverage,
        }),
      },
      labels: {
        'aws-platform-suite.github.io/account-role': options.role,
        'amazonaws.com/account-status': (
          options.status ?? 'ACTIVE'
        ).toLowerCase(),
      },
    },
    spec: {
      type: 'aws-account',
      owner: options.owner ?? 'group:default/platform-team',
      ...(options.summary && {
        summary: {
          zones: 0,
          clusters: 0,
          vaults: 0,
          plans: 0,
          driftedZones: 0,
          unsupportedClusters: 0,
          ...options.summary,
        },
      }),
    },
  };
}

/**
 * The guide's reference organization as the seeded local estate has it: nine
 * accounts in Root, Security, Shared and Workloads, with its imperfections
 * (Audit has no owner tag; Sandbox drifts, has no backup plan and runs EKS
 * past support).
 */
export function referenceOrganization(): Entity[] {
  const apps = 'group:default/app-developers';
  return [
    ouEntity('Root', 'r-ab12'),
    ouEntity('Root/Security', 'ou-ab12-security', 'r-ab12'),
    ouEntity('Root/Shared', 'ou-ab12-shared', 'r-ab12'),
    ouEntity('Root/Workloads', 'ou-ab12-workloads', 'r-ab12'),
    accountEntity({
      title: 'Management',
      id: MANAGEMENT_ID,
      role: 'management',
      path: 'Root',
    }),
    accountEntity({
      title: 'Log Archive',
      id: '111111111111',
      role: 'log-archive',
      path: 'Root/Security',
    }),
    accountEntity({
      title: 'Audit',
      id: '222222222222',
      role: 'audit',
      path: 'Root/Security',
      ownerSource: 'default',
    }),
    accountEntity({
      title: 'Identity',
      id: '333333333333',
      role: 'identity',
      path: 'Root/Shared',
      summary: {},
    }),
    accountEntity({
      title: 'Operations',
      id: '444444444444',
      role: 'operations',
      path: 'Root/Shared',
      summary: {},
    }),
    accountEntity({
      title: 'Network',
      id: '555555555555',
      role: 'network',
      path: 'Root/Shared',
      summary: { zones: 1 },
    }),
    accountEntity({
      title: 'Backup',
      id: '666666666666',
      role: 'backup',
      path: 'Root/Shared',
      summary: { vaults: 1 },
    }),
    accountEntity({
      title: 'Production',
      id: '777777777777',
      role: 'production',
      path: 'Root/Workloads',
      owner: apps,
      coverage: 'covered',
      summary: { zones: 1, clusters: 1, vaults: 1, plans: 1 },
    }),
    accountEntity({
      title: 'Sandbox',
      id: '888888888888',
      role: 'sandbox',
      path: 'Root/Workloads',
      owner: apps,
      coverage: 'no-plan',
      summary: {
        zones: 1,
        clusters: 1,
        vaults: 1,
        driftedZones: 1,
        unsupportedClusters: 1,
      },
    }),
  ];
}

/**
 * A large organization like the benchmark's: management, Network and Backup
 * as in the reference, and `accounts` workload accounts in Workloads,
 * alternately production and sandbox, owned by ten teams; every seventh has
 * no backup plan and every eleventh a drifting zone.
 */
export function largeOrganization(accounts: number): Entity[] {
  const entities: Entity[] = [
    ouEntity('Root', 'r-ab12'),
    ouEntity('Root/Security', 'ou-ab12-security', 'r-ab12'),
    ouEntity('Root/Shared', 'ou-ab12-shared', 'r-ab12'),
    ouEntity('Root/Workloads', 'ou-ab12-workloads', 'r-ab12'),
    accountEntity({
      title: 'Management',
      id: MANAGEMENT_ID,
      role: 'management',
      path: 'Root',
    }),
    accountEntity({
      title: 'Network',
      id: '555555555555',
      role: 'network',
      path: 'Root/Shared',
      summary: { zones: 1 },
    }),
    accountEntity({
      title: 'Backup',
      id: '666666666666',
      role: 'backup',
      path: 'Root/Shared',
      summary: { vaults: 1 },
    }),
  ];
  for (let i = 0; i < accounts; i++) {
    const n = String(i + 1).padStart(4, '0');
    entities.push(
      accountEntity({
        title: `workload-${n}`,
        id: String(100000000000 + i),
        role: i % 2 === 0 ? 'production' : 'sandbox',
        path: 'Root/Workloads',
        owner: `group:default/team-${String((i % 10) + 1).padStart(2, '0')}`,
        coverage: i % 7 === 0 ? 'no-plan' : 'covered',
        summary: {
          zones: 5,
          clusters: i < 100 ? 1 : 0,
          vaults: 1,
          plans: i % 7 === 0 ? 0 : 1,
          driftedZones: i % 11 === 0 ? 1 : 0,
        },
      }),
    );
  }
  return entities;
}
