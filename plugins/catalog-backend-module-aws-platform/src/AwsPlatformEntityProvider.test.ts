import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListDelegatedAdministratorsCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockServices } from '@backstage/backend-test-utils';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { mockClient } from 'aws-sdk-client-mock';
import { memoryAccountTagStore } from './__testUtils__/memoryAccountTagStore';
import { memoryStatusStore } from './__testUtils__/memoryStatusStore';
import type { AccountTagStore } from './organization/accountTagStore';
import type { ChangeJournal } from './events/replicas/changeJournal';
import { ControlTowerClient } from './organization/controlTower/ControlTowerClient';
import {
  GetLandingZoneCommand,
  ListLandingZonesCommand,
} from './organization/controlTower/landingZoneCommands';
import { AwsPlatformEntityProvider } from './AwsPlatformEntityProvider';
import { testIngestionConfig } from './__fixtures__/ingestionConfig';

// aws-sdk-client-mock stands in for Organizations; the emulator-backed test
// in catalogModuleAwsPlatform.emulator.test.ts covers the real calls.
const organizations = mockClient(OrganizationsClient);
// moto has no Control Tower: the landing zone is mocked too.
const controlTower = mockClient(ControlTowerClient);

const config = testIngestionConfig({ services: ['route53'] });

const MANAGEMENT_ACCOUNT = {
  Id: '123456789012',
  Name: 'Management',
  Email: 'm@example.com',
  Arn: 'arn:acct',
  State: 'ACTIVE' as const,
};

function setUp(
  ingestion = config,
  accountTags?: AccountTagStore,
  changeJournal?: Pick<ChangeJournal, 'requeueApplied'>,
) {
  const connection: jest.Mocked<EntityProviderConnection> = {
    applyMutation: jest.fn(),
    refresh: jest.fn(),
  };
  const statusStore = memoryStatusStore();
  const taskRunner = { run: jest.fn() };
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const targets: { client: string; region: string }[] = [];
  const provider = new AwsPlatformEntityProvider({
    config: ingestion,
    clientFactory: {
      createClient: async (ClientClass: any, target) => {
        targets.push({ client: ClientClass.name, region: target.region });
        return new ClientClass({
          region: target.region,
          credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
        });
      },
    },
    readers: {
      route53: async () => [],
      eks: async () => [],
      backup: async () => ({ vaults: [], plans: [] }),
      ecr: async () => [],
    },
    memory: {
      entitiesOfScopes: async () => [],
      lastAppliedRun: async () => ({ organizationIds: [], refs: new Set() }),
    },
    logger,
    taskRunner,
    statusStore,
    accountTags,
    changeJournal,
  });
  return { provider, connection, statusStore, taskRunner, logger, targets };
}

