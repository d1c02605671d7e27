import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  awsClientFactoryServiceRef,
  DefaultAwsClientFactory,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  createCapturingLogger,
  findSecrets,
  recordCredentials,
  useReferenceEstate,
} from '@internal/local-aws';
import request from 'supertest';
import { catalogModuleAwsPlatform } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform';
import { awsPlatformPlugin } from '../plugin';

// Runs the real backend (catalog with the suite's ingestion, and the suite's
// plugin with its live status routes) against moto, with a root logger that
// keeps every line, and scans those lines and every response body for the
// credentials the backend used: the main account's keys and every assumed
// role's access key, secret key and session token.
jest.setTimeout(240_000);

const MAIN_ACCESS_KEY = 'AKIAMAINACCOUNTKEY02';
const MAIN_SECRET_KEY = 'main+account/secret+key+for+the+log+scan2';

const local = useReferenceEstate();

it('nothing the backend logs or answers contains a credential', async () => {
  const awsConfig = {
    mainAccount: {
      accessKeyId: MAIN_ACCESS_KEY,
      secretAccessKey: MAIN_SECRET_KEY,
    },
    accountDefaults: { roleName: 'OrganizationAccountAccessRole' },
  };
  const seen = new Set<string>([MAIN_ACCESS_KEY, MAIN_SECRET_KEY]);
  const { logger, lines } = createCapturingLogger();
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleAwsPlatform,
      awsPlatformPlugin,
      mockServices.rootConfig.factory({
        data: {
          aws: awsConfig,
          catalog: {
            providers: {
              awsPlatform: { defaultOwner: 'group:default/platform-team' },
            },
          },
        },
      }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger as any,
      }),
      createServiceFactory({
        service: awsClientFactoryServiceRef,
        deps: {},
        factory: () =>
          new DefaultAwsClientFactory({
            credentialsManager: recordCredentials(
              DefaultAwsCredentialsManager.fromConfig(
                new ConfigReader({ aws: awsConfig }),
              ),
              seen,
            ),
          }),
      }),
    ],
  });

  // Wait until ingestion has emitted the production cluster.
  const cluster = `resource:default/acme-production-v1-${local.estate.accounts.production.id}-us-east-1`;
  const deadline = Date.now() + 120_000;
  let live = await request(server)
    .get('/api/aws-platform/live/clusters')
    .query({ entityRef: cluster })
    .set('authorization', mockCredentials.user.header());
  while (live.status !== 200 && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 500));
    live = await request(server)
      .get('/api/aws-platform/live/clusters')
      .query({ entityRef: cluster })
      .set('authorization', mockCredentials.user.header());
  }
  expect(live.status).toBe(200);

  const resources = await request(server)
    .get('/api/catalog/entities/by-query')
    .query({ filter: 'kind=resource', limit: 200 })
    .set('authorization', mockCredentials.user.header());
  const refOf = (type: string) => {
    const entity = resources.body.items.find(
      (e: { spec?: { type?: string } }) => e.spec?.type === type,
    );
    return `resource:default/${entity.metadata.name}`;
  };

  const bodies = [JSON.stringify(live.body), JSON.stringify(resources.body)];
  const requests: [string, string | undefined][] = [
    ['/api/aws-platform/live/zones', refOf('dns-zone')],
    ['/api/aws-platform/live/backups', refOf('aws-backup-vault')],
    ['/api/aws-platform/live/clusters', 'resource:default/no-such-cluster'],
    ['/api/aws-platform/ingestion/status', undefined],
  ];
  for (const [path, entityRef] of requests) {
    const response = await request(server)
      .get(path)
      .query(entityRef ? { entityRef } : {})
      .set('authorization', mockCredentials.user.header());
    bodies.push(`${response.status} ${JSON.stringify(response.body)}`);
  }

  expect(seen.size).toBeGreaterThanOrEqual(5);
  expect(lines.some(line => line.includes('Emitted'))).toBe(true);
  expect(findSecrets([...lines, ...bodies], seen)).toEqual([]);
});
