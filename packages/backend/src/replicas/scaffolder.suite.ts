import { isMutatingOperation } from '@internal/local-aws';
import { awsReads } from './__testUtils__/awsCalls';
import { getJson, guestToken, waitFor } from './__testUtils__/portalClient';
import type { ProductionShape } from './__testUtils__/productionShape';

// Scaffolder tasks on two replicas whose task workers both poll the shared
// database: a task started through replica A is claimed by one of them,
// and the AWS changes it makes reach moto once (each replica through its
// own counting proxy, so a second execution on either would show). A
// replica killed mid-task leaves it to the other, which takes it up once
// its heartbeat is stale (scaffolder.taskRecovery) and finishes it without
// creating anything twice.

/** Changes (Create*, Change*, Tag*...) over both proxies, by operation. */
function changes(shape: ProductionShape): Record<string, number> {
  return Object.fromEntries(
    Object.entries(awsReads(shape.proxies)).filter(([key]) =>
      isMutatingOperation(key.split(':')[1]),
    ),
  );
}

/** The changes made since `before` (a `changes()` taken earlier). */
function changesSince(shape: ProductionShape, before: Record<string, number>) {
  return Object.fromEntries(
    Object.entries(changes(shape))
      .map(([key, calls]) => [key, calls - (before[key] ?? 0)] as const)
      .filter(([, calls]) => calls > 0),
  );
}

const sandbox = (shape: ProductionShape) =>
  `resource:default/account-${shape.estate.accounts.sandbox.id}`;

async function bothReplicasReady(
  shape: ProductionShape,
  token: string,
): Promise<void> {
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
  shape: ProductionShape,
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
        account: sandbox(shape),
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

/**
 * The scaffolder's tests, on the pair `shape` started; they run last: the
 * second one kills a replica (and starts it again).
 */
export function scaffolderOnReplicas(shape: ProductionShape) {
  describe('a scaffolder task on two replicas', () => {
  it('started through replica A runs once', async () => {
    const [a, b] = shape.replicas.map(replica => replica.baseUrl);
    const token = await guestToken(a);
    await bothReplicasReady(shape, token);
    expect(changes(shape)).toEqual({});

    const id = await startSubdomainTask(shape, a, token, 'replicas');
    expect(await taskEnd(b, token, id)).toBe('completed');

    // The zone, its tags and the delegation in the parent zone: once each.
    expect(changes(shape)).toEqual({
      'route53:CreateHostedZone': 1,
      'route53:ChangeTagsForResource': 1,
      'route53:ChangeResourceRecordSets': 1,
    });
  }, 300_000);

  it('killed mid-task, is finished by the other replica, creating nothing twice', async () => {
    const token = await guestToken(shape.replicas[0].baseUrl);
    await bothReplicasReady(shape, token);
    const before = changes(shape);
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
        shape,
        shape.replicas[0].baseUrl,
        token,
        'recovered',
      );
      await waitFor('the tag write is held', async () => victim, 60_000);
      await shape.replicas[victim!].kill();
      shape.proxies.forEach(proxy => proxy.setRules([]));

      const survivor = shape.replicas[1 - victim!].baseUrl;
      expect(await taskEnd(survivor, token, id)).toBe('completed');
      const made = changesSince(shape, before);
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
  }, 300_000);
});
}
