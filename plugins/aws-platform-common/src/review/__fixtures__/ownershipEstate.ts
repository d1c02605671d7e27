import { Entity } from '@backstage/catalog-model';

/*
 * A small estate for the ownership review, with the annotations the catalog
 * module writes: an OU, four accounts and resources of two of them. The
 * platform team is the default owner; team-a and team-b are the catalog's
 * other groups. One entity of each problem is seeded, listed in
 * SEEDED_PROBLEMS; the other resources take their account's owner or repeat
 * its tag.
 */

export const PLATFORM = 'group:default/platform-team';
export const TEAM_A = 'group:default/team-a';
export const TEAM_B = 'group:default/team-b';

const MANAGEMENT_ID = '300000000000';
const PRODUCTION_ID = '300000000001';
const AUDIT_ID = '300000000002';
const BACKUP_ID = '300000000003';
const SANDBOX_ID = '300000000004';

/** What differs between the estate's entities. */
interface Shape {
  name: string;
  title: string;
  type: string;
  owner: string;
  /** `owner-source`; left out when undefined. */
  ownerSource?: string;
  accountId: string;
  /** `ou-path`, on OUs and accounts. */
  ouPath?: string;
  /** The guide role label of an account. */
  role?: string;
}

function suiteResource(shape: Shape): Entity {
  const annotations: Record<string, string> = {
    'backstage.io/managed-by-location':
      'aws-platform:organization/o-owners0001',
    'amazonaws.com/account-id': shape.accountId,
  };
  if (shape.ouPath) {
    annotations['aws-platform-suite.github.io/ou-path'] = shape.ouPath;
  }
  if (shape.ownerSource) {
    annotations['aws-platform-suite.github.io/owner-source'] =
      shape.ownerSource;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: shape.name,
      namespace: 'default',
      title: shape.title,
      annotations,
      labels: shape.role
        ? { 'aws-platform-suite.github.io/account-role': shape.role }
        : {},
    },
    spec: { type: shape.type, owner: shape.owner },
  };
}

const accountShape = (
  id: string,
  title: string,
  role: string,
  ouPath: string,
) => ({
  name: `account-${id}`,
  title,
  type: 'aws-account',
  accountId: id,
  role,
  ouPath,
});

/** An OU: it carries the management account's id but lives in no account. */
export const workloadsOu = suiteResource({
  name: 'ou-workloads',
  title: 'Workloads',
  type: 'aws-organizational-unit',
  owner: PLATFORM,
  ownerSource: 'default',
  accountId: MANAGEMENT_ID,
  ouPath: 'Root/Workloads',
});

/** Tagged for team-a. */
export const productionAccount = suiteResource({
  ...accountShape(PRODUCTION_ID, 'Production', 'production', 'Root/Workloads'),
  owner: TEAM_A,
  ownerSource: 'tag',
});

/** No owner tag: the default owner. */
export const auditAccount = suiteResource({
  ...accountShape(AUDIT_ID, 'Audit', 'audit', 'Root/Security'),
  owner: PLATFORM,
  ownerSource: 'default',
});

/** No owner tag: the owner configured for its role. */
export const backupAccount = suiteResource({
  ...accountShape(BACKUP_ID, 'Backup', 'backup', 'Root/Shared'),
  owner: TEAM_B,
  ownerSource: 'role',
});

/** Its owner tag names a group that does not exist. */
export const sandboxAccount = suiteResource({
  ...accountShape(SANDBOX_ID, 'Sandbox', 'sandbox', 'Root/Workloads'),
  owner: 'group:default/team-typo',
  ownerSource: 'tag',
});

/** Tagged for another team than its account's. */
export const productionCluster = suiteResource({
  name: `cluster-${PRODUCTION_ID}`,
  title: 'production-cluster',
  type: 'kubernetes-cluster',
  owner: TEAM_B,
  ownerSource: 'tag',
  accountId: PRODUCTION_ID,
});

/** Tagged with a group that does not exist. */
export const productionZone = suiteResource({
  name: `zone-${PRODUCTION_ID}`,
  title: 'production.example.com',
  type: 'dns-zone',
  owner: 'group:default/ghost-team',
  ownerSource: 'tag',
  accountId: PRODUCTION_ID,
});

/** Its own tag repeats its account's: no contradiction. */
export const productionVault = suiteResource({
  name: `vault-${PRODUCTION_ID}`,
  title: 'production-vault',
  type: 'aws-backup-vault',
  owner: TEAM_A,
  ownerSource: 'tag',
  accountId: PRODUCTION_ID,
});

/** Takes its account's owner. */
export const productionPlan = suiteResource({
  name: `plan-${PRODUCTION_ID}`,
  title: 'production-plan',
  type: 'aws-backup-plan',
  owner: TEAM_A,
  ownerSource: 'account',
  accountId: PRODUCTION_ID,
});

/** Takes its account's owner, which came from role config. */
export const backupVault = suiteResource({
  name: `vault-${BACKUP_ID}`,
  title: 'backup-vault',
  type: 'aws-backup-vault',
  owner: TEAM_B,
  ownerSource: 'account',
  accountId: BACKUP_ID,
});

/** Takes its account's owner, which does not exist: flagged on the account. */
export const sandboxCluster = suiteResource({
  name: `cluster-${SANDBOX_ID}`,
  title: 'sandbox-cluster',
  type: 'kubernetes-cluster',
  owner: 'group:default/team-typo',
  ownerSource: 'account',
  accountId: SANDBOX_ID,
});

/** The suite's entities of the estate: an OU, 4 accounts, 6 resources. */
export const ownershipEstate: Entity[] = [
  workloadsOu,
  productionAccount,
  auditAccount,
  backupAccount,
  sandboxAccount,
  productionCluster,
  productionZone,
  productionVault,
  productionPlan,
  backupVault,
  sandboxCluster,
];

/** The catalog's groups: the default owner and the two teams. */
export const estateGroups: Entity[] = [PLATFORM, TEAM_A, TEAM_B].map(ref => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: ref.slice('group:default/'.length), namespace: 'default' },
  spec: { type: 'team', children: [] },
}));

/** The entity and most urgent flag of each problem seeded in the estate. */
export const SEEDED_PROBLEMS = [
  { ref: `resource:default/account-${AUDIT_ID}`, kind: 'account-not-tagged' },
  { ref: `resource:default/account-${BACKUP_ID}`, kind: 'account-not-tagged' },
  { ref: `resource:default/account-${SANDBOX_ID}`, kind: 'owner-not-found' },
  {
    ref: `resource:default/cluster-${PRODUCTION_ID}`,
    kind: 'owner-contradicts-account',
  },
  { ref: `resource:default/zone-${PRODUCTION_ID}`, kind: 'owner-not-found' },
] as const;
