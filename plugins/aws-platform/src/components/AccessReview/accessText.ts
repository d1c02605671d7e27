import type { AccessFlag } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * The access review's words. English only for now: they are not yet in
 * the plugin's translation ref.
 */
export const ACCESS_TEXT = {
  title: 'Access review',
  subtitle:
    'Who can sign in to each AWS account, and with which IAM Identity Center permission set',
  empty:
    'No account lists its access. Enable catalog.providers.awsPlatform.identityCenter to ingest IAM Identity Center.',
  export: 'Export CSV',
  noMatch: 'No assignment matches these filters.',
  summary: (count: number, flagged: number) =>
    `${count} ${
      count === 1 ? 'assignment' : 'assignments'
    }, ${flagged} flagged`,
  columns: {
    account: 'Account',
    accountId: 'Account id',
    role: 'Role',
    principal: 'Group or user',
    principalType: 'Principal type',
    permissionSet: 'Permission set',
    members: 'Members',
    flags: 'Flags',
  },
  filters: {
    label: 'Filters',
    search: 'Search',
    all: 'All',
    account: 'Account',
    principal: 'Group or user',
    permissionSet: 'Permission set',
    flag: 'Flag',
    onlyFlagged: 'Only flagged',
  },
  flags: {
    'admin-in-production': 'Administrator access in production',
    'direct-user': 'User assigned directly, not through a group',
    'group-without-members': 'Group with no members',
    'provisioned-nowhere': 'Permission set provisioned nowhere',
  } satisfies Record<AccessFlag, string>,
};
