import { Entity } from '@backstage/catalog-model';
import { roleConflictsOf } from './roleConflicts';

const account = (
  id: string,
  role: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: `account-${id}`,
    labels: { 'aws-platform-suite.github.io/account-role': role },
    annotations: { 'amazonaws.com/account-id': id, ...annotations },
  },
  spec: { type: 'aws-account', owner: 'group:default/platform-team' },
});

describe('roleConflictsOf', () => {
  it('lists only the accounts with disagreeing evidence or a shared singleton role', () => {
    expect(
      roleConflictsOf([
        account('111111111111', 'production', {}),
        account('222222222222', 'sandbox', {
          'aws-platform-suite.github.io/role-conflicts':
            'ou:production (OU Production)',
        }),
        account('333333333333', 'network', {
          'aws-platform-suite.github.io/role-also-claimed-by': '444444444444',
        }),
      ]),
    ).toEqual([
      {
        accountId: '222222222222',
        role: 'sandbox',
        conflicts: 'ou:production (OU Production)',
      },
      {
        accountId: '333333333333',
        role: 'network',
        alsoClaimedBy: ['444444444444'],
      },
    ]);
  });
});
