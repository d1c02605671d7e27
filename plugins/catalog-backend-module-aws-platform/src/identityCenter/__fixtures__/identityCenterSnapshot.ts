import type { IdentityCenterSnapshot } from '../types';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-0123456789abcdef';

/**
 * Identity Center of the organization fixture (`__fixtures__/organizationSnapshot`):
 * two groups (one without members), two users, a set assigned to a group
 * and directly to a user, and a set provisioned nowhere.
 */
export const identityCenterSnapshot: IdentityCenterSnapshot = {
  accountId: '123456789012',
  instanceArn: INSTANCE,
  identityStoreId: 'd-0123456789',
  users: [
    {
      id: 'u-1',
      userName: 'Jane.Doe@example.com',
      displayName: 'Jane Doe',
      email: 'jane.doe@example.com',
    },
    { id: 'u-2', userName: 'sam', displayName: 'Sam' },
  ],
  groups: [
    { id: 'g-1', displayName: 'platform-team', memberUserIds: ['u-1'] },
    { id: 'g-2', displayName: 'Auditors', memberUserIds: [] },
  ],
  permissionSets: [
    {
      arn: `${INSTANCE}/ps-aaaaaaaaaaaaaaaa`,
      name: 'AdministratorAccess',
      provisionedAccountIds: ['222222222222'],
      assignments: [
        {
          accountId: '222222222222',
          principalType: 'GROUP',
          principalId: 'g-1',
        },
        {
          accountId: '222222222222',
          principalType: 'USER',
          principalId: 'u-2',
        },
        {
          accountId: '111111111111',
          principalType: 'GROUP',
          principalId: 'g-2',
        },
      ],
    },
    {
      arn: `${INSTANCE}/ps-bbbbbbbbbbbbbbbb`,
      name: 'BillingAccess',
      provisionedAccountIds: [],
      assignments: [],
    },
  ],
};
