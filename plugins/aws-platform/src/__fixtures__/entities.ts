import { Entity } from '@backstage/catalog-model';

/*
 * Catalog entities as the backend emits them for the guide's reference
 * estate (see the backend's *Entities.ts mappers and their fixtures), with
 * the relations the catalog adds from `spec.partOf`, `spec.owner` and
 * `spec.dependsOn`.
 */

export const ORGANIZATION = 'o-exampleorgid';
export const PRODUCTION = '715451680876';
export const SANDBOX = '171870262174';
export const BACKUP = '610271939441';
export const AUDIT = '344219876543';

const PLATFORM_TEAM = 'group:default/platform-team';
const LOCATION = `aws-platform:organization/${ORGANIZATION}`;

const ref = (name: string) => `resource:default/${name}`;

function base(
  name: string,
  annotations: Record<string, string>,
): Entity['metadata'] {
  return {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': LOCATION,
      'backstage.io/managed-by-origin-location': LOCATION,
      'amazonaws.com/organization-id': ORGANIZATION,
      ...annotations,
    },
  };
}

function partOf(account: string, owner = PLATFORM_TEAM) {
  return [
    { type: 'partOf', targetRef: account },
    { type: 'ownedBy', targetRef: owner },
  ];
}

export const workloadsOu: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base('ou-ab12-cdef3456', {
      'amazonaws.com/account-id': '123456789012',
      'aws-platform-suite.github.io/ou-id': 'ou-ab12-cdef3456',
      'aws-platform-suite.github.io/ou-path': 'Root/Workloads',
      'aws-platform-suite.github.io/owner-source': 'default',
    }),
    title: 'Workloads',
    labels: { 'aws-platform-suite.github.io/ou': 'workloads' },
  },
  spec: {
    type: 'aws-organizational-unit',
    owner: PLATFORM_TEAM,
    partOf: 'resource:default/r-ab12',
  },
};

export const productionAccount: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`account-${PRODUCTION}`, {
      'amazonaws.com/account-id': PRODUCTION,
      'amazonaws.com/arn': `arn:aws:organizations::123456789012:account/${ORGANIZATION}/${PRODUCTION}`,
      'amazonaws.com/account-email': 'aws+production@example.com',
      'aws-platform-suite.github.io/account-joined': '2024-11-20T09:15:00.000Z',
      'aws-platform-suite.github.io/parent-id': 'ou-ab12-cdef3456',
      'aws-platform-suite.github.io/ou-path': 'Root/Workloads',
      'aws-platform-suite.github.io/role-source': 'tag',
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/backup-coverage': 'covered',
    }),
    title: 'Production',
    labels: {
      'aws-platform-suite.github.io/account-role': 'production',
      'aws-platform-suite.github.io/ou': 'workloads',
      'amazonaws.com/account-status': 'active',
    },
    links: [
      {
        url: `https://us-east-1.console.aws.amazon.com/organizations/v2/home/accounts/${PRODUCTION}`,
        title: 'Account in AWS Organizations',
        icon: 'cloud',
      },
    ],
  },
  spec: {
    type: 'aws-account',
    owner: PLATFORM_TEAM,
    partOf: ref('ou-ab12-cdef3456'),
    summary: {
      zones: 1,
      clusters: 1,
      vaults: 1,
      plans: 1,
      driftedZones: 0,
      unsupportedClusters: 0,
    },
  },
  relations: [
    { type: 'partOf', targetRef: ref('ou-ab12-cdef3456') },
    { type: 'ownedBy', targetRef: PLATFORM_TEAM },
  ],
};

export const sandboxAccount: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`account-${SANDBOX}`, {
      'amazonaws.com/account-id': SANDBOX,
      'amazonaws.com/account-email': 'aws+sandbox@example.com',
      'aws-platform-suite.github.io/ou-path': 'Root/Workloads',
      'aws-platform-suite.github.io/role-source': 'tag',
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/backup-coverage': 'no-plan',
    }),
    title: 'Sandbox',
    labels: {
      'aws-platform-suite.github.io/account-role': 'sandbox',
      'amazonaws.com/account-status': 'active',
    },
  },
  spec: {
    type: 'aws-account',
    owner: PLATFORM_TEAM,
    summary: {
      zones: 1,
      clusters: 1,
      vaults: 1,
      plans: 0,
      driftedZones: 1,
      unsupportedClusters: 1,
    },
  },
};

export const backupAccount: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`account-${BACKUP}`, {
      'amazonaws.com/account-id': BACKUP,
      'aws-platform-suite.github.io/ou-path': 'Root/Shared',
      'aws-platform-suite.github.io/owner-source': 'role',
    }),
    title: 'Backup',
    labels: { 'aws-platform-suite.github.io/account-role': 'backup' },
  },
  spec: { type: 'aws-account', owner: 'group:default/backup-team' },
};

