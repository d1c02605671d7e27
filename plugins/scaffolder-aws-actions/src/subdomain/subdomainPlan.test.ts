import { ownershipTags } from '../lib/ownership';
import { asVersion01Tags } from '../lib/__testUtils__/version01Tags';
import {
  desiredSubdomain,
  ObservedSubdomain,
  ObservedZone,
  planSubdomain,
} from './subdomainPlan';

const ZONE_NS = ['ns-1.awsdns-01.com', 'ns-2.awsdns-02.net'];
const OTHER_NS = ['ns-7.awsdns-07.com', 'ns-8.awsdns-08.net'];

const desired = (
  overrides: {
    owner?: string;
    repairDelegation?: boolean;
    taskId?: string;
  } = {},
) =>
  desiredSubdomain({
    domainName: 'shop.example.com',
    parentName: 'example.com',
    account: { accountId: '210987654321', name: 'Sandbox' },
    ownerGroup: overrides.owner ?? 'group:default/payments',
    userTags: { 'cost-center': 'cc-42' },
    requester: {
      userEntityRef: 'user:default/jane',
      taskId: overrides.taskId ?? 'task-1',
    },
    ttl: 3600,
    repairDelegation: overrides.repairDelegation ?? false,
  });

/** A zone the suite made for the request `desired(overrides)` stands for. */
const suiteZone = (
  overrides: Parameters<typeof desired>[0] = {},
): ObservedZone => {
  const made = desired({ taskId: 'task-0', ...overrides });
  return {
    id: 'ZSHOP',
    callerReference: 'another-task',
    tags: made.tags,
    nameServers: ZONE_NS,
  };
};

const observed = (
  zones: ObservedZone[],
  delegation?: string[],
): ObservedSubdomain => ({
  parentZoneId: 'ZROOT',
  zones,
  delegation: delegation && { ttl: 3600, values: delegation },
});

const kinds = (plan: ReturnType<typeof planSubdomain>) =>
  plan.changes.map(change => change.kind);

