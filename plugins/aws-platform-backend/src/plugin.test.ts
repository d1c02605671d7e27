import {
  BackupClient,
  ListBackupJobsCommand,
  ListCopyJobsCommand,
  ListRecoveryPointsByBackupVaultCommand,
} from '@aws-sdk/client-backup';
import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListAddonsCommand,
  ListInsightsCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import {
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import {
  BackendFeature,
  coreServices,
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { IngestionScopeFailure } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  AwsClientFactory,
  awsClientFactoryServiceRef,
  describeAwsError,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import request from 'supertest';
import {
  backupJobs,
  copyJobs,
  describedCluster,
  generalNodegroup,
  insights,
  recoveryPoints,
} from './live/__fixtures__/awsResponses';
import {
  NETWORK,
  PRODUCTION,
  productionCluster,
  productionPlan,
  productionVault,
  productionZone,
  registeredCluster,
  rootZone,
  SANDBOX,
  sandboxZone,
} from './live/__fixtures__/liveEntities';
import { readLiveStatusConfig } from './live/liveStatusConfig';
import { awsPlatformPlugin } from './plugin';
import { createRouter } from './router';
import { fakeCatalogStatus } from './__testUtils__/fakeCatalogStatus';

// Router tests through the real plugin wiring: httpAuth, the permission
// service, the catalog service (a fake that hides what the caller may not
// read, as the real catalog does) and the cache service. AWS is
// aws-sdk-client-mock behind a client factory that records which account
// each client is for; readers and mapping have their own tests.
const eks = mockClient(EKSClient);
const route53 = mockClient(Route53Client);
const backup = mockClient(BackupClient);

const createClient = jest.fn(
  async (
    Client: new (config: object) => unknown,
    target: { accountId?: string; region: string },
  ) =>
    new Client({
      region: target.region,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    }),
);
const clientFactory = { createClient } as unknown as AwsClientFactory;

const ENTITIES = [
  productionCluster,
  registeredCluster,
  productionZone,
  sandboxZone,
  rootZone,
  productionVault,
  productionPlan,
];
const refOf = (entity: Entity) => stringifyEntityRef(entity);

/** A catalog fake that answers as the real one does for hidden entities: not found. */
function catalogHiding(hidden: Entity[] = []) {
  const catalog = catalogServiceMock({ entities: ENTITIES });
  const read = catalog.getEntityByRef.bind(catalog);
  const hiddenRefs = new Set(hidden.map(refOf));
  const getEntityByRef = jest
    .spyOn(catalog, 'getEntityByRef')
    .mockImplementation(async (ref: string | CompoundEntityRef, options) =>
      hiddenRefs.has(typeof ref === 'string' ? ref : stringifyEntityRef(ref))
        ? undefined
        : read(ref, options),
    );
  return { catalog, getEntityByRef };
}

async function start(
  options: {
    allow?: boolean;
    hidden?: Entity[];
    liveStatus?: object;
    failures?: IngestionScopeFailure[];
    /** Without the catalog's status route, or with a catalog nobody can reach. */
    catalogStatus?: 'served' | 'absent' | 'unreachable';
  } = {},
) {
  const failures = options.failures ?? [];
  const catalogStatus = fakeCatalogStatus([
    {
      provider: 'AwsOrganizationEntityProvider',
      lastRunAt: '2026-11-25T10:00:00.000Z',
      outcome: failures.length ? 'partial' : 'ok',
      durationMs: 1200,
      entityCount: 13,
      failures,
    },
  ]);
  const { catalog, getEntityByRef } = catalogHiding(options.hidden);
  const features: Array<ServiceFactory | BackendFeature> = [
    ...((options.catalogStatus ?? 'served') === 'served'
      ? [catalogStatus.plugin]
      : []),
    ...(options.catalogStatus === 'unreachable'
      ? [
          createServiceFactory({
            service: coreServices.discovery,
            deps: {},
            factory: () => ({
              // Port 1 on loopback: nothing listens, the connection is refused.
              getBaseUrl: async (pluginId: string) =>
                `http://127.0.0.1:1/api/${pluginId}`,
              getExternalBaseUrl: async (pluginId: string) =>
                `http://127.0.0.1:1/api/${pluginId}`,
            }),
          }),
        ]
      : []),
    mockServices.permissions.factory({
      result:
        options.allow === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    }),
    mockServices.rootConfig.factory({
      data: options.liveStatus
        ? { awsPlatform: { liveStatus: options.liveStatus } }
        : {},
    }),
    createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => catalog,
    }),
    createServiceFactory({
      service: awsClientFactoryServiceRef,
      deps: {},
      factory: () => clientFactory,
    }),
  ];
  const { server } = await startTestBackend({
    features: [awsPlatformPlugin, ...features],
  });
  return { server, getEntityByRef, statusCallers: catalogStatus.callers };
}

