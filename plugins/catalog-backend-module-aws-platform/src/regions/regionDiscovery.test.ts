import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { testIngestionConfig } from '../__fixtures__/ingestionConfig';
import { organizationSnapshot } from '../__fixtures__/organizationSnapshot';
import type { CatalogMemory } from '../ingestion/catalogMemory';
import type { ResourceReaders } from '../ingestion/resourceReaders';
import { runIngestion } from '../ingestion/runIngestion';

// The fixture's ACTIVE accounts (a SUSPENDED one is not read).
const MANAGEMENT = '123456789012';
const AUDIT = '111111111111';
const PRODUCTION = '222222222222';
const ORGANIZATION_REGION = 'us-east-1';

/** Readers that record their calls; regions come from `enabled` per account. */
function readers(
  enabled: Record<string, string[] | Error>,
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
    regions: async (accountId, askedIn) => {
      calls.push(`regions:${accountId}@${askedIn}`);
      const regions = enabled[accountId];
      if (regions instanceof Error) throw regions;
      return regions;
    },
  };
}

/** A catalog holding `kept` as the provider's entities of the last run. */
function memory(kept: Entity[] = []): CatalogMemory & {
  askedPrefixes: string[][];
} {
  const askedPrefixes: string[][] = [];
  const scopeOf = (e: Entity) =>
    e.metadata.annotations?.['aws-platform-suite.github.io/ingestion-scope'] ??
    '';
  return {
    askedPrefixes,
    entitiesOfScopes: async (scopes, _organizationId, prefixes = []) => {
      askedPrefixes.push([...prefixes]);
      return kept.filter(
        e =>
          scopes.includes(scopeOf(e)) ||
          prefixes.some(prefix => scopeOf(e).startsWith(prefix)),
      );
    },
    lastAppliedRun: async () => ({
      organizationIds: [organizationSnapshot.organizationId],
      refs: new Set(kept.map(e => stringifyEntityRef(e))),
    }),
  };
}

const clusterInSydney: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'acme-production-v1-222222222222-ap-southeast-2',
    annotations: {
      'aws-platform-suite.github.io/ingestion-scope': `eks:${PRODUCTION}:ap-southeast-2`,
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/app-developers' },
};

const run = (r: ResourceReaders, m: CatalogMemory, regions?: string[]) =>
  runIngestion({
    config: testIngestionConfig({
      regions,
      organization: { region: ORGANIZATION_REGION },
    }),
    readOrganization: async () => organizationSnapshot,
    readers: r,
    memory: m,
    today: new Date('2026-12-04'),
  });

describe('region discovery in an ingestion run', () => {
  it('reads each account in the regions it has enabled, asked in the organization region', async () => {
    const r = readers({
      [MANAGEMENT]: ['us-east-1'],
      [AUDIT]: ['us-east-1', 'eu-west-1'],
      [PRODUCTION]: ['ap-southeast-2', 'us-east-1'],
    });
    const result = await run(r, memory());

    expect(r.calls.filter(c => c.startsWith('regions:')).sort()).toEqual([
      `regions:${AUDIT}@${ORGANIZATION_REGION}`,
      `regions:${MANAGEMENT}@${ORGANIZATION_REGION}`,
      `regions:${PRODUCTION}@${ORGANIZATION_REGION}`,
    ]);
    expect(r.calls.filter(c => c.startsWith('eks:')).sort()).toEqual([
      `eks:${AUDIT}:eu-west-1`,
      `eks:${AUDIT}:us-east-1`,
      `eks:${MANAGEMENT}:us-east-1`,
      `eks:${PRODUCTION}:ap-southeast-2`,
      `eks:${PRODUCTION}:us-east-1`,
    ]);
    // 3 Route 53 scopes, and EKS and Backup in 1 + 2 + 2 regions.
    expect(result.scopeCount).toBe(3 + 2 * 5);
    expect(result.failures).toEqual([]);
    expect(
      result.regionsRead.sort((a, b) => a.accountId.localeCompare(b.accountId)),
    ).toEqual([
      {
        accountId: AUDIT,
        regions: ['us-east-1', 'eu-west-1'],
        source: 'discovered',
      },
      { accountId: MANAGEMENT, regions: ['us-east-1'], source: 'discovered' },
      {
        accountId: PRODUCTION,
        regions: ['ap-southeast-2', 'us-east-1'],
        source: 'discovered',
      },
    ]);
  });

  it("keeps an account's regional entities when its regions cannot be read, rather than reading no region", async () => {
    const denied = Object.assign(new Error('not authorized'), {
      name: 'UnauthorizedOperation',
      $metadata: { httpStatusCode: 403 },
    });
    const r = readers({
      [MANAGEMENT]: ['us-east-1'],
      [AUDIT]: ['us-east-1'],
      [PRODUCTION]: denied,
    });
    const m = memory([clusterInSydney]);
    const result = await run(r, m);

    expect(result.entities?.map(e => e.metadata.name)).toContain(
      clusterInSydney.metadata.name,
    );
    expect(result.keptCount).toBe(1);
    expect(m.askedPrefixes).toEqual([
      [`eks:${PRODUCTION}:`, `backup:${PRODUCTION}:`],
    ]);
    expect(result.failures).toEqual([
      expect.objectContaining({
        scope: `regions:${PRODUCTION}`,
        errorName: 'UnauthorizedOperation',
        httpStatus: 403,
      }),
    ]);
    // Its Route 53 is still read; none of its regional scopes are.
    expect(r.calls).toContain(`route53:${PRODUCTION}`);
    expect(r.calls.filter(c => c.startsWith(`eks:${PRODUCTION}`))).toEqual([]);
    expect(result.regionsRead.map(a => a.accountId).sort()).toEqual(
      [MANAGEMENT, AUDIT].sort(),
    );
    // Its backups were not read, so its coverage is not claimed either way.
    const production = result.entities?.find(
      e =>
        e.spec?.type === 'aws-account' &&
        e.metadata.annotations?.['amazonaws.com/account-id'] === PRODUCTION,
    );
    expect(
      production?.metadata.annotations?.[
        'aws-platform-suite.github.io/backup-coverage'
      ],
    ).toBe('unknown');
  });

  it('reads the configured regions in every account without asking any account', async () => {
    const r = readers({
      [MANAGEMENT]: ['ap-southeast-2'],
      [AUDIT]: ['ap-southeast-2'],
      [PRODUCTION]: ['ap-southeast-2'],
    });
    const result = await run(r, memory(), ['us-east-1', 'us-west-2']);

    expect(r.calls.filter(c => c.startsWith('regions:'))).toEqual([]);
    expect(r.calls.filter(c => c.startsWith('eks:')).sort()).toEqual([
      `eks:${AUDIT}:us-east-1`,
      `eks:${AUDIT}:us-west-2`,
      `eks:${MANAGEMENT}:us-east-1`,
      `eks:${MANAGEMENT}:us-west-2`,
      `eks:${PRODUCTION}:us-east-1`,
      `eks:${PRODUCTION}:us-west-2`,
    ]);
    expect(result.regionsRead).toContainEqual({
      accountId: PRODUCTION,
      regions: ['us-east-1', 'us-west-2'],
      source: 'config',
    });
  });
});
