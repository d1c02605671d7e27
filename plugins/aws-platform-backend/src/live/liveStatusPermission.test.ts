import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import {
  AwsClientFactory,
  awsClientFactoryServiceRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import request from 'supertest';
import { awsPlatformPlugin } from '../plugin';
import {
  productionCluster,
  productionVault,
  productionZone,
} from './__fixtures__/liveEntities';

// The live status permission is a catalog-entity permission: it is asked
// for the requested entity's ref, so a policy's decision can differ per
// entity (e.g. owners only). Here a permission service that allows one
// entity stands for such a policy; packages/backend's permission tests run
// the owner-only decision through the real permission and catalog backends.

const allowedRef = stringifyEntityRef(productionCluster);

/** AWS is out of scope here: every client creation fails, and is counted. */
const createClient = jest.fn(async () => {
  throw new Error('no AWS in this test');
});

async function start() {
  const asked: AuthorizePermissionRequest[] = [];
  const permissions = mockServices.permissions.mock({
    async authorize(requests) {
      asked.push(...requests);
      return requests.map(r => ({
        result:
          'resourceRef' in r && r.resourceRef === allowedRef
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    },
  });
  const catalog = catalogServiceMock({
    entities: [productionCluster, productionZone, productionVault],
  });
  const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
  const { server } = await startTestBackend({
    features: [
      awsPlatformPlugin,
      permissions.factory,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      createServiceFactory({
        service: awsClientFactoryServiceRef,
        deps: {},
        factory: () => ({ createClient } as unknown as AwsClientFactory),
      }),
    ],
  });
  return { server, asked, getEntityByRef };
}

function live(
  server: Awaited<ReturnType<typeof start>>['server'],
  path: string,
  entityRef: string,
) {
  return request(server)
    .get(`/api/aws-platform/live/${path}`)
    .query({ entityRef })
    .set('Authorization', mockCredentials.user.header('user:default/jane'));
}

beforeEach(() => createClient.mockClear());

describe('the live status permission, per entity', () => {
  it('is asked for the requested entity’s ref, normalized', async () => {
    const { server, asked } = await start();
    // No namespace in the query: the permission is still asked for the full ref.
    await live(
      server,
      'clusters',
      `resource:${productionCluster.metadata.name}`,
    );
    expect(asked).toEqual([
      {
        permission: expect.objectContaining({
          name: 'aws-platform.live-status.read',
          resourceType: 'catalog-entity',
        }),
        resourceRef: allowedRef,
      },
    ]);
  });

  it('lets an allowed entity through to the catalog read and AWS', async () => {
    const { server, getEntityByRef } = await start();
    const response = await live(server, 'clusters', allowedRef);
    // Past the permission and the catalog: the AWS read fails here (503).
    expect(response.status).toBe(503);
    expect(getEntityByRef).toHaveBeenCalledWith(allowedRef, {
      credentials: mockCredentials.user('user:default/jane'),
    });
    expect(createClient).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['zones', productionZone],
    ['backups', productionVault],
  ])(
    'refuses /live/%s for an entity the decision does not allow, before reading the catalog or AWS',
    async (path, entity) => {
      const { server, getEntityByRef } = await start();
      const response = await live(server, path, stringifyEntityRef(entity));
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining(stringifyEntityRef(entity)),
      });
      expect(getEntityByRef).not.toHaveBeenCalled();
      expect(createClient).not.toHaveBeenCalled();
    },
  );

  it('answers 400 for a malformed ref without asking for the permission', async () => {
    const { server, asked } = await start();
    const response = await live(server, 'clusters', 'resource:default/');
    expect(response.status).toBe(400);
    expect(asked).toEqual([]);
  });
});
