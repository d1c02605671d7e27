import { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { withAccountSummaries } from './accountSummaries';

function account(name: string, id: string, role: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      labels: { 'aws-platform-suite.github.io/account-role': role },
      annotations: { 'amazonaws.com/account-id': id },
    },
    spec: { type: 'aws-account', owner: 'group:default/platform-team' },
  };
}

function resource(
  type: string,
  accountName: string,
  extra: Partial<Entity> & {
    annotations?: Record<string, string>;
    spec?: object;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${type}-${Math.random().toString(36).slice(2)}`,
      annotations: extra.annotations ?? {},
    },
    spec: {
      type,
      owner: 'group:default/platform-team',
      partOf: `resource:default/${accountName}`,
      ...extra.spec,
    },
  };
}

describe('withAccountSummaries', () => {
  const accounts = [
    account('production-1', '111111111111', 'production'),
    account('sandbox-2', '222222222222', 'sandbox'),
    account('backup-3', '333333333333', 'backup'),
    account('network-4', '444444444444', 'network'),
    account('payments-5', '555555555555', 'workload'),
  ];

  it('counts what runs in each account and what needs attention', () => {
    const [production, , , network] = withAccountSummaries(
      accounts,
      [
        resource('dns-zone', 'production-1'),
        resource('dns-zone', 'network-4', {
          annotations: {
            'aws-platform-suite.github.io/delegation-status': 'drift',
          },
        }),
        resource('kubernetes-cluster', 'production-1', {
          annotations: {
            'aws-platform-suite.github.io/eks-version-support': 'unsupported',
          },
        }),
        resource('aws-backup-vault', 'production-1'),
      ],
      { backupRead: () => true },
    );
    expect(production.spec?.summary).toEqual({
      zones: 1,
      clusters: 1,
      vaults: 1,
      plans: 0,
      driftedZones: 0,
      unsupportedClusters: 1,
    });
    expect(network.spec?.summary).toMatchObject({ zones: 1, driftedZones: 1 });
  });

  it('tells the backup coverage of workload accounts only', () => {
    const result = withAccountSummaries(
      accounts,
      [
        resource('aws-backup-plan', 'production-1', {
          spec: {
            plan: {
              copiesToAccounts: ['333333333333'],
              selections: [
                { name: 'all', tagConditions: [], resources: ['*'] },
              ],
            },
          },
        }),
        resource('aws-backup-plan', 'payments-5', {
          spec: { plan: { copiesToAccounts: ['111111111111'] } },
        }),
      ],
      { backupRead: accountId => accountId !== '222222222222' },
    );
    const coverage = result.map(
      a =>
        a.metadata.annotations?.[
          'aws-platform-suite.github.io/backup-coverage'
        ],
    );
    expect(coverage).toEqual([
      'covered',
      'unknown',
      undefined,
      undefined,
      'no-copy',
    ]);

    const read = withAccountSummaries(accounts, [], { backupRead: () => true });
    expect(
      read[1].metadata.annotations?.[
        'aws-platform-suite.github.io/backup-coverage'
      ],
    ).toBe('no-plan');
  });

  describe('backup coverage', () => {
    const copyingPlan = (accountName: string, selections?: JsonObject[]) =>
      resource('aws-backup-plan', accountName, {
        spec: {
          plan: {
            copiesToAccounts: ['333333333333'],
            ...(selections && { selections }),
          },
        },
      });
    const selection = { name: 'tagged', tagConditions: [], resources: ['*'] };
    const coverageOf = (resources: Entity[]) =>
      withAccountSummaries(accounts, resources, { backupRead: () => true })[0]
        .metadata.annotations?.['aws-platform-suite.github.io/backup-coverage'];

    it('is covered by a plan that selects resources and copies into the Backup account', () => {
      expect(coverageOf([copyingPlan('production-1', [selection])])).toBe(
        'covered',
      );
    });

    it('is not covered by a plan that copies into the Backup account but selects nothing', () => {
      expect(coverageOf([copyingPlan('production-1', [])])).toBe(
        'no-selection',
      );
    });

    it('is unknown when the selections of the copying plan could not be read', () => {
      expect(coverageOf([copyingPlan('production-1')])).toBe('unknown');
      // A plan known to cover wins over one whose selections are unknown.
      expect(
        coverageOf([
          copyingPlan('production-1'),
          copyingPlan('production-1', [selection]),
        ]),
      ).toBe('covered');
    });
  });
});