describe('planSubdomain', () => {
  it('creates, tags and delegates a new subdomain, the owner and lineage in the tags', () => {
    const want = desired();
    const plan = planSubdomain(want, observed([]));
    expect(plan.conflicts).toEqual([]);
    expect(kinds(plan)).toEqual(['createZone', 'tagZone', 'createDelegation']);
    expect(plan.changes[1]).toMatchObject({
      tags: {
        'cost-center': 'cc-42',
        owner: 'group:default/payments',
        ...ownershipTags(want.lineage, {
          userEntityRef: 'user:default/jane',
          taskId: 'task-1',
        }),
      },
    });
  });

  it('gives one lineage per name, account and owner, whoever asks', () => {
    expect(desired({ taskId: 'a' }).lineage).toBe(
      desired({ taskId: 'b' }).lineage,
    );
    expect(desired().lineage).not.toBe(
      desired({ owner: 'group:default/other' }).lineage,
    );
  });

  it('changes nothing when its zone exists and is delegated to it', () => {
    const plan = planSubdomain(desired(), observed([suiteZone()], ZONE_NS));
    expect(plan).toEqual({ zone: suiteZone(), conflicts: [], changes: [] });
  });

  it('delegates its zone when the parent has no NS record yet', () => {
    const plan = planSubdomain(desired(), observed([suiteZone()]));
    expect(kinds(plan)).toEqual(['createDelegation']);
  });

  it('refuses a name delegated elsewhere when it would create the zone', () => {
    const plan = planSubdomain(desired(), observed([], OTHER_NS));
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts).toEqual([
      expect.stringContaining(
        `shop.example.com is already delegated from zone example.com (ZROOT) of the Network account to ${OTHER_NS.join(
          ', ',
        )}`,
      ),
    ]);
  });

  it('refuses a drifted delegation of its own zone unless a repair is asked for', () => {
    const refused = planSubdomain(desired(), observed([suiteZone()], OTHER_NS));
    expect(refused.changes).toEqual([]);
    expect(refused.conflicts[0]).toContain('run again with repairDelegation');

    const repaired = planSubdomain(
      desired({ repairDelegation: true }),
      observed([suiteZone()], OTHER_NS),
    );
    expect(repaired.conflicts).toEqual([]);
    expect(repaired.changes).toEqual([
      expect.objectContaining({
        kind: 'repairDelegation',
        previous: { ttl: 3600, values: OTHER_NS },
      }),
    ]);
  });

  it.each([
    ['without tags', {}, 'was not made by the AWS Platform suite'],
    [
      'owned by someone',
      { owner: 'team-x' },
      'was not made by the AWS Platform suite (owner tag: team-x)',
    ],
  ])('refuses a zone %s, also when asked to repair', (_, tags, reason) => {
    const zone = { ...suiteZone(), tags };
    const plan = planSubdomain(
      desired({ repairDelegation: true }),
      observed([zone], OTHER_NS),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts[0]).toContain(reason);
    expect(plan.conflicts[0]).toContain(
      `To adopt it for this request, tag it aws-platform-suite.github.io/managed-by=backstage-aws-platform and aws-platform-suite.github.io/lineage=${
        desired().lineage
      }.`,
    );
  });

  it("refuses the suite's zone of another owner, naming who made and owns it", () => {
    const plan = planSubdomain(
      desired({ repairDelegation: true }),
      observed([suiteZone({ owner: 'group:default/other' })], OTHER_NS),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts[0]).toContain(
      'made by the AWS Platform suite for another request (created by user:default/jane)',
    );
    expect(plan.conflicts[0]).toContain('Its owner tag: group:default/other');
  });

  it('continues with the zone this task created before it could tag it', () => {
    const want = desired();
    const untagged: ObservedZone = {
      id: 'ZSHOP',
      callerReference: want.callerReference,
      tags: {},
      nameServers: ZONE_NS,
    };
    const plan = planSubdomain(want, observed([untagged]));
    expect(plan.conflicts).toEqual([]);
    expect(kinds(plan)).toEqual(['tagZone', 'createDelegation']);
  });

  it('writes only missing or changed tags on its zone, keeping who created it', () => {
    const zone = suiteZone();
    zone.tags = { ...zone.tags, 'cost-center': 'old' };
    const plan = planSubdomain(desired(), observed([zone], ZONE_NS));
    expect(plan.changes).toEqual([
      expect.objectContaining({
        kind: 'tagZone',
        tags: { 'cost-center': 'cc-42' },
      }),
    ]);
  });

  it('converges a zone 0.1 made for the same request, adding only the current keys', () => {
    // 0.1 tagged its zones under aws-platform.io/; the lineage value is unchanged.
    const zone = suiteZone();
    zone.tags = asVersion01Tags(zone.tags);
    const plan = planSubdomain(desired(), observed([zone], ZONE_NS));
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes).toEqual([
      expect.objectContaining({
        kind: 'tagZone',
        // Who created it and in which task stay as 0.1 wrote them.
        tags: {
          'aws-platform-suite.github.io/managed-by': 'backstage-aws-platform',
          'aws-platform-suite.github.io/lineage': desired().lineage,
        },
      }),
    ]);
  });

  it('refuses a zone 0.1 made for another request, naming who made it', () => {
    const zone = suiteZone({ owner: 'group:default/other' });
    zone.tags = asVersion01Tags(zone.tags);
    const plan = planSubdomain(desired(), observed([zone], ZONE_NS));
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts[0]).toContain(
      'made by the AWS Platform suite for another request (created by user:default/jane)',
    );
  });

  it('refuses duplicate zones of the name', () => {
    const plan = planSubdomain(
      desired(),
      observed([suiteZone(), { ...suiteZone(), id: 'ZTWO' }]),
    );
    expect(plan.conflicts[0]).toContain(
      '2 public zones named shop.example.com',
    );
  });
});
