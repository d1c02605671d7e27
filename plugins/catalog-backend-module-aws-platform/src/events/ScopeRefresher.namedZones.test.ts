import { Entity } from '@backstage/catalog-model';
import {
  AUDIT,
  AUDIT_NAME_SERVERS,
  MANAGEMENT,
  PRODUCTION,
  zone,
} from './__fixtures__/eventEstate';
import { fullRefresh, setUpRefresher } from './__testUtils__/refresherSetUp';
import { route53Change } from './__testUtils__/route53Change';
import type { ZoneChange } from './route53ZoneNamed';

// Route 53 changes applied zone by zone (namedZones/): each test checks
// the catalog against the full refresh's output on the changed estate, and
// which reads it took; the whole-account reads are `route53:<account>`.

const route53 = (
  accountId: string,
  zones: ZoneChange[] | undefined,
  delegation = true,
) => route53Change(accountId, { zones, delegation });

const ROLE_CONFLICTS = 'aws-platform-suite.github.io/role-conflicts';

function withoutRoleEvidence(entities: Entity[]): Entity[] {
  return entities.map(e => {
    const { [ROLE_CONFLICTS]: _, ...annotations } =
      e.metadata.annotations ?? {};
    return { ...e, metadata: { ...e.metadata, annotations } };
  });
}

const titled = (entities: Entity[], title: string) =>
  entities.find(e => e.metadata.title === title);

