import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  awsPlatformEntityTransformersExtensionPoint,
  DefaultAwsClientFactory,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { useReferenceEstate } from '@internal/local-aws';
import request from 'supertest';
import { memoryStatusStore } from './__testUtils__/memoryStatusStore';
import { suiteTestDatabases } from './__testUtils__/testDatabases';
import { AwsPlatformEntityProvider } from './AwsPlatformEntityProvider';
import { AwsPlatformEntityProcessor } from './AwsPlatformEntityProcessor';
import { catalogModuleAwsPlatform } from './catalogModuleAwsPlatform';
import { createCatalogMemory } from './ingestion/catalogMemory';
import {
  createResourceReaders,
  ResourceReaders,
} from './ingestion/resourceReaders';
import { readIngestionConfig } from './ingestionConfig';

// Runs the real catalog backend against moto's server seeded with the guide's
// reference organization (packages/local-aws). Member accounts are reached by
// assuming OrganizationAccountAccessRole, as the portal does. The catalog
// runs on SQLite and, when scripts/test-all.sh has started one, on
// PostgreSQL: the same tests on both.
jest.setTimeout(240_000);

const databases = suiteTestDatabases();

const awsConfig = {
  accountDefaults: { roleName: 'OrganizationAccountAccessRole' },
};
const providerConfig = {
  defaultOwner: 'group:default/platform-team',
  roleOwners: { audit: 'group:default/security-team' },
  kubernetesRoleName: 'backstage-kubernetes',
};

const local = useReferenceEstate();

type Server = Parameters<typeof request>[0];

async function query(server: Server, filter: string): Promise<Entity[]> {
  const response = await request(server)
    .get('/api/catalog/entities/by-query')
    .query({ filter, limit: 200 });
  return response.body.items ?? [];
}