type Server = Awaited<ReturnType<typeof start>>['server'];

function live(server: Server, path: string, entityRef?: string) {
  const req = request(server).get(`/api/aws-platform/live/${path}`);
  return entityRef === undefined ? req : req.query({ entityRef });
}

function awsError(name: string, httpStatusCode: number): Error {
  return Object.assign(new Error(`${name} from the mock`), {
    name,
    $metadata: { httpStatusCode },
  });
}

function awsCallCount(): number {
  return eks.calls().length + route53.calls().length + backup.calls().length;
}

beforeEach(() => {
  createClient.mockClear();
  eks.reset();
  route53.reset();
  backup.reset();
  eks
    .on(DescribeClusterCommand)
    .resolves({ cluster: describedCluster })
    .on(ListNodegroupsCommand)
    .resolves({ nodegroups: [generalNodegroup.nodegroupName!] })
    .on(DescribeNodegroupCommand)
    .resolves({ nodegroup: generalNodegroup })
    .on(ListAddonsCommand)
    .resolves({ addons: [] })
    .on(ListInsightsCommand)
    .resolves({ insights });
});

describe('GET /ingestion/status', () => {
  it('serves the ingestion status to a permitted user', async () => {
    const { server } = await start();
    const response = await request(server).get(
      '/api/aws-platform/ingestion/status',
    );
    expect(response.status).toBe(200);
    expect(response.body.providers).toEqual([
      expect.objectContaining({
        provider: 'AwsOrganizationEntityProvider',
        entityCount: 13,
      }),
    ]);
  });

  it('reads it from the catalog module’s route with its own service token', async () => {
    const { server, statusCallers } = await start();
    const response = await request(server).get(
      '/api/aws-platform/ingestion/status',
    );
    expect(response.status).toBe(200);
    expect(statusCallers).toEqual(['plugin:aws-platform']);
  });

  it('answers 503 naming the cause when the catalog does not serve the status or cannot be reached', async () => {
    const { server: withoutModule } = await start({ catalogStatus: 'absent' });
    const absent = await request(withoutModule).get(
      '/api/aws-platform/ingestion/status',
    );
    expect(absent.status).toBe(503);
    expect(absent.body.error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        'backstage-plugin-catalog-backend-module-aws-platform',
      ),
    });

    const { server: cutOff } = await start({ catalogStatus: 'unreachable' });
    const unreachable = await request(cutOff).get(
      '/api/aws-platform/ingestion/status',
    );
    expect(unreachable.status).toBe(503);
    expect(unreachable.body.error.message).toMatch(
      /^The catalog could not be reached for the AWS Platform ingestion status/,
    );
  });

  it('answers 401 without credentials and 403 without the permission, without asking the catalog', async () => {
    const { server: allowed, statusCallers } = await start();
    const anonymous = await request(allowed)
      .get('/api/aws-platform/ingestion/status')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);

    const { server: denied, statusCallers: deniedCallers } = await start({
      allow: false,
    });
    const response = await request(denied).get(
      '/api/aws-platform/ingestion/status',
    );
    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('NotAllowedError');
    expect([...statusCallers, ...deniedCallers]).toEqual([]);
  });

  it('answers health checks without credentials', async () => {
    const { server } = await start({ allow: false });
    const response = await request(server)
      .get('/api/aws-platform/health')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});

