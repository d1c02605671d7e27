import { Entity } from '@backstage/catalog-model';
import type { AccountAccessEntry } from '../../identityCenter';
import type { AccessEntities } from '../accessRows';

/*
 * Three accounts with the access annotations the catalog module writes from
 * IAM Identity Center, the permission sets and the groups the catalog holds.
 * One assignment or set of each problem the review flags is seeded:
 * administrator access in Production (aws-production-admins), a user
 * assigned directly (erin.contractor on Sandbox), a group with no members
 * holding access (aws-auditors on Audit) and a set provisioned nowhere
 * (BillingAccess). app-developers is not in the catalog, so its member count
 * is unknown and never flagged.
 */

const grant = (
  principal: string,
  permissionSet: string,
): AccountAccessEntry => ({
  principal,
  principalType: principal.startsWith('user:') ? 'USER' : 'GROUP',
  permissionSet,
});

const accessAccount = (
  id: string,
  role: string,
  access: AccountAccessEntry[],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: `account-${id}`,
    namespace: 'default',
    title: role.charAt(0).toUpperCase() + role.slice(1),
    labels: { 'aws-platform-suite.github.io/account-role': role },
    annotations: {
      'amazonaws.com/account-id': id,
      'aws-platform-suite.github.io/account-access': JSON.stringify(access),
    },
  },
  spec: { type: 'aws-account', owner: 'group:default/platform-team' },
});

/**
 * A permission set; `provisioned` undefined leaves both annotations out, as
 * on a set ingested before they were written.
 */
const permissionSetEntity = (
  title: string,
  provisioned?: { accountIds: string; assignments: number },
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: `permission-set-${title.toLowerCase()}`,
    namespace: 'default',
    title,
    annotations: provisioned && {
      'aws-platform-suite.github.io/provisioned-account-ids':
        provisioned.accountIds,
      'aws-platform-suite.github.io/permission-set-assignments': JSON.stringify(
        Array.from({ length: provisioned.assignments }, () => ({})),
      ),
    },
  },
  spec: { type: 'aws-permission-set', owner: 'group:default/platform-team' },
});

/** A group whose members are its `hasMember` relations, as the catalog adds them. */
const teamWith = (name: string, users: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: users.map(user => ({
    type: 'hasMember',
    targetRef: `user:default/${user}`,
  })),
});

/** The estate's access entities. */
export const accessEstate: AccessEntities = {
  accounts: [
    accessAccount('400000000001', 'production', [
      grant('group:default/app-developers', 'ReadOnlyAccess'),
      grant('group:default/aws-production-admins', 'AdministratorAccess'),
      grant('group:default/platform-team', 'ReadOnlyAccess'),
    ]),
    accessAccount('400000000002', 'sandbox', [
      grant('group:default/platform-team', 'AdministratorAccess'),
      grant('user:default/erin.contractor', 'DeveloperAccess'),
    ]),
    accessAccount('400000000003', 'audit', [
      grant('group:default/aws-auditors', 'ReadOnlyAccess'),
    ]),
  ],
  permissionSets: [
    permissionSetEntity('AdministratorAccess', {
      accountIds: '400000000001,400000000002',
      assignments: 2,
    }),
    permissionSetEntity('DeveloperAccess', {
      accountIds: '400000000002',
      assignments: 1,
    }),
    permissionSetEntity('ReadOnlyAccess', {
      accountIds: '400000000001,400000000003',
      assignments: 3,
    }),
    permissionSetEntity('BillingAccess', { accountIds: '', assignments: 0 }),
    permissionSetEntity('LegacyAccess'),
  ],
  groups: [
    teamWith('platform-team', ['alice.platform', 'bob.platform']),
    teamWith('aws-production-admins', ['alice.platform']),
    teamWith('aws-auditors', []),
  ],
};

/** How many rows of the estate are flagged. */
export const SEEDED_PROBLEMS = 4;
