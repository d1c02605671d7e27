import { accountFindings, accountSummaryOf } from './accountHealth';

const account = (annotations: Record<string, string>, summary?: object) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'sandbox-171870262174', annotations },
  spec: {
    type: 'aws-account',
    owner: 'group:default/platform-team',
    ...(summary && { summary }),
  },
});

describe('accountFindings', () => {
  it('finds nothing on a tagged, covered, healthy account', () => {
    expect(
      accountFindings(
        account(
          {
            'aws-platform-suite.github.io/owner-source': 'tag',
            'aws-platform-suite.github.io/backup-coverage': 'covered',
          },
          { zones: 1, clusters: 1, driftedZones: 0, unsupportedClusters: 0 },
        ),
      ),
    ).toEqual([]);
  });

  it('lists every finding of a neglected account', () => {
    expect(
      accountFindings(
        account(
          {
            'aws-platform-suite.github.io/owner-source': 'default',
            'aws-platform-suite.github.io/backup-coverage': 'no-plan',
          },
          { driftedZones: 1, unsupportedClusters: 2 },
        ),
      ),
    ).toEqual([
      'no-owner-tag',
      'delegation-drift',
      'backup-not-covered',
      'eks-version-unsupported',
    ]);
  });

  it('counts a plan that selects nothing as not covered', () => {
    expect(
      accountFindings(
        account({
          'aws-platform-suite.github.io/owner-source': 'tag',
          'aws-platform-suite.github.io/backup-coverage': 'no-selection',
        }),
      ),
    ).toEqual(['backup-not-covered']);
  });

  it('says that coverage is unknown rather than showing the account as fine or uncovered', () => {
    expect(
      accountFindings(
        account({
          'aws-platform-suite.github.io/owner-source': 'tag',
          'aws-platform-suite.github.io/backup-coverage': 'unknown',
        }),
      ),
    ).toEqual(['backup-coverage-unknown']);
  });

  it('does not guess findings that were never read', () => {
    expect(accountSummaryOf(account({}))).toBeUndefined();
    expect(
      accountSummaryOf(account({}, { zones: 'x', clusters: 3 })),
    ).toMatchObject({ zones: 0, clusters: 3 });
  });
});
