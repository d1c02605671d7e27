import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  HostedZoneAlreadyExists,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { AwsStub, mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import type { JsonObject } from '@backstage/types';
import yaml from 'yaml';
import { ActionsConfig } from '../actionsConfig';
import { createDelegatedSubdomainAction } from './createDelegatedSubdomain';
import { idempotencyToken } from '../lib/idempotency';
import { examples } from './createDelegatedSubdomain.examples';

// Route 53 is mocked with aws-sdk-client-mock here, one stub per account.
// Paths moto cannot show (HostedZoneAlreadyExists on a reused CallerReference,
// PENDING -> INSYNC) are covered only here; the emulator test covers the rest.
const NETWORK = '111111111111';
const SANDBOX = '210987654321';
const PRODUCTION = '310987654321';
const NS = [
  'ns-1.awsdns-01.org',
  'ns-2.awsdns-02.co.uk',
  'ns-3.awsdns-03.com',
  'ns-4.awsdns-04.net',
];

const config: ActionsConfig = {
  accounts: [
    { accountId: SANDBOX, name: 'Sandbox', production: false },
    { accountId: PRODUCTION, name: 'Production', production: true },
  ],
  route53: {
    networkAccountId: NETWORK,
    parentZones: ['example.com'],
    ttl: 3600,
    syncTimeoutSeconds: 5,
  },
};

type Stub = AwsStub<any, any, any>;
let clients: Record<string, Route53Client>;
let network: Stub;
let workload: Stub;

function setUp(options: { allow?: AuthorizeResult[] } = {}) {
  clients = {
    [NETWORK]: new Route53Client({}),
    [SANDBOX]: new Route53Client({}),
    [PRODUCTION]: new Route53Client({}),
  };
  network = mockClient(clients[NETWORK]);
  workload = mockClient(clients[SANDBOX]);
  mockClient(clients[PRODUCTION]);
  network
    .on(ListHostedZonesByNameCommand)
    .resolves({
      HostedZones: [
        {
          Id: '/hostedzone/ZPARENT',
          Name: 'example.com.',
          CallerReference: 'x',
          Config: { PrivateZone: false },
        },
      ],
    })
    .on(ListResourceRecordSetsCommand)
    .resolves({ ResourceRecordSets: [] })
    .on(ChangeResourceRecordSetsCommand)
    .resolves({
      ChangeInfo: {
        Id: '/change/C2',
        Status: 'PENDING',
        SubmittedAt: new Date(),
      },
    })
    .on(GetChangeCommand)
    .resolves({
      ChangeInfo: { Id: 'C2', Status: 'INSYNC', SubmittedAt: new Date() },
    });
  workload
    .on(ListHostedZonesByNameCommand)
    .resolves({ HostedZones: [] })
    .on(CreateHostedZoneCommand)
    .resolves({
      HostedZone: {
        Id: '/hostedzone/ZCHILD',
        Name: 'staging.example.com.',
        CallerReference: 'x',
      },
      ChangeInfo: {
        Id: '/change/C1',
        Status: 'PENDING',
        SubmittedAt: new Date(),
      },
      DelegationSet: { NameServers: NS },
      Location: 'x',
    })
    .on(GetChangeCommand)
    .resolves({
      ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: new Date() },
    })
    .on(GetHostedZoneCommand)
    .resolves({
      HostedZone: {
        Id: '/hostedzone/ZCHILD',
        Name: 'staging.example.com.',
        CallerReference: 'x',
      },
      DelegationSet: { NameServers: NS },
    })
    .on(ChangeTagsForResourceCommand)
    .resolves({});

  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async requests =>
      requests.map((_: unknown, i: number) => ({
        result: options.allow?.[i] ?? AuthorizeResult.ALLOW,
      })),
    ) as any,
  });
  const catalog = catalogServiceMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: `sandbox-${SANDBOX}`,
          annotations: { 'amazonaws.com/account-id': SANDBOX },
        },
        spec: { type: 'aws-account', owner: 'group:default/platform-team' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: 'intruder-999999999999',
          annotations: { 'amazonaws.com/account-id': '999999999999' },
        },
        spec: { type: 'aws-account', owner: 'group:default/platform-team' },
      },
    ],
  });
  const action = createDelegatedSubdomainAction({
    config,
    clientFactory: {
      createClient: async (_cls: unknown, target: { accountId?: string }) =>
        clients[target.accountId!] as any,
    },
    catalog,
    permissions,
  });
  return { action, permissions };
}

