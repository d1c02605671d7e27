import type { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { chosenAccount, pickerFilter, pickerOptions } from './pickerOptions';

const SUITE = { 'aws-platform-suite.github.io/suite-entity': 'true' };
const SANDBOX_REF = 'resource:default/account-171870262174';

function account(id: string, title: string, role: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `account-${id}`,
      namespace: 'default',
      title,
      labels: { ...SUITE, 'aws-platform-suite.github.io/account-role': role },
      annotations: { 'amazonaws.com/account-id': id },
    },
    spec: { type: 'aws-account', owner: 'group:default/platform' },
  };
}

function cluster(name: string, accountId: string, region: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${name}-${accountId}-${region}`,
      namespace: 'default',
      title: name,
      labels: SUITE,
      annotations: {
        'amazonaws.com/account-id': accountId,
        'aws-platform-suite.github.io/region': region,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
    // As the catalog stores spec.partOf once processed.
    relations: [
      { type: 'partOf', targetRef: `resource:default/account-${accountId}` },
    ],
  };
}

describe('pickerFilter', () => {
  it('waits for the account field, then asks for that account’s resources', () => {
    const options = { type: 'kubernetes-cluster', accountField: 'account' };
    expect(pickerFilter(options, {})).toBeUndefined();
    expect(pickerFilter(options, { account: 'not a ref at all/' })).toEqual(
      undefined,
    );
    expect(pickerFilter(options, { account: 'account-171870262174' })).toEqual({
      kind: 'Resource',
      'spec.type': 'kubernetes-cluster',
      'metadata.labels.aws-platform-suite.github.io/suite-entity': 'true',
      'relations.partOf': SANDBOX_REF,
    });
  });

  it('narrows accounts to roles', () => {
    expect(
      pickerFilter({ type: 'aws-account', accountRoles: ['sandbox'] }, {}),
    ).toMatchObject({
      'metadata.labels.aws-platform-suite.github.io/account-role': ['sandbox'],
    });
  });

  it('finds only the suite’s workload accounts in a catalog', async () => {
    const lookAlike = account('111111111111', 'Sandbox copy', 'sandbox');
    delete lookAlike.metadata.labels![
      'aws-platform-suite.github.io/suite-entity'
    ];
    const catalog = catalogApiMock({
      entities: [
        account('171870262174', 'Sandbox', 'sandbox'),
        account('454948083136', 'Network', 'network'),
        account('000000000000', 'Management', 'management'),
        lookAlike,
      ],
    });
    const filter = pickerFilter(
      { type: 'aws-account', accountRoles: ['production', 'sandbox'] },
      {},
    );
    const { items } = await catalog.getEntities({ filter });
    expect(pickerOptions(items).map(entry => entry.label)).toEqual([
      'Sandbox (171870262174)',
    ]);
  });

  it('finds only the chosen account’s clusters in a catalog', async () => {
    const catalog = catalogApiMock({
      entities: [
        cluster('acme-sandbox-v1', '171870262174', 'us-east-1'),
        cluster('acme-production-v1', '715451680876', 'us-east-1'),
        // A look-alike registered by hand: no suite label.
        {
          ...cluster('acme-sandbox-v2', '171870262174', 'us-east-1'),
          metadata: { name: 'look-alike', namespace: 'default' },
        },
      ],
    });
    const filter = pickerFilter(
      { type: 'kubernetes-cluster', accountField: 'account' },
      { account: SANDBOX_REF },
    );
    const { items } = await catalog.getEntities({ filter });
    expect(pickerOptions(items)).toEqual([
      {
        ref: 'resource:default/acme-sandbox-v1-171870262174-us-east-1',
        label: 'acme-sandbox-v1 (us-east-1)',
      },
    ]);
  });
});

describe('pickerOptions', () => {
  it('reads "Name (id)", sorted', () => {
    expect(
      pickerOptions([
        account('715451680876', 'Production', 'production'),
        account('171870262174', 'Sandbox', 'sandbox'),
      ]).map(entry => entry.label),
    ).toEqual(['Production (715451680876)', 'Sandbox (171870262174)']);
  });

  it('tells apart entries that would read the same', () => {
    const labels = pickerOptions([
      cluster('web', '171870262174', 'us-east-1'),
      cluster('web', '715451680876', 'us-east-1'),
      cluster('web', '715451680876', 'eu-west-1'),
    ]).map(entry => entry.label);
    expect(labels).toEqual([
      'web (eu-west-1)',
      'web (us-east-1), account 171870262174',
      'web (us-east-1), account 715451680876',
    ]);
    expect(new Set(labels).size).toBe(3);
  });

  it('falls back to the entity name when even the account is shared', () => {
    const twin = cluster('web', '171870262174', 'us-east-1');
    const labels = pickerOptions([
      twin,
      { ...twin, metadata: { ...twin.metadata, name: 'web-copy' } },
    ]).map(entry => entry.label);
    expect(new Set(labels).size).toBe(2);
    expect(labels).toContain('web (us-east-1), account 171870262174, web-copy');
  });
});

describe('chosenAccount', () => {
  it('reads short and full refs, and nothing else', () => {
    expect(chosenAccount('account-1')).toBe('resource:default/account-1');
    expect(chosenAccount(SANDBOX_REF)).toBe(SANDBOX_REF);
    expect(chosenAccount(undefined)).toBeUndefined();
    expect(chosenAccount(42)).toBeUndefined();
  });
});
