import {
  ChangeResourceRecordSetsCommand,
  ChangeTagsForResourceCommand,
  CreateHostedZoneCommand,
  GetChangeCommand,
  GetHostedZoneCommand,
  HostedZoneAlreadyExists,
  InvalidChangeBatch,
  ListHostedZonesByNameCommand,
  ListResourceRecordSetsCommand,
  ListTagsForResourceCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { mockServices } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { AwsStub, mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import yaml from 'yaml';
import { ActionsConfig } from '../actionsConfig';
import { idempotencyToken } from '../lib/idempotency';
import { ownerGroupEntity, PAYMENTS } from './__testUtils__/subdomainOwners';
import { createDelegatedSubdomainAction } from './createDelegatedSubdomain';
import { examples } from './createDelegatedSubdomain.examples';

// Route 53 is mocked with aws-sdk-client-mock here, one stub per account,
// for what moto cannot show: PENDING -> INSYNC, HostedZoneAlreadyExists next
// to another zone of the same name, Route 53 refusing a guarded DELETE, a
// record written between the read and the write, and the order of the
// permission, catalog and AWS calls. The emulator test covers the rest.
const NETWORK = '111111111111';
const SANDBOX = '210987654321';
const PRODUCTION = '310987654321';
const NS = ['ns-1.awsdns-01.org', 'ns-2.awsdns-02.co.uk'];
const OTHER_NS = ['ns-7.awsdns-07.com', 'ns-8.awsdns-08.net'];
const TOKEN = idempotencyToken(
  'task-1',
  'route53.zone.create:staging.example.com',
);

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
let network: Stub;
let workload: Stub;
/** The zones of the workload account, as ListHostedZonesByName returns them. */
let zones: { Id: string; Name: string; CallerReference: string }[];

const insync = {
  ChangeInfo: { Id: 'C', Status: 'INSYNC' as const, SubmittedAt: new Date() },
};
const pending = (id: string) => ({
  ChangeInfo: {
    Id: `/change/${id}`,
    Status: 'PENDING' as const,
    SubmittedAt: new Date(),
  },
  $metadata: { requestId: `req-${id}` },
});
const nsRecord = (values: string[], ttl = 3600) => ({
  ResourceRecordSets: [
    {
      Name: 'staging.example.com.',
      Type: 'NS' as const,
      TTL: ttl,
      ResourceRecords: values.map(Value => ({ Value })),
    },
  ],
});

function stubRoute53(clients: Record<string, Route53Client>) {
  network = mockClient(clients[NETWORK]);
  workload = mockClient(clients[SANDBOX]);
  mockClient(clients[PRODUCTION]);
  zones = [];
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
    .resolves(pending('C2'))
    .on(GetChangeCommand)
    .resolves(insync);
  workload
    .on(ListHostedZonesByNameCommand)
    .callsFake(async () => ({ HostedZones: zones }))
    .on(CreateHostedZoneCommand)
    .callsFake(async input => {
      zones.push({
        Id: '/hostedzone/ZCHILD',
        Name: 'staging.example.com.',
        CallerReference: input.CallerReference,
      });
      return {
        ...pending('C1'),
        HostedZone: zones[0],
        DelegationSet: { NameServers: NS },
        Location: 'x',
      };
    })
    .on(GetChangeCommand)
    .resolves(insync)
    .on(GetHostedZoneCommand)
    .resolves({ DelegationSet: { NameServers: NS } })
    .on(ListTagsForResourceCommand)
    .resolves({ ResourceTagSet: { Tags: [] } })
    .on(ChangeTagsForResourceCommand)
    .resolves({ $metadata: { requestId: 'req-tags' } });
}

function setUp(options: { allow?: AuthorizeResult[] } = {}) {
  const clients: Record<string, Route53Client> = {
    [NETWORK]: new Route53Client({}),
    [SANDBOX]: new Route53Client({}),
    [PRODUCTION]: new Route53Client({}),
  };
  stubRoute53(clients);
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async requests =>
      requests.map(() => ({
        result: options.allow?.shift() ?? AuthorizeResult.ALLOW,
      })),
    ) as any,
  });
  const catalog = catalogServiceMock({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: `account-${SANDBOX}`,
          annotations: { 'amazonaws.com/account-id': SANDBOX },
        },
        spec: { type: 'aws-account', owner: 'group:default/platform-team' },
      },
      ownerGroupEntity(PAYMENTS),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'jane' },
        spec: {},
      },
    ],
  });
  const createClient = jest.fn(
    async (_cls: unknown, target: { accountId?: string }) =>
      clients[target.accountId!] as any,
  );
  const action = createDelegatedSubdomainAction({
    config,
    clientFactory: { createClient },
    catalog,
    permissions,
  });
  return { action, permissions, catalog, createClient };
}

