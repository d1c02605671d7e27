import { minimumCalls } from '../minimum.ts';
import type { AccountShape, EstateShape } from '../minimum.ts';
import { benchEstateShape } from './estate.ts';
import { simulate } from './simulation.ts';
import type { Scenario } from './simulation.ts';

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

// Root (management + one OU), the OU holding two accounts.
const tiny: EstateShape = {
  roots: 1,
  ous: 1,
  parents: [
    { ous: 1, accounts: 1 },
    { ous: 0, accounts: 2 },
  ],
  accounts: [
    account('100000000000'),
    account('100000000001'),
    account('100000000002'),
  ],
};

const scenario = (changes: Partial<Scenario> = {}): Scenario => ({
  shape: tiny,
  settings: {
    concurrency: 4,
    accountConcurrency: 16,
    regions: ['us-east-1'],
    services: [],
  },
  latencyMs: 50,
  serverLimits: {},
  ...changes,
});

const callsOf = (operations: Map<string, { calls: number }>) =>
  [...operations.values()].reduce((sum, op) => sum + op.calls, 0);

describe('simulate', () => {
  it('reads the organization in seven rounds of calls when nothing limits it', async () => {
    const result = await simulate(
      scenario({
        clientLimits: { Organizations: { ratePerSecond: 1000, burst: 1000 } },
      }),
    );
    // Describe, ListRoots, the root's two lists, the OU's two lists, the
    // root's and OU's tags, the three accounts' tags, the delegated
    // administrators (none): 7 × 50 ms.
    expect(result.organizationMs).toBe(350);
    expect(callsOf(result.operations)).toBe(12);
    expect(result.operations.get('organizations:ListTagsForResource')).toEqual({
      calls: 5,
      throttled: 0,
    });
  });

  it("reads only the root's and OUs' tags when the accounts' are carried", async () => {
    const result = await simulate(
      scenario({
        settings: { ...scenario().settings, accountTagsCarried: true },
        clientLimits: { Organizations: { ratePerSecond: 1000, burst: 1000 } },
      }),
    );
    // One round less: no account's tags.
    expect(result.organizationMs).toBe(300);
    expect(result.operations.get('organizations:ListTagsForResource')).toEqual({
      calls: 2,
      throttled: 0,
    });
  });

  it('paces the organization read at the client-side rate', async () => {
    const result = await simulate(
      scenario({
        clientLimits: { Organizations: { ratePerSecond: 10, burst: 1 } },
      }),
    );
    // 12 calls: the first at 0, each next 100 ms later, the last done 50 ms on.
    expect(result.organizationMs).toBe(1_150);
    const waits = result.waits.organization;
    expect(waits.get('client bucket: Organizations')).toBeGreaterThan(
      waits.get('latency')!,
    );
  });

  it('assumes each role once, at the shared AssumeRole rate', async () => {
    const result = await simulate(
      scenario({
        settings: {
          concurrency: 4,
          accountConcurrency: 2,
          regions: ['us-east-1'],
          services: ['route53', 'eks'],
          organizationGiven: true,
        },
        clientLimits: { AssumeRole: { ratePerSecond: 1, burst: 1 } },
      }),
    );
    // Roles at 0, 1 s, 2 s (50 ms each); then one ListHostedZones and one
    // ListClusters per account, at once: the last ends at 2 s + 100 ms.
    expect(result.organizationMs).toBe(0);
    expect(result.totalMs).toBe(2_100);
    expect(result.operations.get('sts:AssumeRole')?.calls).toBe(3);
    expect(result.scopes).toBe(6);
  });

  it('retries what AWS throttles and fails the scope when every attempt is', async () => {
    const result = await simulate(
      scenario({
        shape: {
          ...tiny,
          accounts: [account('100000000000', { zoneRecords: [5] })],
        },
        settings: {
          concurrency: 4,
          accountConcurrency: 1,
          regions: ['us-east-1'],
          services: ['route53'],
          organizationGiven: true,
        },
        // One request, then practically none.
        serverLimits: {
          route53: { ratePerSecond: 0.001, burst: 1, source: 'test' },
        },
        maxAttempts: 3,
      }),
    );
    expect(result.failedScopes).toBe(1);
    expect(result.operations.get('route53:ListHostedZones')).toEqual({
      calls: 1,
      throttled: 0,
    });
    expect(result.operations.get('route53:ListResourceRecordSets')).toEqual({
      calls: 3,
      throttled: 3,
    });
  });

  it('reads the delegated administrators, then the services of each', async () => {
    const result = await simulate(
      scenario({
        shape: { ...tiny, delegatedAdministrators: [1, 21, 3] },
        clientLimits: { Organizations: { ratePerSecond: 1000, burst: 1000 } },
      }),
    );
    expect(
      result.operations.get('organizations:ListDelegatedAdministrators')?.calls,
    ).toBe(1);
    // 1 + 2 pages (21 services at 20 a page) + 1.
    expect(
      result.operations.get('organizations:ListDelegatedServicesForAccount')
        ?.calls,
    ).toBe(4);
    // Seven rounds, then the three administrators at once: the one with 21
    // services takes two pages in sequence.
    expect(result.organizationMs).toBe(350 + 100);
  });

  it("reads each account's regions before its scopes when none are configured", async () => {
    const settings = {
      concurrency: 4,
      accountConcurrency: 2,
      regions: ['us-east-1', 'us-west-2'],
      discoverRegions: true,
      services: ['eks' as const],
      organizationGiven: true,
    };
    const result = await simulate(
      scenario({
        settings,
        clientLimits: { AssumeRole: { ratePerSecond: 1000, burst: 1000 } },
      }),
    );
    expect(result.operations.get('ec2:DescribeRegions')?.calls).toBe(3);
    // A ListClusters in each of the 2 regions of each of the 3 accounts.
    expect(result.operations.get('eks:ListClusters')?.calls).toBe(6);
    expect(result.scopes).toBe(6);
    // 2 accounts at a time: each its role, then its DescribeRegions (100 ms),
    // then the third's (100 ms); then the 6 scopes 4 at a time, the roles
    // already held: two rounds of 50 ms.
    expect(result.totalMs).toBe(2 * 100 + 2 * 50);
    const configured = await simulate(
      scenario({
        settings: { ...settings, discoverRegions: false },
        clientLimits: { AssumeRole: { ratePerSecond: 1000, burst: 1000 } },
      }),
    );
    expect(configured.operations.get('ec2:DescribeRegions')).toBeUndefined();
  });

  it('makes the minimum of calls derived from the estate, but for one role of the management account', async () => {
    const shape = benchEstateShape({
      workloads: 12,
      zonesPerAccount: 3,
      clusters: 4,
    });
    const result = await simulate(
      scenario({
        shape,
        settings: {
          concurrency: 4,
          accountConcurrency: 16,
          regions: ['us-east-1'],
          services: ['route53', 'eks', 'backup', 'ecr'],
          confirmOrganization: true,
        },
      }),
    );
    const minimum = minimumCalls('suite', shape, { confirmOrganization: true });
    // The suite assumes a role in the management account too, whose own
    // credentials it already has.
    minimum['sts:AssumeRole'] += 1;
    expect(
      Object.fromEntries(
        [...result.operations].map(([key, stats]) => [key, stats.calls]),
      ),
    ).toEqual(minimum);
    expect(result.failedScopes).toBe(0);
  });

  it('gives the same figures for the same seed, throttling included', async () => {
    const throttled = () =>
      simulate(
        scenario({
          shape: benchEstateShape({
            workloads: 20,
            zonesPerAccount: 8,
            clusters: 2,
          }),
          settings: {
            concurrency: 4,
            accountConcurrency: 4,
            regions: ['us-east-1'],
            services: ['route53'],
          },
          serverLimits: {
            route53: { ratePerSecond: 2, burst: 2, source: 'test' },
          },
          seed: 7,
        }),
      );
    const [a, b] = [await throttled(), await throttled()];
    expect(
      a.operations.get('route53:ListResourceRecordSets')!.throttled,
    ).toBeGreaterThan(0);
    expect(b.totalMs).toBe(a.totalMs);
    expect([...b.operations]).toEqual([...a.operations]);
  });
});