/** A context whose checkpoints persist in `store`, as a resumed task's do. */
function context(
  input: JsonObject,
  options: { store?: Map<string, unknown>; dryRun?: boolean } = {},
) {
  const store = options.store ?? new Map<string, unknown>();
  const ctx = createMockActionContext({ input, task: { id: 'task-1' } as any });
  return Object.assign(ctx, {
    isDryRun: options.dryRun,
    async checkpoint({ key, fn }: { key: string; fn: () => Promise<unknown> }) {
      if (store.has(key)) return store.get(key);
      const value = await fn();
      store.set(key, value);
      return value;
    },
  });
}

const awsCalls = () => network.calls().length + workload.calls().length;
const mutations = () =>
  workload.commandCalls(CreateHostedZoneCommand).length +
  network.commandCalls(ChangeResourceRecordSetsCommand).length +
  workload.commandCalls(ChangeTagsForResourceCommand).length;

describe('aws-platform:route53:subdomain:create', () => {
  it('creates the zone, waits for it, delegates it with TTL 3600 and tags it', async () => {
    const { action } = setUp();
    const ctx = context({
      domainName: 'Staging.Example.com.',
      account: `resource:default/sandbox-${SANDBOX}`,
    });
    await action.handler(ctx as any);

    expect(workload).toHaveReceivedCommandWith(CreateHostedZoneCommand, {
      Name: 'staging.example.com',
      CallerReference: expect.stringMatching(/^backstage-[0-9a-f]{40}$/),
    });
    expect(workload).toHaveReceivedCommandWith(GetChangeCommand, { Id: 'C1' });
    expect(network).toHaveReceivedCommandWith(ChangeResourceRecordSetsCommand, {
      HostedZoneId: 'ZPARENT',
      ChangeBatch: expect.objectContaining({
        Changes: [
          {
            Action: 'UPSERT',
            ResourceRecordSet: {
              Name: 'staging.example.com.',
              Type: 'NS',
              TTL: 3600,
              ResourceRecords: NS.map(Value => ({ Value })),
            },
          },
        ],
      }),
    });
    expect(workload).toHaveReceivedCommandWith(ChangeTagsForResourceCommand, {
      ResourceId: 'ZCHILD',
      AddTags: expect.arrayContaining([
        { Key: 'managed-by', Value: 'backstage' },
      ]),
    });
    expect(ctx.output).toHaveBeenCalledWith('zoneId', 'ZCHILD');
    expect(ctx.output).toHaveBeenCalledWith('nameServers', NS);
    expect(ctx.output).toHaveBeenCalledWith('created', true);
  });

  it('changes nothing when the zone and its delegation already exist', async () => {
    const { action } = setUp();
    workload.on(ListHostedZonesByNameCommand).resolves({
      HostedZones: [
        {
          Id: '/hostedzone/ZCHILD',
          Name: 'staging.example.com.',
          CallerReference: 'x',
          Config: { PrivateZone: false },
        },
      ],
    });
    network.on(ListResourceRecordSetsCommand).resolves({
      ResourceRecordSets: [
        {
          Name: 'staging.example.com.',
          Type: 'NS',
          TTL: 3600,
          ResourceRecords: NS.map(Value => ({ Value: `${Value}.` })),
        },
      ],
    });
    const ctx = context({
      domainName: 'staging.example.com',
      account: SANDBOX,
    });
    await action.handler(ctx as any);

    expect(workload).not.toHaveReceivedCommand(CreateHostedZoneCommand);
    expect(network).not.toHaveReceivedCommand(ChangeResourceRecordSetsCommand);
    expect(ctx.output).toHaveBeenCalledWith('created', false);
  });

  it('reports the zone as created when it is the one a killed run of the same task made', async () => {
    const { action } = setUp();
    workload.on(ListHostedZonesByNameCommand).resolves({
      HostedZones: [
        {
          Id: '/hostedzone/ZCHILD',
          Name: 'staging.example.com.',
          CallerReference: idempotencyToken(
            'task-1',
            'route53.zone.create:staging.example.com',
          ),
          Config: { PrivateZone: false },
        },
      ],
    });
    const ctx = context({
      domainName: 'staging.example.com',
      account: SANDBOX,
    });
    await action.handler(ctx as any);

    expect(workload).not.toHaveReceivedCommand(CreateHostedZoneCommand);
    expect(ctx.output).toHaveBeenCalledWith('created', true);
  });

  it('plans the changes in a dry-run and makes none', async () => {
    const { action } = setUp();
    const ctx = context(
      { domainName: 'staging.example.com', account: SANDBOX },
      { dryRun: true },
    );
    await action.handler(ctx as any);

    expect(mutations()).toBe(0);
    expect(ctx.output).toHaveBeenCalledWith('plannedChanges', [
      `Create public hosted zone staging.example.com in account Sandbox (${SANDBOX})`,
      'Upsert NS record staging.example.com (TTL 3600) in zone example.com (ZPARENT) of the Network account',
      'Tag the staging.example.com zone with managed-by, backstage-task',
    ]);
  });

  it.each([
    [
      { domainName: 'staging.example.org', account: SANDBOX },
      'not under an allowed parent zone',
    ],
    [
      { domainName: 'example.com', account: SANDBOX },
      'not under an allowed parent zone',
    ],
    [
      { domainName: 'bad_label.example.com', account: SANDBOX },
      "has the label 'bad_label'",
    ],
    [
      { domainName: 'staging.example.com', account: '999999999999' },
      'not one the scaffolder may change',
    ],
    [
      {
        domainName: 'staging.example.com',
        account: 'resource:default/intruder-999999999999',
      },
      'not one the scaffolder may change',
    ],
    [
      {
        domainName: 'staging.example.com',
        account: 'resource:default/missing',
      },
      'not an AWS account entity',
    ],
    [
      {
        domainName: 'staging.example.com',
        account: SANDBOX,
        tags: Object.fromEntries([...Array(9)].map((_, i) => [`k${i}`, 'v'])),
      },
      'At most 8 tags',
    ],
    [
      {
        domainName: 'staging.example.com',
        account: SANDBOX,
        tags: { 'aws:reserved': 'x' },
      },
      "Tag key 'aws:reserved'",
    ],
  ])(
    'refuses %j with an InputError before any AWS call',
    async (input, reason) => {
      const { action } = setUp();
      const ctx = context(input);
      await expect(action.handler(ctx as any)).rejects.toThrow(InputError);
      await expect(action.handler(ctx as any)).rejects.toThrow(reason);
      expect(awsCalls()).toBe(0);
    },
  );

  it('refuses private and ambiguous parents', async () => {
    const { action } = setUp();
    network.on(ListHostedZonesByNameCommand).resolves({
      HostedZones: [
        {
          Id: '/hostedzone/ZPRIV',
          Name: 'example.com.',
          CallerReference: 'x',
          Config: { PrivateZone: true },
        },
      ],
    });
    await expect(
      action.handler(
        context({ domainName: 'a.example.com', account: SANDBOX }) as any,
      ),
    ).rejects.toThrow('is private');

    network.on(ListHostedZonesByNameCommand).resolves({
      HostedZones: [
        { Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'x' },
        { Id: '/hostedzone/Z2', Name: 'example.com.', CallerReference: 'y' },
      ],
    });
    await expect(
      action.handler(
        context({ domainName: 'a.example.com', account: SANDBOX }) as any,
      ),
    ).rejects.toThrow('2 public zones named example.com');
    expect(mutations()).toBe(0);
  });

  it('checks the action permission, and the production one for production accounts', async () => {
    const denied = setUp({ allow: [AuthorizeResult.DENY] });
    await expect(
      denied.action.handler(
        context({ domainName: 'a.example.com', account: SANDBOX }) as any,
      ),
    ).rejects.toThrow(NotAllowedError);
    expect(awsCalls()).toBe(0);

    const notProduction = setUp({
      allow: [AuthorizeResult.ALLOW, AuthorizeResult.DENY],
    });
    await expect(
      notProduction.action.handler(
        context({ domainName: 'a.example.com', account: PRODUCTION }) as any,
      ),
    ).rejects.toThrow('change production accounts');
    expect(notProduction.permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'aws-platform.route53.subdomain.create',
          }),
        },
        {
          permission: expect.objectContaining({
            name: 'aws-platform.production.change',
          }),
        },
      ],
      expect.anything(),
    );
  });

  it('waits while Route 53 reports the change PENDING (moto is always INSYNC)', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const { action } = setUp();
      workload
        .on(GetChangeCommand)
        .resolvesOnce({
          ChangeInfo: { Id: 'C1', Status: 'PENDING', SubmittedAt: new Date() },
        })
        .resolves({
          ChangeInfo: { Id: 'C1', Status: 'INSYNC', SubmittedAt: new Date() },
        });
      const run = action.handler(
        context({ domainName: 'staging.example.com', account: SANDBOX }) as any,
      );
      await jest.advanceTimersByTimeAsync(5_000);
      await run;
      expect(workload).toHaveReceivedCommandTimes(GetChangeCommand, 2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('returns the zone an earlier attempt created when Route 53 says HostedZoneAlreadyExists (moto never does)', async () => {
    const { action } = setUp();
    workload
      .on(CreateHostedZoneCommand)
      .rejects(
        new HostedZoneAlreadyExists({ message: 'exists', $metadata: {} }),
      )
      .on(ListHostedZonesByNameCommand)
      .resolvesOnce({ HostedZones: [] })
      .resolves({
        HostedZones: [
          {
            Id: '/hostedzone/ZCHILD',
            Name: 'staging.example.com.',
            CallerReference: 'x',
          },
        ],
      });
    const ctx = context({
      domainName: 'staging.example.com',
      account: SANDBOX,
    });
    await action.handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('zoneId', 'ZCHILD');
  });

  it.each([
    [
      'delegation',
      ChangeResourceRecordSetsCommand,
      'network',
      {
        ChangeInfo: {
          Id: '/change/C2',
          Status: 'PENDING',
          SubmittedAt: new Date(),
        },
      },
    ],
    ['tagging', ChangeTagsForResourceCommand, 'workload', {}],
  ] as const)(
    'resumes after a failure during %s without creating anything twice',
    async (_step, command, where, success) => {
      const { action } = setUp();
      const stub = where === 'network' ? network : workload;
      stub
        .on(command as any)
        .rejectsOnce(new Error('connection reset'))
        .resolves(success);
      const store = new Map<string, unknown>();
      const input = { domainName: 'staging.example.com', account: SANDBOX };
      await expect(
        action.handler(context(input, { store }) as any),
      ).rejects.toThrow('connection reset');
      // The zone exists now; the resumed run must not look it up as new.
      await action.handler(context(input, { store }) as any);
      expect(workload).toHaveReceivedCommandTimes(CreateHostedZoneCommand, 1);
    },
  );

  it('runs each documented example', async () => {
    for (const example of examples) {
      const { action } = setUp();
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe(action.id);
      const ctx = context(step.input);
      await action.handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith(
        'domainName',
        step.input.domainName,
      );
    }
  });
});