/** A context whose checkpoints persist in `store`, as a resumed task's do. */
function context(
  input: JsonObject,
  options: { store?: Map<string, unknown>; dryRun?: boolean } = {},
) {
  const store = options.store ?? new Map<string, unknown>();
  const ctx = createMockActionContext({
    input,
    task: { id: 'task-1' } as any,
    user: { ref: 'user:default/jane' },
  });
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

const input = (extra: JsonObject = {}): JsonObject => ({
  domainName: 'staging.example.com',
  account: SANDBOX,
  owner: PAYMENTS,
  ...extra,
});
const awsCalls = () => network.calls().length + workload.calls().length;
const mutations = () =>
  workload.commandCalls(CreateHostedZoneCommand).length +
  network.commandCalls(ChangeResourceRecordSetsCommand).length +
  workload.commandCalls(ChangeTagsForResourceCommand).length;

/** An existing zone the suite made for this request, delegated as `delegation`. */
function ownZone(delegation?: string[]) {
  zones.push({
    Id: '/hostedzone/ZCHILD',
    Name: 'staging.example.com.',
    CallerReference: TOKEN,
  });
  if (delegation) {
    network.on(ListResourceRecordSetsCommand).resolves(nsRecord(delegation));
  }
}

describe('aws-platform:route53:subdomain:create', () => {
  it('creates the zone as the user, waits for it, tags it and delegates it with CREATE', async () => {
    const { action, createClient } = setUp();
    const ctx = context(input({ domainName: 'Staging.Example.com.' }));
    const info = jest.spyOn(ctx.logger, 'info');
    await action.handler(ctx as any);

    expect(workload).toHaveReceivedCommandWith(CreateHostedZoneCommand, {
      Name: 'staging.example.com',
      CallerReference: TOKEN,
    });
    expect(workload).toHaveReceivedCommandWith(GetChangeCommand, {
      Id: 'C1',
    });
    expect(network).toHaveReceivedCommandWith(ChangeResourceRecordSetsCommand, {
      HostedZoneId: 'ZPARENT',
      ChangeBatch: expect.objectContaining({
        Changes: [
          {
            Action: 'CREATE',
            ResourceRecordSet: {
              Name: 'staging.example.com',
              Type: 'NS',
              TTL: 3600,
              ResourceRecords: NS.map(Value => ({ Value })),
            },
          },
        ],
      }),
    });
    expect(createClient).toHaveBeenCalledWith(Route53Client, {
      accountId: NETWORK,
      region: 'us-east-1',
      actor: { userEntityRef: 'user:default/jane' },
    });
    expect(info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Done: Create NS record .*\(AWS request id req-C2\)$/,
      ),
    );
    expect(ctx.output).toHaveBeenCalledWith('zoneId', 'ZCHILD');
    expect(ctx.output).toHaveBeenCalledWith('nameServers', NS);
    expect(ctx.output).toHaveBeenCalledWith('created', true);
  });

  it('plans the changes in a dry-run and makes none', async () => {
    const { action } = setUp();
    const ctx = context(input(), { dryRun: true });
    await action.handler(ctx as any);

    expect(mutations()).toBe(0);
    expect(ctx.output).toHaveBeenCalledWith('plannedChanges', [
      `Create public hosted zone staging.example.com in account Sandbox (${SANDBOX})`,
      expect.stringMatching(
        /^Tag the staging.example.com zone with owner, aws-platform-suite.github.io\/managed-by/,
      ),
      "Create NS record staging.example.com (TTL 3600) in zone example.com (ZPARENT) of the Network account, naming the zone's name servers",
    ]);
  });

  it("plans only for the template's Review step: the changes by account, none made", async () => {
    const { action } = setUp();
    const ctx = context(input({ planOnly: true }));
    await action.handler(ctx as any);

    expect(mutations()).toBe(0);
    expect(ctx.output).toHaveBeenCalledWith('changesByAccount', [
      {
        accountId: SANDBOX,
        accountName: 'Sandbox',
        changes: [
          `Create public hosted zone staging.example.com in account Sandbox (${SANDBOX})`,
          expect.stringMatching(/^Tag the staging.example.com zone with owner/),
        ],
      },
      {
        accountId: NETWORK,
        accountName: 'Network',
        changes: [expect.stringMatching(/^Create NS record staging/)],
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'changeSummary',
      expect.stringMatching(
        new RegExp(
          `^\\*\\*Sandbox \\(${SANDBOX}\\)\\*\\*\\n\\n- Create public`,
        ),
      ),
    );
  });

  it('reports the changes it made in the past tense, by account', async () => {
    const { action } = setUp();
    const ctx = context(input());
    await action.handler(ctx as any);

    const summary = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'changeSummary',
    )![1];
    expect(summary).toContain(
      `**Sandbox (${SANDBOX})**\n\n- Created public hosted zone staging.example.com`,
    );
    expect(summary).toContain(
      `**Network (${NETWORK})**\n\n- Created NS record staging.example.com`,
    );
  });

  it.each([
    [{ domainName: 'staging.example.org' }, 'not under an allowed parent zone'],
    [{ domainName: 'bad_label.example.com' }, "has the label 'bad_label'"],
    [{ domainName: 'www.example.com' }, "starts with the reserved name 'www'"],
    [
      { domainName: 'Mail.Example.com' },
      "starts with the reserved name 'mail'",
    ],
    [{ account: '999999999999' }, 'not one the scaffolder may change'],
    [{ account: 'resource:default/missing' }, 'not an AWS account entity'],
    [{ owner: undefined }, 'owner must be text'],
    [{ owner: 'user:default/jane' }, 'is not a group'],
    [{ owner: 'group:default/nobody' }, 'is not a Group in the catalog'],
    [{ tags: { owner: 'someone-else' } }, "tags may not set 'owner'"],
    [{ tags: { Owner: 'someone-else' } }, "tags may not set 'Owner'"],
    [
      { tags: { 'aws-platform-suite.github.io/lineage': 'x' } },
      "tags may not set 'aws-platform-suite.github.io/lineage'",
    ],
    [{ tags: { 'aws:reserved': 'x' } }, "tags may not set 'aws:reserved'"],
    [
      { tags: Object.fromEntries([...Array(9)].map((_, i) => [`k${i}`, 'v'])) },
      'At most 8 tags',
    ],
    [{ repairDelegation: 'yes' }, 'repairDelegation must be true or false'],
    [{ planOnly: 'yes' }, 'planOnly must be true or false'],
  ])(
    'refuses %j with an InputError before any AWS call',
    async (change, reason) => {
      const { action } = setUp();
      const ctx = context(input(change as JsonObject));
      await expect(action.handler(ctx as any)).rejects.toThrow(InputError);
      await expect(action.handler(ctx as any)).rejects.toThrow(reason);
      expect(awsCalls()).toBe(0);
    },
  );

  it('takes the reserved names from config when given, replacing the default', async () => {
    const { catalog, permissions, createClient } = setUp();
    const action = createDelegatedSubdomainAction({
      config: {
        ...config,
        route53: { ...config.route53!, reservedSubdomains: ['staging'] },
      },
      clientFactory: { createClient },
      catalog,
      permissions,
    });
    await expect(action.handler(context(input()) as any)).rejects.toThrow(
      "reserved name 'staging'",
    );
    expect(awsCalls()).toBe(0);
    const www = context(input({ domainName: 'www.example.com' }), {
      dryRun: true,
    });
    await action.handler(www as any);
    expect(www.output).toHaveBeenCalledWith('domainName', 'www.example.com');
  });

  it('checks its own permission before reading the catalog, and the production one after', async () => {
    const denied = setUp({ allow: [AuthorizeResult.DENY] });
    const getEntityByRef = jest.spyOn(denied.catalog, 'getEntityByRef');
    await expect(
      denied.action.handler(
        context(
          input({ account: `resource:default/account-${SANDBOX}` }),
        ) as any,
      ),
    ).rejects.toThrow(NotAllowedError);
    expect(getEntityByRef).not.toHaveBeenCalled();
    expect(awsCalls()).toBe(0);

    // The Network account's root zones are shared: always the production permission.
    const notProduction = setUp({
      allow: [
        AuthorizeResult.ALLOW,
        AuthorizeResult.ALLOW,
        AuthorizeResult.DENY,
      ],
    });
    await expect(
      notProduction.action.handler(context(input()) as any),
    ).rejects.toThrow(
      `You may not change production or shared accounts (account Network, ${NETWORK})`,
    );
    expect(awsCalls()).toBe(0);
  });

  it('asks for the repair permission before anything else when a repair is requested', async () => {
    const { action, permissions } = setUp({
      allow: [AuthorizeResult.ALLOW, AuthorizeResult.DENY],
    });
    await expect(
      action.handler(context(input({ repairDelegation: true })) as any),
    ).rejects.toThrow('You may not run aws-platform.route53.delegation.repair');
    expect(permissions.authorize).toHaveBeenLastCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'aws-platform.route53.delegation.repair',
          }),
        },
      ],
      expect.anything(),
    );
    expect(awsCalls()).toBe(0);
  });

  it('replaces a drifted delegation of its own zone in one batch guarded by the old values', async () => {
    const { action } = setUp();
    ownZone(OTHER_NS);
    await action.handler(context(input({ repairDelegation: true })) as any);
    expect(network).toHaveReceivedCommandWith(ChangeResourceRecordSetsCommand, {
      HostedZoneId: 'ZPARENT',
      ChangeBatch: expect.objectContaining({
        Changes: [
          expect.objectContaining({
            Action: 'DELETE',
            ResourceRecordSet: expect.objectContaining({
              TTL: 3600,
              ResourceRecords: OTHER_NS.map(Value => ({ Value })),
            }),
          }),
          expect.objectContaining({
            Action: 'CREATE',
            ResourceRecordSet: expect.objectContaining({
              ResourceRecords: NS.map(Value => ({ Value })),
            }),
          }),
        ],
      }),
    });
  });

  it('fails, changing nothing, when the record changed between the read and the repair (Route 53 refuses the DELETE; moto does not compare it)', async () => {
    const { action } = setUp();
    ownZone(OTHER_NS);
    network.on(ChangeResourceRecordSetsCommand).rejects(
      new InvalidChangeBatch({
        message:
          "[Tried to delete resource record set [name='staging.example.com.', type='NS'] but the values provided do not match the current values]",
        $metadata: {},
      }),
    );
    await expect(
      action.handler(context(input({ repairDelegation: true })) as any),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringContaining(
        'someone changed it while this task ran',
      ),
    });
  });

  it('refuses to CREATE over a record that appeared after the plan was made', async () => {
    const { action } = setUp();
    network
      .on(ListResourceRecordSetsCommand)
      .resolvesOnce({ ResourceRecordSets: [] })
      .resolves(nsRecord(OTHER_NS));
    await expect(action.handler(context(input()) as any)).rejects.toMatchObject(
      {
        name: 'ConflictError',
        message: expect.stringContaining('changed while this task ran'),
      },
    );
    expect(network).not.toHaveReceivedCommand(ChangeResourceRecordSetsCommand);
  });

  it('waits while Route 53 reports the change PENDING (moto is always INSYNC)', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const { action } = setUp();
      workload
        .on(GetChangeCommand)
        .resolvesOnce({
          ChangeInfo: {
            Id: 'C1',
            Status: 'PENDING' as const,
            SubmittedAt: new Date(),
          },
        })
        .resolves(insync);
      const run = action.handler(context(input()) as any);
      await jest.advanceTimersByTimeAsync(5_000);
      await run;
      expect(workload).toHaveReceivedCommandTimes(GetChangeCommand, 2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('takes the zone its own lost request made on HostedZoneAlreadyExists, never another zone of the name', async () => {
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
            Id: '/hostedzone/ZSOMEONE',
            Name: 'staging.example.com.',
            CallerReference: 'someone-else',
          },
          {
            Id: '/hostedzone/ZCHILD',
            Name: 'staging.example.com.',
            CallerReference: TOKEN,
          },
        ],
      });
    const ctx = context(input());
    await action.handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('zoneId', 'ZCHILD');
    expect(workload).toHaveReceivedCommandWith(ChangeTagsForResourceCommand, {
      ResourceId: 'ZCHILD',
    });
  });

  it.each([
    ['tagging', ChangeTagsForResourceCommand, 'workload', {}],
    ['delegation', ChangeResourceRecordSetsCommand, 'network', pending('C2')],
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
      await expect(
        action.handler(context(input(), { store }) as any),
      ).rejects.toThrow('connection reset');
      const resumed = context(input(), { store });
      await action.handler(resumed as any);
      expect(workload).toHaveReceivedCommandTimes(CreateHostedZoneCommand, 1);
      expect(resumed.output).toHaveBeenCalledWith('created', true);
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
