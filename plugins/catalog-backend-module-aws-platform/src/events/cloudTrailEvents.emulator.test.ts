import { CreateClusterCommand, EKSClient } from '@aws-sdk/client-eks';
import {
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import {
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import eventsPlugin from '@backstage/plugin-events-backend';
import eventsModuleAwsSqs from '@backstage/plugin-events-backend-module-aws-sqs';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import {
  DefaultAwsClientFactory,
  ROUTE53_REGION,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { RecordedRequest, useReferenceEstate } from '@internal/local-aws';
import request from 'supertest';
import { catalogModuleAwsPlatform } from '../catalogModuleAwsPlatform';
import {
  eksCreateCluster,
  madeIn,
  organizationsMoveAccount,
  organizationsTagAccount,
  route53ChangeTags,
  route53CreateHostedZone,
} from './__fixtures__/cloudTrailEvents';
import { createEventQueue, EventQueue } from './__testUtils__/eventQueue';

// The event path end to end on moto: an SQS queue as the README sets it up,
// the real events backend with @backstage/plugin-events-backend-module-aws-sqs
// reading that queue (through the SDK's ordinary environment, with no
// endpoint of its own), and the real catalog with the suite's module after
// one full refresh. Each change is made in moto, then announced by the
// message EventBridge would write to the queue; the catalog must show it
// without another full refresh.
jest.setTimeout(240_000);

const local = useReferenceEstate();
const TOPIC = 'aws-platform-cloudtrail';
const awsConfig = {
  accountDefaults: { roleName: 'OrganizationAccountAccessRole' },
};

type Server = Parameters<typeof request>[0];

async function resources(server: Server): Promise<Entity[]> {
  const response = await request(server)
    .get('/api/catalog/entities/by-query')
    .query({
      filter:
        'kind=resource,metadata.annotations.amazonaws.com/organization-id',
      limit: 500,
    });
  return response.body.items ?? [];
}

/** Polls until `done`, for at most `seconds`; returns the last value. */
async function waitFor<T>(
  fn: () => Promise<T>,
  done: (value: T) => boolean,
  seconds = 60,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await fn();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

const titles = (entities: Entity[]) =>
  entities.map(e => `${e.spec?.type} ${e.metadata.title}`).sort();

/** The AWS calls of the backend's re-reads: moto's log without the queue's own traffic. */
function awsCalls(log: RecordedRequest[]): string[] {
  return log
    .filter(r => r.service !== 'sqs')
    .map(r => `${r.service} ${r.operation}`);
}

describe('CloudTrail events through SQS', () => {
  let queue: EventQueue;
  let server: Server;

  beforeAll(async () => {
    queue = await createEventQueue({
      name: 'aws-platform-events',
      region: local.estate.region,
      visibilityTimeoutSeconds: 1,
      maxReceiveCount: 3,
    });
    ({ server } = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleAwsPlatform,
        eventsPlugin,
        eventsModuleAwsSqs,
        // The real scheduler (the aws-sqs module polls the queue in a loop)
        // and events service (one bus for all plugins), as createBackend has.
        schedulerServiceFactory,
        eventsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            aws: awsConfig,
            catalog: {
              providers: {
                awsPlatform: {
                  defaultOwner: 'group:default/platform-team',
                  regions: [local.estate.region],
                  events: { enabled: true, coalesceWindow: '1s' },
                },
              },
            },
            events: {
              // As the portal's app-config: the queue hands each message to
              // one replica, the bus is not needed.
              useEventBus: 'never',
              modules: {
                awsSqs: {
                  awsSqsConsumingEventPublisher: {
                    topics: {
                      [TOPIC]: {
                        queue: {
                          url: queue.url,
                          region: local.estate.region,
                          waitTime: '1s',
                        },
                        waitTimeAfterEmptyReceive: '1s',
                      },
                    },
                  },
                },
              },
            },
          },
        }),
      ],
    }));
    // The first full refresh: the reference estate's 22 entities.
    const first = await waitFor(
      () => resources(server),
      items => items.length >= 22,
      120,
    );
    if (first.length < 22) {
      throw new Error(`the first refresh emitted ${first.length} entities`);
    }
  });

  const clients = () =>
    new DefaultAwsClientFactory({
      credentialsManager: DefaultAwsCredentialsManager.fromConfig(
        new ConfigReader({ aws: awsConfig }),
      ),
    });

  it('adds a cluster created in moto once its event arrives, with no full refresh', async () => {
    const sandbox = local.estate.accounts.sandbox.id;
    const { region } = local.estate;
    const eks = await clients().createClient(EKSClient, {
      accountId: sandbox,
      region,
    });
    await eks.send(
      new CreateClusterCommand({
        name: 'events-test',
        roleArn: `arn:aws:iam::${sandbox}:role/events-test-control-plane`,
        resourcesVpcConfig: { subnetIds: [`subnet-0${sandbox}0001`] },
        tags: { owner: 'platform-team' },
      }),
    );
    const before = await resources(server);

    await local.localAws.requestLog.start();
    await queue.send(
      JSON.stringify(
        madeIn(eksCreateCluster, sandbox, region, {
          requestParameters: { name: 'events-test' },
        }),
      ),
    );
    const after = await waitFor(
      () => resources(server),
      items => items.some(e => e.metadata.title === 'events-test'),
    );
    await local.localAws.requestLog.stop();
    const calls = awsCalls(await local.localAws.requestLog.read());

    expect(titles(after)).toEqual(
      [...titles(before), 'kubernetes-cluster events-test'].sort(),
    );
    // Only the cluster the event named was read: no Organizations call, no
    // other service, no ListClusters and no other cluster of the account.
    expect(
      calls.filter(c => !c.startsWith('eks ') && !c.startsWith('ssm ')),
    ).toEqual([]);
    expect(calls.filter(c => c.startsWith('eks '))).toEqual([
      'eks GET /clusters/events-test',
      'eks GET /clusters/events-test/node-groups',
    ]);
    // The goal: at most 5 AWS calls per change.
    expect(calls.length).toBeLessThanOrEqual(5);
    // eslint-disable-next-line no-console
    console.log(
      `AWS calls for one EKS change: ${calls.length}: ${calls.join(', ')}`,
    );
  });

  it('adds a zone once, judged against its parent, through duplicated, reordered and malformed messages', async () => {
    const sandbox = local.estate.accounts.sandbox.id;
    const route53 = await clients().createClient(Route53Client, {
      accountId: sandbox,
      region: ROUTE53_REGION,
    });
    const { HostedZone } = await route53.send(
      new CreateHostedZoneCommand({
        Name: 'staging.example.com',
        CallerReference: 'events-test/staging.example.com',
      }),
    );
    const zoneId = HostedZone!.Id!.replace('/hostedzone/', '');
    const before = await resources(server);

    await local.localAws.requestLog.start();
    const created = JSON.stringify(
      madeIn(route53CreateHostedZone, sandbox, ROUTE53_REGION, {
        requestParameters: { name: 'staging.example.com' },
        responseElements: {
          hostedZone: { id: HostedZone!.Id, name: 'staging.example.com.' },
        },
      }),
    );
    // An older tag change arrives last; the same event twice; a JSON body
    // that is not an event; all within one coalescing window.
    await queue.send(created);
    await queue.send(JSON.stringify({ hello: 'world' }));
    await queue.send(created);
    await queue.send(
      JSON.stringify(
        madeIn(route53ChangeTags, sandbox, ROUTE53_REGION, {
          requestParameters: {
            resourceType: 'hostedzone',
            resourceId: zoneId,
            addTags: [{ key: 'owner', value: 'platform-team' }],
          },
        }),
      ),
    );
    const after = await waitFor(
      () => resources(server),
      items => items.some(e => e.metadata.title === 'staging.example.com'),
    );
    // Let any further re-read of the burst finish before counting.
    await new Promise(resolve => setTimeout(resolve, 4_000));
    await local.localAws.requestLog.stop();
    const calls = awsCalls(await local.localAws.requestLog.read());

    expect(titles(after)).toEqual(
      [...titles(before), 'dns-zone staging.example.com'].sort(),
    );
    const zone = after.find(e => e.metadata.title === 'staging.example.com')!;
    expect(zone.spec?.zone).toMatchObject({
      delegation: { parentZoneName: 'example.com', status: 'not-delegated' },
    });
    // The Sandbox account's summary counts it.
    const account = after.find(e => e.metadata.name === `account-${sandbox}`)!;
    expect((account.spec?.summary as { zones: number }).zones).toBe(2);
    expect(calls.filter(c => c.startsWith('organizations '))).toEqual([]);
    // One read for the burst, of the zone the events named: no account's
    // zones listed, and the parent example.com (in Network) asked only for
    // its NS record of the new name.
    expect(
      calls.filter(c => c === 'route53 GET /2013-04-01/hostedzone'),
    ).toEqual([]);
    // The goal: at most 5 AWS calls per change.
    expect(calls.length).toBeLessThanOrEqual(5);
    // eslint-disable-next-line no-console
    console.log(
      `AWS calls for one Route 53 change: ${calls.length}: ${calls.join(', ')}`,
    );
  });

  it("applies an account's new owner tag to the account and what inherits it, with one Organizations call", async () => {
    const sandbox = local.estate.accounts.sandbox.id;
    const organizations = await clients().createClient(OrganizationsClient, {
      region: local.estate.region,
    });
    const owner = { key: 'owner', value: 'events-test-team' };
    await organizations.send(
      new TagResourceCommand({
        ResourceId: sandbox,
        Tags: [{ Key: owner.key, Value: owner.value }],
      }),
    );
    const inSandbox = (entities: Entity[]) =>
      entities.filter(
        e => e.metadata.annotations?.['amazonaws.com/account-id'] === sandbox,
      );
    const inheriting = (entities: Entity[]) =>
      inSandbox(entities).filter(
        e =>
          e.metadata.annotations?.[
            'aws-platform-suite.github.io/owner-source'
          ] === 'account',
      );
    expect(inheriting(await resources(server)).length).toBeGreaterThan(0);

    await local.localAws.requestLog.start();
    await queue.send(
      JSON.stringify(
        madeIn(
          organizationsTagAccount,
          local.estate.managementAccountId,
          'us-east-1',
          { requestParameters: { resourceId: sandbox, tags: [owner] } },
        ),
      ),
    );
    const want = 'group:default/events-test-team';
    const after = await waitFor(
      () => resources(server),
      items =>
        inSandbox(items).some(
          e => e.spec?.type === 'aws-account' && e.spec?.owner === want,
        ) && inheriting(items).every(e => e.spec?.owner === want),
    );
    await local.localAws.requestLog.stop();
    const calls = awsCalls(await local.localAws.requestLog.read());

    const account = after.find(e => e.metadata.name === `account-${sandbox}`)!;
    expect(account.spec?.owner).toBe(want);
    expect(
      account.metadata.annotations?.[
        'aws-platform-suite.github.io/owner-source'
      ],
    ).toBe('tag');
    expect(inheriting(after).map(e => e.spec?.owner)).toEqual(
      inheriting(after).map(() => want),
    );
    // No full refresh: the account's tags alone were read.
    expect(calls).toEqual(['organizations ListTagsForResource']);
  });

  it('places an account moved to another OU with one Organizations call', async () => {
    const sandbox = local.estate.accounts.sandbox.id;
    const before = await resources(server);
    const account = () =>
      before.find(e => e.metadata.name === `account-${sandbox}`)!;
    const shared = before.find(
      e =>
        e.spec?.type === 'aws-organizational-unit' &&
        e.metadata.title === 'Shared',
    )!;
    const ouId = (e: Entity) =>
      e.metadata.annotations!['aws-platform-suite.github.io/ou-id'];
    const from =
      account().metadata.annotations!['aws-platform-suite.github.io/parent-id'];
    expect(from).not.toBe(ouId(shared));
    const organizations = await clients().createClient(OrganizationsClient, {
      region: local.estate.region,
    });
    const move = {
      AccountId: sandbox,
      SourceParentId: from,
      DestinationParentId: ouId(shared),
    };
    await organizations.send(new MoveAccountCommand(move));

    await local.localAws.requestLog.start();
    await queue.send(
      JSON.stringify(
        madeIn(
          organizationsMoveAccount,
          local.estate.managementAccountId,
          'us-east-1',
          {
            requestParameters: {
              accountId: move.AccountId,
              sourceParentId: move.SourceParentId,
              destinationParentId: move.DestinationParentId,
            },
          },
        ),
      ),
    );
    const sharedRef = `resource:default/${shared.metadata.name}`;
    const after = await waitFor(
      () => resources(server),
      items =>
        items.some(
          e =>
            e.metadata.name === `account-${sandbox}` &&
            e.spec?.partOf === sharedRef,
        ),
    );
    await local.localAws.requestLog.stop();
    const calls = awsCalls(await local.localAws.requestLog.read());

    const placed = after.find(e => e.metadata.name === `account-${sandbox}`)!;
    expect(placed.spec?.partOf).toBe(sharedRef);
    expect(
      placed.metadata.annotations?.['aws-platform-suite.github.io/ou-path'],
    ).toBe('Root/Shared');
    // Its role, owner and everything else are as before.
    expect(
      placed.metadata.labels?.['aws-platform-suite.github.io/account-role'],
    ).toBe(
      account().metadata.labels?.['aws-platform-suite.github.io/account-role'],
    );
    expect(placed.spec?.owner).toBe(account().spec?.owner);
    expect(calls).toEqual(['organizations ListParents']);

    // Moved back, for the tests after this one.
    await organizations.send(
      new MoveAccountCommand({
        AccountId: sandbox,
        SourceParentId: ouId(shared),
        DestinationParentId: from,
      }),
    );
  });

  it('moves a message that is not JSON to the dead-letter queue and changes nothing', async () => {
    const before = await resources(server);
    await queue.send('{"detail-type": "AWS API Call via CloudTrail", ');
    const deadLetters = await waitFor(
      () => queue.deadLetters(),
      count => count >= 1,
    );
    expect(deadLetters).toBe(1);
    expect(titles(await resources(server))).toEqual(titles(before));
  });
});
