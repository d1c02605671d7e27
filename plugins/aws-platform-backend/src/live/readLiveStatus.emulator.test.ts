import { BackupClient } from '@aws-sdk/client-backup';
import { EKSClient } from '@aws-sdk/client-eks';
import { Route53Client } from '@aws-sdk/client-route-53';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  LocalAws,
  ReferenceEstate,
  startReferenceEstate,
} from '@internal/local-aws';
import request from 'supertest';
import { catalogModuleAwsPlatform } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform';
import { awsPlatformPlugin } from '../plugin';
import { readBackupActivity } from './backup/readBackupActivity';
import { clusterLiveStatus } from './cluster/clusterLiveStatus';
import { readClusterLive } from './cluster/readClusterLive';
import { readNsRecord } from '@aws-platform-suite/backstage-plugin-aws-platform-node';

// The live readers against moto seeded with the guide's reference estate
// (packages/local-aws), then the plugin beside the real catalog and the
// suite's ingestion, with the real client factory (AssumeRole into each
// account), on the entities the ingestion emitted. moto serves EKS clusters and node
// groups and Route 53 records; it serves neither EKS add-ons and insights nor
// AWS Backup's job and recovery point lists, which these tests show arrive
// as gaps (their mapping and paging are tested with aws-sdk-client-mock in
// readClusterLive.test.ts and readBackupActivity.test.ts).
jest.setTimeout(90_000);

let localAws: LocalAws;
let estate: ReferenceEstate;
const savedEnv = { ...process.env };

beforeAll(async () => {
  ({ localAws, estate } = await startReferenceEstate());
});

afterAll(async () => {
  process.env = savedEnv;
  await localAws?.stop();
});

type RequestWithHeaders = { headers: Record<string, string> };

// moto picks the account from this header, which spares an AssumeRole per
// account in the reader tests.
function clientIn<
  T extends {
    middlewareStack: { add(m: unknown, o: Record<string, unknown>): void };
  },
>(
  Client: new (config: object) => T,
  accountId: string,
  region = estate.region,
): T {
  const client = new Client({
    endpoint: localAws.endpoint,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    // Unimplemented moto routes may answer 500, which the SDK would retry.
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      const { request: req } = args as { request: RequestWithHeaders };
      req.headers['x-moto-account-id'] = accountId;
      return next(args);
    },
    { step: 'build', name: 'motoAccount' },
  );
  return client;
}

describe('live readers on the reference estate', () => {
  it('reads the production cluster and its node group; add-ons and insights are gaps', async () => {
    const seeded = estate.clusters.production;
    const read = await readClusterLive(
      clientIn(EKSClient, seeded.accountId),
      seeded.name,
    );
    const body = clusterLiveStatus(
      { accountId: seeded.accountId, region: seeded.region, name: seeded.name },
      read,
      new Date(),
    );
    expect(body.cluster).toMatchObject({
      name: seeded.name,
      status: 'ACTIVE',
      version: seeded.version,
    });
    expect(body.nodegroups).toEqual([
      expect.objectContaining({
        name: seeded.nodegroup,
        status: 'ACTIVE',
        version: seeded.version,
        desiredSize: 2,
        minSize: 1,
        maxSize: 3,
      }),
    ]);
    expect(body.gaps).toEqual({
      addons: 'unavailable',
      insights: 'unavailable',
    });
  });

  it('reads a zone’s apex NS record and the parent’s delegation records', async () => {
    const { root, production, sandbox } = estate.zones;
    const network = clientIn(Route53Client, root.accountId);

    const apex = await readNsRecord(
      clientIn(Route53Client, production.accountId),
      production.id,
      production.name,
    );
    const normalized = production.nameServers.map(server =>
      server.toLocaleLowerCase('en-US').replace(/\.$/, ''),
    );
    expect(apex?.nameServers.sort()).toEqual([...normalized].sort());

    const delegation = await readNsRecord(network, root.id, production.name);
    expect(delegation).toEqual({
      nameServers: expect.arrayContaining(normalized),
      ttl: 3600,
    });

    const drifted = await readNsRecord(network, root.id, sandbox.name);
    expect(drifted?.nameServers).toContain('ns-9999.awsdns-99.net');

    await expect(
      readNsRecord(network, root.id, 'nowhere.example.com'),
    ).resolves.toBeUndefined();
  });

  it('reports every backup list as a gap, since moto serves none of them', async () => {
    const vault = estate.vaults.find(
      v => v.accountId === estate.accounts.production.id,
    )!;
    const read = await readBackupActivity(
      clientIn(BackupClient, vault.accountId, vault.region),
      {
        kind: 'vault',
        accountId: vault.accountId,
        region: vault.region,
        name: vault.name,
        arn: vault.arn,
      },
      new Date(Date.now() - 7 * 24 * 3600 * 1000),
    );
    expect(read).toEqual({
      jobs: { gap: 'unavailable' },
      copyJobs: { gap: 'unavailable' },
      recoveryPoints: { gap: 'unavailable' },
    });
  });
});