describe('permissions', () => {
  it('registers the permissions it checks with the permission framework, live status as a catalog-entity permission', async () => {
    const { server } = await start();
    const response = await request(server)
      .get('/api/aws-platform/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
    expect(response.body.permissions).toContainEqual({
      type: 'resource',
      name: 'aws-platform.live-status.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
    // Its own only: the actions' permissions are the scaffolder module's.
    expect(
      response.body.permissions.map((p: { name: string }) => p.name).sort(),
    ).toEqual(['aws-platform.live-status.read', 'aws-platform.status.read']);
  });
});

describe('GET /live/clusters', () => {
  it('answers with the cluster’s live status, reading the entity as the caller', async () => {
    const { server, getEntityByRef } = await start();
    const response = await live(server, 'clusters', refOf(productionCluster));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: refOf(productionCluster),
      cluster: { name: 'acme-production-v1', status: 'ACTIVE' },
      nodegroups: [
        { name: generalNodegroup.nodegroupName, desiredSize: 2, maxSize: 3 },
      ],
      addons: [],
      insights: [{ status: 'ERROR' }, { status: 'PASSING' }],
      gaps: {},
    });
    expect(getEntityByRef).toHaveBeenCalledWith(refOf(productionCluster), {
      credentials: mockCredentials.user(),
    });
    expect(createClient).toHaveBeenCalledWith(EKSClient, {
      accountId: PRODUCTION,
      region: 'us-east-1',
    });
  });

  it('answers 401 without a user, and 403 without the permission before reading the catalog or AWS', async () => {
    const { server, getEntityByRef } = await start({ allow: false });
    const anonymous = await live(
      server,
      'clusters',
      refOf(productionCluster),
    ).set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);

    const denied = await live(server, 'clusters', refOf(productionCluster));
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('aws-platform.live-status.read'),
    });
    expect(getEntityByRef).not.toHaveBeenCalled();
    expect(createClient).not.toHaveBeenCalled();
    expect(awsCallCount()).toBe(0);
  });

  it('answers 404 for an entity the catalog does not show the caller', async () => {
    const { server } = await start({ hidden: [productionCluster] });
    const hidden = await live(server, 'clusters', refOf(productionCluster));
    expect(hidden.status).toBe(404);
    const unknown = await live(server, 'clusters', 'resource:default/nope');
    expect(unknown.status).toBe(404);
    expect(awsCallCount()).toBe(0);
  });

  it.each([
    ['no entityRef', undefined, /entityRef query parameter is required/],
    ['a malformed ref', 'resource:default/', /Malformed entityRef/],
    ['an entity of another type', refOf(productionZone), /not an EKS cluster/],
    [
      'an entity the suite did not ingest',
      refOf(registeredCluster),
      /not ingested by the AWS Platform suite/,
    ],
  ])('answers 400 for %s', async (_, entityRef, message) => {
    const { server } = await start();
    const response = await live(server, 'clusters', entityRef);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(awsCallCount()).toBe(0);
  });

  it('answers 404 when AWS no longer has the cluster, and 503 without AWS details when AWS fails', async () => {
    const { server } = await start();
    eks.on(DescribeClusterCommand).rejects(
      Object.assign(awsError('ThrottlingException', 429), {
        message: 'Rate exceeded for arn:aws:iam::715451680876:role/secret',
      }),
    );
    const throttled = await live(server, 'clusters', refOf(productionCluster));
    expect(throttled.status).toBe(503);
    expect(throttled.body.error.message).toBe(
      `EKS cluster acme-production-v1 could not be read from AWS: ThrottlingException (HTTP 429) in eks:${PRODUCTION}:us-east-1`,
    );
    expect(JSON.stringify(throttled.body)).not.toContain('arn:aws:iam');

    // Failures are not cached: the next request asks AWS again.
    eks
      .on(DescribeClusterCommand)
      .rejects(awsError('ResourceNotFoundException', 404));
    const gone = await live(server, 'clusters', refOf(productionCluster));
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toMatch(/no longer exists in AWS/);
    expect(eks).toHaveReceivedCommandTimes(DescribeClusterCommand, 2);
  });

  it('asks AWS once per resource within the TTL, and again after it', async () => {
    const { server } = await start({
      liveStatus: { cacheTtl: { milliseconds: 300 } },
    });
    const first = await live(server, 'clusters', refOf(productionCluster));
    const second = await live(server, 'clusters', refOf(productionCluster));
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(eks).toHaveReceivedCommandTimes(DescribeClusterCommand, 1);
    expect(eks).toHaveReceivedCommandTimes(DescribeNodegroupCommand, 1);

    await new Promise(resolve => setTimeout(resolve, 400));
    await live(server, 'clusters', refOf(productionCluster));
    expect(eks).toHaveReceivedCommandTimes(DescribeClusterCommand, 2);
  });

  it('makes one AWS read for 500 simultaneous requests', async () => {
    const { server, getEntityByRef } = await start();
    let release!: () => void;
    const released = new Promise<void>(resolve => (release = resolve));
    eks.on(DescribeClusterCommand).callsFake(async () => {
      await released;
      return { cluster: describedCluster };
    });

    const responses = Promise.all(
      Array.from({ length: 500 }, () =>
        live(server, 'clusters', refOf(productionCluster)).then(r => r.status),
      ),
    );
    // Hold AWS's answer until every request is past the catalog and waiting.
    for (let i = 0; i < 600 && getEntityByRef.mock.calls.length < 500; i++) {
      await new Promise(resolve => setTimeout(resolve, 25));
    }
    expect(getEntityByRef).toHaveBeenCalledTimes(500);
    release();

    expect(new Set(await responses)).toEqual(new Set([200]));
    expect(eks).toHaveReceivedCommandTimes(DescribeClusterCommand, 1);
    expect(eks).toHaveReceivedCommandTimes(ListNodegroupsCommand, 1);
  });
});

