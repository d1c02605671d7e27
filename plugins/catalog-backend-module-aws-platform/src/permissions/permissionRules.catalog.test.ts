import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PermissionCriteria,
  PermissionCondition,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import { catalogModuleAwsPlatform } from '../catalogModuleAwsPlatform';
import { awsPlatformCatalogConditions } from './permissionRules';

// The real catalog with the module: a permission policy's conditional
// decision on catalog.entity.read, built from the module's rules, becomes
// the catalog's database filter (toQuery) when it lists entities.
const PRODUCTION = '715451680876';
const SANDBOX = '242424242424';

function resource(
  name: string,
  type: string,
  accountId: string,
  role?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': 'url:https://example.com/estate',
        'backstage.io/managed-by-origin-location':
          'url:https://example.com/estate',
        'amazonaws.com/account-id': accountId,
      },
      ...(role && {
        labels: { 'aws-platform-suite.github.io/account-role': role },
      }),
    },
    spec: { type, owner: 'group:default/platform-team' },
  };
}

const ENTITIES = [
  resource(`account-${PRODUCTION}`, 'aws-account', PRODUCTION, 'production'),
  resource(`account-${SANDBOX}`, 'aws-account', SANDBOX, 'sandbox'),
  resource('example-com-2dc179b2', 'dns-zone', PRODUCTION),
];

const entitiesUnderTest = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'permission-rule-entities',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'permission-rule-entities',
          connect: async connection =>
            connection.applyMutation({
              type: 'full',
              entities: ENTITIES.map(entity => ({
                entity,
                locationKey: 'test',
              })),
            }),
        });
      },
    });
  },
});

async function startCatalog(
  condition?: PermissionCriteria<PermissionCondition<'catalog-entity'>>,
) {
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    // Users get the condition; services (the test's wait) see everything.
    authorizeConditional: async (requests, options) =>
      requests.map(() =>
        condition &&
        (options?.credentials.principal as { type?: string }).type === 'user'
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: condition,
            }
          : { result: AuthorizeResult.ALLOW },
      ),
  });
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleAwsPlatform,
      entitiesUnderTest,
      permissions.factory,
      mockServices.rootConfig.factory({
        data: { catalog: { rules: [{ allow: ['Resource'] }] } },
      }),
    ],
  });
  return server;
}

type Server = Awaited<ReturnType<typeof startCatalog>>;

async function visibleNames(
  server: Server,
  caller: 'user' | 'service' = 'user',
): Promise<string[]> {
  const response = await request(server)
    .get('/api/catalog/entities/by-query')
    .query({ filter: 'kind=resource' })
    .set('Authorization', mockCredentials[caller].header());
  expect(response.status).toBe(200);
  return response.body.items.map((e: Entity) => e.metadata.name).sort();
}

/** The names once the catalog has processed all entities (bounded wait). */
async function settledNames(
  server: Server,
  count: number,
  caller: 'user' | 'service' = 'user',
) {
  const deadline = Date.now() + 60_000;
  let names = await visibleNames(server, caller);
  while (names.length < count && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 250));
    names = await visibleNames(server, caller);
  }
  return names;
}

describe('the module’s catalog permission rules in the real catalog', () => {
  it('are listed in the catalog’s permission metadata', async () => {
    const server = await startCatalog();
    const response = await request(server)
      .get('/api/catalog/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
    const rules = response.body.rules.map(
      (r: { name: string; resourceType: string }) =>
        `${r.resourceType}:${r.name}`,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'catalog-entity:HAS_AWS_ACCOUNT_ROLE',
        'catalog-entity:IS_IN_AWS_ACCOUNT',
      ]),
    );
    expect(await settledNames(server, 3)).toHaveLength(3);
  }, 90_000);

  it('HAS_AWS_ACCOUNT_ROLE filters the catalog’s list to accounts of those roles', async () => {
    const server = await startCatalog(
      awsPlatformCatalogConditions.hasAwsAccountRole({ roles: ['sandbox'] }),
    );
    expect(await settledNames(server, 3, 'service')).toHaveLength(3);
    expect(await visibleNames(server)).toEqual([`account-${SANDBOX}`]);
  }, 90_000);

  it('IS_IN_AWS_ACCOUNT filters it to the account and what lives in it', async () => {
    const server = await startCatalog(
      awsPlatformCatalogConditions.isInAwsAccount({ accountIds: [PRODUCTION] }),
    );
    expect(await settledNames(server, 3, 'service')).toHaveLength(3);
    expect(await visibleNames(server)).toEqual([
      `account-${PRODUCTION}`,
      'example-com-2dc179b2',
    ]);
  }, 90_000);
});
