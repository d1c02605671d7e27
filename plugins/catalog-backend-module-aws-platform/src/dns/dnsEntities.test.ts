import {
  Entity,
  FieldFormatEntityPolicy,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  hostedZoneScopes,
  mappingContext,
  NETWORK,
  PRODUCTION,
  SANDBOX,
} from './__fixtures__/hostedZones';
import { ZoneScope, zonesToEntities } from './dnsEntities';
import { HostedZoneRecord } from './types';

const ROOT = 'example-com-2dc179b2';
const PRODUCTION_ZONE = 'production-example-com-a872f5f0';
const SANDBOX_ZONE = 'sandbox-example-com-e0b19a0e';
const DEV_ZONE = 'dev-sandbox-example-com-6755815b';
const PRIVATE_ZONE = 'internal-example-com-48a8312f';
const BRAND_ZONE = 'brand-campaign-net-823095cd';

const DELEGATION = 'aws-platform-suite.github.io/delegation-status';

function byName(entities: Entity[], name: string): Entity {
  const entity = entities.find(e => e.metadata.name === name);
  if (!entity) throw new Error(`no entity ${name}`);
  return entity;
}

function byZoneId(entities: Entity[], id: string): Entity {
  const entity = entities.find(
    e => (e.spec?.zone as { id?: string } | undefined)?.id === id,
  );
  if (!entity) throw new Error(`no zone ${id}`);
  return entity;
}

function statusOf(entities: Entity[], name: string): string | undefined {
  return byName(entities, name).metadata.annotations?.[
    'aws-platform-suite.github.io/delegation-status'
  ];
}

function zone(
  id: string,
  name: string,
  fields: Partial<HostedZoneRecord> = {},
): HostedZoneRecord {
  return {
    id,
    name,
    privateZone: false,
    recordCount: 2,
    nameServers: [
      `ns-1.${id.toLowerCase()}.net`,
      `ns-2.${id.toLowerCase()}.org`,
    ],
    delegations: [],
    tags: {},
    ...fields,
  };
}