/** Audit: no owner tag, so the default owner; resources not read. */
export const auditAccount: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`account-${AUDIT}`, {
      'amazonaws.com/account-id': AUDIT,
      'amazonaws.com/account-email': 'aws+audit@example.com',
      'aws-platform-suite.github.io/ou-path': 'Root/Security',
      'aws-platform-suite.github.io/role-source': 'name',
      'aws-platform-suite.github.io/owner-source': 'default',
    }),
    title: 'Audit',
    labels: {
      'aws-platform-suite.github.io/account-role': 'audit',
      'amazonaws.com/account-status': 'active',
    },
  },
  spec: { type: 'aws-account', owner: PLATFORM_TEAM },
};

const SANDBOX_NS = [
  'ns-1702.awsdns-20.co.uk',
  'ns-300.awsdns-37.com',
  'ns-1290.awsdns-33.org',
  'ns-622.awsdns-14.net',
];

export const rootZone: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base('example-com-2dc179b2', {
      'amazonaws.com/account-id': '454948083136',
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/delegation-status': 'no-parent',
    }),
    title: 'example.com',
  },
  spec: {
    type: 'dns-zone',
    owner: PLATFORM_TEAM,
    zone: {
      id: 'Z04171842Q5TN8GJTMVN6',
      name: 'example.com',
      private: false,
      recordCount: 7,
      nameServers: ['ns-0.awsdns-00.com'],
      delegation: { status: 'no-parent', missing: [], extra: [] },
    },
  },
};

export const productionZone: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base('production-example-com-11521a6f', {
      'amazonaws.com/account-id': PRODUCTION,
      'amazonaws.com/arn': 'arn:aws:route53:::hostedzone/Z0P',
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/delegation-status': 'in-sync',
    }),
    title: 'production.example.com',
    links: [
      {
        url: 'https://us-east-1.console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/Z0P',
        title: 'Hosted zone in the Route 53 console',
        icon: 'cloud',
      },
    ],
  },
  spec: {
    type: 'dns-zone',
    owner: PLATFORM_TEAM,
    partOf: ref(`account-${PRODUCTION}`),
    dependsOn: [ref('example-com-2dc179b2')],
    zone: {
      id: 'Z0P',
      name: 'production.example.com',
      private: false,
      recordCount: 4,
      nameServers: ['ns-1601.awsdns-08.co.uk', 'ns-77.awsdns-09.com'],
      delegation: {
        parentZone: ref('example-com-2dc179b2'),
        parentZoneName: 'example.com',
        status: 'in-sync',
        missing: [],
        extra: [],
      },
    },
  },
  relations: partOf(ref(`account-${PRODUCTION}`)),
};

/** The seeded imperfection: the parent lists ns-9999 instead of ns-622. */
export const sandboxZone: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base('sandbox-example-com-3fbf91bb', {
      'amazonaws.com/account-id': SANDBOX,
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/delegation-status': 'drift',
    }),
    title: 'sandbox.example.com',
  },
  spec: {
    type: 'dns-zone',
    owner: PLATFORM_TEAM,
    zone: {
      id: 'Z0S',
      name: 'sandbox.example.com',
      private: false,
      recordCount: 2,
      nameServers: SANDBOX_NS,
      delegation: {
        parentZone: ref('example-com-2dc179b2'),
        parentZoneName: 'example.com',
        status: 'drift',
        missing: ['ns-622.awsdns-14.net'],
        extra: ['ns-9999.awsdns-99.net'],
      },
    },
  },
  relations: partOf(ref(`account-${SANDBOX}`)),
};

export const productionCluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`acme-production-v1-${PRODUCTION}-us-east-1`, {
      'amazonaws.com/account-id': PRODUCTION,
      'amazonaws.com/arn': `arn:aws:eks:us-east-1:${PRODUCTION}:cluster/acme-production-v1`,
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/region': 'us-east-1',
      'aws-platform-suite.github.io/flightdeck': 'true',
      'aws-platform-suite.github.io/eks-version-support': 'standard',
    }),
    title: 'acme-production-v1',
    links: [
      {
        url: 'https://us-east-1.console.aws.amazon.com/eks/home?region=us-east-1#/clusters/acme-production-v1',
        title: 'Cluster in the EKS console',
        icon: 'cloud',
      },
    ],
  },
  spec: {
    type: 'kubernetes-cluster',
    owner: PLATFORM_TEAM,
    cluster: {
      name: 'acme-production-v1',
      region: 'us-east-1',
      version: '1.33',
      platformVersion: 'eks.12',
      status: 'ACTIVE',
      versionSupport: {
        status: 'standard',
        endOfStandardSupport: '2026-07-29',
        endOfExtendedSupport: '2027-07-29',
      },
      nodegroups: [
        {
          name: 'acme-production-v1-general-us-east-1a',
          status: 'ACTIVE',
          version: '1.33',
          instanceTypes: ['m6i.large', 'm5.large'],
          desiredSize: 2,
          minSize: 1,
          maxSize: 3,
        },
      ],
      addons: [
        { name: 'coredns', version: 'v1.12.1-eksbuild.2', status: 'ACTIVE' },
        { name: 'vpc-cni', version: 'v1.19.5-eksbuild.1', status: 'ACTIVE' },
      ],
      flightdeck: { detected: true, stage: 'production', generation: 1 },
    },
  },
  relations: partOf(ref(`account-${PRODUCTION}`)),
};

