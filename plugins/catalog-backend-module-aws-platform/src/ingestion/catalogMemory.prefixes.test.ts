import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createCatalogMemory } from './catalogMemory';

// The kept entities of an account whose enabled regions could not be read:
// every regional scope of it, whatever the region.
const ORG = 'o-aaaaaaaaaa';
const ACCOUNT = '222222222222';

const suite = (org: string) => ({
  'backstage.io/managed-by-location': `aws-platform:organization/${org}`,
  'backstage.io/managed-by-origin-location': `aws-platform:organization/${org}`,
  'amazonaws.com/organization-id': org,
});

function resource(
  name: string,
  scope: string,
  annotations: Record<string, string> = suite(ORG),
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      annotations: {
        'aws-platform-suite.github.io/ingestion-scope': scope,
        ...annotations,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/app-developers' },
  };
}

const entities = [
  resource('sydney', `eks:${ACCOUNT}:ap-southeast-2`),
  resource('dublin-vault', `backup:${ACCOUNT}:eu-west-1`),
  resource('zone', `route53:${ACCOUNT}`),
  resource('other-account', `eks:2222222222220:us-east-1`),
  resource('other-org', `eks:${ACCOUNT}:us-east-1`, suite('o-bbbbbbbbbb')),
  resource('look-alike', `eks:${ACCOUNT}:us-west-2`, {
    'backstage.io/managed-by-location':
      'url:https://example.com/catalog-info.yaml',
    'amazonaws.com/organization-id': ORG,
  }),
];

describe('createCatalogMemory with scope prefixes', () => {
  it("returns the provider's entities of every scope under the prefixes, and no others", async () => {
    const memory = createCatalogMemory(
      catalogServiceMock({ entities }),
      mockServices.auth(),
      'default',
    );
    const kept = await memory.entitiesOfScopes([], ORG, [
      `eks:${ACCOUNT}:`,
      `backup:${ACCOUNT}:`,
    ]);
    expect(kept.map(e => e.metadata.name).sort()).toEqual([
      'dublin-vault',
      'sydney',
    ]);
  });

  it('reads exact scopes and prefixes together', async () => {
    const memory = createCatalogMemory(
      catalogServiceMock({ entities }),
      mockServices.auth(),
      'default',
    );
    const kept = await memory.entitiesOfScopes([`route53:${ACCOUNT}`], ORG, [
      `eks:${ACCOUNT}:`,
    ]);
    expect(kept.map(e => e.metadata.name).sort()).toEqual(['sydney', 'zone']);
  });
});
