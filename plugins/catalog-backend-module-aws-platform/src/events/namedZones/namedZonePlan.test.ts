import type { ZoneSighting } from '../dnsNeighbourhood';
import type { ScopeChange } from '../eventChange';
import type { ZoneChange } from '../route53ZoneNamed';
import {
  placeCreatedZone,
  planNamedZones,
  whyNotRemovable,
  zoneRef,
} from './namedZonePlan';

const NETWORK = '111111111111';
const WORKLOAD = '222222222222';

const root = {
  accountId: NETWORK,
  id: 'ZROOT',
  name: 'example.com',
  privateZone: false,
};
const child = {
  accountId: WORKLOAD,
  id: 'ZDEV',
  name: 'dev.example.com',
  privateZone: false,
  parentZone: zoneRef(root),
};

function change(accountId: string, zones?: ZoneChange[]): ScopeChange {
  return {
    kind: 'scope',
    key: `route53:${accountId}`,
    service: 'route53',
    accountId,
    delegation: true,
    ...(zones && { zones }),
  };
}

describe('planNamedZones', () => {
  it('plans reads of the zones named: created read whole, record counts, tags, and the zones at NS names', () => {
    const plan = planNamedZones(
      [
        change(WORKLOAD, [{ zoneId: 'ZNEW', change: 'created' }]),
        change(NETWORK, [
          { zoneId: 'ZROOT', change: 'records', nsNames: ['dev.example.com'] },
          { zoneId: 'ZROOT', change: 'tags' },
        ]),
      ],
      [root, child],
    );
    expect(plan).toEqual({
      created: [{ accountId: WORKLOAD, zoneId: 'ZNEW' }],
      counts: [root],
      tags: [root],
      children: [{ parent: root, child }],
    });
  });

  it('reads a zone created or deleted in the batch whole, with its other changes', () => {
    const plan = planNamedZones(
      [
        change(WORKLOAD, [
          { zoneId: 'ZDEV', change: 'deleted' },
          { zoneId: 'ZDEV', change: 'tags' },
        ]),
      ],
      [root, child],
    );
    expect(plan).toMatchObject({ created: [{ zoneId: 'ZDEV' }], tags: [] });
  });

  it.each<[string, ScopeChange[], ZoneSighting[]]>([
    ['an event that named no zone', [change(NETWORK)], [root]],
    [
      'a zone the catalog does not hold',
      [change(NETWORK, [{ zoneId: 'ZOTHER', change: 'tags' }])],
      [root],
    ],
    [
      'an apex NS record',
      [
        change(NETWORK, [
          { zoneId: 'ZROOT', change: 'records', nsNames: ['example.com'] },
        ]),
      ],
      [root],
    ],
    [
      'a zone below the NS name judged against this parent',
      [
        change(NETWORK, [
          { zoneId: 'ZROOT', change: 'records', nsNames: ['team.example.com'] },
        ]),
      ],
      [root, { ...child, name: 'api.team.example.com' }],
    ],
    [
      'a zone at the NS name judged against another parent',
      [
        change(NETWORK, [
          { zoneId: 'ZROOT', change: 'records', nsNames: ['dev.example.com'] },
        ]),
      ],
      [root, { ...child, parentZone: 'resource:default/other' }],
    ],
  ])('reads the accounts whole for %s', (_, changes, zones) => {
    expect(planNamedZones(changes, zones)).toHaveProperty('fallback');
  });
});

describe('placeCreatedZone', () => {
  const created = {
    accountId: WORKLOAD,
    id: 'ZAPI',
    name: 'api.team.example.com',
    privateZone: false,
  };

  it('finds the closest parent and the names whose NS records decide the delegation', () => {
    expect(placeCreatedZone(created, [root])).toEqual({
      parent: root,
      names: ['api.team.example.com', 'team.example.com'],
    });
  });

  it('finds no parent for a private zone outside its account', () => {
    expect(
      placeCreatedZone({ ...created, privateZone: true }, [
        { ...root, privateZone: true },
      ]),
    ).toEqual({ names: [] });
  });

  it('reads whole when zones are below the new one, or two parents share a name', () => {
    expect(
      placeCreatedZone(created, [
        root,
        { ...child, name: 'v1.api.team.example.com' },
      ]),
    ).toHaveProperty('fallback');
    expect(
      placeCreatedZone(created, [root, { ...root, id: 'ZROOT2' }]),
    ).toHaveProperty('fallback');
  });
});

describe('whyNotRemovable', () => {
  it('refuses to remove a zone others were judged against, and allows a leaf', () => {
    expect(
      whyNotRemovable({ accountId: NETWORK, zoneId: 'ZROOT' }, [root, child]),
    ).toMatch(/judged against example.com/);
    expect(
      whyNotRemovable({ accountId: WORKLOAD, zoneId: 'ZDEV' }, [root, child]),
    ).toBeUndefined();
  });
});