describe('GET /live/zones', () => {
  function nsRecords(records: Record<string, string[]>) {
    route53.on(ListResourceRecordSetsCommand).callsFake(async input => {
      const values = records[`${input.HostedZoneId}:${input.StartRecordName}`];
      return {
        ResourceRecordSets: values
          ? [
              {
                Name: `${input.StartRecordName}.`,
                Type: 'NS',
                TTL: 3600,
                ResourceRecords: values.map(Value => ({ Value })),
              },
            ]
          : [],
        IsTruncated: false,
      };
    });
  }

  it('compares the parent’s record with the zone’s servers, each read in its own account', async () => {
    nsRecords({
      'LIE3CSMCMCUT6Z84QCMSWD:sandbox.example.com': [
        'ns-1.example.',
        'ns-2.example.',
      ],
      'JVFJWTZIFT9YVI7F16XBXT:sandbox.example.com': [
        'ns-1.example.',
        'ns-9999.example.',
      ],
    });
    const { server } = await start();
    const response = await live(server, 'zones', refOf(sandboxZone));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: refOf(sandboxZone),
      zone: { name: 'sandbox.example.com', accountId: SANDBOX },
      parent: {
        entityRef: refOf(rootZone),
        name: 'example.com',
        accountId: NETWORK,
        record: { nameServers: ['ns-1.example', 'ns-9999.example'], ttl: 3600 },
      },
      status: 'drift',
      missing: ['ns-2.example'],
      extra: ['ns-9999.example'],
    });
    expect(
      createClient.mock.calls.map(([, target]) => target.accountId).sort(),
    ).toEqual([NETWORK, SANDBOX].sort());
  });

  it('is unknown, without reading the parent’s account, when the caller may not see the parent zone', async () => {
    nsRecords({
      '1FO2WB0DZ6XPYFXOBUGVJI:production.example.com': ['ns-1.example'],
    });
    const { server } = await start({ hidden: [rootZone] });
    const response = await live(server, 'zones', refOf(productionZone));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'unknown',
      reason: 'parent-not-visible',
    });
    expect(response.body.parent).toBeUndefined();
    expect(createClient).toHaveBeenCalledTimes(1);
    expect(createClient).toHaveBeenCalledWith(Route53Client, {
      accountId: PRODUCTION,
      region: 'us-east-1',
    });
  });

  it('shares the cached apex lookup of a parent zone between its own answers', async () => {
    nsRecords({ 'JVFJWTZIFT9YVI7F16XBXT:example.com': ['ns-a.example'] });
    const { server } = await start();
    const first = await live(server, 'zones', refOf(rootZone));
    expect(first.body).toMatchObject({ status: 'no-parent' });
    await live(server, 'zones', refOf(rootZone));
    expect(route53).toHaveReceivedCommandTimes(
      ListResourceRecordSetsCommand,
      1,
    );
  });
});

