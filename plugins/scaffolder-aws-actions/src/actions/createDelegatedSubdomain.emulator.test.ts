import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  GetHostedZoneCommand,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  ListTagsForResourceCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { useReferenceEstate } from '@internal/local-aws';
import { estateClientFactory } from './__testUtils__/estateClientFactory';
import { subdomainConfig } from './__testUtils__/estateActionConfigs';
import {
  ownerGroupEntity,
  PAYMENTS,
  PLATFORM_TEAM,
} from './__testUtils__/subdomainOwners';
import { createDelegatedSubdomainAction } from './createDelegatedSubdomain';

// Runs the action against moto's server seeded with the guide's reference
// organization, reaching the Network and Sandbox accounts by assuming
// OrganizationAccountAccessRole, as the portal does. Requests go through the
// fault proxy with no faults, only to fill moto's gaps: each zone created
// gets name servers of its own (moto gives every zone the same four, which
// would hide a delegation that points at another zone) and a CREATE of an
// existing record set is refused, as in Route 53. moto's request recorder
// shows which requests changed anything.
jest.setTimeout(120_000);

const local = useReferenceEstate({ faultProxy: { emulatorGaps: true } });

function setUp() {
  const clientFactory = estateClientFactory({ maxAttempts: 2 });
  const action = createDelegatedSubdomainAction({
    config: subdomainConfig(local.estate),
    clientFactory,
    catalog: catalogServiceMock({
      entities: [ownerGroupEntity(PAYMENTS), ownerGroupEntity(PLATFORM_TEAM)],
    }),
    permissions: mockServices.permissions(),
  });
  return { action };
}

const inAccount = (accountId: string) =>
  estateClientFactory().createClient(Route53Client, {
    accountId,
    region: 'us-east-1',
  });
const sandbox = () => inAccount(local.estate.accounts.sandbox.id);
const network = () => inAccount(local.estate.accounts.network.id);

function context(
  input: JsonObject,
  options: { dryRun?: boolean; taskId?: string } = {},
) {
  return Object.assign(
    createMockActionContext({
      input,
      task: { id: options.taskId ?? `task-${input.domainName}` } as any,
      user: { ref: 'user:default/jane' },
    }),
    { isDryRun: options.dryRun ?? false },
  );
}

const request = (domainName: string, extra: JsonObject = {}): JsonObject => ({
  domainName,
  account: local.estate.accounts.sandbox.id,
  owner: PAYMENTS,
  ...extra,
});

async function zonesNamed(name: string) {
  const { HostedZones } = await (
    await sandbox()
  ).send(new ListHostedZonesByNameCommand({ DNSName: `${name}.` }));
  return (HostedZones ?? [])
    .filter(zone => zone.Name === `${name}.`)
    .map(zone => zone.Id!.replace('/hostedzone/', ''));
}

async function zoneOf(name: string) {
  const [id] = await zonesNamed(name);
  const client = await sandbox();
  const { DelegationSet } = await client.send(
    new GetHostedZoneCommand({ Id: id }),
  );
  const { ResourceTagSet } = await client.send(
    new ListTagsForResourceCommand({
      ResourceType: 'hostedzone',
      ResourceId: id,
    }),
  );
  return {
    id,
    nameServers: DelegationSet?.NameServers ?? [],
    tags: Object.fromEntries(
      (ResourceTagSet?.Tags ?? []).map(t => [t.Key!, t.Value!]),
    ),
  };
}

async function delegationOf(name: string) {
  const { ResourceRecordSets } = await (
    await network()
  ).send(
    new ListResourceRecordSetsCommand({
      HostedZoneId: local.estate.zones.root.id,
      StartRecordName: `${name}.`,
      StartRecordType: 'NS',
      MaxItems: 1,
    }),
  );
  return ResourceRecordSets?.find(
    r => r.Name === `${name}.` && r.Type === 'NS',
  );
}

const sorted = (values: string[] = []) =>
  values.map(v => v.replace(/\.$/, '')).sort();

