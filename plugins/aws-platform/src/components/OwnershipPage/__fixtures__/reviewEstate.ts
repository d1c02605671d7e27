import { Entity } from '@backstage/catalog-model';

/*
 * A generated estate for the ownership review in which most owners resolve:
 * 24 accounts owned by six team groups (by tag), each holding a zone, a
 * cluster, a vault and a plan that inherit the account's owner, in nested
 * OUs whose owner is the default owner. A handful of real problems are
 * seeded, one entity each, and listed in SEEDED_PROBLEMS.
 */

const ORG = 'o-review00001';
const LOCATION = `aws-platform:organization/${ORG}`;
const DEFAULT_OWNER = 'group:default/platform-team';
export const ACCOUNTS = 24;
export const TEAMS = 6;

const team = (i: number) => `group:default/team-${(i % TEAMS) + 1}`;
const accountId = (i: number) => String(200000000000 + i);

function entity(
  name: string,
  type: string,
  annotations: Record<string, string>,
  owner: string,
  labels: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      title: name,
      labels,
      annotations: {
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
        'aws-platform-suite.github.io/organization-id': ORG,
        ...annotations,
      },
    },
    spec: { type, owner },
  };
}

/** The group entities of the catalog: the default owner and the six teams. */
export function reviewGroups(): Entity[] {
  const names = [
    'platform-team',
    ...Array.from({ length: TEAMS }, (_, i) => `team-${i + 1}`),
  ];
  return names.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  }));
}

/** The entity and flag of each problem seeded in {@link reviewEstate}. */
export const SEEDED_PROBLEMS = [
  // Its owner tag names a group that does not exist.
  { ref: `resource:default/account-${accountId(3)}`, kind: 'owner-not-found' },
  // No owner tag: the default owner.
  {
    ref: `resource:default/account-${accountId(5)}`,
    kind: 'account-not-tagged',
  },
  // No owner tag: the owner configured for its role.
  {
    ref: `resource:default/account-${accountId(7)}`,
    kind: 'account-not-tagged',
  },
  // A cluster tagged for another team than its account's.
  {
    ref: `resource:default/cluster-${accountId(9)}`,
    kind: 'owner-contradicts-account',
  },
  // A zone tagged with a group that does not exist.
  { ref: `resource:default/zone-${accountId(11)}`, kind: 'owner-not-found' },
] as const;

/** The estate: 6 OUs, 24 accounts, 96 resources. */
export function reviewEstate(): Entity[] {
  const ous = [
    'Root',
    'Root/Security',
    'Root/Workloads',
    'Root/Workloads/Prod',
    'Root/Workloads/NonProd',
    'Root/Shared',
  ];
  const entities = ous.map((path, i) =>
    entity(
      `ou-${i}`,
      'aws-organizational-unit',
      {
        'amazonaws.com/account-id': accountId(0),
        'aws-platform-suite.github.io/ou-path': path,
        'aws-platform-suite.github.io/owner-source': 'default',
      },
      DEFAULT_OWNER,
    ),
  );
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = accountId(i);
    let owner = team(i);
    let source = 'tag';
    if (i === 3) owner = 'group:default/team-typo';
    if (i === 5) [owner, source] = [DEFAULT_OWNER, 'default'];
    if (i === 7) [owner, source] = ['group:default/team-2', 'role'];
    entities.push(
      entity(
        `account-${id}`,
        'aws-account',
        {
          'amazonaws.com/account-id': id,
          'aws-platform-suite.github.io/ou-path': ous[1 + (i % 5)],
          'aws-platform-suite.github.io/owner-source': source,
        },
        owner,
        { 'aws-platform-suite.github.io/account-role': 'workload' },
      ),
    );
    for (const kind of ['zone', 'cluster', 'vault', 'plan']) {
      const type = {
        zone: 'dns-zone',
        cluster: 'kubernetes-cluster',
        vault: 'aws-backup-vault',
        plan: 'aws-backup-plan',
      }[kind]!;
      let own = owner;
      let ownSource = 'account';
      if (i === 9 && kind === 'cluster')
        [own, ownSource] = [team(i + 1), 'tag'];
      if (i === 11 && kind === 'zone') {
        [own, ownSource] = ['group:default/ghost-team', 'tag'];
      }
      // An account's own tag repeated on a resource is no contradiction.
      if (i === 13 && kind === 'vault') ownSource = 'tag';
      entities.push(
        entity(
          `${kind}-${id}`,
          type,
          {
            'amazonaws.com/account-id': id,
            'aws-platform-suite.github.io/owner-source': ownSource,
          },
          own,
        ),
      );
    }
  }
  return entities;
}