describe('the live endpoints on the ingested reference estate', () => {
  it('answers for the entities the catalog ingested, reaching each account by AssumeRole', async () => {
    Object.assign(process.env, localAws.env);
    const { server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleAwsPlatform,
        awsPlatformPlugin,
        mockServices.rootConfig.factory({
          data: {
            aws: {
              accountDefaults: { roleName: 'OrganizationAccountAccessRole' },
            },
            awsPlatform: { aws: { maxAttempts: 1 } },
            catalog: {
              providers: {
                awsPlatform: { defaultOwner: 'group:default/platform-team' },
              },
            },
          },
        }),
      ],
    });

    // Wait for the ingestion to bring in the resources.
    const byType = async (type: string): Promise<Entity[]> => {
      const response = await request(server)
        .get('/api/catalog/entities/by-query')
        .query({ filter: `kind=resource,spec.type=${type}`, limit: 50 });
      return response.body.items ?? [];
    };
    const deadline = Date.now() + 60_000;
    while ((await byType('aws-backup-plan')).length === 0) {
      if (Date.now() > deadline)
        throw new Error('The ingestion did not finish');
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    const refNamed = async (type: string, title: RegExp) => {
      const entity = (await byType(type)).find(e =>
        title.test(e.metadata.title ?? ''),
      );
      if (!entity) throw new Error(`No ${type} entity titled ${title}`);
      return stringifyEntityRef(entity);
    };
    const get = (path: string, entityRef: string) =>
      request(server)
        .get(`/api/aws-platform/live/${path}`)
        .query({ entityRef });

    const cluster = await get(
      'clusters',
      await refNamed('kubernetes-cluster', /^acme-production-v1$/),
    );
    expect(cluster.status).toBe(200);
    expect(cluster.body).toMatchObject({
      cluster: { name: 'acme-production-v1', status: 'ACTIVE' },
      nodegroups: [{ name: estate.clusters.production.nodegroup }],
      gaps: { addons: 'unavailable', insights: 'unavailable' },
    });

    const inSync = await get(
      'zones',
      await refNamed('dns-zone', /^production\.example\.com$/),
    );
    expect(inSync.status).toBe(200);
    expect(inSync.body).toMatchObject({
      status: 'in-sync',
      missing: [],
      extra: [],
    });

    const drift = await get(
      'zones',
      await refNamed('dns-zone', /^sandbox\.example\.com$/),
    );
    expect(drift.body).toMatchObject({
      status: 'drift',
      extra: ['ns-9999.awsdns-99.net'],
      parent: { name: 'example.com', accountId: estate.accounts.network.id },
    });
    expect(drift.body.missing).toHaveLength(1);

    const plan = await get(
      'backups',
      await refNamed('aws-backup-plan', /^production-backup-plan/),
    );
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      kind: 'plan',
      accountId: estate.accounts.production.id,
      gaps: { jobs: 'unavailable', copyJobs: 'unavailable' },
    });
  });
});