/** Runs `fn` with moto's recorder on; returns the requests that changed something. */
async function mutationsDuring(fn: () => Promise<unknown>) {
  await local.localAws.requestLog.start();
  try {
    await fn();
  } finally {
    await local.localAws.requestLog.stop();
  }
  return (await local.localAws.requestLog.read())
    .filter(call => call.mutating && call.service !== 'sts')
    .map(call => `${call.service} ${call.operation}`);
}

describe('aws-platform:route53:subdomain:create on the local estate', () => {
  it('creates, tags and delegates the zone with CREATE; a rerun of the same request changes nothing', async () => {
    const { action } = setUp();
    const first = context(request('staging.example.com'));
    await action.handler(first as any);

    const zone = await zoneOf('staging.example.com');
    const delegation = await delegationOf('staging.example.com');
    expect(delegation?.TTL).toBe(3600);
    expect(sorted(delegation?.ResourceRecords?.map(r => r.Value!))).toEqual(
      sorted(zone.nameServers),
    );
    expect(zone.tags).toMatchObject({
      owner: PAYMENTS,
      'aws-platform-suite.github.io/managed-by': 'backstage-aws-platform',
      'aws-platform-suite.github.io/created-by': 'user:default/jane',
      'aws-platform-suite.github.io/task-id': 'task-staging.example.com',
    });
    expect(first.output).toHaveBeenCalledWith('zoneId', zone.id);
    expect(first.output).toHaveBeenCalledWith('created', true);

    // Another task of the same request (name, account, owner).
    const second = context(request('staging.example.com'), {
      taskId: 'task-rerun',
    });
    expect(await mutationsDuring(() => action.handler(second as any))).toEqual(
      [],
    );
    expect(await zonesNamed('staging.example.com')).toHaveLength(1);
    expect(second.output).toHaveBeenCalledWith('plannedChanges', []);
    expect(second.output).toHaveBeenCalledWith('created', false);
    expect((await zoneOf('staging.example.com')).tags).toMatchObject({
      'aws-platform-suite.github.io/task-id': 'task-staging.example.com',
    });
  });

  it('refuses a name already delegated to another account, before any write (DNS takeover)', async () => {
    // production.example.com is the Production account's zone; asking for
    // it in Sandbox would create a second zone and point the root at it.
    const { action } = setUp();
    const before = await delegationOf('production.example.com');
    let error: unknown;
    const mutations = await mutationsDuring(() =>
      action
        .handler(context(request('production.example.com')) as any)
        .catch(e => {
          error = e;
        }),
    );
    expect(error).toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'production.example.com is already delegated from zone example.com',
      ),
    });
    expect(mutations).toEqual([]);
    expect(await zonesNamed('production.example.com')).toEqual([]);
    expect(await delegationOf('production.example.com')).toEqual(before);
  });

  it('refuses a zone of the name it did not make, and says who owns it', async () => {
    // sandbox.example.com exists in Sandbox, made by the platform team.
    const { action } = setUp();
    const before = await zoneOf('sandbox.example.com');
    let error: unknown;
    const mutations = await mutationsDuring(() =>
      action
        .handler(
          context(
            request('sandbox.example.com', { owner: PLATFORM_TEAM }),
          ) as any,
        )
        .catch(e => {
          error = e;
        }),
    );
    expect(error).toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'was not made by the AWS Platform suite (owner tag: platform-team)',
      ),
    });
    expect(mutations).toEqual([]);
    expect(await zoneOf('sandbox.example.com')).toEqual(before);
  });

  it('takes a zone over once its holder tags it as the conflict says, then repairs its drifted delegation on request', async () => {
    // The seeded sandbox.example.com: the platform team's, and the root's NS
    // record for it names a server that is not the zone's.
    const { action } = setUp();
    const input = request('sandbox.example.com', {
      owner: PLATFORM_TEAM,
      repairDelegation: true,
    });
    const refused = await action
      .handler(context(input) as any)
      .catch((e: Error) => e);
    const adopt = /tag it (\S+)=(\S+) and (\S+)=(\S+)\.$/.exec(
      String((refused as Error).message),
    );
    expect(adopt).not.toBeNull();
    const zone = await zoneOf('sandbox.example.com');
    await (
      await sandbox()
    ).send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zone.id,
        AddTags: [
          { Key: adopt![1], Value: adopt![2] },
          { Key: adopt![3], Value: adopt![4] },
        ],
      }),
    );

    const ctx = context(input, { taskId: 'task-adopt' });
    await action.handler(ctx as any);
    const delegation = await delegationOf('sandbox.example.com');
    expect(sorted(delegation?.ResourceRecords?.map(r => r.Value!))).toEqual(
      sorted(zone.nameServers),
    );
    expect((await zoneOf('sandbox.example.com')).tags).toMatchObject({
      owner: PLATFORM_TEAM,
      'aws-platform-suite.github.io/created-by': 'user:default/jane',
    });
    expect(ctx.output).toHaveBeenCalledWith('created', false);
    expect(await zonesNamed('sandbox.example.com')).toEqual([zone.id]);
  });

  it("refuses another owner's zone, so a template cannot re-own it", async () => {
    const { action } = setUp();
    await action.handler(context(request('team.example.com')) as any);
    const before = await zoneOf('team.example.com');

    let error: unknown;
    const mutations = await mutationsDuring(() =>
      action
        .handler(
          context(request('team.example.com', { owner: PLATFORM_TEAM }), {
            taskId: 'task-other-team',
          }) as any,
        )
        .catch(e => {
          error = e;
        }),
    );
    expect(error).toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(`Its owner tag: ${PAYMENTS}`),
    });
    expect(mutations).toEqual([]);
    expect(await zoneOf('team.example.com')).toEqual(before);
  });

  it('repairs a drifted delegation of its own zone only when asked, in one guarded batch', async () => {
    const { action } = setUp();
    // A first run stops before delegating (Route 53 fails the NS write), and
    // meanwhile someone points the name elsewhere.
    local.proxy.setRules([
      {
        match: { service: 'route53', operation: 'ChangeResourceRecordSets' },
        fault: { kind: 'server-error' },
      },
    ]);
    await expect(
      action.handler(context(request('drift.example.com')) as any),
    ).rejects.toThrow();
    local.proxy.setRules([]);
    const zone = await zoneOf('drift.example.com');
    const drifted = [
      'ns-1.elsewhere.example.net',
      'ns-2.elsewhere.example.net',
    ];
    await (
      await network()
    ).send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId: local.estate.zones.root.id,
        ChangeBatch: {
          Changes: [
            {
              Action: 'CREATE',
              ResourceRecordSet: {
                Name: 'drift.example.com',
                Type: 'NS',
                TTL: 300,
                ResourceRecords: drifted.map(Value => ({ Value })),
              },
            },
          ],
        },
      }),
    );

    let error: unknown;
    const refused = await mutationsDuring(() =>
      action
        .handler(context(request('drift.example.com'), { taskId: 't2' }) as any)
        .catch(e => {
          error = e;
        }),
    );
    expect(error).toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining('run again with repairDelegation'),
    });
    expect(refused).toEqual([]);

    const repair = context(
      request('drift.example.com', { repairDelegation: true }),
      { taskId: 't3' },
    );
    const repaired = await mutationsDuring(() => action.handler(repair as any));
    expect(repaired).toEqual([
      `route53 POST /2013-04-01/hostedzone/${local.estate.zones.root.id}/rrset`,
    ]);
    const delegation = await delegationOf('drift.example.com');
    expect(sorted(delegation?.ResourceRecords?.map(r => r.Value!))).toEqual(
      sorted(zone.nameServers),
    );
    expect(delegation?.TTL).toBe(3600);
  });

  it('repairs a delegation it wrote that drifted, and never overwrites a change made while it writes', async () => {
    const { action } = setUp();
    await action.handler(context(request('race.example.com')) as any);
    const zone = await zoneOf('race.example.com');
    const upsert = async (values: string[]) =>
      (await network()).send(
        new ChangeResourceRecordSetsCommand({
          HostedZoneId: local.estate.zones.root.id,
          ChangeBatch: {
            Changes: [
              {
                Action: 'UPSERT',
                ResourceRecordSet: {
                  Name: 'race.example.com',
                  Type: 'NS',
                  TTL: 300,
                  ResourceRecords: values.map(Value => ({ Value })),
                },
              },
            ],
          },
        }),
      );
    const repair = (taskId: string) =>
      action.handler(
        context(request('race.example.com', { repairDelegation: true }), {
          taskId,
        }) as any,
      );

    // Someone points the name elsewhere while the repair's batch is on its
    // way (the proxy holds it a second): Route 53 refuses the batch, whose
    // DELETE names what the action read.
    await upsert(['ns-1.elsewhere.example.net']);
    local.proxy.setRules([
      {
        name: 'in-flight',
        match: { service: 'route53', operation: 'ChangeResourceRecordSets' },
        fault: { kind: 'latency', ms: 1500 },
        times: 1,
      },
    ]);
    let concurrent: Promise<unknown> | undefined;
    const unsubscribe = local.proxy.onFault(event => {
      if (event.name === 'in-flight') {
        concurrent = upsert(['ns-2.meanwhile.example.net']);
      }
    });
    try {
      await expect(repair('task-race-1')).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining(
          'someone changed it while this task ran',
        ),
      });
    } finally {
      unsubscribe();
      local.proxy.setRules([]);
    }
    await concurrent;
    expect(
      (await delegationOf('race.example.com'))?.ResourceRecords?.map(
        r => r.Value,
      ),
    ).toEqual(['ns-2.meanwhile.example.net']);

    // Asked again, with nothing in between, it repairs.
    await repair('task-race-2');
    const delegation = await delegationOf('race.example.com');
    expect(sorted(delegation?.ResourceRecords?.map(r => r.Value!))).toEqual(
      sorted(zone.nameServers),
    );
    expect(delegation?.TTL).toBe(3600);
  });

  it('converges a zone that 0.1 made and tagged under aws-platform.io/, adding only the current keys', async () => {
    const { action } = setUp();
    await action.handler(
      context(request('legacy.example.com'), { taskId: 'task-v01' }) as any,
    );
    const zone = await zoneOf('legacy.example.com');
    // Tag it as 0.1 did: the same values under aws-platform.io/, no current keys.
    const current = Object.keys(zone.tags).filter(key =>
      key.startsWith('aws-platform-suite.github.io/'),
    );
    expect(current).toHaveLength(4);
    await (
      await sandbox()
    ).send(
      new ChangeTagsForResourceCommand({
        ResourceType: 'hostedzone',
        ResourceId: zone.id,
        AddTags: current.map(key => ({
          Key: key.replace('aws-platform-suite.github.io/', 'aws-platform.io/'),
          Value: zone.tags[key],
        })),
        RemoveTagKeys: current,
      }),
    );
    const v01 = (await zoneOf('legacy.example.com')).tags;
    expect(Object.keys(v01).sort()).toEqual([
      'aws-platform.io/created-by',
      'aws-platform.io/lineage',
      'aws-platform.io/managed-by',
      'aws-platform.io/task-id',
      'owner',
    ]);

    // The same request again: no conflict, no new zone, only the current keys added.
    const rerun = context(request('legacy.example.com'), {
      taskId: 'task-v02',
    });
    // moto's recorder names REST calls by path: this is ChangeTagsForResource.
    expect(await mutationsDuring(() => action.handler(rerun as any))).toEqual([
      `route53 POST /2013-04-01/tags/hostedzone/${zone.id}`,
    ]);
    expect(rerun.output).toHaveBeenCalledWith('created', false);
    expect(await zonesNamed('legacy.example.com')).toEqual([zone.id]);
    expect((await zoneOf('legacy.example.com')).tags).toEqual({
      ...v01,
      'aws-platform-suite.github.io/managed-by': 'backstage-aws-platform',
      'aws-platform-suite.github.io/lineage': v01['aws-platform.io/lineage'],
    });
  });

  it('changes nothing in a dry-run', async () => {
    const { action } = setUp();
    const ctx = context(request('dev.example.com'), { dryRun: true });
    expect(await mutationsDuring(() => action.handler(ctx as any))).toEqual([]);
    expect(await zonesNamed('dev.example.com')).toEqual([]);
    expect(await delegationOf('dev.example.com')).toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith(
      'plannedChanges',
      expect.arrayContaining([
        `Create public hosted zone dev.example.com in account Sandbox (${local.estate.accounts.sandbox.id})`,
      ]),
    );
  });
});
