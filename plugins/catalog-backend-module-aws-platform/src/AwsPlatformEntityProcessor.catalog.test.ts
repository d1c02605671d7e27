import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  isSuiteEntity,
  SUITE_LOCATION_KEY,
  suiteLocationRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import request from 'supertest';
import { AwsPlatformEntityProcessor } from './AwsPlatformEntityProcessor';

// The real catalog: a look-alike registered from a catalog file claims the
// suite's location and label; the suite's provider emits the real entity.
// Only the real one may end up with the label the templates' pickers use.
const SUITE = suiteLocationRef('o-abc123');

function account(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      title: 'Production',
      labels: { 'aws-platform-suite.github.io/suite-entity': 'true' },
      annotations: {
        'backstage.io/managed-by-location': SUITE,
        'backstage.io/managed-by-origin-location': SUITE,
        'amazonaws.com/account-id': '715451680876',
      },
    },
    spec: { type: 'aws-account', owner: 'group:default/platform-team' },
  };
}

const suiteProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'suite-entity-under-test',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new AwsPlatformEntityProcessor());
        catalog.addEntityProvider({
          getProviderName: () => 'AwsOrganizationEntityProvider',
          connect: async connection =>
            connection.applyMutation({
              type: 'full',
              entities: [
                {
                  entity: account('production-715451680876'),
                  locationKey: SUITE_LOCATION_KEY,
                },
              ],
            }),
        });
      },
    });
  },
});

// A real catalog backend starts in each test: seconds alone, more on a busy
// CI machine than Jest's default 5 s.
jest.setTimeout(30_000);

describe('the suite-entity label in the real catalog', () => {
  const directory = createMockDirectory();

  it('is on the suite’s entity and not on a look-alike that claims it', async () => {
    directory.setContent({
      'look-alike.yaml': JSON.stringify(account('production-look-alike')),
    });
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        suiteProvider,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Resource', 'Location'] }],
              locations: [
                { type: 'file', target: directory.resolve('look-alike.yaml') },
              ],
            },
          },
        }),
      ],
    });
    const byName = async (name: string): Promise<Entity | undefined> => {
      const response = await request(server).get(
        `/api/catalog/entities/by-name/resource/default/${name}`,
      );
      return response.status === 200 ? response.body : undefined;
    };
    const deadline = Date.now() + 60_000;
    let lookAlike: Entity | undefined;
    let own: Entity | undefined;
    while (Date.now() < deadline && !(lookAlike && own)) {
      [lookAlike, own] = await Promise.all([
        byName('production-look-alike'),
        byName('production-715451680876'),
      ]);
      await new Promise(resolve => setTimeout(resolve, 250));
    }

    expect(
      own?.metadata.labels?.['aws-platform-suite.github.io/suite-entity'],
    ).toBe('true');
    expect(isSuiteEntity(own!)).toBe(true);

    // The catalog set the file's location; the processor removed the label.
    expect(
      lookAlike?.metadata.annotations?.['backstage.io/managed-by-location'],
    ).toBe(`file:${directory.resolve('look-alike.yaml')}`);
    expect(lookAlike?.metadata.labels).toEqual({});
    expect(isSuiteEntity(lookAlike!)).toBe(false);

    const picked = await request(server)
      .get('/api/catalog/entities/by-query')
      .query({
        filter:
          'kind=resource,spec.type=aws-account,metadata.labels.aws-platform-suite.github.io/suite-entity=true',
      });
    expect(picked.body.items.map((e: Entity) => e.metadata.name)).toEqual([
      'production-715451680876',
    ]);
  });
});
