import { Entity } from '@backstage/catalog-model';
import {
  AUDIT,
  AUDIT_NAME_SERVERS,
  cluster,
  MANAGEMENT,
  plan,
  PRODUCTION,
  REGION,
  vault,
  zone,
} from './__fixtures__/eventEstate';
import {
  fullRefresh,
  refresherConfig as config,
  setUpRefresher as setUp,
} from './__testUtils__/refresherSetUp';
import { route53Change } from './__testUtils__/route53Change';
import type { OrganizationChange, ScopeChange } from './eventChange';

const route53 = (
  accountId: string,
  delegation: boolean,
  delegatedNames?: string[],
) => route53Change(accountId, { delegation, delegatedNames });

function regional(
  service: 'eks' | 'backup',
  accountId: string,
  region = REGION,
  named: Pick<ScopeChange, 'clusters' | 'plans'> = {},
): ScopeChange {
  return {
    kind: 'scope',
    key: `${service}:${accountId}:${region}`,
    service,
    accountId,
    region,
    delegation: false,
    ...named,
  };
}

const byName = (entities: Entity[], title: string) =>
  entities.find(e => e.metadata.title === title);

describe('ScopeRefresher', () => {
  it('applies a cluster created and one deleted as a full refresh would, reading one scope', async () => {
    const { data, catalog, reads, refresher } = await setUp();
    data.clusters[`eks:${PRODUCTION}:${REGION}`] = [
      cluster(PRODUCTION, 'acme-production-v2', { version: '1.34' }),
    ];
    const outcome = await refresher.refresh([regional('eks', PRODUCTION)]);
    expect(reads.calls).toEqual([`eks:${PRODUCTION}:${REGION}`]);
    expect(outcome).toMatchObject({ added: 1, removed: 1, failures: [] });
    expect(catalog.all()).toEqual(await fullRefresh(data));
    expect(catalog.deltas).toHaveLength(1);
  });

  it("reads only the clusters an event named, and keeps the scope's others as held", async () => {
    const { data, catalog, reads, refresher } = await setUp();
    const held = byName(catalog.all(), 'acme-production-v1');
    // v1 was upgraded too, but no event named it: it stays as held until
    // its own event or the next full refresh.
    data.clusters[`eks:${PRODUCTION}:${REGION}`] = [
      cluster(PRODUCTION, 'acme-production-v1', { version: '1.34' }),
      cluster(PRODUCTION, 'acme-production-v2'),
    ];
    const named = {
      ...regional('eks', PRODUCTION),
      clusters: ['acme-production-v2'],
    };
    const outcome = await refresher.refresh([named]);

    expect(reads.calls).toEqual([
      `eks:${PRODUCTION}:${REGION} acme-production-v2`,
    ]);
    expect(outcome).toMatchObject({ added: 1, removed: 0, failures: [] });
    expect(byName(catalog.all(), 'acme-production-v1')).toEqual(held);
    expect(byName(catalog.all(), 'acme-production-v2')).toBeDefined();
  });

  it('removes a named cluster that is gone, and only that one', async () => {
    const { data, catalog, refresher } = await setUp();
    data.clusters[`eks:${PRODUCTION}:${REGION}`] = [
      cluster(PRODUCTION, 'acme-production-v2'),
    ];
    await refresher.refresh([regional('eks', PRODUCTION)]);
    data.clusters[`eks:${PRODUCTION}:${REGION}`] = [];
    const outcome = await refresher.refresh([
      { ...regional('eks', PRODUCTION), clusters: ['acme-production-v2'] },
    ]);
    expect(outcome).toMatchObject({ added: 0, removed: 1 });
    expect(byName(catalog.all(), 'acme-production-v2')).toBeUndefined();
  });

  it('applies a backup vault deleted, and the account summary with it', async () => {
    const { data, catalog, refresher } = await setUp();
    data.backup[`backup:${PRODUCTION}:${REGION}`] = {
      vaults: [vault(PRODUCTION, 'other-vault')],
      plans: [],
    };
    await refresher.refresh([regional('backup', PRODUCTION)]);
    expect(catalog.all()).toEqual(await fullRefresh(data));
  });

  it('reads only the backup plan an event named, keeps the vaults as held, and matches a full refresh', async () => {
    const { data, catalog, reads, refresher } = await setUp();
    const scope = data.backup[`backup:${PRODUCTION}:${REGION}`];
    scope.plans.push(plan(PRODUCTION, 'daily-1', 'user-backup-vault'));
    const outcome = await refresher.refresh([
      regional('backup', PRODUCTION, REGION, { plans: ['daily-1'] }),
    ]);
    expect(reads.calls).toEqual([`backup:${PRODUCTION}:${REGION} daily-1`]);
    expect(outcome).toMatchObject({ added: 1, removed: 0, failures: [] });
    expect(catalog.all()).toEqual(await fullRefresh(data));

    // Deleted: the plan read finds nothing, and only the plan goes.
    scope.plans = [];
    await refresher.refresh([
      regional('backup', PRODUCTION, REGION, { plans: ['daily-1'] }),
    ]);
    expect(catalog.all()).toEqual(await fullRefresh(data));
    expect(
      catalog
        .all()
        .filter(e => e.metadata.title?.startsWith('user-backup-vault')),
    ).toHaveLength(1);
  });

  it('judges the zones below a repaired delegation again, reading the accounts below only', async () => {
    const { data, catalog, reads, refresher } = await setUp();
    const before = byName(catalog.all(), 'audit.example.com');
    expect(
      before?.metadata.annotations?.[
        'aws-platform-suite.github.io/delegation-status'
      ],
    ).toBe('drift');
    data.zones[`route53:${MANAGEMENT}`][0].delegations[1].nameServers = [
      ...AUDIT_NAME_SERVERS,
    ];
    await refresher.refresh([route53(MANAGEMENT, true)]);
    expect(reads.calls.sort()).toEqual(
      [
        `route53:${MANAGEMENT}`,
        `route53:${AUDIT}`,
        `route53:${PRODUCTION}`,
      ].sort(),
    );
    const after = catalog.all();
    expect(
      byName(after, 'audit.example.com')?.metadata.annotations?.[
        'aws-platform-suite.github.io/delegation-status'
      ],
    ).toBe('in-sync');
    expect(after).toEqual(await fullRefresh(data));
  });

  it('reads only the account below the NS record the event named, and judges its zone as a full refresh does', async () => {
    const { data, catalog, reads, refresher } = await setUp();
    data.zones[`route53:${MANAGEMENT}`][0].delegations[1].nameServers = [
      ...AUDIT_NAME_SERVERS,
    ];
    await refresher.refresh([route53(MANAGEMENT, true, ['audit.example.com'])]);
    // Not production, which sits below the same root zone.
    expect(reads.calls.sort()).toEqual(
      [`route53:${MANAGEMENT}`, `route53:${AUDIT}`].sort(),
    );
    expect(
      byName(catalog.all(), 'audit.example.com')?.metadata.annotations?.[
        'aws-platform-suite.github.io/delegation-status'
      ],
    ).toBe('in-sync');
    expect(catalog.all()).toEqual(await fullRefresh(data));
  });

  it('judges a new zone against its parent in another account', async () => {
    const { data, catalog, reads, refresher } = await setUp();
    data.zones[`route53:${AUDIT}`].push(
      zone('ZDEV', 'dev.example.com', ['ns-5.awsdns-05.com']),
    );
    await refresher.refresh([route53(AUDIT, true)]);
    expect(reads.calls).toEqual([`route53:${AUDIT}`, `route53:${MANAGEMENT}`]);
    const created = byName(catalog.all(), 'dev.example.com');
    expect(created?.spec?.zone).toMatchObject({
      delegation: { parentZoneName: 'example.com', status: 'not-delegated' },
    });
    expect(catalog.all()).toEqual(await fullRefresh(data));
  });

  it('reads the accounts above a zone whose records changed, not those below or beside', async () => {
    const { data, catalog, reads, refresher } = await setUp();
    data.zones[`route53:${PRODUCTION}`][0].recordCount = 7;
    await refresher.refresh([route53(PRODUCTION, false)]);
    expect(reads.calls).toEqual([
      `route53:${PRODUCTION}`,
      `route53:${MANAGEMENT}`,
    ]);
    expect(catalog.all()).toEqual(await fullRefresh(data));
  });

  it('changes nothing for a scope whose read fails, and says so in the status', async () => {
    const { data, catalog, reads, refresher, statusStore } = await setUp();
    const before = catalog.all();
    data.clusters[`eks:${PRODUCTION}:${REGION}`] = [];
    reads.failing.set(
      `eks:${PRODUCTION}:${REGION}`,
      Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
      }),
    );
    const outcome = await refresher.refresh([regional('eks', PRODUCTION)]);
    expect(outcome.failures).toEqual([
      expect.objectContaining({
        scope: `eks:${PRODUCTION}:${REGION}`,
        errorName: 'ThrottlingException',
      }),
    ]);
    expect(catalog.all()).toEqual(before);
    expect(catalog.deltas).toEqual([]);
    expect((await statusStore.list())[0]).toMatchObject({
      outcome: 'partial',
      failures: [{ scope: `eks:${PRODUCTION}:${REGION}` }],
    });
  });

  it('changes nothing for a zone whose neighbours cannot be read', async () => {
    const { data, catalog, reads, refresher } = await setUp();
    const before = catalog.all();
    data.zones[`route53:${AUDIT}`] = [];
    reads.failing.set(`route53:${MANAGEMENT}`, new Error('socket hang up'));
    const outcome = await refresher.refresh([route53(AUDIT, true)]);
    expect(outcome.failures.map(f => f.scope)).toEqual([`route53:${AUDIT}`]);
    expect(catalog.all()).toEqual(before);
  });

  it('leaves out a fresh entity whose name someone else holds', async () => {
    const { data, catalog, refresher } = await setUp();
    data.clusters[`eks:${PRODUCTION}:${REGION}`].push(
      cluster(PRODUCTION, 'taken'),
    );
    const name = `taken-${PRODUCTION}-${REGION}`;
    catalog.foreign.set(`resource:default/${name}`, {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name },
      spec: { type: 'service', owner: 'someone' },
    });
    const outcome = await refresher.refresh([regional('eks', PRODUCTION)]);
    expect(outcome.failures).toEqual([
      expect.objectContaining({ errorName: 'DuplicateEntityName' }),
    ]);
    expect(catalog.all().map(e => e.metadata.name)).not.toContain(name);
  });

  it('reads nothing outside what the refresh reads', async () => {
    const { reads, refresher } = await setUp();
    await refresher.refresh([
      regional('eks', PRODUCTION, 'eu-west-1'), // not a configured region
      regional('eks', '333333333333'), // suspended
      regional('eks', '999999999999'), // not in the organization
    ]);
    expect(reads.calls).toEqual([]);
  });

  it('asks for the full refresh for the organization, or when the catalog cannot map a change', async () => {
    const moved: OrganizationChange = {
      kind: 'organization',
      accountId: MANAGEMENT,
      eventName: 'MoveAccount',
    };
    const { refresher } = await setUp();
    expect(await refresher.refresh([moved])).toMatchObject({
      fullRefresh: 'MoveAccount',
    });
    expect(
      await refresher.refresh([{ ...moved, accountId: '999999999999' }]),
    ).not.toHaveProperty('fullRefresh');

    const empty = await setUp();
    empty.catalog.applyFull([]);
    expect(
      await empty.refresher.refresh([regional('eks', PRODUCTION)]),
    ).toMatchObject({ fullRefresh: expect.stringMatching(/no account/) });

    const transformed = await setUp({
      transformers: new Map([['aws-account', async (e: Entity) => e]]),
    });
    expect(
      await transformed.refresher.refresh([regional('eks', PRODUCTION)]),
    ).toMatchObject({ fullRefresh: expect.stringMatching(/transformer/) });
  });

  it('asks for the full refresh for ECR policies and Identity Center only when the provider reads them', async () => {
    const policy: OrganizationChange = {
      kind: 'organization',
      accountId: PRODUCTION,
      eventName: 'SetRepositoryPolicy',
      reads: 'ecr',
    };
    const assignment: OrganizationChange = {
      kind: 'organization',
      accountId: MANAGEMENT,
      eventName: 'CreateAccountAssignment',
      reads: 'identityCenter',
    };
    // The test config reads no ECR and no Identity Center.
    const { refresher } = await setUp();
    expect(await refresher.refresh([policy, assignment])).not.toHaveProperty(
      'fullRefresh',
    );
    const withEcr = await setUp({
      config: { ...config, services: [...config.services, 'ecr'] },
    });
    expect(await withEcr.refresher.refresh([policy, assignment])).toMatchObject(
      { fullRefresh: 'SetRepositoryPolicy' },
    );
    const withIdentityCenter = await setUp({
      config: { ...config, identityCenter: { region: 'us-east-1' } },
    });
    expect(
      await withIdentityCenter.refresher.refresh([assignment]),
    ).toMatchObject({ fullRefresh: 'CreateAccountAssignment' });
  });

  it('returns an EKS scope with an operation under way, to be read again', async () => {
    const { data, refresher } = await setUp();
    data.clusters[`eks:${PRODUCTION}:${REGION}`] = [
      cluster(PRODUCTION, 'acme-production-v2', { status: 'CREATING' }),
    ];
    const change = regional('eks', PRODUCTION);
    expect((await refresher.refresh([change])).unsettled).toEqual([change]);
  });
});
