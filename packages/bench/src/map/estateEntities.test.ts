import { estateEntities } from './estateEntities.ts';

describe('estateEntities', () => {
  it('maps a generated estate with the suite ingestion, findings included', async () => {
    const entities = await estateEntities({
      accounts: 22,
      zonesPerAccount: 2,
      clusters: 6,
    });
    const accounts = entities.filter(e => e.spec?.type === 'aws-account');
    expect(accounts).toHaveLength(25);
    expect(
      entities.filter(e => e.spec?.type === 'aws-organizational-unit'),
    ).toHaveLength(4);
    const first = accounts.find(a => a.metadata.title === 'workload-0001')!;
    expect(first.metadata.labels).toMatchObject({
      'aws-platform-suite.github.io/account-role': 'production',
    });
    expect(first.metadata.annotations).toMatchObject({
      'aws-platform-suite.github.io/ou-path': 'Root/Workloads',
      'aws-platform-suite.github.io/owner-source': 'tag',
      // Account 1 (index 0) has no plan: every 7th has none.
      'aws-platform-suite.github.io/backup-coverage': 'no-plan',
    });
    expect(first.spec?.summary).toEqual({
      zones: 2,
      clusters: 1,
      vaults: 1,
      plans: 0,
      // Its zone's delegation in the root zone has a stale server.
      driftedZones: 1,
      unsupportedClusters: 0,
    });
    const sixth = accounts.find(a => a.metadata.title === 'workload-0006')!;
    // Clusters cycle versions down to 1.28: the sixth is past support.
    expect(sixth.spec?.summary).toMatchObject({
      clusters: 1,
      unsupportedClusters: 1,
      plans: 1,
      driftedZones: 0,
    });
    expect(sixth.metadata.annotations).toMatchObject({
      'aws-platform-suite.github.io/backup-coverage': 'covered',
    });
  });
});
