import { ConfigReader } from '@backstage/config';
import { readIngestionConfig, readIngestionConfigs } from './ingestionConfig';

const withProvider = (awsPlatform: object) =>
  new ConfigReader({ catalog: { providers: { awsPlatform } } });

describe('readIngestionConfig', () => {
  it('is off when the section is absent', () => {
    expect(readIngestionConfig(new ConfigReader({}))).toBeUndefined();
  });

  it('fills in defaults', () => {
    expect(
      readIngestionConfig(withProvider({ defaultOwner: 'platform-team' })),
    ).toEqual({
      id: 'default',
      organization: { accountId: undefined, region: 'us-east-1' },
      defaultOwner: 'platform-team',
      ownerTagKey: 'owner',
      roleTagKey: 'aws-platform/role',
      roleOwners: {},
      roleOverrides: {},
      concurrency: 4,
      services: ['route53', 'eks', 'backup', 'ecr'],
      accountConcurrency: 16,
      excludeAccountIds: [],
      maxRemovalShare: 0.25,
      kubernetesRoleName: undefined,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 20 } },
    });
  });

  it('reads no regions by default, so each account is read in the regions it has enabled', () => {
    const config = readIngestionConfig(withProvider({ defaultOwner: 'x' }));
    expect(config).not.toHaveProperty('regions');
  });

  it('takes configured regions as an override for every account', () => {
    expect(
      readIngestionConfig(
        withProvider({
          defaultOwner: 'x',
          regions: ['us-east-1', 'us-west-2', 'us-east-1'],
        }),
      )?.regions,
    ).toEqual(['us-east-1', 'us-west-2']);
  });

  it('refuses an empty region list and names that are not regions', () => {
    expect(() =>
      readIngestionConfig(withProvider({ defaultOwner: 'x', regions: [] })),
    ).toThrow('regions is empty');
    expect(() =>
      readIngestionConfig(
        withProvider({ defaultOwner: 'x', regions: ['us-east-1', 'Europe'] }),
      ),
    ).toThrow("regions[1]: 'Europe' is not an AWS region name");
  });

  it('reads owners and overrides per role', () => {
    const config = readIngestionConfig(
      withProvider({
        defaultOwner: 'platform-team',
        roleOwners: { network: 'group:default/network-team' },
        roleOverrides: [{ accountId: '210987654321', role: 'backup' }],
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
      }),
    );
    expect(config?.roleOwners).toEqual({
      network: 'group:default/network-team',
    });
    expect(config?.roleOverrides).toEqual({ '210987654321': 'backup' });
    expect(config?.schedule.frequency).toEqual({ minutes: 5 });
  });

  it('rejects unknown roles, bad account ids and a missing default owner', () => {
    expect(() =>
      readIngestionConfig(
        withProvider({ defaultOwner: 'x', roleOwners: { billing: 'y' } }),
      ),
    ).toThrow("roleOwners: 'billing' is not an account role");
    expect(() =>
      readIngestionConfig(
        withProvider({
          defaultOwner: 'x',
          roleOverrides: [{ accountId: '12', role: 'network' }],
        }),
      ),
    ).toThrow('not a 12-digit AWS account id');
    expect(() => readIngestionConfig(withProvider({}))).toThrow(/defaultOwner/);
    expect(() =>
      readIngestionConfig(withProvider({ defaultOwner: 'x', concurrency: 0 })),
    ).toThrow('concurrency');
    expect(() =>
      readIngestionConfig(
        withProvider({ defaultOwner: 'x', services: ['s3'] }),
      ),
    ).toThrow("services[0]: 's3' is not one of route53, eks, backup, ecr");
    expect(() =>
      readIngestionConfig(
        withProvider({ defaultOwner: 'x', maxRemovalShare: 2 }),
      ),
    ).toThrow('maxRemovalShare');
  });

  it('reads the organization the catalog may move away from, and checks it', () => {
    expect(
      readIngestionConfig(
        withProvider({
          defaultOwner: 'x',
          organization: { allowChangeFrom: 'o-a1b2c3d4e5' },
        }),
      )?.organization,
    ).toEqual({
      accountId: undefined,
      region: 'us-east-1',
      allowChangeFrom: 'o-a1b2c3d4e5',
    });
    expect(() =>
      readIngestionConfig(
        withProvider({
          defaultOwner: 'x',
          organization: { allowChangeFrom: '123456789012' },
        }),
      ),
    ).toThrow("allowChangeFrom: '123456789012' is not an AWS organization id");
  });

  it('reads the Control Tower landing zone only when turned on, in its home region', () => {
    const organizationOf = (organization: object) =>
      readIngestionConfig(withProvider({ defaultOwner: 'x', organization }))
        ?.organization;
    expect(organizationOf({})).not.toHaveProperty('controlTowerRegion');
    expect(
      organizationOf({ controlTower: { enabled: false, region: 'eu-west-1' } }),
    ).not.toHaveProperty('controlTowerRegion');
    expect(
      organizationOf({ region: 'us-west-2', controlTower: { enabled: true } }),
    ).toMatchObject({ controlTowerRegion: 'us-west-2' });
    expect(
      organizationOf({ controlTower: { enabled: true, region: 'eu-west-1' } }),
    ).toMatchObject({ region: 'us-east-1', controlTowerRegion: 'eu-west-1' });
  });
});

describe('readIngestionConfigs', () => {
  it('is empty when the section is absent', () => {
    expect(readIngestionConfigs(new ConfigReader({}))).toEqual([]);
  });

  it('reads the single-object form as id default', () => {
    const configs = readIngestionConfigs(
      withProvider({ defaultOwner: 'platform-team', regions: ['us-east-1'] }),
    );
    expect(configs.map(c => [c.id, c.defaultOwner, c.regions])).toEqual([
      ['default', 'platform-team', ['us-east-1']],
    ]);
  });

  it('reads one section per organization id, each with its own settings', () => {
    const configs = readIngestionConfigs(
      withProvider({
        prod: {
          defaultOwner: 'group:default/platform',
          organization: { accountId: '111111111111' },
          schedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
        },
        acquired: {
          defaultOwner: 'group:default/acquired',
          organization: { accountId: '222222222222' },
        },
      }),
    );
    expect(
      configs.map(c => [
        c.id,
        c.defaultOwner,
        c.organization.accountId,
        c.schedule.frequency,
      ]),
    ).toEqual([
      ['prod', 'group:default/platform', '111111111111', { minutes: 10 }],
      ['acquired', 'group:default/acquired', '222222222222', { minutes: 30 }],
    ]);
    // readIngestionConfig, for one-organization tools: the first.
    expect(
      readIngestionConfig(withProvider({ a: { defaultOwner: 'x' } }))?.id,
    ).toBe('a');
  });

  it('names the id’s key in a mistake, and refuses ids that cannot name a task', () => {
    expect(() =>
      readIngestionConfigs(
        withProvider({ prod: { defaultOwner: 'x', maxRemovalShare: 2 } }),
      ),
    ).toThrow('catalog.providers.awsPlatform.prod.maxRemovalShare');
    expect(() =>
      readIngestionConfigs(withProvider({ Prod_1: { defaultOwner: 'x' } })),
    ).toThrow("'Prod_1' is not a provider id");
    expect(() => readIngestionConfigs(withProvider({ prod: {} }))).toThrow(
      /defaultOwner/,
    );
  });
});