async function waitFor<T>(
  fn: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await fn();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

const annotation = (entity: Entity | undefined, key: string) =>
  entity?.metadata.annotations?.[key];

describe.each(databases.eachSupportedId())(
  'catalog ingestion of the reference organization on %s',
  databaseId => {
    it('emits the accounts, zones, clusters and backups with roles, owners, relations and findings', async () => {
      const { server } = await startTestBackend({
        features: [
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          catalogPlugin,
          catalogModuleAwsPlatform,
          // An adopter's module that puts every cluster in a system.
          createBackendModule({
            pluginId: 'catalog',
            moduleId: 'adopter-transformers',
            register(env) {
              env.registerInit({
                deps: {
                  transformers: awsPlatformEntityTransformersExtensionPoint,
                },
                async init({ transformers }) {
                  transformers.setTransformer('kubernetes-cluster', entity => ({
                    ...entity,
                    spec: { ...entity.spec, system: 'flightdeck' },
                  }));
                },
              });
            },
          }),
          mockServices.rootConfig.factory({
            data: {
              aws: awsConfig,
              catalog: { providers: { awsPlatform: providerConfig } },
            },
          }),
        ],
      });

      const all = await waitFor(
        () =>
          query(
            server,
            'kind=resource,metadata.annotations.amazonaws.com/organization-id',
          ),
        items =>
          items.filter(e => e.spec?.type === 'aws-backup-plan').length >= 1,
      );
      const ofType = (type: string) => all.filter(e => e.spec?.type === type);
      const accounts = ofType('aws-account');
      expect(accounts).toHaveLength(9);
      const account = (id: string) =>
        accounts.find(e => annotation(e, 'amazonaws.com/account-id') === id)!;

      // Roles and owners.
      expect(
        account(local.estate.managementAccountId).metadata.labels?.[
          'aws-platform-suite.github.io/account-role'
        ],
      ).toBe('management');
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
        expect(
          account(local.estate.accounts[role].id).metadata.labels?.[
            'aws-platform-suite.github.io/account-role'
          ],
        ).toBe(role);
      }
      const audit = account(local.estate.accounts.audit.id);
      expect(audit.spec?.owner).toBe('group:default/security-team');
      expect(
        annotation(audit, 'aws-platform-suite.github.io/owner-source'),
      ).toBe('role');

      // Zones and the seeded delegation drift.
      const zones = ofType('dns-zone');
      expect(zones.map(z => z.metadata.title).sort()).toEqual([
        'example.com',
        'production.example.com',
        'sandbox.example.com',
      ]);
      const zone = (name: string) =>
        zones.find(z => z.metadata.title === name)!;
      expect(
        annotation(
          zone('production.example.com'),
          'aws-platform-suite.github.io/delegation-status',
        ),
      ).toBe('in-sync');
      expect(
        annotation(
          zone('sandbox.example.com'),
          'aws-platform-suite.github.io/delegation-status',
        ),
      ).toBe('drift');
      expect(zone('sandbox.example.com').spec?.partOf).toBe(
        `resource:default/${
          account(local.estate.accounts.sandbox.id).metadata.name
        }`,
      );
      expect(zone('sandbox.example.com').spec?.dependsOn).toEqual([
        `resource:default/${zone('example.com').metadata.name}`,
      ]);

      // Flightdeck clusters, found by the Kubernetes plugin's catalog locator.
      const clusters = ofType('kubernetes-cluster');
      expect(clusters.map(c => c.metadata.title).sort()).toEqual([
        'acme-production-v1',
        'acme-sandbox-v1',
      ]);
      for (const cluster of clusters) {
        expect(cluster.spec?.system).toBe('flightdeck');
        expect(
          annotation(cluster, 'aws-platform-suite.github.io/flightdeck'),
        ).toBe('true');
        expect(annotation(cluster, 'kubernetes.io/auth-provider')).toBe('aws');
        expect(annotation(cluster, 'kubernetes.io/api-server')).toMatch(
          /^https:\/\//,
        );
        expect(annotation(cluster, 'kubernetes.io/x-k8s-aws-id')).toBe(
          cluster.metadata.title,
        );
      }
      const sandboxCluster = clusters.find(
        c => c.metadata.title === 'acme-sandbox-v1',
      );
      expect(
        annotation(
          sandboxCluster,
          'aws-platform-suite.github.io/eks-version-support',
        ),
      ).toBe('unsupported');
      expect(annotation(sandboxCluster, 'kubernetes.io/aws-assume-role')).toBe(
        `arn:aws:iam::${local.estate.accounts.sandbox.id}:role/backstage-kubernetes`,
      );

      // Backups: the production plan copies into the Backup account's vault.
      const vaults = ofType('aws-backup-vault');
      // No regions configured: each account is read in the regions it has
      // enabled, so the Backup account's vault in its second region is found
      // too (Production, Sandbox, Backup in us-east-1; Backup in us-west-2).
      expect(vaults).toHaveLength(4);
      const backupVault = vaults.find(
        v =>
          annotation(v, 'amazonaws.com/account-id') ===
            local.estate.accounts.backup.id &&
          annotation(v, 'aws-platform-suite.github.io/region') ===
            local.estate.region,
      )!;
      const [plan] = ofType('aws-backup-plan');
      expect(plan.spec?.dependsOn).toContain(
        `resource:default/${backupVault.metadata.name}`,
      );
      // moto lacks ListBackupSelections: the plan copies into the Backup
      // account, but what it selects is unknown, so its coverage is too.
      expect(
        annotation(
          account(local.estate.accounts.production.id),
          'aws-platform-suite.github.io/backup-coverage',
        ),
      ).toBe('unknown');
      expect(
        annotation(
          account(local.estate.accounts.sandbox.id),
          'aws-platform-suite.github.io/backup-coverage',
        ),
      ).toBe('no-plan');
      expect(
        account(local.estate.accounts.production.id).spec?.summary,
      ).toEqual({
        zones: 1,
        clusters: 1,
        vaults: 1,
        plans: 1,
        driftedZones: 0,
        unsupportedClusters: 0,
      });

      // Relations drawn from spec.partOf and spec.dependsOn.
      const sandboxZone = await waitFor(
        async () =>
          (
            await request(server).get(
              `/api/catalog/entities/by-name/resource/default/${
                zone('sandbox.example.com').metadata.name
              }`,
            )
          ).body as Entity,
        entity => (entity.relations ?? []).length >= 3,
      );
      expect(sandboxZone.relations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'partOf',
            targetRef: zone('sandbox.example.com').spec?.partOf,
          }),
          expect.objectContaining({
            type: 'dependsOn',
            targetRef: `resource:default/${zone('example.com').metadata.name}`,
          }),
        ]),
      );
    });
  },
);