describe('AwsPlatformEntityProvider', () => {
  beforeEach(() => {
    organizations.reset();
    controlTower.reset();
    organizations.on(DescribeOrganizationCommand).resolves({
      Organization: {
        Id: 'o-1',
        Arn: 'arn:org',
        MasterAccountId: '123456789012',
      },
    });
    organizations
      .on(ListRootsCommand)
      .resolves({ Roots: [{ Id: 'r-1', Name: 'Root', Arn: 'arn:root' }] });
    organizations
      .on(ListOrganizationalUnitsForParentCommand)
      .resolves({ OrganizationalUnits: [] });
    organizations
      .on(ListAccountsForParentCommand)
      .resolves({ Accounts: [MANAGEMENT_ACCOUNT] });
    organizations.on(ListTagsForResourceCommand).resolves({ Tags: [] });
    organizations
      .on(ListDelegatedAdministratorsCommand)
      .resolves({ DelegatedAdministrators: [] });
  });

  it('schedules its refresh when the catalog connects', async () => {
    const { provider, connection, taskRunner } = setUp();
    await provider.connect(connection);
    expect(taskRunner.run).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'AwsPlatformEntityProvider:refresh' }),
    );
  });

  it('replaces its entities with a full mutation after a complete read', async () => {
    const { provider, connection, statusStore } = setUp();
    await provider.connect(connection);
    await provider.refresh();

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    const mutation = connection.applyMutation.mock.calls[0][0];
    expect(
      mutation.type === 'full' &&
        mutation.entities.map(e => [e.entity.metadata.name, e.locationKey]),
    ).toEqual([
      ['r-1', 'aws-platform:organization'],
      ['account-123456789012', 'aws-platform:organization'],
    ]);
    expect(await statusStore.list()).toEqual([
      expect.objectContaining({
        provider: 'AwsPlatformEntityProvider',
        outcome: 'ok',
        entityCount: 2,
        failures: [],
      }),
    ]);
  });

  it('puts back the changes events applied while it read, once its own read is applied', async () => {
    const requeued: { since: number; until: number; applied: number }[] = [];
    const { provider, connection } = setUp(config, undefined, {
      requeueApplied: async (_provider, since, until) => {
        requeued.push({
          since,
          until,
          applied: connection.applyMutation.mock.calls.length,
        });
        return 2;
      },
    });
    await provider.connect(connection);
    const before = Date.now();
    await provider.refresh();

    // The window runs from before the refresh read to after it applied.
    expect(requeued).toEqual([
      { since: expect.any(Number), until: expect.any(Number), applied: 1 },
    ]);
    expect(requeued[0].since).toBeGreaterThanOrEqual(before);
    expect(requeued[0].until).toBeGreaterThanOrEqual(requeued[0].since);

    // A run that applies nothing replaces nothing: nothing to read again.
    organizations.on(ListRootsCommand).rejects(new Error('down'));
    await provider.refresh();
    expect(requeued).toHaveLength(1);
  });

  it('still applies a run that outlived its timeout, and warns to raise it', async () => {
    const { provider, connection, logger } = setUp();
    await provider.connect(connection);
    await provider.refresh({ abortSignal: AbortSignal.abort() });

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        '(catalog.providers.awsPlatform.schedule.timeout)',
      ),
    );
  });

  it('keeps the last good entities when the organization cannot be read', async () => {
    const { provider, connection, statusStore, logger } = setUp();
    await provider.connect(connection);
    await provider.refresh();
    organizations.on(ListRootsCommand).rejects(
      Object.assign(new Error('User is not authorized'), {
        name: 'AccessDeniedException',
      }),
    );

    await provider.refresh();

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect((await statusStore.list())[0]).toMatchObject({
      outcome: 'failed',
      failures: [
        {
          scope: 'organization',
          errorName: 'AccessDeniedException',
          message: 'AccessDeniedException in organization',
        },
      ],
    });
    // AWS's own message is for the log, not the status the browser reads.
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('User is not authorized'),
    );
  });

  it('reads the landing zone in its home region when turned on, and takes the Log Archive from it', async () => {
    organizations.on(ListAccountsForParentCommand).resolves({
      Accounts: [
        MANAGEMENT_ACCOUNT,
        {
          Id: '222222222222',
          Name: 'trail',
          Email: 't@example.com',
          Arn: 'arn:acct2',
          State: 'ACTIVE',
        },
      ],
    });
    controlTower
      .on(ListLandingZonesCommand)
      .resolves({ landingZones: [{ arn: 'arn:lz' }] });
    controlTower.on(GetLandingZoneCommand).resolves({
      landingZone: {
        manifest: { centralizedLogging: { accountId: '222222222222' } },
      },
    });
    const { provider, connection, targets } = setUp(
      testIngestionConfig({
        services: ['route53'],
        organization: { region: 'us-east-1', controlTowerRegion: 'eu-west-1' },
      }),
    );
    await provider.connect(connection);
    await provider.refresh();

    expect(targets).toContainEqual({
      client: 'ControlTowerClient',
      region: 'eu-west-1',
    });
    const mutation = connection.applyMutation.mock.calls[0][0];
    const trail =
      mutation.type === 'full'
        ? mutation.entities.find(
            e => e.entity.metadata.name === 'account-222222222222',
          )?.entity
        : undefined;
    expect(trail?.metadata.labels).toMatchObject({
      'aws-platform-suite.github.io/account-role': 'log-archive',
    });
    expect(trail?.metadata.annotations).toMatchObject({
      'aws-platform-suite.github.io/role-source': 'landing-zone',
      'aws-platform-suite.github.io/role-confidence': 'high',
    });
  });

  it('carries the account tags read within events.accountTagsMaxAge, reads the others and keeps them', async () => {
    const tagStore = memoryAccountTagStore();
    const withCarrying = {
      ...config,
      events: {
        topic: 'aws-platform-cloudtrail',
        coalesceWindowMs: 5_000,
        accountTagsMaxAgeMs: 3_600_000,
      },
    };
    const MEMBER = {
      ...MANAGEMENT_ACCOUNT,
      Id: '222222222222',
      Name: 'Member',
    };
    organizations
      .on(ListAccountsForParentCommand)
      .resolves({ Accounts: [MANAGEMENT_ACCOUNT, MEMBER] });
    organizations
      .on(ListTagsForResourceCommand, { ResourceId: '222222222222' })
      .resolves({ Tags: [{ Key: 'owner', Value: 'member-team' }] });
    // The management account's tags were kept 10 minutes ago; an older
    // copy of the member's is past the maximum age.
    const now = Date.now();
    await tagStore.record(
      'AwsPlatformEntityProvider',
      [{ accountId: '123456789012', tags: { owner: 'kept-team' } }],
      now - 600_000,
    );
    await tagStore.record(
      'AwsPlatformEntityProvider',
      [{ accountId: '222222222222', tags: { owner: 'old-team' } }],
      now - 7_200_000,
    );
    const { provider, connection, statusStore } = setUp(withCarrying, tagStore);
    await provider.connect(connection);
    await provider.refresh();

    const tagReads = organizations
      .commandCalls(ListTagsForResourceCommand)
      .map(call => call.args[0].input.ResourceId);
    expect(tagReads).not.toContain('123456789012');
    expect(tagReads).toContain('222222222222');
    const mutation = connection.applyMutation.mock.calls[0][0];
    const owners =
      mutation.type === 'full' &&
      Object.fromEntries(
        mutation.entities.map(e => [
          e.entity.metadata.name,
          e.entity.spec?.owner,
        ]),
      );
    expect(owners).toMatchObject({
      'account-123456789012': 'group:default/kept-team',
      'account-222222222222': 'group:default/member-team',
    });
    expect((await statusStore.list())[0].accountTags).toEqual({
      read: 1,
      carried: 1,
    });
    // The member's tags as read now are kept for the next refresh.
    expect(
      (await tagStore.readSince('AwsPlatformEntityProvider', now - 1)).get(
        '222222222222',
      ),
    ).toEqual({ owner: 'member-team' });
  });

  it('reads every account’s tags without events.accountTagsMaxAge, whatever is kept', async () => {
    const tagStore = memoryAccountTagStore();
    await tagStore.record(
      'AwsPlatformEntityProvider',
      [{ accountId: '123456789012', tags: { owner: 'kept-team' } }],
      Date.now(),
    );
    const { provider, connection, statusStore } = setUp(config, tagStore);
    await provider.connect(connection);
    await provider.refresh();
    expect(
      organizations
        .commandCalls(ListTagsForResourceCommand)
        .map(call => call.args[0].input.ResourceId),
    ).toContain('123456789012');
    expect((await statusStore.list())[0].accountTags).toEqual({
      read: 1,
      carried: 0,
    });
  });

  it('does not call Control Tower unless turned on', async () => {
    const { provider, connection, targets } = setUp();
    await provider.connect(connection);
    await provider.refresh();
    expect(targets.map(t => t.client)).not.toContain('ControlTowerClient');
    expect(controlTower.calls()).toHaveLength(0);
  });
});
