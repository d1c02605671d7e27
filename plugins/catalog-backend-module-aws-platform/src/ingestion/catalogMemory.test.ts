import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createCatalogMemory } from './catalogMemory';

const ORG = 'o-aaaaaaaaaa';
const OTHER_ORG = 'o-bbbbbbbbbb';
const SCOPE = 'eks:222222222222:us-east-1';

function cluster(
  name: string,
  annotations: Record<string, string>,
  type = 'kubernetes-cluster',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      annotations: {
        'aws-platform-suite.github.io/ingestion-scope': SCOPE,
        ...annotations,
      },
    },
    spec: { type, owner: 'group:default/app-developers' },
  };
}

const suite = (org: string) => ({
  'backstage.io/managed-by-location': `aws-platform:organization/${org}`,
  'backstage.io/managed-by-origin-location': `aws-platform:organization/${org}`,
  'amazonaws.com/organization-id': org,
});

const ours = cluster('acme-production-v1', {
  ...suite(ORG),
  'amazonaws.com/arn':
    'arn:aws:eks:us-east-1:222222222222:cluster/acme-production-v1',
});
// Registered by hand from a repository, copying the suite's annotations.
const handRegistered = cluster('look-alike', {
  'backstage.io/managed-by-location':
    'url:https://example.com/catalog-info.yaml',
  'amazonaws.com/organization-id': ORG,
});
const ofOtherOrganization = cluster('old-cluster', suite(OTHER_ORG));
const unrelated: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'web',
    annotations: {
      'backstage.io/managed-by-location':
        'url:https://example.com/catalog-info.yaml',
    },
  },
  spec: { type: 'service', owner: 'group:default/app-developers' },
};

const memoryOf = (entities: Entity[]) =>
  createCatalogMemory(
    catalogServiceMock({ entities }),
    mockServices.auth(),
    'default',
  );

describe('createCatalogMemory', () => {
  it("keeps only the provider's own entities of the organization for a failed scope", async () => {
    const memory = memoryOf([ours, handRegistered, ofOtherOrganization]);
    const kept = await memory.entitiesOfScopes([SCOPE], ORG);
    expect(kept.map(e => e.metadata.name)).toEqual(['acme-production-v1']);
  });

  it("reads the provider's entities of every organization as the last applied run", async () => {
    const memory = memoryOf([
      ours,
      handRegistered,
      ofOtherOrganization,
      unrelated,
    ]);
    const last = await memory.lastAppliedRun();
    expect([...last.refs].sort()).toEqual([
      'resource:default/acme-production-v1',
      'resource:default/old-cluster',
    ]);
    expect([...last.organizationIds].sort()).toEqual([ORG, OTHER_ORG]);
    expect(last.arnOf?.get('resource:default/acme-production-v1')).toBe(
      'arn:aws:eks:us-east-1:222222222222:cluster/acme-production-v1',
    );
  });

  it('knows an empty catalog as a first run', async () => {
    const last = await memoryOf([handRegistered]).lastAppliedRun();
    expect(last).toEqual({
      refs: new Set(),
      arnOf: new Map(),
      organizationIds: [],
    });
  });

  it('fails when the catalog cannot answer, rather than reading it as empty', async () => {
    const catalog = catalogServiceMock.mock({
      streamEntities: () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    const memory = createCatalogMemory(catalog, mockServices.auth(), 'default');
    await expect(memory.lastAppliedRun()).rejects.toThrow('ECONNREFUSED');
  });
});

describe('createCatalogMemory with several organizations', () => {
  // Two sections of catalog.providers.awsPlatform side by side: each
  // provider's memory holds its own entities only, so one organization's
  // run neither counts the other's entities as removed nor keeps them.
  const withProvider = (entity: Entity, id: string): Entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'aws-platform-suite.github.io/provider-id': id,
      },
    },
  });
  const prodCluster = withProvider(ours, 'prod');
  const acquiredCluster = withProvider(
    cluster('acquired-cluster', suite(OTHER_ORG)),
    'acquired',
  );
  // Emitted by 0.1, before the provider-id annotation: the default section's.
  const legacyCluster = cluster('legacy-cluster', suite(OTHER_ORG));
  const entities = [prodCluster, acquiredCluster, legacyCluster];
  const memoryOfProvider = (id: string) =>
    createCatalogMemory(
      catalogServiceMock({ entities }),
      mockServices.auth(),
      id,
    );

  it('gives each provider its own last applied run', async () => {
    const refsOf = async (id: string) =>
      [...(await memoryOfProvider(id).lastAppliedRun()).refs].sort();
    expect(await refsOf('prod')).toEqual([
      'resource:default/acme-production-v1',
    ]);
    expect(await refsOf('acquired')).toEqual([
      'resource:default/acquired-cluster',
    ]);
    expect(await refsOf('default')).toEqual([
      'resource:default/legacy-cluster',
    ]);
  });

  it('reads back only its own entities of a failed scope', async () => {
    const kept = await memoryOfProvider('acquired').entitiesOfScopes(
      [SCOPE],
      OTHER_ORG,
    );
    expect(kept.map(e => e.metadata.name)).toEqual(['acquired-cluster']);
  });
});
