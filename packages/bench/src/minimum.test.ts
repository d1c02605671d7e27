import { minimumCalls, total } from './minimum.ts';
import type { EstateShape } from './minimum.ts';

const account = (id: string, extra: object = {}) => ({
  id,
  zoneRecords: [],
  clusters: [],
  flightdeckParameters: 0,
  vaults: 0,
  plans: 0,
  selections: 0,
  ...extra,
});

// Management, Network (root zone with 2 delegations), Backup, 2 workloads.
const shape: EstateShape = {
  roots: 1,
  ous: 3,
  parents: [
    { ous: 3, accounts: 1 },
    { ous: 0, accounts: 0 },
    { ous: 0, accounts: 2 },
    { ous: 0, accounts: 2 },
  ],
  accounts: [
    account('m'),
    account('n', { zoneRecords: [4] }),
    account('b', { vaults: 1 }),
    account('w1', {
      zoneRecords: [3, 2],
      clusters: [{ nodegroups: 1, addons: 0 }],
      flightdeckParameters: 2,
      vaults: 1,
      plans: 1,
    }),
    account('w2', { zoneRecords: [3, 2], vaults: 1, plans: 1 }),
  ],
};

describe('minimumCalls', () => {
  it('counts the suite per service and account', () => {
    const calls = minimumCalls('suite', shape);
    expect(calls['organizations:ListTagsForResource']).toBe(1 + 3 + 5);
    expect(calls['organizations:ListAccountsForParent']).toBe(4);
    expect(calls['sts:AssumeRole']).toBe(5);
    // Route 53: max(1, ceil(Z/100)) + sum max(1, ceil(R/300)) + ceil(Z/10)
    expect(calls['route53:ListHostedZones']).toBe(5);
    expect(calls['route53:ListResourceRecordSets']).toBe(1 + 2 + 2);
    expect(calls['route53:ListTagsForResources']).toBe(1 + 1 + 1);
    // EKS: 1 + ceil(P/10) + sum(3 + N + A) with clusters, else 1
    expect(calls['eks:ListClusters']).toBe(5);
    expect(calls['ssm:GetParametersByPath']).toBe(1);
    expect(
      calls['eks:DescribeCluster'] +
        calls['eks:ListNodegroups'] +
        calls['eks:ListAddons'] +
        calls['eks:DescribeNodegroup'],
    ).toBe(4);
    // Backup: 2 + V + 3P + S
    expect(
      calls['backup:ListBackupVaults'] +
        calls['backup:ListBackupPlans'] +
        calls['backup:ListTags'] +
        calls['backup:GetBackupPlan'] +
        calls['backup:ListBackupSelections'],
    ).toBe(5 * 2 + 3 + 3 * 2);
  });

  it('counts what the peers read: accounts with tags, clusters', () => {
    expect(minimumCalls('roadie-org', shape)).toEqual({
      'sts:AssumeRole': 1,
      'organizations:ListAccounts': 1,
      'organizations:ListTagsForResource': 5,
    });
    expect(total(minimumCalls('core-org', shape))).toBe(1);
    expect(minimumCalls('core-eks', shape)).toEqual({
      'sts:AssumeRole': 5,
      'eks:ListClusters': 5,
      'eks:DescribeCluster': 1,
    });
  });
});
