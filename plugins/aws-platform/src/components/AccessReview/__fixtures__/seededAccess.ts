import { Entity } from '@backstage/catalog-model';
import type { AccessEntities } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/*
 * The catalog after ingesting the local reference estate's Identity Center
 * (packages/local-aws/src/seed/identityCenter.ts): the same groups, members,
 * permission sets and assignments, as the catalog module writes them. Four
 * problems are seeded: administrator access in Production
 * (aws-production-admins), a direct user assignment (erin.contractor on
 * Sandbox), a group with no members holding access (aws-auditors on Audit),
 * and a permission set provisioned nowhere (BillingAccess).
 */

const ROLES = [
  'management',
  'log-archive',
  'audit',
  'identity',
  'operations',
  'network',
  'backup',
  'production',
  'sandbox',
] as const;
type Role = (typeof ROLES)[number];

const GROUPS: Record<string, string[]> = {
  'platform-team': ['alice.platform', 'bob.platform'],
  'app-developers': ['carol.dev', 'dave.dev'],
  'aws-sandbox-developers': ['carol.dev', 'dave.dev', 'erin.contractor'],
  'aws-production-admins': ['alice.platform'],
  'aws-auditors': [],
};

const ASSIGNMENTS: Array<[Role, string, string]> = [
  ['identity', 'group:default/platform-team', 'AdministratorAccess'],
  ['operations', 'group:default/platform-team', 'AdministratorAccess'],
  ['network', 'group:default/platform-team', 'AdministratorAccess'],
  ['sandbox', 'group:default/platform-team', 'AdministratorAccess'],
  ['production', 'group:default/platform-team', 'ReadOnlyAccess'],
  ['production', 'group:default/app-developers', 'ReadOnlyAccess'],
  ['sandbox', 'group:default/aws-sandbox-developers', 'DeveloperAccess'],
  ['sandbox', 'group:default/aws-sandbox-developers', 'ReadOnlyAccess'],
  ['production', 'group:default/aws-production-admins', 'AdministratorAccess'],
  ['audit', 'group:default/aws-auditors', 'ReadOnlyAccess'],
  ['sandbox', 'user:default/erin.contractor', 'DeveloperAccess'],
];

const LOCATION = {
  'backstage.io/managed-by-location': 'aws-platform:organization/o-seeded',
  'backstage.io/managed-by-origin-location':
    'aws-platform:organization/o-seeded',
};

const accountId = (role: Role) => String(100000000000 + ROLES.indexOf(role));

function account(role: Role): Entity {
  const entries = ASSIGNMENTS.filter(([r]) => r === role).map(
    ([, principal, setName]) => ({
      principal,
      principalType: principal.startsWith('user:') ? 'USER' : 'GROUP',
      permissionSet: setName,
    }),
  );
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `account-${accountId(role)}`,
      title: role,
      labels: { 'aws-platform-suite.github.io/account-role': role },
      annotations: {
        ...LOCATION,
        'amazonaws.com/account-id': accountId(role),
        'aws-platform-suite.github.io/account-access': JSON.stringify(entries),
      },
    },
    spec: { type: 'aws-account', owner: 'group:default/platform-team' },
  };
}

function permissionSet(name: string): Entity {
  const assignments = ASSIGNMENTS.filter(([, , set]) => set === name).map(
    ([role, principal]) => ({
      accountId: accountId(role),
      principal,
      principalType: principal.startsWith('user:') ? 'USER' : 'GROUP',
    }),
  );
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `permission-set-${name.toLowerCase()}`,
      title: name,
      annotations: {
        ...LOCATION,
        'aws-platform-suite.github.io/provisioned-account-ids':
          assignments.length > 0 ? accountId('identity') : '',
        'aws-platform-suite.github.io/permission-set-assignments':
          JSON.stringify(assignments),
      },
    },
    spec: { type: 'aws-permission-set', owner: 'group:default/platform-team' },
  };
}

function group(name: string, members: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', children: [], members },
    relations: members.map(member => ({
      type: 'hasMember',
      targetRef: `user:default/${member}`,
    })),
  };
}

/** The seeded estate's access entities. */
export const seededAccess: AccessEntities = {
  accounts: ROLES.map(account),
  permissionSets: [
    'AdministratorAccess',
    'DeveloperAccess',
    'ReadOnlyAccess',
    'BillingAccess',
  ].map(permissionSet),
  groups: Object.entries(GROUPS).map(([name, members]) => group(name, members)),
};

/** How many problems the seed holds. */
export const SEEDED_PROBLEMS = 4;