describe('zonesToEntities', () => {
  const entities = zonesToEntities(hostedZoneScopes, mappingContext, {
    allScopesRead: true,
  });

  it('emits one valid Resource with a unique name per zone', async () => {
    expect(entities.map(e => e.metadata.name)).toEqual([
      ROOT,
      PRIVATE_ZONE,
      PRODUCTION_ZONE,
      SANDBOX_ZONE,
      DEV_ZONE,
      BRAND_ZONE,
    ]);
    for (const entity of entities) {
      await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
    }
    expect(new Set(entities.map(e => e.metadata.name)).size).toBe(6);
  });

  it('maps the root zone with its ARN, scope, console link and tag owner', () => {
    const root = byName(entities, ROOT);
    expect(root.metadata.title).toBe('example.com');
    expect(root.metadata.description).toBe(
      'Public Route 53 hosted zone in the account Network (454948083136). Root zone, managed in hosted-zones/example.com',
    );
    expect(root.metadata.tags).toEqual(['aws', 'route53', 'public']);
    expect(root.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': mappingContext.locationRef,
      'backstage.io/managed-by-origin-location': mappingContext.locationRef,
      'amazonaws.com/organization-id': mappingContext.organizationId,
      'amazonaws.com/account-id': NETWORK,
      'amazonaws.com/arn': 'arn:aws:route53:::hostedzone/Z04171842Q5TN8GJTMVN6',
      'aws-platform-suite.github.io/ingestion-scope': `route53:${NETWORK}`,
      'aws-platform-suite.github.io/owner-source': 'tag',
      'aws-platform-suite.github.io/delegation-status': 'no-parent',
    });
    expect(root.metadata.links).toEqual([
      {
        url: 'https://us-east-1.console.aws.amazon.com/route53/v2/hostedzones#ListRecordSets/Z04171842Q5TN8GJTMVN6',
        title: 'Hosted zone in the Route 53 console',
        icon: 'cloud',
      },
    ]);
    expect(root.spec).toEqual({
      type: 'dns-zone',
      owner: 'group:default/platform-team',
      partOf: `resource:default/account-${NETWORK}`,
      zone: {
        id: 'Z04171842Q5TN8GJTMVN6',
        name: 'example.com',
        private: false,
        recordCount: 7,
        nameServers: [
          'ns-1536.awsdns-00.co.uk',
          'ns-0.awsdns-00.com',
          'ns-1024.awsdns-00.org',
          'ns-512.awsdns-00.net',
        ],
        delegation: { status: 'no-parent', missing: [], extra: [] },
      },
    });
  });

  it('finds the parent in another account and reports a matching delegation as in sync', () => {
    const production = byName(entities, PRODUCTION_ZONE);
    expect(production.spec?.owner).toBe('group:default/payments-team');
    expect(production.spec?.partOf).toBe(
      `resource:default/account-${PRODUCTION}`,
    );
    expect(production.spec?.dependsOn).toEqual([`resource:default/${ROOT}`]);
    expect(production.spec?.zone).toMatchObject({
      delegation: {
        parentZone: `resource:default/${ROOT}`,
        parentZoneName: 'example.com',
        status: 'in-sync',
        missing: [],
        extra: [],
      },
    });
    expect(statusOf(entities, PRODUCTION_ZONE)).toBe('in-sync');
  });

  it('reports drift with the replaced server, and takes the owner from the account without a tag', () => {
    const sandbox = byName(entities, SANDBOX_ZONE);
    expect(sandbox.spec?.owner).toBe('group:default/app-developers');
    expect(
      sandbox.metadata.annotations?.[
        'aws-platform-suite.github.io/owner-source'
      ],
    ).toBe('account');
    expect(sandbox.spec?.partOf).toBe(`resource:default/account-${SANDBOX}`);
    expect(sandbox.spec?.zone).toMatchObject({
      delegation: {
        parentZone: `resource:default/${ROOT}`,
        status: 'drift',
        missing: ['ns-622.awsdns-14.net'],
        extra: ['ns-9999.awsdns-99.net'],
      },
    });
    expect(statusOf(entities, SANDBOX_ZONE)).toBe('drift');
  });

  it('takes the closest parent and reports a missing NS record as not delegated', () => {
    const dev = byName(entities, DEV_ZONE);
    expect(dev.spec?.dependsOn).toEqual([`resource:default/${SANDBOX_ZONE}`]);
    expect(dev.spec?.zone).toMatchObject({
      delegation: {
        parentZoneName: 'sandbox.example.com',
        status: 'not-delegated',
        missing: [
          'ns-1990.awsdns-56.co.uk',
          'ns-412.awsdns-51.com',
          'ns-1333.awsdns-38.org',
          'ns-903.awsdns-48.net',
        ],
        extra: [],
      },
    });
  });

  it('never gives a private zone a public parent', () => {
    const internal = byName(entities, PRIVATE_ZONE);
    expect(internal.metadata.tags).toEqual(['aws', 'route53', 'private']);
    expect(internal.metadata.description).toMatch(/^Private Route 53/);
    expect(internal.spec?.dependsOn).toBeUndefined();
    expect(statusOf(entities, PRIVATE_ZONE)).toBe('no-parent');
  });

  it('says no-parent only when every account was read, unknown otherwise', () => {
    expect(statusOf(entities, BRAND_ZONE)).toBe('no-parent');
    expect(byName(entities, BRAND_ZONE).spec?.dependsOn).toBeUndefined();

    const partial = zonesToEntities(hostedZoneScopes, mappingContext, {
      allScopesRead: false,
    });
    expect(statusOf(partial, BRAND_ZONE)).toBe('unknown');
    expect(statusOf(partial, ROOT)).toBe('unknown');
    // Found parents and private zones do not depend on the other accounts.
    expect(statusOf(partial, SANDBOX_ZONE)).toBe('drift');
    expect(statusOf(partial, PRIVATE_ZONE)).toBe('no-parent');
  });

  it('skips zones of unknown accounts with a warning, and their children become unknown', () => {
    const warn = jest.fn();
    const scopes: ZoneScope[] = [
      { ...hostedZoneScopes[0], accountId: '999999999999' },
      hostedZoneScopes[1],
    ];
    const result = zonesToEntities(scopes, mappingContext, {
      allScopesRead: true,
      warn,
    });
    expect(result.map(e => e.metadata.name)).toEqual([PRODUCTION_ZONE]);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('Z04171842Q5TN8GJTMVN6'),
    );
    expect(statusOf(result, PRODUCTION_ZONE)).toBe('unknown');
  });

  it('does not blame a parent that delegates an intermediate name elsewhere', () => {
    const scopes: ZoneScope[] = [
      {
        accountId: NETWORK,
        zones: [
          zone('ZROOT', 'example.com', {
            delegations: [
              { name: 'team.example.com', nameServers: ['ns1.partner.net'] },
            ],
          }),
        ],
      },
      { accountId: PRODUCTION, zones: [zone('ZAPI', 'api.team.example.com')] },
    ];
    const result = zonesToEntities(scopes, mappingContext, {
      allScopesRead: true,
    });
    expect(byZoneId(result, 'ZAPI').metadata.annotations?.[DELEGATION]).toBe(
      'no-parent',
    );
    expect(byZoneId(result, 'ZAPI').spec?.dependsOn).toBeUndefined();
  });

  it('among same-named parents, picks the one that delegates to the zone', () => {
    const child = zone('ZCHILD', 'production.example.com');
    const scopes: ZoneScope[] = [
      { accountId: NETWORK, zones: [zone('ZA', 'example.com')] },
      {
        accountId: SANDBOX,
        zones: [
          zone('ZB', 'example.com', {
            delegations: [
              {
                name: 'production.example.com',
                nameServers: child.nameServers,
              },
            ],
          }),
        ],
      },
      { accountId: PRODUCTION, zones: [child] },
    ];
    const result = zonesToEntities(scopes, mappingContext, {
      allScopesRead: true,
    });
    expect(byZoneId(result, 'ZCHILD').spec?.dependsOn).toEqual([
      stringifyEntityRef(byZoneId(result, 'ZB')),
    ]);
    expect(byZoneId(result, 'ZCHILD').metadata.annotations?.[DELEGATION]).toBe(
      'in-sync',
    );
  });

  it('gives a private zone a private parent of its own account only', () => {
    const scopes: ZoneScope[] = [
      {
        accountId: NETWORK,
        zones: [zone('ZOTHER', 'corp.internal', { privateZone: true })],
      },
      {
        accountId: PRODUCTION,
        zones: [
          zone('ZPARENT', 'internal', { privateZone: true }),
          zone('ZAPP', 'app.corp.internal', { privateZone: true }),
        ],
      },
    ];
    const result = zonesToEntities(scopes, mappingContext, {
      allScopesRead: false,
    });
    expect(byZoneId(result, 'ZAPP').spec?.dependsOn).toEqual([
      stringifyEntityRef(byZoneId(result, 'ZPARENT')),
    ]);
    expect(byZoneId(result, 'ZAPP').metadata.annotations?.[DELEGATION]).toBe(
      'not-delegated',
    );
    expect(byZoneId(result, 'ZOTHER').metadata.annotations?.[DELEGATION]).toBe(
      'no-parent',
    );
  });

  it('names zones by domain name and a hash of the zone id, so same-named zones stay apart', async () => {
    const scopes: ZoneScope[] = [
      { accountId: NETWORK, zones: [zone('Z1D633PJN98FT9', 'example.com')] },
      {
        accountId: PRODUCTION,
        zones: [
          zone('Z2FDTNDATAQYW2', 'example.com'),
          zone('Z3AADJGX6KTTL2', 'example.com', { privateZone: true }),
          zone('Z4DNSEXAMPLE01', 'a-b.example.com'),
          zone('Z5DNSEXAMPLE02', 'a.b.example.com'),
          zone('Z6DNSEXAMPLE03', `${'blue-green-'.repeat(6)}v12.example.com`),
          zone('Z7DNSEXAMPLE04', `${'blue-green-'.repeat(6)}v13.example.com`),
        ],
      },
    ];
    const result = zonesToEntities(scopes, mappingContext, {
      allScopesRead: true,
    });
    const names = result.map(e => e.metadata.name);
    expect(new Set(names).size).toBe(7);
    expect(names[0]).toMatch(/^example-com-[0-9a-f]{8}$/);
    expect(names[3]).toMatch(/^a-b-example-com-[0-9a-f]{8}$/);
    const policy = new FieldFormatEntityPolicy();
    for (const entity of result) {
      await expect(policy.enforce(entity)).resolves.toBe(entity);
    }
  });
});