// The keeping of entities when AWS fails runs on SQLite only: its region
// discovery over the whole estate costs 30 s of moto per run, and what it
// reads back from the catalog goes through the catalog API, which the test
// above already runs on PostgreSQL.
describe('catalog ingestion of the reference organization when AWS fails', () => {
  it('keeps every entity of an account whose role fails, and of the whole organization when AWS is down', async () => {
    const config = readIngestionConfig(
      new ConfigReader({
        catalog: { providers: { awsPlatform: providerConfig } },
      }),
    )!;
    const clientFactory = new DefaultAwsClientFactory({
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(
        new ConfigReader({ aws: awsConfig }),
      ),
      maxAttempts: 1,
    });
    const realReaders = createResourceReaders(clientFactory);
    // moto cannot refuse AssumeRole (see the emulator notes), so the refusal
    // for the Production account is injected where its clients are created.
    const deniedAccounts = new Set<string>();
    const guarded =
      <A extends unknown[], R>(
        read: (accountId: string, ...rest: A) => Promise<R>,
      ) =>
      async (accountId: string, ...rest: A): Promise<R> => {
        if (deniedAccounts.has(accountId)) {
          throw Object.assign(
            new Error(`not authorized to assume a role in ${accountId}`),
            { name: 'AccessDenied' },
          );
        }
        return read(accountId, ...rest);
      };
    const readers: ResourceReaders = {
      route53: guarded(realReaders.route53),
      eks: guarded(realReaders.eks),
      backup: guarded(realReaders.backup),
      ecr: guarded(realReaders.ecr),
      regions: guarded(realReaders.regions!),
    };
    // AWS going away: every client the provider asks for fails to connect,
    // as the SDK does when the endpoint refuses (moto stays up for the
    // next database's run).
    let awsDown = false;
    const providerClients: typeof clientFactory = Object.assign(
      Object.create(clientFactory),
      {
        createClient: ((ClientClass, target) =>
          awsDown
            ? Promise.reject(
                Object.assign(new Error('connect ECONNREFUSED 127.0.0.1'), {
                  code: 'ECONNREFUSED',
                }),
              )
            : clientFactory.createClient(
                ClientClass,
                target,
              )) as typeof clientFactory.createClient,
      },
    );
    const statusStore = memoryStatusStore();
    let provider: AwsPlatformEntityProvider | undefined;
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        createBackendModule({
          pluginId: 'catalog',
          moduleId: 'aws-platform-under-test',
          register(env) {
            env.registerInit({
              deps: {
                catalog: catalogProcessingExtensionPoint,
                catalogService: catalogServiceRef,
                auth: coreServices.auth,
              },
              async init({ catalog, catalogService, auth }) {
                provider = new AwsPlatformEntityProvider({
                  config,
                  clientFactory: providerClients,
                  readers,
                  memory: createCatalogMemory(catalogService, auth, 'default'),
                  logger: mockServices.logger.mock(),
                  taskRunner: { run: async () => {} },
                  statusStore,
                });
                catalog.addProcessor(new AwsPlatformEntityProcessor());
                catalog.addEntityProvider(provider);
              },
            });
          },
        }),
      ],
    });
    const everything = () =>
      query(
        server,
        'kind=resource,metadata.annotations.amazonaws.com/organization-id',
      );
    const names = (entities: Entity[]) =>
      entities.map(e => e.metadata.name).sort();

    await provider!.refresh();
    const before = await waitFor(everything, items => items.length >= 22);
    const productionId = local.estate.accounts.production.id;
    const ofProduction = before.filter(
      e =>
        annotation(e, 'amazonaws.com/account-id') === productionId &&
        e.spec?.type !== 'aws-account',
    );
    expect(ofProduction.map(e => e.spec?.type).sort()).toEqual([
      'aws-backup-plan',
      'aws-backup-vault',
      'dns-zone',
      'kubernetes-cluster',
    ]);

    deniedAccounts.add(productionId);
    await provider!.refresh();
    expect((await statusStore.list())[0]).toMatchObject({
      outcome: 'partial',
    });
    expect(
      (await statusStore.list())[0].failures.map(f => f.scope).sort(),
    ).toEqual(
      // No regions configured: the account's regions cannot be read either,
      // so its regional entities are kept whatever their region.
      [`regions:${productionId}`, `route53:${productionId}`].sort(),
    );
    // Give the catalog time to process a (wrong) removal, then check none happened.
    await new Promise(resolve => setTimeout(resolve, 3_000));
    expect(names(await everything())).toEqual(names(before));

    awsDown = true;
    await provider!.refresh();
    expect((await statusStore.list())[0]).toMatchObject({
      outcome: 'failed',
    });
    expect((await statusStore.list())[0].failures[0].scope).toBe(
      'organization',
    );
    await new Promise(resolve => setTimeout(resolve, 3_000));
    expect(names(await everything())).toEqual(names(before));
  });
});