/** Kubernetes 1.28, past extended support; the add-on API was denied. */
export const sandboxCluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`acme-sandbox-v1-${SANDBOX}-us-east-1`, {
      'amazonaws.com/account-id': SANDBOX,
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/region': 'us-east-1',
      'aws-platform-suite.github.io/flightdeck': 'true',
      'aws-platform-suite.github.io/eks-version-support': 'unsupported',
    }),
    title: 'acme-sandbox-v1',
  },
  spec: {
    type: 'kubernetes-cluster',
    owner: PLATFORM_TEAM,
    cluster: {
      name: 'acme-sandbox-v1',
      region: 'us-east-1',
      version: '1.28',
      platformVersion: 'eks.20',
      status: 'ACTIVE',
      versionSupport: {
        status: 'unsupported',
        endOfStandardSupport: '2024-11-26',
        endOfExtendedSupport: '2025-11-26',
      },
      nodegroups: [],
      flightdeck: { detected: true, stage: 'sandbox', generation: 1 },
    },
  },
  relations: partOf(ref(`account-${SANDBOX}`)),
};

/** A hand-made cluster without Flightdeck or owner tag. */
export const analyticsCluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`analytics-${PRODUCTION}-eu-west-1`, {
      'amazonaws.com/account-id': PRODUCTION,
      'aws-platform-suite.github.io/owner-source': 'account',
      'aws-platform-suite.github.io/flightdeck': 'false',
      'aws-platform-suite.github.io/eks-version-support': 'extended',
    }),
    title: 'analytics',
  },
  spec: {
    type: 'kubernetes-cluster',
    owner: PLATFORM_TEAM,
    cluster: {
      name: 'analytics',
      region: 'eu-west-1',
      version: '1.31',
      platformVersion: 'eks.4',
      status: 'ACTIVE',
      versionSupport: {
        status: 'extended',
        endOfStandardSupport: '2025-11-26',
        endOfExtendedSupport: '2026-11-26',
      },
      nodegroups: [],
      addons: [],
      flightdeck: { detected: false },
    },
  },
  relations: partOf(ref(`account-${PRODUCTION}`)),
};

const vaultArn = (account: string, region = 'us-east-1') =>
  `arn:aws:backup:${region}:${account}:backup-vault:user-backup-vault`;

export const productionVault: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`user-backup-vault-${PRODUCTION}-us-east-1`, {
      'amazonaws.com/account-id': PRODUCTION,
      'amazonaws.com/arn': vaultArn(PRODUCTION),
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/region': 'us-east-1',
    }),
    title: 'user-backup-vault (Production, us-east-1)',
  },
  spec: {
    type: 'aws-backup-vault',
    owner: PLATFORM_TEAM,
    vault: {
      name: 'user-backup-vault',
      region: 'us-east-1',
      vaultType: 'BACKUP_VAULT',
      locked: false,
      recoveryPoints: 12,
      encryptionKeyArn: `arn:aws:kms:us-east-1:${PRODUCTION}:key/0b6a4c5e-2f1d-4e0a-9a57-3c1f2b9d8e7a`,
      createdAt: '2024-11-22T10:00:00.000Z',
    },
  },
  relations: [
    ...partOf(ref(`account-${PRODUCTION}`)),
    {
      type: 'dependencyOf',
      targetRef: ref(`backup-plan-c64c1133-${PRODUCTION}-us-east-1`),
    },
  ],
};

/** The Backup account's locked vault that Production copies into. */
export const backupVault: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`user-backup-vault-${BACKUP}-us-east-1`, {
      'amazonaws.com/account-id': BACKUP,
      'amazonaws.com/arn': vaultArn(BACKUP),
      'aws-platform-suite.github.io/owner-source': 'account',
      'aws-platform-suite.github.io/region': 'us-east-1',
    }),
    title: 'user-backup-vault (Backup, us-east-1)',
  },
  spec: {
    type: 'aws-backup-vault',
    owner: 'group:default/backup-team',
    vault: {
      name: 'user-backup-vault',
      region: 'us-east-1',
      vaultType: 'BACKUP_VAULT',
      locked: true,
      minRetentionDays: 7,
      maxRetentionDays: 365,
      recoveryPoints: 48,
    },
  },
  relations: partOf(ref(`account-${BACKUP}`), 'group:default/backup-team'),
};

