import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_AWS_ACCOUNT_ID } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { organizationSnapshot } from '../__fixtures__/organizationSnapshot';
import type { OrganizationSnapshot } from '../organization/types';
import { organizationToEntities } from '../organization/organizationEntities';
import { testIngestionConfig } from '../__fixtures__/ingestionConfig';
import { CatalogMemory } from './catalogMemory';
import { LastAppliedRun } from './removalGuard';
import { ResourceReaders } from './resourceReaders';
import { IngestionRun, runIngestion } from './runIngestion';

const config = testIngestionConfig({ regions: ['us-east-1', 'eu-west-1'] });

// Accounts of the fixture that are ACTIVE (one is SUSPENDED and is not read).
const ACTIVE = ['123456789012', '111111111111', '222222222222'];
const PRODUCTION = '222222222222';

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
    ecr: async (accountId, region) => {
      calls.push(`ecr:${accountId}:${region}`);
      return [];
    },
    ...overrides,
  };
}

function memory(
  options: {
    kept?: Entity[];
    last?: LastAppliedRun;
    fail?: boolean;
    lastUnknown?: boolean;
  } = {},
): CatalogMemory & {
  asked: Array<{ scopes: string[]; organizationId: string }>;
} {
  const asked: Array<{ scopes: string[]; organizationId: string }> = [];
  return {
    asked,
    entitiesOfScopes: async (scopes, organizationId) => {
      asked.push({ scopes: [...scopes], organizationId });
      if (options.fail) throw new Error('catalog unavailable');
      return options.kept ?? [];
    },
    lastAppliedRun: async () => {
      if (options.lastUnknown) {
        throw Object.assign(new Error('connect ECONNREFUSED'), {
          name: 'FetchError',
        });
      }
      return options.last ?? { organizationIds: [], refs: new Set() };
    },
  };
}

/** The refs a fault-free run of the fixture emits: the catalog after it. */
async function appliedRun(): Promise<LastAppliedRun> {
  const run = await runIngestion({
    config,
    readOrganization: async () => organizationSnapshot,
    readers: readers(),
    memory: memory(),
    today: new Date('2026-11-25'),
  });
  return {
    organizationIds: [organizationSnapshot.organizationId],
    refs: new Set(run.entities!.map(e => stringifyEntityRef(e))),
  };
}

/** The Production account's entity ref, whatever the naming scheme. */
function productionRef(): string {
  const production = organizationToEntities(organizationSnapshot, {
    ...config,
    locationRef: 'aws-platform:organization/o-test',
  }).find(
    e => e.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] === PRODUCTION,
  );
  return stringifyEntityRef(production!);
}

/** The Production account's entity in a run. */
function productionOf(run: IngestionRun): Entity | undefined {
  return run.entities?.find(
    e =>
      e.spec?.type === 'aws-account' &&
      e.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] === PRODUCTION,
  );
}

const keptCluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'acme-production-v1-222222222222-us-east-1',
    annotations: {
      'aws-platform-suite.github.io/ingestion-scope':
        'eks:222222222222:us-east-1',
    },
  },
  spec: {
    type: 'kubernetes-cluster',
    owner: 'group:default/app-developers',
    partOf: productionRef(),
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
    const production = productionOf(run);
    expect(production).toBeDefined();
    expect(production?.spec?.summary).toEqual({
      zones: 0,
      clusters: 0,
      vaults: 0,
      plans: 0,
      driftedZones: 0,
      unsupportedClusters: 0,
    });
    expect(
      production?.metadata.annotations?.[
        'aws-platform-suite.github.io/backup-coverage'
      ],
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

    expect(m.asked).toEqual([
      {
        scopes: ['eks:222222222222:us-east-1'],
        organizationId: organizationSnapshot.organizationId,
      },
    ]);
    expect(run.failures).toEqual([
      {
        scope: 'eks:222222222222:us-east-1',
        errorName: 'ThrottlingException',
        message: 'Rate exceeded',
      },
    ]);
    expect(run.keptCount).toBe(1);
    expect(run.entities).toContainEqual(keptCluster);
    const production = productionOf(run);
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
    const production = productionOf(run);
    expect(
      production?.metadata.annotations?.[
        'aws-platform-suite.github.io/backup-coverage'
      ],
    ).toBe('unknown');
  });

  it('reports a backup scope whose selections are unknown as a partial read, not a failure', async () => {
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers({
        backup: async (accountId, region) => ({
          vaults: [],
          plans:
            accountId === '222222222222' && region === 'us-east-1'
              ? [
                  {
                    id: 'p1',
                    arn: 'arn:aws:backup:us-east-1:222222222222:backup-plan:p1',
                    name: 'daily',
                    region,
                    accountId,
                    rules: [],
                    tags: {},
                    selectionsUnread: {
                      errorName: 'AccessDeniedException',
                      message: 'not authorized',
                    },
                  },
                ]
              : [],
        }),
      }),
      memory: memory(),
      today: new Date(),
    });
    expect(run.failures).toEqual([]);
    expect(run.partialReads).toEqual([
      {
        scope: 'backup:222222222222:us-east-1',
        errorName: 'AccessDeniedException',
        message: expect.stringContaining(
          'selections of 1 of 1 plans are unknown (daily)',
        ),
      },
    ]);
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

  it('refuses a run that would remove more than the allowed share of the last run', async () => {
    const last = await appliedRun();
    const gone = [...last.refs].slice(0, 3);
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers(),
      // The catalog holds as many others as this run has: net change 0.
      memory: memory({
        last: {
          ...last,
          refs: new Set([
            ...[...last.refs].slice(3),
            ...gone.map(ref => `${ref}-renamed`),
          ]),
        },
      }),
      today: new Date(),
    });
    expect(run.entities).toBeUndefined();
    expect(run.failures).toEqual([
      expect.objectContaining({
        scope: 'removal-guard',
        errorName: 'RemovalRefused',
        message: expect.stringContaining(`remove 3 of the ${last.refs.size}`),
      }),
    ]);
  });

  it('applies a run that renames every entity of the last run, its AWS resources unchanged', async () => {
    const first = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers(),
      memory: memory(),
      today: new Date(),
    });
    // The catalog holds the same resources under an older naming scheme.
    const arnOf = new Map(
      first.entities!.map(e => [
        `${stringifyEntityRef(e)}-old-name`,
        e.metadata.annotations!['amazonaws.com/arn'],
      ]),
    );
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers(),
      memory: memory({
        last: {
          organizationIds: [organizationSnapshot.organizationId],
          refs: new Set(arnOf.keys()),
          arnOf,
        },
      }),
      today: new Date(),
    });
    expect(run.failures).toEqual([]);
    expect(run.entities).toHaveLength(first.entities!.length);
  });

  it('applies nothing when the last applied run cannot be read from the catalog', async () => {
    const run = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers(),
      memory: memory({ lastUnknown: true }),
      today: new Date(),
    });
    expect(run.entities).toBeUndefined();
    expect(run.failures).toEqual([
      expect.objectContaining({ scope: 'catalog', errorName: 'FetchError' }),
    ]);
  });

  it('refuses a run of another organization than the last applied one, unless config allows the move', async () => {
    const last = await appliedRun();
    const otherOrganization: LastAppliedRun = {
      organizationIds: ['o-zzzzzzzzzz'],
      refs: new Set(['resource:default/production-999999999999']),
    };
    const refused = await runIngestion({
      config,
      readOrganization: async () => organizationSnapshot,
      readers: readers(),
      memory: memory({ last: otherOrganization }),
      today: new Date(),
    });
    expect(refused.entities).toBeUndefined();
    expect(refused.failures).toEqual([
      expect.objectContaining({
        scope: 'removal-guard',
        errorName: 'OrganizationChanged',
      }),
    ]);

    const moved = await runIngestion({
      config: {
        ...config,
        organization: {
          ...config.organization,
          allowChangeFrom: 'o-zzzzzzzzzz',
        },
      },
      readOrganization: async () => organizationSnapshot,
      readers: readers(),
      memory: memory({ last: otherOrganization }),
      today: new Date(),
    });
    expect(moved.failures).toEqual([]);
    expect(moved.entities?.length).toBe(last.refs.size);
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

  describe('roles from what the accounts hold', () => {
    // Named, placed and tagged like nothing in the guide: only what each
    // account holds says which is Network, Backup and Operations.
    const HUB = '100000000001';
    const KEEP = '100000000002';
    const FORGE = '100000000003';
    const SHOP = '100000000004';
    const account = (id: string, name: string, parentId: string) => ({
      id,
      name,
      email: `${name}@globex.example`,
      arn: `arn:aws:organizations::100000000000:account/o-globex12345/${id}`,
      status: 'ACTIVE',
      parentId,
      tags: {},
    });
    const snapshot: OrganizationSnapshot = {
      organizationId: 'o-globex12345',
      organizationArn:
        'arn:aws:organizations::100000000000:organization/o-globex12345',
      managementAccountId: '100000000000',
      organizationalUnits: [
        { id: 'r-gl01', name: 'Root', arn: 'arn:root', tags: {} },
        {
          id: 'ou-gl01-plat',
          name: 'Platform',
          arn: 'arn:platform',
          parentId: 'r-gl01',
          tags: {},
        },
        {
          id: 'ou-gl01-prod',
          name: 'Prod',
          arn: 'arn:prod',
          parentId: 'r-gl01',
          tags: {},
        },
      ],
      accounts: [
        account('100000000000', 'globex-payer', 'r-gl01'),
        account(HUB, 'globex-hub', 'ou-gl01-plat'),
        account(KEEP, 'globex-keep', 'ou-gl01-plat'),
        account(FORGE, 'globex-forge', 'ou-gl01-plat'),
        account(SHOP, 'globex-shop', 'ou-gl01-prod'),
      ],
    };
    const zone = (name: string, delegations: string[] = []) => ({
      id: `Z${name.length}`,
      name,
      privateZone: false,
      recordCount: 2,
      nameServers: [`ns-1.${name}`],
      delegations: delegations.map(child => ({
        name: child,
        nameServers: [`ns-1.${child}`],
      })),
      tags: {},
    });
    const holdingReaders = (overrides: Partial<ResourceReaders> = {}) =>
      readers({
        route53: async accountId =>
          ({
            [HUB]: [zone('globex.example', ['shop.globex.example'])],
            [SHOP]: [zone('shop.globex.example')],
          }[accountId] ?? []),
        backup: async (accountId, region) => ({
          vaults: [],
          plans:
            accountId === SHOP
              ? [
                  {
                    id: 'p1',
                    arn: `arn:aws:backup:${region}:${SHOP}:backup-plan:p1`,
                    name: 'daily',
                    region,
                    accountId,
                    rules: [
                      {
                        name: 'daily',
                        targetVaultName: 'local',
                        copyActions: [
                          {
                            destinationVaultArn: `arn:aws:backup:${region}:${KEEP}:backup-vault:central`,
                          },
                        ],
                      },
                    ],
                    selections: [
                      { name: 'all', tagConditions: [], resources: ['*'] },
                    ],
                    tags: {},
                  },
                ]
              : [],
        }),
        ecr: async (accountId, region) =>
          accountId === FORGE
            ? [
                {
                  name: 'globex/shop',
                  arn: `arn:aws:ecr:${region}:${FORGE}:repository/globex/shop`,
                  accountId,
                  region,
                  policy: JSON.stringify({
                    Statement: [
                      {
                        Effect: 'Allow',
                        Principal: { AWS: `arn:aws:iam::${SHOP}:root` },
                        Action: 'ecr:BatchGetImage',
                      },
                    ],
                  }),
                },
              ]
            : [],
        ...overrides,
      });
    const holdingsConfig = testIngestionConfig({
      regions: ['us-east-1'],
      services: ['route53', 'eks', 'backup', 'ecr'],
    });
    const ingest = (r: ResourceReaders) =>
      runIngestion({
        config: holdingsConfig,
        readOrganization: async () => snapshot,
        readers: r,
        memory: memory(),
        today: new Date('2026-11-25'),
      });
    const accountOf = (run: IngestionRun, id: string) =>
      run.entities?.find(
        e =>
          e.spec?.type === 'aws-account' &&
          e.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] === id,
      );
    const roleOf = (run: IngestionRun, id: string) => {
      const entity = accountOf(run, id);
      return {
        role: entity?.metadata.labels?.[
          'aws-platform-suite.github.io/account-role'
        ],
        source:
          entity?.metadata.annotations?.[
            'aws-platform-suite.github.io/role-source'
          ],
      };
    };

    it('recognises Network, Backup and Operations, and maps the resources with those roles', async () => {
      const run = await ingest(holdingReaders());
      expect(run.failures).toEqual([]);
      expect(run.scopeCount).toBe(5 * 4);
      expect(roleOf(run, HUB)).toEqual({ role: 'network', source: 'holdings' });
      expect(roleOf(run, KEEP)).toEqual({ role: 'backup', source: 'holdings' });
      expect(roleOf(run, FORGE)).toEqual({
        role: 'operations',
        source: 'holdings',
      });
      expect(roleOf(run, SHOP)).toEqual({ role: 'production', source: 'ou' });
      // Backup coverage needs the Backup account: the final roles were used.
      expect(
        accountOf(run, SHOP)?.metadata.annotations?.[
          'aws-platform-suite.github.io/backup-coverage'
        ],
      ).toBe('covered');
    });

    it('takes no evidence from a failed scope, and keeps the other scopes conclusions', async () => {
      const denied = Object.assign(new Error('not authorized'), {
        name: 'AccessDeniedException',
      });
      const run = await ingest(
        holdingReaders({
          route53: async accountId => {
            if (accountId === HUB) throw denied;
            return accountId === SHOP ? [zone('shop.globex.example')] : [];
          },
          ecr: async () => {
            throw denied;
          },
        }),
      );
      expect(run.entities).toBeDefined();
      expect(run.failures.map(f => f.scope).sort()).toEqual(
        [
          `route53:${HUB}`,
          ...snapshot.accounts.map(a => `ecr:${a.id}:us-east-1`),
        ].sort(),
      );
      expect(roleOf(run, HUB)).toEqual({ role: 'workload', source: 'default' });
      expect(roleOf(run, FORGE)).toEqual({
        role: 'workload',
        source: 'default',
      });
      expect(roleOf(run, KEEP)).toEqual({ role: 'backup', source: 'holdings' });
    });

    it('asks the catalog for no entities of a failed ECR scope: it emits none', async () => {
      const m = memory();
      const run = await runIngestion({
        config: holdingsConfig,
        readOrganization: async () => snapshot,
        readers: holdingReaders({
          ecr: async () => {
            throw new Error('Rate exceeded');
          },
        }),
        memory: m,
        today: new Date('2026-11-25'),
      });
      expect(m.asked).toEqual([]);
      expect(run.entities).toBeDefined();
      // Every Route 53 scope was read: the root zone has no parent in the
      // organization, which a failed Route 53 scope would make unknown.
      const root = run.entities?.find(
        e =>
          e.spec?.type === 'dns-zone' && e.metadata.title === 'globex.example',
      );
      expect(
        root?.metadata.annotations?.[
          'aws-platform-suite.github.io/delegation-status'
        ],
      ).toBe('no-parent');
    });
  });
});
