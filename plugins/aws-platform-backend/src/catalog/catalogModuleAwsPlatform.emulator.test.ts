import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DefaultAwsClientFactory } from '@internal/backstage-plugin-aws-platform-node';
import {
  LocalAws,
  ReferenceEstate,
  seedReferenceEstate,
  startLocalAws,
} from '@internal/local-aws';
import request from 'supertest';
import { IngestionStatusStore } from '../status/ingestionStatusStore';
import { AwsOrganizationEntityProvider } from './AwsOrganizationEntityProvider';
import { AwsPlatformEntityProcessor } from './AwsPlatformEntityProcessor';
import { catalogModuleAwsPlatform } from './catalogModuleAwsPlatform';
import { readIngestionConfig } from './ingestionConfig';

// Runs the real catalog backend against moto's server seeded with the guide's
// reference organization (packages/local-aws).
jest.setTimeout(180_000);

const providerConfig = {
  defaultOwner: 'group:default/platform-team',
  roleOwners: { audit: 'group:default/security-team' },
};

let localAws: LocalAws;
let estate: ReferenceEstate;
const savedEnv = { ...process.env };

beforeAll(async () => {
  localAws = await startLocalAws();
  await localAws.reset();
  estate = await seedReferenceEstate({ endpoint: localAws.endpoint });
  Object.assign(process.env, localAws.env);
});

afterAll(async () => {
  process.env = savedEnv;
  await localAws?.stop();
});

async function queryAccounts(
  server: Parameters<typeof request>[0],
): Promise<Entity[]> {
  const response = await request(server)
    .get('/api/catalog/entities/by-query')
    .query({ filter: 'kind=resource,spec.type=aws-account', limit: 100 });
  return response.body.items ?? [];
}

async function waitFor<T>(
  fn: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await fn();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('catalog ingestion of the reference organization', () => {
  it('emits the nine accounts with roles, owners and OU relations', async () => {
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleAwsPlatform,
        mockServices.rootConfig.factory({
          data: { catalog: { providers: { awsPlatform: providerConfig } } },
        }),
      ],
    });

    const accounts = await waitFor(
      () => queryAccounts(server),
      items => items.length >= 9,
    );
    expect(accounts).toHaveLength(9);

    const byId = new Map(
      accounts.map(e => [
        e.metadata.annotations?.['amazonaws.com/account-id'],
        e,
      ]),
    );
    const roleOf = (id: string) =>
      byId.get(id)?.metadata.labels?.['aws-platform.io/account-role'];
    expect(roleOf(estate.managementAccountId)).toBe('management');
    for (const role of [
      'log-archive',
      'audit',
      'identity',
      'operations',
      'network',
      'backup',
      'production',
      'sandbox',
    ] as const) {
      expect(roleOf(estate.accounts[role].id)).toBe(role);
    }

    const production = byId.get(estate.accounts.production.id)!;
    expect(production.metadata.annotations?.['aws-platform.io/ou-path']).toBe(
      'Root/Workloads',
    );
    expect(
      production.metadata.annotations?.['aws-platform.io/owner-source'],
    ).toBe('tag');
    // The Audit account has no owner tag: the owner configured for its role applies.
    const audit = byId.get(estate.accounts.audit.id)!;
    expect(audit.spec?.owner).toBe('group:default/security-team');
    expect(audit.metadata.annotations?.['aws-platform.io/owner-source']).toBe(
      'role',
    );

    // The processor turns spec.partOf into relations: account -> OU -> root.
    const withRelations = await waitFor(
      async () =>
        (
          await request(server).get(
            `/api/catalog/entities/by-name/resource/default/${production.metadata.name}`,
          )
        ).body as Entity,
      entity => (entity.relations ?? []).length > 1,
    );
    expect(withRelations.relations).toContainEqual(
      expect.objectContaining({
        type: 'partOf',
        targetRef: production.spec?.partOf,
      }),
    );
    expect(withRelations.relations).toContainEqual(
      expect.objectContaining({
        type: 'ownedBy',
        targetRef: production.spec?.owner,
      }),
    );
  });

  it('keeps every entity of the last good run when AWS cannot be reached', async () => {
    const ingestion = readIngestionConfig(
      new ConfigReader({
        catalog: { providers: { awsPlatform: providerConfig } },
      }),
    )!;
    const statusStore = new IngestionStatusStore();
    const provider = new AwsOrganizationEntityProvider({
      config: ingestion,
      // One attempt, so the unreachable emulator fails fast.
      clientFactory: new DefaultAwsClientFactory({
        credentialsManager: {
          getCredentialProvider: async () => ({
            sdkCredentialProvider: async () => ({
              accessKeyId: 'test',
              secretAccessKey: 'test',
            }),
          }),
        },
        maxAttempts: 1,
      }),
      logger: mockServices.logger.mock(),
      taskRunner: { run: async () => {} },
      statusStore,
    });
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        createBackendModule({
          pluginId: 'catalog',
          moduleId: 'aws-platform-under-test',
          register(env) {
            env.registerInit({
              deps: { catalog: catalogProcessingExtensionPoint },
              async init({ catalog }) {
                catalog.addProcessor(new AwsPlatformEntityProcessor());
                catalog.addEntityProvider(provider);
              },
            });
          },
        }),
      ],
    });

    await provider.refresh();
    const before = await waitFor(
      () => queryAccounts(server),
      items => items.length >= 9,
    );
    expect(before).toHaveLength(9);

    await localAws.stop();
    await provider.refresh();

    expect(statusStore.list()[0]).toMatchObject({ outcome: 'failed' });
    expect(statusStore.list()[0].failures[0].scope).toBe('organization');
    // Give the catalog time to process a (wrong) removal, then check none happened.
    await new Promise(resolve => setTimeout(resolve, 2_000));
    const after = await queryAccounts(server);
    expect(after.map(e => e.metadata.name).sort()).toEqual(
      before.map(e => e.metadata.name).sort(),
    );
  });
});
