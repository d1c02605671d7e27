import { Entity } from '@backstage/catalog-model';
import { toAccountRows } from './accountRows';

function account(
  name: string,
  labels: Record<string, string>,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, title: name.split('-')[0], labels, annotations },
    spec: { type: 'aws-account', owner: 'group:default/platform-team' },
  };
}

describe('toAccountRows', () => {
  it('orders accounts by OU path, then by the guide order of roles', () => {
    const rows = toAccountRows([
      account(
        'sandbox-2',
        { 'aws-platform-suite.github.io/account-role': 'sandbox' },
        { 'aws-platform-suite.github.io/ou-path': 'Root/Workloads' },
      ),
      account(
        'production-1',
        { 'aws-platform-suite.github.io/account-role': 'production' },
        { 'aws-platform-suite.github.io/ou-path': 'Root/Workloads' },
      ),
      account(
        'network-3',
        { 'aws-platform-suite.github.io/account-role': 'network' },
        { 'aws-platform-suite.github.io/ou-path': 'Root/Shared' },
      ),
    ]);
    expect(rows.map(r => r.title)).toEqual([
      'network',
      'production',
      'sandbox',
    ]);
    expect(rows[1]).toMatchObject({
      entityRef: 'resource:default/production-1',
      role: 'production',
      roleTitle: 'Production',
      ouPath: 'Root/Workloads',
    });
  });

  it('flags owners that were not tagged on the account', () => {
    const [tagged, guessed] = toAccountRows([
      account(
        'a-1',
        {},
        {
          'aws-platform-suite.github.io/owner-source': 'tag',
          'aws-platform-suite.github.io/ou-path': 'A',
        },
      ),
      account(
        'b-2',
        {},
        {
          'aws-platform-suite.github.io/owner-source': 'default',
          'aws-platform-suite.github.io/ou-path': 'B',
        },
      ),
    ]);
    expect(tagged.ownerGuessed).toBe(false);
    expect(guessed.ownerGuessed).toBe(true);
    expect(guessed.roleTitle).toBe('Workload');
  });
});
