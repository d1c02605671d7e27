import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  AwsClientFactory,
  awsClientFactoryServiceRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { AddressInfo } from 'node:net';
import { scaffolderModuleAwsPlatform } from './module';

// The module inside a real scaffolder plugin: the permissions its actions
// check are listed by the scaffolder's permission metadata endpoint, which
// is what the permission backend and policy tooling read.
describe('scaffolderModuleAwsPlatform', () => {
  it('registers the permissions its actions check with the scaffolder plugin', async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleAwsPlatform,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: {} }),
        createServiceFactory({
          service: awsClientFactoryServiceRef,
          deps: {},
          factory: () =>
            ({ createClient: jest.fn() } as unknown as AwsClientFactory),
        }),
      ],
    });
    try {
      const { port } = backend.server.address() as AddressInfo;
      const response = await fetch(
        `http://127.0.0.1:${port}/api/scaffolder/.well-known/backstage/permissions/metadata`,
        { headers: { Authorization: mockCredentials.service.header() } },
      );
      expect(response.status).toBe(200);
      const body = await response.json();
      const suite = body.permissions.filter((p: { name: string }) =>
        p.name.startsWith('aws-platform.'),
      );
      expect(suite).toEqual(
        expect.arrayContaining([
          {
            type: 'basic',
            name: 'aws-platform.route53.subdomain.create',
            attributes: { action: 'create' },
          },
          {
            type: 'basic',
            name: 'aws-platform.route53.delegation.repair',
            attributes: { action: 'update' },
          },
          {
            type: 'basic',
            name: 'aws-platform.backup.plan.create',
            attributes: { action: 'create' },
          },
          {
            type: 'basic',
            name: 'aws-platform.flightdeck.workload.create',
            attributes: { action: 'create' },
          },
          {
            type: 'resource',
            name: 'aws-platform.production.change',
            attributes: { action: 'update' },
            resourceType: 'catalog-entity',
          },
        ]),
      );
      expect(suite).toHaveLength(5);
    } finally {
      await backend.stop();
    }
  });
});