describe('GET /live/backups', () => {
  beforeEach(() => {
    backup
      .on(ListBackupJobsCommand)
      .resolves({ BackupJobs: backupJobs })
      .on(ListCopyJobsCommand)
      .resolves({ CopyJobs: copyJobs })
      .on(ListRecoveryPointsByBackupVaultCommand)
      .resolves({ RecoveryPoints: recoveryPoints });
  });

  it('answers a vault’s recent jobs, copy jobs and recovery points', async () => {
    const { server } = await start({ liveStatus: { backupDays: 3 } });
    const response = await live(server, 'backups', refOf(productionVault));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: refOf(productionVault),
      kind: 'vault',
      accountId: PRODUCTION,
      window: { days: 3, maxItems: 50 },
      jobs: { truncated: false },
      copyJobs: { items: [{ id: 'copy-completed' }], truncated: false },
      recoveryPoints: { items: [{ status: 'COMPLETED' }] },
      gaps: {},
    });
    expect(response.body.jobs.items).toHaveLength(3);
    const since = backup.commandCalls(ListBackupJobsCommand)[0].args[0].input
      .ByCreatedAfter!;
    expect(Date.now() - since.getTime()).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(Date.now() - since.getTime()).toBeLessThan(3 * 86_400_000 + 60_000);
  });

  it('answers a plan’s own jobs and copy jobs', async () => {
    const { server } = await start();
    const response = await live(server, 'backups', refOf(productionPlan));
    expect(response.status).toBe(200);
    expect(response.body.jobs.items.map((j: { id: string }) => j.id)).toEqual([
      'job-failed',
      'job-completed',
    ]);
    expect(response.body.recoveryPoints).toBeUndefined();
  });

  it('answers 400 for a cluster', async () => {
    const { server } = await start();
    const response = await live(server, 'backups', refOf(productionCluster));
    expect(response.status).toBe(400);
  });
});