describe('ScopeRefresher, zones named by events', () => {
  it('judges a created zone against the NS record its parent got, in three reads', async () => {
    const { data, catalog, reads, refresher } = await setUpRefresher({
      zoneByZone: true,
    });
    const ns = ['ns-7.awsdns-07.com', 'ns-8.awsdns-08.net'];
    data.zones[`route53:${PRODUCTION}`].push(
      zone('ZSTAGING', 'staging.example.com', ns),
    );
    const root = data.zones[`route53:${MANAGEMENT}`][0];
    root.delegations.push({ name: 'staging.example.com', nameServers: ns });
    root.recordCount += 1;

    const outcome = await refresher.refresh([
      route53(PRODUCTION, [{ zoneId: 'ZSTAGING', change: 'created' }]),
      route53(MANAGEMENT, [
        {
          zoneId: 'ZROOT',
          change: 'records',
          nsNames: ['staging.example.com'],
        },
      ]),
    ]);

    expect(outcome).toMatchObject({ failures: [] });
    expect(reads.calls.sort()).toEqual([
      `route53:${MANAGEMENT} count ZROOT`,
      `route53:${MANAGEMENT} ns staging.example.com ZROOT`,
      `route53:${PRODUCTION} zone ZSTAGING`,
    ]);
    // Roles are judged by the full refresh: the management account's
    // evidence (the subdomains its root zone delegates) waits for it.
    const full = await fullRefresh(data);
    expect(withoutRoleEvidence(catalog.all())).toEqual(
      withoutRoleEvidence(full),
    );
    expect(
      titled(catalog.all(), 'staging.example.com')?.metadata.annotations?.[
        'aws-platform-suite.github.io/delegation-status'
      ],
    ).toBe('in-sync');
  });

  it('judges a zone at a repaired NS record again, and its account summary, without reading its account', async () => {
    const { data, catalog, reads, refresher } = await setUpRefresher({
      zoneByZone: true,
    });
    data.zones[`route53:${MANAGEMENT}`][0].delegations[1].nameServers = [
      ...AUDIT_NAME_SERVERS,
    ];
    await refresher.refresh([
      route53(MANAGEMENT, [
        { zoneId: 'ZROOT', change: 'records', nsNames: ['audit.example.com'] },
      ]),
    ]);
    expect(reads.calls.sort()).toEqual([
      `route53:${MANAGEMENT} count ZROOT`,
      `route53:${MANAGEMENT} ns audit.example.com ZROOT`,
    ]);
    expect(catalog.all()).toEqual(await fullRefresh(data));
  });

  it("applies a zone's record count and tags as a full refresh would", async () => {
    const { data, catalog, reads, refresher } = await setUpRefresher({
      zoneByZone: true,
    });
    const audit = data.zones[`route53:${AUDIT}`][0];
    audit.recordCount = 12;
    audit.tags = { owner: 'security-team' };
    await refresher.refresh([
      route53(
        AUDIT,
        [
          { zoneId: 'ZAUDIT', change: 'records', nsNames: [] },
          { zoneId: 'ZAUDIT', change: 'tags' },
        ],
        false,
      ),
    ]);
    expect(reads.calls.sort()).toEqual([
      `route53:${AUDIT} count ZAUDIT`,
      `route53:${AUDIT} tags ZAUDIT`,
    ]);
    expect(catalog.all()).toEqual(await fullRefresh(data));
    expect(titled(catalog.all(), 'audit.example.com')?.spec?.owner).toBe(
      'group:default/security-team',
    );
  });

  it('removes a zone an event said was created once Route 53 no longer has it', async () => {
    const { data, catalog, refresher } = await setUpRefresher({
      zoneByZone: true,
    });
    data.zones[`route53:${AUDIT}`] = [];
    await refresher.refresh([
      route53(AUDIT, [{ zoneId: 'ZAUDIT', change: 'created' }]),
    ]);
    expect(titled(catalog.all(), 'audit.example.com')).toBeUndefined();
    expect(withoutRoleEvidence(catalog.all())).toEqual(
      withoutRoleEvidence(await fullRefresh(data)),
    );
  });

  it('removes a deleted zone that no zone was judged against, reading only it', async () => {
    const { data, catalog, reads, refresher } = await setUpRefresher({
      zoneByZone: true,
    });
    data.zones[`route53:${AUDIT}`] = [];
    await refresher.refresh([
      route53(AUDIT, [{ zoneId: 'ZAUDIT', change: 'deleted' }]),
    ]);
    expect(reads.calls).toEqual([`route53:${AUDIT} zone ZAUDIT`]);
    expect(withoutRoleEvidence(catalog.all())).toEqual(
      withoutRoleEvidence(await fullRefresh(data)),
    );
  });

  it('reads the accounts whole when a deleted zone was the parent of others', async () => {
    const { data, catalog, reads, refresher } = await setUpRefresher({
      zoneByZone: true,
    });
    data.zones[`route53:${MANAGEMENT}`] = [];
    await refresher.refresh([
      route53(MANAGEMENT, [{ zoneId: 'ZROOT', change: 'deleted' }]),
    ]);
    expect(reads.calls).toContain(`route53:${MANAGEMENT}`);
    expect(withoutRoleEvidence(catalog.all())).toEqual(
      withoutRoleEvidence(await fullRefresh(data)),
    );
  });

  it.each([
    ['an event that named no zone', undefined],
    [
      'an apex NS record',
      [
        {
          zoneId: 'ZAUDIT',
          change: 'records' as const,
          nsNames: ['audit.example.com'],
        },
      ],
    ],
    ['a zone not held yet', [{ zoneId: 'ZNEW', change: 'tags' as const }]],
  ])('reads the account whole for %s', async (_, zones) => {
    const { data, catalog, reads, refresher } = await setUpRefresher({
      zoneByZone: true,
    });
    data.zones[`route53:${AUDIT}`][0].recordCount = 7;
    await refresher.refresh([route53(AUDIT, zones)]);
    expect(reads.calls).toContain(`route53:${AUDIT}`);
    expect(catalog.all()).toEqual(await fullRefresh(data));
  });

  it("reads the account whole when an adopter's transformer makes zone entities", async () => {
    const { data, catalog, reads, refresher } = await setUpRefresher({
      zoneByZone: true,
      transformers: new Map([['dns-zone', async (e: Entity) => e]]),
    });
    data.zones[`route53:${AUDIT}`][0].recordCount = 7;
    await refresher.refresh([
      route53(AUDIT, [{ zoneId: 'ZAUDIT', change: 'records', nsNames: [] }]),
    ]);
    expect(reads.calls).toContain(`route53:${AUDIT}`);
    expect(catalog.all()).toEqual(await fullRefresh(data));
  });

  it('reads the accounts whole when a new zone has zones below it', async () => {
    const { data, catalog, reads, refresher } = await setUpRefresher({
      zoneByZone: true,
    });
    // A second example.com: the zones below may take it as their parent.
    data.zones[`route53:${PRODUCTION}`].push(
      zone('ZMID', 'example.com', ['ns-5.awsdns-05.com']),
    );
    await refresher.refresh([
      route53(PRODUCTION, [{ zoneId: 'ZMID', change: 'created' }]),
    ]);
    expect(reads.calls).toContain(`route53:${PRODUCTION}`);
    expect(catalog.all()).toEqual(await fullRefresh(data));
  });

  it('changes nothing when a zone read fails, and says so in the status', async () => {
    const { data, catalog, reads, refresher, statusStore } =
      await setUpRefresher({ zoneByZone: true });
    const before = catalog.all();
    data.zones[`route53:${AUDIT}`][0].recordCount = 9;
    reads.failing.set(
      `route53:${AUDIT} count ZAUDIT`,
      Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }),
    );
    const outcome = await refresher.refresh([
      route53(AUDIT, [{ zoneId: 'ZAUDIT', change: 'records', nsNames: [] }]),
    ]);
    expect(outcome.failures).toEqual([
      expect.objectContaining({
        scope: `route53:${AUDIT}`,
        errorName: 'Throttling',
      }),
    ]);
    expect(catalog.all()).toEqual(before);
    expect((await statusStore.list())[0]).toMatchObject({
      outcome: 'partial',
    });
  });
});
