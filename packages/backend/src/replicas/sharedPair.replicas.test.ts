import {
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { isMutatingOperation } from '@internal/local-aws';
import {
  madeIn,
  organizationsTagAccount,
} from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform/src/events/__fixtures__/cloudTrailEvents';
import knexFactory from 'knex';
import { awsReads, callsOf } from './__testUtils__/awsCalls';
import { eventsOnQueue, EventsOnQueue } from './__testUtils__/eventsOnQueue';
import { getJson, guestToken, waitFor } from './__testUtils__/portalClient';
import { useProductionShape } from './__testUtils__/productionShape';
import { flushRedis } from './__testUtils__/redisCache';

// The live status API, the scaffolder and the events path on one pair of
// replicas: starting PostgreSQL, Redis, moto and two backends is most of
// each suite's cost, so they share one start. The live status tests only
// read AWS and run first; the scaffolder's last test kills a replica (and
// starts it again: the ingestion status must read the same after), and the
// events path's kills one for good, last.
// schedule.replicas.test.ts keeps a pair of its own: it needs a short
// refresh schedule, which these tests must not have.

/** Recovery takes a task up after this many seconds without a heartbeat. */
const STALE_S = 5;

let events: EventsOnQueue;
const shape = useProductionShape(async ({ localAws }) => {
  events = await eventsOnQueue(localAws, {
    // Long enough to kill the replica that holds a change before it applies it.
    coalesceWindow: '4s',
    replicaLease: '3s',
  });
  const portal = {
    auth: {
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    catalog: {
      providers: {
        awsPlatform: {
          regions: ['us-east-1'],
          // The ingestion runs once at startup, not during the tests.
          schedule: { frequency: 'PT30M', timeout: 'PT5M' },
        },
      },
    },
    awsPlatform: { liveStatus: { cacheTtl: 'PT60S' } },
    // app-config.production.yaml turns recovery on; shorter here.
    scaffolder: { taskRecovery: { staleTimeout: { seconds: STALE_S } } },
  };
  return [portal, events.config];
});

// The live status API on two replicas sharing one Redis: a burst spread over
// both must cost AWS what one read of each resource costs, as on one
// replica. Each replica reaches moto through its own counting proxy; the
// ingestion runs once at startup and not again during the tests, so its
// status, kept in the catalog's database, must read the same everywhere.

/** Which live endpoint serves each ingested entity type. */
const ENDPOINTS: Record<string, string> = {
  'kubernetes-cluster': 'clusters',
  'dns-zone': 'zones',
  'aws-backup-vault': 'backups',
  'aws-backup-plan': 'backups',
};

type Entity = {
  metadata: { namespace: string; name: string };
  spec: { type: string };
};

/** The live status path of every ingested cluster, zone, vault and plan. */
async function livePaths(baseUrl: string, token: string): Promise<string[]> {
  const { status, body } = await getJson(
    `${baseUrl}/api/catalog/entities?filter=kind=resource,spec.type=${Object.keys(
      ENDPOINTS,
    ).join(',spec.type=')}&fields=metadata.namespace,metadata.name,spec.type`,
    token,
  );
  if (status !== 200) throw new Error(`catalog answered ${status}`);
  return (body as Entity[]).map(entity => {
    const ref = `resource:${entity.metadata.namespace}/${entity.metadata.name}`;
    return `/api/aws-platform/live/${
      ENDPOINTS[entity.spec.type]
    }?entityRef=${encodeURIComponent(ref)}`;
  });
}

/** AWS reads (STS left out) made while `work` runs, by operation. */
async function readsDuring(work: () => Promise<void>) {
  const before = awsReads(shape.proxies);
  await work();
  const after = awsReads(shape.proxies);
  return Object.fromEntries(
    Object.entries(after)
      .map(([op, calls]) => [op, calls - (before[op] ?? 0)] as const)
      .filter(([, calls]) => calls > 0),
  );
}

type IngestionStatus = { providers: Array<{ entityCount: number }> };

/** The ingestion status as replica `index` answers it. */
async function ingestionStatus(index: number): Promise<IngestionStatus> {
  const { baseUrl } = shape.replicas[index];
  const answer = await getJson(
    `${baseUrl}/api/aws-platform/ingestion/status`,
    await guestToken(baseUrl),
  );
  expect(answer.status).toBe(200);
  return answer.body as IngestionStatus;
}

/** What both replicas answered before one of them was restarted. */
let statusBeforeRestart: IngestionStatus | undefined;

describe('the live status API on two replicas sharing Redis', () => {
  it('reads each resource from AWS once for 500 concurrent requests over both replicas', async () => {
    const [a, b] = shape.replicas.map(replica => replica.baseUrl);
    const token = await guestToken(a);
    const paths = await waitFor(
      'both replicas serve the ingested clusters, zones, vaults and plans',
      async () => {
        const [onA, onB] = [
          await livePaths(a, token),
          await livePaths(b, token),
        ];
        return onA.length >= 6 && onA.join() === onB.join() ? onA : undefined;
      },
      90_000,
    );

    // One cold read of each resource, one request at a time.
    await flushRedis(shape.redisUrl);
    const statuses: number[] = [];
    const once = await readsDuring(async () => {
      for (const path of paths) {
        statuses.push((await getJson(`${a}${path}`, token)).status);
      }
    });
    expect(statuses.every(status => status === 200)).toBe(true);
    expect(Object.keys(once).length).toBeGreaterThan(0);

    // The same resources, cold again, 500 requests at once over A and B.
    await flushRedis(shape.redisUrl);
    const failed: unknown[] = [];
    const burst = await readsDuring(async () => {
      const requests = Array.from({ length: 500 }, (_, i) =>
        getJson(`${i % 2 ? b : a}${paths[i % paths.length]}`, token),
      );
      for (const answer of await Promise.all(requests)) {
        if (answer.status !== 200) failed.push(answer);
      }
    });
    expect(failed).toEqual([]);
    expect(burst).toEqual(once);
  }, 240_000);

  it('answers the same ingestion status on either replica', async () => {
    const [onA, onB] = [await ingestionStatus(0), await ingestionStatus(1)];
    expect(onA.providers.length).toBe(1);
    expect(onA.providers[0].entityCount).toBeGreaterThan(0);
    expect(onB).toEqual(onA);
    // The refresh ran at start-up, on one replica (the scheduler's lock):
    // the other answers from the database. The scaffolder's kill test
    // restarts a replica and checks the status again.
    expect(
      shape.proxies.some(
        proxy => callsOf(proxy, 'organizations:ListRoots') > 0,
      ),
    ).toBe(true);
    statusBeforeRestart = onA;
  }, 60_000);
});

// Scaffolder tasks on two replicas whose task workers both poll the shared
// database: a task started through replica A is claimed by one of them,
// and the AWS changes it makes reach moto once (each replica through its
// own counting proxy, so a second execution on either would show). A
// replica killed mid-task leaves it to the other, which takes it up once
// its heartbeat is stale (scaffolder.taskRecovery) and finishes it without
// creating anything twice.

/** Changes (Create*, Change*, Tag*...) over both proxies, by operation. */
function changes(): Record<string, number> {
  return Object.fromEntries(
    Object.entries(awsReads(shape.proxies)).filter(([key]) =>
      isMutatingOperation(key.split(':')[1]),
    ),
  );
}

/** The changes made since `before` (a `changes()` taken earlier). */
function changesSince(before: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(changes())
      .map(([key, calls]) => [key, calls - (before[key] ?? 0)] as const)
      .filter(([, calls]) => calls > 0),
  );
}

const sandbox = () =>
  `resource:default/account-${shape.estate.accounts.sandbox.id}`;

async function bothReplicasReady(token: string): Promise<void> {
  const [a, b] = shape.replicas.map(replica => replica.baseUrl);
  await waitFor(
    'both replicas know the template, the account and the owner group',
    async () => {
      const found = await Promise.all(
        [
          'template/default/aws-delegated-subdomain',
          `resource/default/account-${shape.estate.accounts.sandbox.id}`,
          'group/default/app-developers',
        ].flatMap(path =>
          [a, b].map(base =>
            getJson(`${base}/api/catalog/entities/by-name/${path}`, token),
          ),
        ),
      );
      return found.every(answer => answer.status === 200) ? true : undefined;
    },
    120_000,
  );
}

/** Starts the delegated subdomain template through `baseUrl`; its task id. */
async function startSubdomainTask(
  baseUrl: string,
  token: string,
  subdomain: string,
): Promise<string> {
  const created = await fetch(`${baseUrl}/api/scaffolder/v2/tasks`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      templateRef: 'template:default/aws-delegated-subdomain',
      values: {
        subdomain,
        account: sandbox(),
        owner: 'group:default/app-developers',
      },
    }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** The task's final status, read through `baseUrl`. */
function taskEnd(baseUrl: string, token: string, id: string) {
  return waitFor(
    `task ${id} ends (read through ${baseUrl})`,
    async () => {
      const { body } = await getJson(
        `${baseUrl}/api/scaffolder/v2/tasks/${id}`,
        token,
      );
      const { status } = body as { status: string };
      return ['completed', 'failed', 'cancelled'].includes(status)
        ? status
        : undefined;
    },
    120_000,
  );
}

describe('a scaffolder task on two replicas', () => {
  it('started through replica A runs once', async () => {
    const [a, b] = shape.replicas.map(replica => replica.baseUrl);
    const token = await guestToken(a);
    await bothReplicasReady(token);
    expect(changes()).toEqual({});

    const id = await startSubdomainTask(a, token, 'replicas');
    expect(await taskEnd(b, token, id)).toBe('completed');

    // The zone, its tags and the delegation in the parent zone: once each.
    expect(changes()).toEqual({
      'route53:CreateHostedZone': 1,
      'route53:ChangeTagsForResource': 1,
      'route53:ChangeResourceRecordSets': 1,
    });
  }, 300_000);

  it('killed mid-task, is finished by the other replica, creating nothing twice', async () => {
    const token = await guestToken(shape.replicas[0].baseUrl);
    await bothReplicasReady(token);
    const before = changes();
    // The zone's tag write waits 4 s at the proxy, after the zone was
    // created; the replica that made it is killed while it waits.
    const slowTags = {
      name: 'slow-tags',
      match: { service: 'route53', operation: 'ChangeTagsForResource' },
      fault: { kind: 'latency' as const, ms: 4_000 },
      times: 1,
    };
    shape.proxies.forEach(proxy => proxy.setRules([slowTags]));
    let victim: number | undefined;
    const unsubscribe = shape.proxies.map((proxy, index) =>
      proxy.onFault(() => {
        victim ??= index;
      }),
    );
    try {
      const id = await startSubdomainTask(
        shape.replicas[0].baseUrl,
        token,
        'recovered',
      );
      await waitFor('the tag write is held', async () => victim, 60_000);
      await shape.replicas[victim!].kill();
      shape.proxies.forEach(proxy => proxy.setRules([]));

      const survivor = shape.replicas[1 - victim!].baseUrl;
      expect(await taskEnd(survivor, token, id)).toBe('completed');
      const made = changesSince(before);
      // One zone and one delegation. The held tag write may still have
      // reached AWS after its replica died; the survivor's run converges
      // the tags either way.
      expect(made['route53:CreateHostedZone']).toBe(1);
      expect(made['route53:ChangeResourceRecordSets']).toBe(1);
      expect(made['route53:ChangeTagsForResource']).toBeLessThanOrEqual(2);
      const { body } = await getJson(
        `${survivor}/api/scaffolder/v2/tasks/${id}/events`,
        token,
      );
      const types = (body as Array<{ type: string }>).map(e => e.type);
      expect(types).toContain('recovered');
    } finally {
      unsubscribe.forEach(stop => stop());
      shape.proxies.forEach(proxy => proxy.setRules([]));
      if (victim !== undefined) await shape.restart(victim);
    }
    // A replica's start leaves the ingestion status as it was.
    expect(statusBeforeRestart).toBeDefined();
    expect(await ingestionStatus(victim!)).toEqual(statusBeforeRestart);
  }, 300_000);
});

// The CloudTrail events path on both replicas: each long-polls the queue,
// and the aws-sqs module deletes a message once it has handed it to the
// replica that received it. That replica keeps the change in the catalog's
// database until it is applied; killed before, its lease runs out and the
// other replica applies the change.

describe('CloudTrail events on two replicas', () => {
  /** The catalog's database, where the replicas keep the changes they took. */
  const catalogDatabase = () => {
    const env = shape.postgresEnv;
    return knexFactory({
      client: 'pg',
      connection: {
        host: env.POSTGRES_HOST,
        port: Number(env.POSTGRES_PORT),
        user: env.POSTGRES_USER,
        password: env.POSTGRES_PASSWORD,
        database: 'backstage_plugin_catalog',
      },
    });
  };

  it("killed while it holds an event's change, leaves it to the other replica, which applies it", async () => {
    const token = await guestToken(shape.replicas[0].baseUrl);
    await bothReplicasReady(token);
    const db = catalogDatabase();
    const account = shape.estate.accounts.sandbox.id;
    const owner = 'events-replica-team';
    const organizations = new OrganizationsClient(shape.awsClient);
    try {
      await organizations.send(
        new TagResourceCommand({
          ResourceId: account,
          Tags: [{ Key: 'owner', Value: owner }],
        }),
      );
      await events.queue.send(
        JSON.stringify(
          madeIn(
            organizationsTagAccount,
            shape.estate.managementAccountId,
            'us-east-1',
            {
              requestParameters: {
                resourceId: account,
                tags: [{ key: 'owner', value: owner }],
              },
            },
          ),
        ),
      );
      // The replica that took the message holds its change for the window.
      const holder = await waitFor(
        'a replica keeps the change',
        async () => {
          const rows = await db('aws_platform_event_changes').select('holder');
          return rows.length === 1 ? (rows[0].holder as string) : undefined;
        },
        30_000,
      );
      const pid = Number(holder.split(':').at(-2));
      const victim = shape.replicas.findIndex(replica => replica.pid === pid);
      expect(victim).toBeGreaterThanOrEqual(0);
      await shape.replicas[victim].kill();

      const survivor = shape.replicas[1 - victim].baseUrl;
      const entity = await waitFor(
        'the other replica applies the owner',
        async () => {
          const { body } = await getJson(
            `${survivor}/api/catalog/entities/by-name/resource/default/account-${account}`,
            token,
          );
          const found = body as { spec?: { owner?: string } };
          return found.spec?.owner === `group:default/${owner}`
            ? found
            : undefined;
        },
        60_000,
      );
      expect(entity.spec?.owner).toBe(`group:default/${owner}`);
      // Applied once it was taken over: nothing is left in the journal.
      await waitFor(
        'the journal is empty',
        async () => {
          const [{ n }] = await db('aws_platform_event_changes').count({
            n: '*',
          });
          return Number(n) === 0 ? true : undefined;
        },
        10_000,
      );
    } finally {
      // The last test of the file: the killed replica is not started again.
      await db.destroy();
    }
  }, 240_000);
});
