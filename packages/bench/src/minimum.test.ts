import { credentialSessions } from './awsPageMaxima.ts';
import { minimumCalls, total } from './minimum.ts';
import type { AccountShape, EstateShape } from './minimum.ts';

const account = (id: string, extra: Partial<AccountShape> = {}) => ({
  id,
  zoneRecords: [],
  clusters: [],
  flightdeckParameters: 0,
  vaults: 0,
  plans: 0,
  selections: 0,
  repositories: 0,
  ...extra,
});

// Management (the caller's account), Network (root zone with 2 delegations),
// Backup (the copy target), 2 workloads; 3 OUs under the root, no delegated
// administrators. Every figure below is counted by hand from this.
const small: EstateShape = {
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
  it('counts every fact the suite reads once, at the largest pages', () => {
    const calls = minimumCalls('suite', small, { confirmOrganization: true });
    expect(calls).toEqual({
      // Read at the start, and again at the end to confirm it.
      'organizations:DescribeOrganization': 2,
      'organizations:ListRoots': 1,
      // One call per parent (root and 3 OUs) for each list, empty or not.
      'organizations:ListOrganizationalUnitsForParent': 4,
      'organizations:ListAccountsForParent': 4,
      // Root, 3 OUs, 5 accounts.
      'organizations:ListTagsForResource': 9,
      // One call finds that there are none.
      'organizations:ListDelegatedAdministrators': 1,
      // The 4 member accounts; the management account is the caller's own.
      'sts:AssumeRole': 4,
      'route53:ListHostedZones': 5,
      // n: 1 zone; w1 and w2: 2 zones each, all under 300 records.
      'route53:ListResourceRecordSets': 5,
      // One batch of up to 10 zones in each account with zones.
      'route53:ListTagsForResources': 3,
      'eks:ListClusters': 5,
      'eks:DescribeCluster': 1,
      'eks:ListNodegroups': 1,
      'eks:DescribeNodegroup': 1,
      'eks:ListAddons': 1,
      'ssm:GetParametersByPath': 1,
      'backup:ListBackupVaults': 5,
      'backup:ListBackupPlans': 5,
      // b's vault; w1's and w2's vault and plan.
      'backup:ListTags': 5,
      'backup:GetBackupPlan': 2,
      'backup:ListBackupSelections': 2,
      // One call finds that an account holds no repository.
      'ecr:DescribeRepositories': 5,
    });
    expect(total(calls)).toBe(72);
  });

  it('adds region discovery, empty regions and credential renewals', () => {
    const calls = minimumCalls('suite', small, {
      confirmOrganization: true,
      regions: 3,
      discoverRegions: true,
      sessions: 2,
    });
    // One DescribeRegions per account.
    expect(calls['ec2:DescribeRegions']).toBe(5);
    // Two empty regions per account: one ListClusters, ListBackupVaults,
    // ListBackupPlans and DescribeRepositories each.
    expect(calls['eks:ListClusters']).toBe(15);
    expect(calls['backup:ListBackupVaults']).toBe(15);
    expect(calls['backup:ListBackupPlans']).toBe(15);
    expect(calls['ecr:DescribeRepositories']).toBe(15);
    // Nothing else is regional in an empty region.
    expect(calls['eks:DescribeCluster']).toBe(1);
    // A second credential lifetime: every member account again.
    expect(calls['sts:AssumeRole']).toBe(8);
    expect(total(calls)).toBe(72 + 5 + 40 + 4);
  });

  it('takes whole pages of the documented maxima', () => {
    const big: EstateShape = {
      roots: 1,
      ous: 21,
      parents: [
        { ous: 21, accounts: 1 },
        { ous: 0, accounts: 45 },
        ...Array.from({ length: 20 }, () => ({ ous: 0, accounts: 0 })),
      ],
      accounts: [
        account('m', {
          // 101 zones: one of 301 records, 100 of 100.
          zoneRecords: [301, ...Array.from({ length: 100 }, () => 100)],
          clusters: [{ nodegroups: 101, addons: 0 }],
          flightdeckParameters: 11,
          vaults: 1,
          plans: 1,
          selections: 2001,
          repositories: 1001,
        }),
        ...Array.from({ length: 45 }, (_, i) => account(`a${i}`)),
      ],
      delegatedAdministrators: [3, 25],
    };
    const calls = minimumCalls('suite', big);
    expect(calls['organizations:DescribeOrganization']).toBe(1);
    // Root: 21 OUs in 2 pages of 20; each OU: 1 call.
    expect(calls['organizations:ListOrganizationalUnitsForParent']).toBe(
      2 + 21,
    );
    // Root: 1; the OU of 45: 3 pages; 20 empty OUs: 1 each.
    expect(calls['organizations:ListAccountsForParent']).toBe(1 + 3 + 20);
    expect(calls['organizations:ListTagsForResource']).toBe(1 + 21 + 46);
    // 2 administrators on one page; their 3 and 25 services in 1 and 2.
    expect(calls['organizations:ListDelegatedAdministrators']).toBe(1);
    expect(calls['organizations:ListDelegatedServicesForAccount']).toBe(3);
    expect(calls['route53:ListHostedZones']).toBe(2 + 45);
    expect(calls['route53:ListResourceRecordSets']).toBe(2 + 100);
    expect(calls['route53:ListTagsForResources']).toBe(11);
    expect(calls['eks:ListNodegroups']).toBe(2);
    expect(calls['eks:DescribeNodegroup']).toBe(101);
    expect(calls['eks:ListAddons']).toBe(1);
    expect(calls['ssm:GetParametersByPath']).toBe(2);
    expect(calls['backup:ListBackupSelections']).toBe(3);
    expect(calls['backup:GetBackupSelection']).toBe(2001);
    // 1,001 repositories in 2 pages of 1,000, and each one's policy.
    expect(calls['ecr:DescribeRepositories']).toBe(2 + 45);
    expect(calls['ecr:GetRepositoryPolicy']).toBe(1001);
    expect(calls['sts:AssumeRole']).toBe(45);
    expect(minimumCalls('roadie-org', big)).toEqual({
      'organizations:ListAccounts': 3,
      'organizations:ListTagsForResource': 46,
    });
  });

  it('counts only what the peers read: accounts, their tags, clusters', () => {
    expect(minimumCalls('roadie-org', small)).toEqual({
      'organizations:ListAccounts': 1,
      'organizations:ListTagsForResource': 5,
    });
    expect(minimumCalls('core-org', small)).toEqual({
      'organizations:ListAccounts': 1,
    });
    expect(minimumCalls('core-eks', small)).toEqual({
      'sts:AssumeRole': 4,
      'eks:ListClusters': 5,
      'eks:DescribeCluster': 1,
    });
    expect(minimumCalls('roadie-eks', small)).toEqual(
      minimumCalls('core-eks', small),
    );
  });

  it('reads the organization alone with no credentials to assume', () => {
    const calls = minimumCalls('suite-org', small);
    expect(calls['sts:AssumeRole']).toBeUndefined();
    expect(total(calls)).toBe(1 + 1 + 4 + 4 + 9 + 1);
  });
});

describe('credentialSessions', () => {
  it('counts the hours a run spans, at least one', () => {
    expect(credentialSessions(0)).toBe(1);
    expect(credentialSessions(3_600_000)).toBe(1);
    expect(credentialSessions(3_600_001)).toBe(2);
  });
});
