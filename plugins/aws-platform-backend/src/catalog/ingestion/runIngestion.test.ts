import { Entity } from '@backstage/catalog-model';
import { organizationSnapshot } from '../__fixtures__/organizationSnapshot';
import { testIngestionConfig } from '../__fixtures__/ingestionConfig';
import { CatalogMemory } from './catalogMemory';
import { ResourceReaders } from './resourceReaders';
import { runIngestion } from './runIngestion';

const config = testIngestionConfig({ regions: ['us-east-1', 'eu-west-1'] });

// Accounts of the fixture that are ACTIVE (one is SUSPENDED and is not read).
const ACTIVE = ['123456789012', '111111111111', '222222222222'];

function readers(
  overrides: Partial<ResourceReaders> = {},
): ResourceReaders & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    route53: async accountId => {
      calls.push(`route53:${accountId}`);
      return [];
    },
    eks: async (accountId, region) => {
      calls.push(`eks:${accountId}:${region}`);
      return [];
    },
    backup: async (accountId, region) => {
      calls.push(`backup:${accountId}:${region}`);
      return { vaults: [], plans: [] };
    },
    ...overrides,
  };
}

function memory(
  options: { kept?: Entity[]; previous?: number; fail?: boolean } = {},
): CatalogMemory & {
  asked: string[][];
} {
  const asked: string[][] = [];
  return {
    asked,
    entitiesOfScopes: async scopes => {
      asked.push([...scopes]);
      if (options.fail) throw new Error('catalog unavailable');
      return options.kept ?? [];
    },
    countFromLocation: async () => options.previous,
  };
}

const keptCluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'acme-production-v1-222222222222-us-east-1',
    annotations: {
      'aws-platform.io/ingestion-scope': 'eks:222222222222:us-east-1',
    },
  },
  spec: {
    type: 'kubernetes-cluster',
    owner: 'group:default/app-developers',
    partOf: 'resource:default/production-222222222222',
  },
};

describe('runIngestion', () => {
  it('reads every scope of every active account and emits the organization', async () => {
    const r = readers();
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: r,
      memory: memory(),
      today: new Date('2026-11-25'),
    });

    expect(r.calls.sort()).toEqual(
      ACTIVE.flatMap(id => [
        `route53:${id}`,
        `eks:${id}:us-east-1`,
        `eks:${id}:eu-west-1`,
        `backup:${id}:us-east-1`,
        `backup:${id}:eu-west-1`,
      ]).sort(),
    );
    expect(run.failures).toEqual([]);
    expect(run.scopeCount).toBe(15);
    expect(run.entities?.map(e => e.metadata.name)).toContain(
      'production-222222222222',
    );
    const production = run.entities?.find(
      e => e.metadata.name === 'production-222222222222',
    );
    expect(production?.spec?.summary).toEqual({
      zones: 0,
      clusters: 0,
      vaults: 0,
      plans: 0,
      driftedZones: 0,
      unsupportedClusters: 0,
    });
    expect(
      production?.metadata.annotations?.['aws-platform.io/backup-coverage'],
    ).toBe('no-plan');
  });

  it('keeps the entities of a failed scope from the last good run and reports the scope', async () => {
    const m = memory({ kept: [keptCluster] });
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers({
        eks: async (accountId, region) => {
          if (accountId === '222222222222' && region === 'us-east-1') {
            throw Object.assign(new Error('Rate exceeded'), {
              name: 'ThrottlingException',
            });
          }
          return [];
        },
      }),
      memory: m,
      today: new Date('2026-11-25'),
    });

    expect(m.asked).toEqual([['eks:222222222222:us-east-1']]);
    expect(run.failures).toEqual([
      {
        scope: 'eks:222222222222:us-east-1',
        errorName: 'ThrottlingException',
        message: 'Rate exceeded',
      },
    ]);
    expect(run.keptCount).toBe(1);
    expect(run.entities).toContainEqual(keptCluster);
    const production = run.entities?.find(
      e => e.metadata.name === 'production-222222222222',
    );
    expect(production?.spec?.summary).toMatchObject({ clusters: 1 });
  });

  it('keeps the backup coverage unknown when the account backups could not be read', async () => {
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers({
        backup: async accountId => {
          if (accountId === '222222222222') throw new Error('AccessDenied');
          return { vaults: [], plans: [] };
        },
      }),
      memory: memory(),
      today: new Date('2026-11-25'),
    });
    const production = run.entities?.find(
      e => e.metadata.name === 'production-222222222222',
    );
    expect(
      production?.metadata.annotations?.['aws-platform.io/backup-coverage'],
    ).toBe('unknown');
  });

  it('applies nothing when the organization cannot be read', async () => {
    const r = readers();
    const run = await runIngestion({
      config,
      readOrganization: async () => {
        throw Object.assign(new Error('not authorized'), {
          name: 'AccessDeniedException',
        });
      },
      readers: r,
      memory: memory(),
      today: new Date(),
    });
    expect(run.entities).toBeUndefined();
    expect(run.failures).toEqual([
      {
        scope: 'organization',
        errorName: 'AccessDeniedException',
        message: 'not authorized',
      },
    ]);
    expect(r.calls).toEqual([]);
  });

  it('applies nothing when the organization does not answer at the end of the run', async () => {
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      confirmOrganization: async () => {
        throw Object.assign(new Error('not in use'), {
          name: 'AWSOrganizationsNotInUseException',
        });
      },
      readers: readers(),
      memory: memory(),
      today: new Date(),
    });
    expect(run.entities).toBeUndefined();
    expect(run.failures).toEqual([
      {
        scope: 'organization',
        errorName: 'AWSOrganizationsNotInUseException',
        message: 'not in use',
      },
    ]);
  });

  it('applies nothing when the run ends in another organization', async () => {
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      confirmOrganization: async () => 'o-otherorgid',
      readers: readers(),
      memory: memory(),
      today: new Date(),
    });
    expect(run.entities).toBeUndefined();
    expect(run.failures).toEqual([
      expect.objectContaining({
        scope: 'organization',
        errorName: 'OrganizationChanged',
      }),
    ]);
  });

  it('applies the run when the organization is confirmed', async () => {
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      confirmOrganization: async () => organizationSnapshot.organizationId,
      readers: readers(),
      memory: memory(),
      today: new Date(),
    });
    expect(run.failures).toEqual([]);
    expect(run.entities?.length).toBeGreaterThan(0);
  });

  it('applies nothing when failed scopes cannot be kept', async () => {
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers({
        route53: async () => Promise.reject(new Error('endpoint down')),
      }),
      memory: memory({ fail: true }),
      today: new Date(),
    });
    expect(run.entities).toBeUndefined();
    expect(run.failures.map(f => f.scope)).toContain('catalog');
  });

  it('refuses a run that would remove more than the allowed share', async () => {
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers(),
      memory: memory({ previous: 100 }),
      today: new Date(),
    });
    expect(run.entities).toBeUndefined();
    expect(run.failures).toEqual([
      expect.objectContaining({
        scope: 'removal-guard',
        message: expect.stringContaining('of 100 entities'),
      }),
    ]);
  });

  it('reads no resources of excluded accounts and of services turned off', async () => {
    const r = readers();
    await runIngestion({
      config: {
        ...config,
        services: ['route53'],
        excludeAccountIds: ['111111111111'],
      },
      readOrganization: async () => organizationSnapshot,
      readers: r,
      memory: memory(),
      today: new Date(),
    });
    expect(r.calls.sort()).toEqual([
      'route53:123456789012',
      'route53:222222222222',
    ]);
  });
});