const lifecycle = { coldAfterDays: 90, deleteAfterDays: 270 };

export const productionPlan: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    ...base(`backup-plan-c64c1133-${PRODUCTION}-us-east-1`, {
      'amazonaws.com/account-id': PRODUCTION,
      'amazonaws.com/arn': `arn:aws:backup:us-east-1:${PRODUCTION}:backup-plan:980f963f-e889-40d6-b7cf-e3f491af5982`,
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/region': 'us-east-1',
    }),
    title: 'production-backup-plan (Production, us-east-1)',
  },
  spec: {
    type: 'aws-backup-plan',
    owner: PLATFORM_TEAM,
    dependsOn: [
      ref(`user-backup-vault-${PRODUCTION}-us-east-1`),
      ref(`user-backup-vault-${BACKUP}-us-east-1`),
    ],
    plan: {
      id: '980f963f-e889-40d6-b7cf-e3f491af5982',
      name: 'production-backup-plan',
      region: 'us-east-1',
      rules: [
        {
          name: 'production-backup-rule',
          targetVaultName: 'user-backup-vault',
          schedule: 'cron(0 2 * * ? *)',
          scheduleTimezone: 'Etc/UTC',
          startWindowMinutes: 60,
          completionWindowMinutes: 360,
          lifecycle,
          copyActions: [
            { destinationVaultArn: vaultArn(BACKUP), lifecycle },
            // A vault in an account the portal does not read.
            {
              destinationVaultArn:
                'arn:aws:backup:us-west-2:999999999999:backup-vault:offsite',
            },
          ],
        },
      ],
      copiesToAccounts: [BACKUP, '999999999999'],
      selections: [
        {
          name: 'Backup',
          iamRoleArn: `arn:aws:iam::${PRODUCTION}:role/backup-selection-role`,
          tagConditions: [{ key: 'Backup', value: 'true' }],
          resources: [],
        },
      ],
    },
  },
  relations: [
    ...partOf(ref(`account-${PRODUCTION}`)),
    {
      type: 'dependsOn',
      targetRef: ref(`user-backup-vault-${PRODUCTION}-us-east-1`),
    },
    {
      type: 'dependsOn',
      targetRef: ref(`user-backup-vault-${BACKUP}-us-east-1`),
    },
  ],
};

/**
 * A service as the New Flightdeck workload template writes it
 * (templates/flightdeck-workload/skeleton/catalog-info.yaml): staging in
 * Sandbox, production in Production, each with its account, cluster and
 * zone in `dependsOn`, and a link to its host per stage.
 */
export const storefrontComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'storefront',
    namespace: 'default',
    annotations: {
      'amazonaws.com/account-id': PRODUCTION,
      'aws-platform-suite.github.io/region': 'us-east-1',
    },
    links: [
      { url: 'https://storefront.sandbox.example.com', title: 'Staging' },
      { url: 'https://storefront.production.example.com', title: 'Production' },
    ],
  },
  spec: {
    type: 'service',
    lifecycle: 'experimental',
    owner: 'group:default/app-developers',
    dependsOn: [
      ref(`account-${SANDBOX}`),
      ref(`acme-sandbox-v1-${SANDBOX}-us-east-1`),
      ref('sandbox-example-com-3fbf91bb'),
      ref(`account-${PRODUCTION}`),
      ref(`acme-production-v1-${PRODUCTION}-us-east-1`),
      ref('production-example-com-11521a6f'),
    ],
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/app-developers' },
    ...[
      `account-${PRODUCTION}`,
      `account-${SANDBOX}`,
      `acme-production-v1-${PRODUCTION}-us-east-1`,
      `acme-sandbox-v1-${SANDBOX}-us-east-1`,
      'production-example-com-11521a6f',
      'sandbox-example-com-3fbf91bb',
    ].map(name => ({ type: 'dependsOn', targetRef: ref(name) })),
  ],
};

export const platformTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'platform-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

/** Every suite entity of the fixtures. */
export const suiteEntities: Entity[] = [
  workloadsOu,
  productionAccount,
  sandboxAccount,
  backupAccount,
  auditAccount,
  rootZone,
  productionZone,
  sandboxZone,
  productionCluster,
  sandboxCluster,
  analyticsCluster,
  productionVault,
  backupVault,
  productionPlan,
];
