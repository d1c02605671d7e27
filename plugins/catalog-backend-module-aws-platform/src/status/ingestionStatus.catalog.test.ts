import {
  OrganizationsClient,
  DescribeOrganizationCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { suiteTestDatabases } from '../__testUtils__/testDatabases';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { IngestionProviderStatus } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  AwsClientFactory,
  awsClientFactoryServiceRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { mockClient } from 'aws-sdk-client-mock';
import type { Knex } from 'knex';
import request from 'supertest';
import { catalogModuleAwsPlatform } from '../catalogModuleAwsPlatform';

// The real catalog and the module on one database (SQLite; PostgreSQL too
// when a BACKSTAGE_TEST_DATABASE_POSTGRES*_CONNECTION_STRING names one).
// AWS is aws-sdk-client-mock: every organization read is refused with a
// message that names a role ARN, so each provider's run records a failed
// status whose failure must reach callers browser-safe.
const databases = suiteTestDatabases();

const LEAKED_ACCOUNT = '999988887777';
const organizations = mockClient(OrganizationsClient);

const clientFactory = {
  createClient: async (
    Client: new (config: object) => unknown,
    target: { region: string },
  ) =>
    new Client({
      region: target.region,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    }),
} as unknown as AwsClientFactory;

const organizationConfig = (owner: string) => ({
  defaultOwner: owner,
  regions: ['us-east-1'],
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
});

async function startCatalog(
  knex: Knex,
  awsPlatform?: object,
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleAwsPlatform,
      mockServices.database.factory({ knex }),
      mockServices.permissions.factory({ result: permission }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Resource', 'Location'] }],
            ...(awsPlatform && { providers: { awsPlatform } }),
          },
        },
      }),
      createServiceFactory({
        service: awsClientFactoryServiceRef,
        deps: {},
        factory: () => clientFactory,
      }),
    ],
  });
  return { server: backend.server, stop: () => backend.stop() };
}

type Server = Awaited<ReturnType<typeof startCatalog>>['server'];

async function status(server: Server): Promise<IngestionProviderStatus[]> {
  const response = await request(server)
    .get('/api/catalog/aws-platform/ingestion-status')
    .set('Authorization', mockCredentials.service.header());
  expect(response.status).toBe(200);
  return response.body.providers;
}

/** The status once `count` providers have recorded a run (bounded wait). */
async function statusOf(
  server: Server,
  count: number,
): Promise<IngestionProviderStatus[]> {
  const deadline = Date.now() + 60_000;
  let providers = await status(server);
  while (providers.length < count && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 250));
    providers = await status(server);
  }
  return providers;
}

beforeEach(() => {
  organizations.reset();
  const refused = Object.assign(
    new Error(
      `User: arn:aws:sts::${LEAKED_ACCOUNT}:assumed-role/backstage-readonly/s1 is not authorized to perform organizations:DescribeOrganization`,
    ),
    { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } },
  );
  organizations.on(DescribeOrganizationCommand).rejects(refused);
  organizations.on(ListRootsCommand).rejects(refused);
});

describe.each(databases.eachSupportedId())(
  'the ingestion status in the catalog database on %s',
  databaseId => {
    it('records each organization’s run, survives a restart, and reads the same on two backends', async () => {
      const knex = await databases.init(databaseId);
      const first = await startCatalog(knex, {
        prod: organizationConfig('group:default/platform'),
        acquired: organizationConfig('group:default/acquired'),
      });
      const recorded = await statusOf(first.server, 2);
      expect(
        recorded.map(p => [p.provider, p.outcome, p.failures[0]?.scope]),
      ).toEqual([
        ['AwsPlatformEntityProvider:acquired', 'failed', 'organization'],
        ['AwsPlatformEntityProvider:prod', 'failed', 'organization'],
      ]);
      expect(recorded[0].failures[0].message).toBe(
        'AccessDeniedException (HTTP 403) in organization',
      );
      expect(JSON.stringify(recorded)).not.toContain(LEAKED_ACCOUNT);
      await first.stop();

      // A restart (no provider runs in these: no ingestion config) and a
      // second instance on the same database answer the same.
      const [second, third] = await Promise.all([
        startCatalog(knex),
        startCatalog(knex),
      ]);
      const afterRestart = await status(second.server);
      expect(await status(third.server)).toEqual(afterRestart);
      // The same providers and outcomes (a provider may have run once more
      // before the first backend stopped, so times are not compared).
      const outcomes = (providers: IngestionProviderStatus[]) =>
        providers.map(p => [p.provider, p.outcome, p.failures]);
      expect(outcomes(afterRestart)).toEqual(outcomes(recorded));
      await Promise.all([second.stop(), third.stop()]);
    }, 120_000);

    it('answers 401 without credentials, and 403 to a user without aws-platform.status.read', async () => {
      const knex = await databases.init(databaseId);
      const { server, stop } = await startCatalog(
        knex,
        undefined,
        AuthorizeResult.DENY,
      );
      const anonymous = await request(server)
        .get('/api/catalog/aws-platform/ingestion-status')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
      const user = await request(server)
        .get('/api/catalog/aws-platform/ingestion-status')
        .set('Authorization', mockCredentials.user.header());
      expect(user.status).toBe(403);
      // A service (the aws-platform plugin, which checks its user) may read it.
      expect(await status(server)).toEqual([]);
      await stop();
    }, 60_000);
  },
);