describe('no AWS error details reach the browser', () => {
  // An AWS error as AWS words it: the message names a role ARN and an
  // account id that the caller may not know. Only the error's name, its
  // HTTP status and the suite's scope may leave the backend.
  const LEAKED_ACCOUNT = '999988887777';
  const leakyError = () =>
    Object.assign(
      new Error(
        `User: arn:aws:sts::${LEAKED_ACCOUNT}:assumed-role/backstage-readonly/s1 is not authorized: rate exceeded for account ${LEAKED_ACCOUNT}`,
      ),
      { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } },
    );

  const routes: Array<{
    route: string;
    scope: string;
    request(): Promise<request.Response>;
  }> = [
    {
      route: '/ingestion/status',
      scope: `eks:${PRODUCTION}:us-east-1`,
      async request() {
        // Recorded as the provider records a failed scope.
        const { server } = await start({
          failures: [
            {
              scope: `eks:${PRODUCTION}:us-east-1`,
              ...describeAwsError(leakyError()),
            },
          ],
        });
        return request(server).get('/api/aws-platform/ingestion/status');
      },
    },
    {
      route: '/live/clusters',
      scope: `eks:${PRODUCTION}:us-east-1`,
      async request() {
        eks.on(DescribeClusterCommand).rejects(leakyError());
        const { server } = await start();
        return live(server, 'clusters', refOf(productionCluster));
      },
    },
    {
      route: '/live/zones',
      scope: `route53:${NETWORK}`,
      async request() {
        route53.on(ListResourceRecordSetsCommand).rejects(leakyError());
        const { server } = await start();
        return live(server, 'zones', refOf(rootZone));
      },
    },
    {
      route: '/live/backups',
      scope: `backup:${PRODUCTION}:us-east-1`,
      async request() {
        backup.on(ListBackupJobsCommand).rejects(leakyError());
        backup.on(ListCopyJobsCommand).rejects(leakyError());
        backup.on(ListRecoveryPointsByBackupVaultCommand).rejects(leakyError());
        const { server } = await start();
        return live(server, 'backups', refOf(productionVault));
      },
    },
  ];

  function errorTexts(body: any): string[] {
    return body.error
      ? [body.error.message]
      : body.providers.flatMap((p: { failures: IngestionScopeFailure[] }) =>
          p.failures.map(f => f.message),
        );
  }

  it.each(routes)(
    '$route names the error, its HTTP status and the scope, never the ARN, account or message',
    async ({ request: send, scope }) => {
      const response = await send();
      const texts = errorTexts(response.body);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('ThrottlingException (HTTP 400)');
      expect(texts[0]).toContain(scope);

      const served = JSON.stringify(response.body);
      expect(served).not.toContain('arn:aws');
      expect(served).not.toContain(LEAKED_ACCOUNT);
      expect(served).not.toContain('not authorized');
    },
  );
});

describe('every route refuses callers before reading the catalog or AWS', () => {
  // Every route the plugin serves, but /health, which is public by design
  // (its auth policy) and reads nothing. The list is checked against the
  // router below, so a new route cannot be left out.
  const guarded = [
    { path: '/ingestion/status' },
    { path: '/live/clusters', entityRef: refOf(productionCluster) },
    { path: '/live/zones', entityRef: refOf(productionZone) },
    { path: '/live/backups', entityRef: refOf(productionVault) },
  ];

  const get = (server: Server, path: string, entityRef?: string) => {
    const req = request(server).get(`/api/aws-platform${path}`);
    return entityRef === undefined ? req : req.query({ entityRef });
  };

  it('lists every route the router serves', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      readIngestionStatus: async () => [],
      catalog: catalogServiceMock(),
      clientFactory,
      cache: mockServices.cache.mock(),
      logger: mockServices.logger.mock(),
      liveStatus: readLiveStatusConfig(mockServices.rootConfig()),
    });
    expect(servedPaths(router).sort()).toEqual(
      ['/health', ...guarded.map(r => r.path)].sort(),
    );
  });

  it.each(guarded)(
    '$path answers 401 without credentials',
    async ({ path, entityRef }) => {
      const { server, getEntityByRef } = await start();
      const response = await get(server, path, entityRef).set(
        'Authorization',
        mockCredentials.none.header(),
      );
      expect(response.status).toBe(401);
      expect(getEntityByRef).not.toHaveBeenCalled();
      expect(createClient).not.toHaveBeenCalled();
      expect(awsCallCount()).toBe(0);
    },
  );

  it.each(guarded)(
    '$path answers 403 to a user without its permission',
    async ({ path, entityRef }) => {
      const { server, getEntityByRef } = await start({ allow: false });
      const response = await get(server, path, entityRef);
      expect(response.status).toBe(403);
      expect(response.body.error.name).toBe('NotAllowedError');
      expect(response.body).not.toHaveProperty('providers');
      expect(getEntityByRef).not.toHaveBeenCalled();
      expect(createClient).not.toHaveBeenCalled();
      expect(awsCallCount()).toBe(0);
    },
  );
});

/** The paths of an Express router's routes, nested routers included. */
function servedPaths(router: { stack?: unknown[] }): string[] {
  type Layer = {
    route?: { path: string };
    handle?: { stack?: unknown[] };
  };
  return ((router.stack ?? []) as Layer[]).flatMap(layer => {
    if (layer.route) return [layer.route.path];
    if (layer.handle?.stack) return servedPaths(layer.handle);
    return [];
  });
}
