import { awsReads, callsOf } from './__testUtils__/awsCalls';
import { getJson, guestToken, waitFor } from './__testUtils__/portalClient';
import type { ProductionShape } from './__testUtils__/productionShape';
import { flushRedis } from './__testUtils__/redisCache';

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
async function readsDuring(
  shape: ProductionShape,
  work: () => Promise<void>,
) {
  const before = awsReads(shape.proxies);
  await work();
  const after = awsReads(shape.proxies);
  return Object.fromEntries(
    Object.entries(after)
      .map(([op, calls]) => [op, calls - (before[op] ?? 0)] as const)
      .filter(([, calls]) => calls > 0),
  );
}

/** The live status API's tests, on the pair `shape` started. */
export function liveStatusOnReplicas(shape: ProductionShape) {
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
    const once = await readsDuring(shape, async () => {
      for (const path of paths) {
        statuses.push((await getJson(`${a}${path}`, token)).status);
      }
    });
    expect(statuses.every(status => status === 200)).toBe(true);
    expect(Object.keys(once).length).toBeGreaterThan(0);

    // The same resources, cold again, 500 requests at once over A and B.
    await flushRedis(shape.redisUrl);
    const failed: unknown[] = [];
    const burst = await readsDuring(shape, async () => {
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

  it('answers the same ingestion status on either replica and after the one that ran the refresh restarts', async () => {
    const token = await guestToken(shape.replicas[0].baseUrl);
    const status = async (index: number) => {
      const answer = await getJson(
        `${shape.replicas[index].baseUrl}/api/aws-platform/ingestion/status`,
        token,
      );
      expect(answer.status).toBe(200);
      return answer.body as { providers: Array<{ entityCount: number }> };
    };
    const [onA, onB] = [await status(0), await status(1)];
    expect(onA.providers.length).toBe(1);
    expect(onA.providers[0].entityCount).toBeGreaterThan(0);
    expect(onB).toEqual(onA);

    const runner = shape.proxies.findIndex(
      proxy => callsOf(proxy, 'organizations:ListRoots') > 0,
    );
    expect(runner).toBeGreaterThanOrEqual(0);
    await shape.restart(runner);
    expect(await status(runner)).toEqual(onA);
  }, 240_000);
});
}
