import { isMutatingOperation } from '@internal/local-aws';
import { awsReads } from './__testUtils__/awsCalls';
import { getJson, guestToken, waitFor } from './__testUtils__/portalClient';
import { useProductionShape } from './__testUtils__/productionShape';

// A scaffolder task started through replica A, on two replicas whose task
// workers both poll the shared database: one of them claims it, and the
// AWS changes it makes reach moto once (each replica through its own
// counting proxy, so a second execution on either would show).

const shape = useProductionShape({
  auth: {
    providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
  },
  catalog: {
    providers: {
      awsPlatform: {
        regions: ['us-east-1'],
        schedule: { frequency: 'PT30M', timeout: 'PT5M' },
      },
    },
  },
});

/** Changes (Create*, Change*, Tag*...) over both proxies, by operation. */
function changes(): Record<string, number> {
  return Object.fromEntries(
    Object.entries(awsReads(shape.proxies)).filter(([key]) =>
      isMutatingOperation(key.split(':')[1]),
    ),
  );
}

describe('a scaffolder task on two replicas', () => {
  it('started through replica A runs once', async () => {
    const [a, b] = shape.replicas.map(replica => replica.baseUrl);
    const token = await guestToken(a);
    const sandbox = `resource:default/account-${shape.estate.accounts.sandbox.id}`;
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
    expect(changes()).toEqual({});

    const created = await fetch(`${a}/api/scaffolder/v2/tasks`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        templateRef: 'template:default/aws-delegated-subdomain',
        values: {
          subdomain: 'replicas',
          account: sandbox,
          owner: 'group:default/app-developers',
        },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const status = await waitFor(
      'the task ends (read through replica B)',
      async () => {
        const { body } = await getJson(
          `${b}/api/scaffolder/v2/tasks/${id}`,
          token,
        );
        const { status: now } = body as { status: string };
        return ['completed', 'failed', 'cancelled'].includes(now)
          ? now
          : undefined;
      },
      120_000,
    );
    expect(status).toBe('completed');

    // The zone, its tags and the delegation in the parent zone: once each.
    expect(changes()).toEqual({
      'route53:CreateHostedZone': 1,
      'route53:ChangeTagsForResource': 1,
      'route53:ChangeResourceRecordSets': 1,
    });
  }, 300_000);
});
