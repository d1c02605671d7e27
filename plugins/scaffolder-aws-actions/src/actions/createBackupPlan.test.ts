import {
  AlreadyExistsException,
  BackupClient,
  BackupPlanInput,
  BackupSelection,
  CreateBackupPlanCommand,
  CreateBackupSelectionCommand,
  DescribeBackupVaultCommand,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-backup';
import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { AwsStub, mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import type { JsonObject } from '@backstage/types';
import yaml from 'yaml';
import { ActionsConfig } from '../actionsConfig';
import { backupPlanLineage } from '../backup/backupPlanPlan';
import { ownershipToken } from '../backup/planOwnershipProof';
import { createBackupPlanAction } from './createBackupPlan';
import { examples } from './createBackupPlan.examples';

// AWS Backup is mocked with aws-sdk-client-mock here, one stub per account
// and region, behind a small in-memory fake of the plans and selections.
// Moto lacks the selection API (CreateBackupSelection, ListBackupSelections
// and GetBackupSelection), AWS's CreatorRequestId idempotency, and returns no
// plan tags to the JavaScript SDK, so those paths are covered here; the
// emulator test runs the rest against moto.
const SANDBOX = '210987654321';
const PRODUCTION = '310987654321';
const BACKUP = '410987654321';
const EAST = 'us-east-1';
const WEST = 'us-west-2';
const VAULT = 'user-backup-vault';
const vaultArn = (region: string, account: string) =>
  `arn:aws:backup:${region}:${account}:backup-vault:${VAULT}`;

const config: ActionsConfig = {
  accounts: [
    { accountId: SANDBOX, name: 'Sandbox', production: false },
    { accountId: PRODUCTION, name: 'Production', production: true },
    { accountId: BACKUP, name: 'Backup', production: false },
  ],
  backup: {
    backupAccountId: BACKUP,
    vaultName: VAULT,
    selectionRoleName: 'backup-selection-role',
    allowedRegions: [EAST, WEST],
  },
};

type Stub = AwsStub<any, any, any>;
interface FakePlan {
  id: string;
  arn: string;
  body: BackupPlanInput;
  creatorRequestId?: string;
}

interface FakeSelection {
  SelectionId: string;
  CreatorRequestId?: string;
  BackupSelection: BackupSelection;
}

/** Plans and selections of one account and region, as AWS Backup keeps them. */
function fakeBackup(stub: Stub, account: string, region: string) {
  const plans: FakePlan[] = [];
  const selections = new Map<string, FakeSelection[]>();
  let ids = 0;
  stub
    .on(DescribeBackupVaultCommand)
    .callsFake(({ BackupVaultName }) => ({
      BackupVaultName,
      BackupVaultArn: vaultArn(region, account),
    }))
    .on(ListBackupPlansCommand)
    .callsFake(() => ({
      BackupPlansList: plans.map(plan => ({
        BackupPlanId: plan.id,
        BackupPlanArn: plan.arn,
        BackupPlanName: plan.body.BackupPlanName,
        VersionId: 'v1',
      })),
    }))
    .on(GetBackupPlanCommand)
    .callsFake(({ BackupPlanId }) => {
      const plan = plans.find(p => p.id === BackupPlanId)!;
      return {
        // What AWS adds to a stored rule.
        BackupPlan: {
          ...plan.body,
          Rules: plan.body.Rules!.map(rule => ({
            ...rule,
            RuleId: `rule-${plan.id}`,
            ScheduleExpressionTimezone: 'Etc/UTC',
          })),
        },
        BackupPlanId: plan.id,
        BackupPlanArn: plan.arn,
        VersionId: 'v1',
        CreatorRequestId: plan.creatorRequestId,
      };
    })
    .on(CreateBackupPlanCommand)
    .callsFake(({ BackupPlan, CreatorRequestId }) => {
      const same = plans.find(
        p =>
          (CreatorRequestId && p.creatorRequestId === CreatorRequestId) ||
          p.body.BackupPlanName === BackupPlan.BackupPlanName,
      );
      if (same && same.creatorRequestId === CreatorRequestId) {
        // AWS returns the plan an earlier request with this id created.
        return { BackupPlanId: same.id, BackupPlanArn: same.arn };
      }
      if (same) {
        throw new AlreadyExistsException({
          message: 'Backup plan with the same name already exists',
          $metadata: {},
        });
      }
      const id = `PLAN${++ids}`;
      const plan = {
        id,
        arn: `arn:aws:backup:${region}:${account}:backup-plan:${id}`,
        body: BackupPlan,
        creatorRequestId: CreatorRequestId,
      };
      plans.push(plan);
      return {
        BackupPlanId: plan.id,
        BackupPlanArn: plan.arn,
        $metadata: { requestId: `request-${id}` },
      };
    })
    .on(ListBackupSelectionsCommand)
    .callsFake(({ BackupPlanId }) => ({
      BackupSelectionsList: (selections.get(BackupPlanId) ?? []).map(s => ({
        SelectionId: s.SelectionId,
        SelectionName: s.BackupSelection.SelectionName,
        BackupPlanId,
        CreatorRequestId: s.CreatorRequestId,
        IamRoleArn: s.BackupSelection.IamRoleArn,
      })),
    }))
    .on(GetBackupSelectionCommand)
    .callsFake(({ BackupPlanId, SelectionId }) => {
      const found = (selections.get(BackupPlanId) ?? []).find(
        s => s.SelectionId === SelectionId,
      )!;
      return { ...found, BackupPlanId };
    })
    .on(CreateBackupSelectionCommand)
    .callsFake(({ BackupPlanId, BackupSelection: body, CreatorRequestId }) => {
      const list = selections.get(BackupPlanId) ?? [];
      const repeated = list.find(
        s => CreatorRequestId && s.CreatorRequestId === CreatorRequestId,
      );
      const selection = repeated ?? {
        SelectionId: `SEL${list.length + 1}-${BackupPlanId}`,
        CreatorRequestId,
        BackupSelection: body,
      };
      if (!repeated) selections.set(BackupPlanId, [...list, selection]);
      return {
        BackupPlanId,
        SelectionId: selection.SelectionId,
        $metadata: { requestId: `request-${selection.SelectionId}` },
      };
    });
  return { plans, selections };
}

let stubs: Record<string, Stub>;
let sandbox: Stub;
let sandboxWest: Stub;
let backupAccount: Stub;
let createClient: jest.Mock;

function setUp(options: { allow?: AuthorizeResult[] } = {}) {
  const clients: Record<string, BackupClient> = {};
  stubs = {};
  for (const account of [SANDBOX, PRODUCTION, BACKUP]) {
    for (const region of [EAST, WEST, 'eu-west-1']) {
      const key = `${account}:${region}`;
      clients[key] = new BackupClient({ region });
      stubs[key] = mockClient(clients[key]);
    }
  }
  sandbox = stubs[`${SANDBOX}:${EAST}`];
  sandboxWest = stubs[`${SANDBOX}:${WEST}`];
  backupAccount = stubs[`${BACKUP}:${EAST}`];
  const state = {
    sandbox: fakeBackup(sandbox, SANDBOX, EAST),
    production: fakeBackup(stubs[`${PRODUCTION}:${EAST}`], PRODUCTION, EAST),
  };
  fakeBackup(sandboxWest, SANDBOX, WEST);
  fakeBackup(backupAccount, BACKUP, EAST);
  fakeBackup(stubs[`${BACKUP}:${WEST}`], BACKUP, WEST);

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
          name: `account-${SANDBOX}`,
          annotations: { 'amazonaws.com/account-id': SANDBOX },
        },
        spec: { type: 'aws-account', owner: 'group:default/platform-team' },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'payments', namespace: 'default' },
        spec: { type: 'team', children: [] },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'platform-team', namespace: 'default' },
        spec: { type: 'team', children: [] },
      },
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'jane', namespace: 'default' },
        spec: {},
      },
    ],
  });
  createClient = jest.fn(
    async (_cls: unknown, target: { accountId?: string; region: string }) =>
      clients[`${target.accountId}:${target.region}`] as any,
  );
  const action = createBackupPlanAction({
    config,
    clientFactory: { createClient },
    catalog,
    permissions,
  });
  return { action, permissions, state };
}

/** A context whose checkpoints persist in `store`, as a resumed task's do. */
function context(
  input: JsonObject,
  options: {
    store?: Map<string, unknown>;
    dryRun?: boolean;
    taskId?: string;
  } = {},
) {
  const store = options.store ?? new Map<string, unknown>();
  const ctx = createMockActionContext({
    input,
    task: { id: options.taskId ?? 'task-1' } as any,
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

const awsCalls = () =>
  Object.values(stubs).reduce((n, stub) => n + stub.calls().length, 0);
const mutations = () =>
  Object.values(stubs).reduce(
    (n, stub) =>
      n +
      stub.commandCalls(CreateBackupPlanCommand).length +
      stub.commandCalls(CreateBackupSelectionCommand).length,
    0,
  );

const OWNER = 'group:default/payments';
const daily = {
  account: `resource:default/account-${SANDBOX}`,
  owner: OWNER,
  region: EAST,
  planName: 'sandbox-daily',
  schedule: 'cron(0 2 * * ? *)',
  coldStorageAfterDays: 90,
  deleteAfterDays: 270,
};
/** The CreatorRequestId another task of the same request gave the plan. */
const tokenOfTask = (taskId: string) =>
  ownershipToken(
    backupPlanLineage({
      planName: 'sandbox-daily',
      accountId: SANDBOX,
      region: EAST,
      ownerGroup: OWNER,
    }),
    'plan',
    taskId,
  );
const lifecycle = { MoveToColdStorageAfterDays: 90, DeleteAfterDays: 270 };
const dailyPlan: BackupPlanInput = {
  BackupPlanName: 'sandbox-daily',
  Rules: [
    {
      RuleName: 'sandbox-daily-rule',
      TargetBackupVaultName: VAULT,
      ScheduleExpression: 'cron(0 2 * * ? *)',
      StartWindowMinutes: 60,
      CompletionWindowMinutes: 360,
      Lifecycle: lifecycle,
      CopyActions: [
        {
          DestinationBackupVaultArn: vaultArn(EAST, BACKUP),
          Lifecycle: lifecycle,
        },
      ],
    },
  ],
};

describe('aws-platform:backup:plan:create', () => {
  it('creates the plan with its rule, lifecycle and copy actions, then the tag selection', async () => {
    const { action } = setUp();
    const ctx = context({ ...daily, secondaryRegion: WEST });
    await action.handler(ctx as any);

    expect(backupAccount).toHaveReceivedCommandWith(
      DescribeBackupVaultCommand,
      { BackupVaultName: VAULT },
    );
    expect(sandboxWest).toHaveReceivedCommandWith(DescribeBackupVaultCommand, {
      BackupVaultName: VAULT,
    });
    expect(sandbox).toHaveReceivedCommandTimes(CreateBackupPlanCommand, 1);
    const planRequest = sandbox.commandCalls(CreateBackupPlanCommand)[0].args[0]
      .input;
    expect(planRequest).toEqual({
      BackupPlan: {
        ...dailyPlan,
        Rules: [
          {
            ...dailyPlan.Rules![0],
            CopyActions: [
              {
                DestinationBackupVaultArn: vaultArn(EAST, BACKUP),
                Lifecycle: lifecycle,
              },
              {
                DestinationBackupVaultArn: vaultArn(WEST, SANDBOX),
                Lifecycle: lifecycle,
              },
            ],
          },
        ],
      },
      BackupPlanTags: expect.objectContaining({ owner: OWNER }),
      CreatorRequestId: expect.stringMatching(
        /^awsp\.[0-9a-f]{24}\.[0-9a-f]{16}$/,
      ),
    });
    expect(sandbox).toHaveReceivedCommandWith(CreateBackupSelectionCommand, {
      BackupPlanId: 'PLAN1',
      BackupSelection: {
        SelectionName: 'sandbox-daily-selection',
        IamRoleArn: `arn:aws:iam::${SANDBOX}:role/backup-selection-role`,
        ListOfTags: [
          {
            ConditionType: 'STRINGEQUALS',
            ConditionKey: 'Backup',
            ConditionValue: 'true',
          },
        ],
      },
      CreatorRequestId: expect.stringMatching(
        /^awsp\.[0-9a-f]{24}\.[0-9a-f]{16}$/,
      ),
    });
    const selectionRequest = sandbox.commandCalls(
      CreateBackupSelectionCommand,
    )[0].args[0].input;
    expect(selectionRequest.CreatorRequestId).not.toBe(
      planRequest.CreatorRequestId,
    );
    // Nothing is created outside the workload account's own region.
    expect(sandboxWest).not.toHaveReceivedCommand(CreateBackupPlanCommand);
    expect(backupAccount).not.toHaveReceivedCommand(CreateBackupPlanCommand);

    expect(ctx.output).toHaveBeenCalledWith('planId', 'PLAN1');
    expect(ctx.output).toHaveBeenCalledWith(
      'planArn',
      `arn:aws:backup:${EAST}:${SANDBOX}:backup-plan:PLAN1`,
    );
    expect(ctx.output).toHaveBeenCalledWith('planName', 'sandbox-daily');
    expect(ctx.output).toHaveBeenCalledWith('selectionId', 'SEL1-PLAN1');
    expect(ctx.output).toHaveBeenCalledWith('copyTargets', [
      vaultArn(EAST, BACKUP),
      vaultArn(WEST, SANDBOX),
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'consoleUrl',
      'https://us-east-1.console.aws.amazon.com/backup/home?region=us-east-1#/backupplan/details/PLAN1',
    );
    expect(ctx.output).toHaveBeenCalledWith('created', true);
  });

  it('leaves out cold storage and copies when not asked for, and uses the given tag', async () => {
    const { action } = setUp();
    await action.handler(
      context({
        account: SANDBOX,
        owner: OWNER,
        region: EAST,
        planName: 'hourly',
        schedule: 'rate(1 hour)',
        deleteAfterDays: 7,
        copyToBackupAccount: false,
        selectionTagKey: 'backup-tier',
        selectionTagValue: 'hourly',
      }) as any,
    );
    expect(backupAccount).not.toHaveReceivedCommand(DescribeBackupVaultCommand);
    expect(sandbox).toHaveReceivedCommandWith(CreateBackupPlanCommand, {
      BackupPlan: {
        BackupPlanName: 'hourly',
        Rules: [
          {
            RuleName: 'hourly-rule',
            TargetBackupVaultName: VAULT,
            ScheduleExpression: 'rate(1 hour)',
            StartWindowMinutes: 60,
            CompletionWindowMinutes: 360,
            Lifecycle: { DeleteAfterDays: 7 },
            CopyActions: [],
          },
        ],
      },
    });
    expect(sandbox).toHaveReceivedCommandWith(CreateBackupSelectionCommand, {
      BackupSelection: expect.objectContaining({
        ListOfTags: [
          {
            ConditionType: 'STRINGEQUALS',
            ConditionKey: 'backup-tier',
            ConditionValue: 'hourly',
          },
        ],
      }),
    });
  });

  it('changes nothing on a second run', async () => {
    const { action } = setUp();
    await action.handler(context(daily) as any);
    const second = context(daily, { taskId: 'task-2' });
    await action.handler(second as any);

    expect(sandbox).toHaveReceivedCommandTimes(CreateBackupPlanCommand, 1);
    expect(sandbox).toHaveReceivedCommandTimes(CreateBackupSelectionCommand, 1);
    expect(second.output).toHaveBeenCalledWith('plannedChanges', []);
    expect(second.output).toHaveBeenCalledWith('planId', 'PLAN1');
    expect(second.output).toHaveBeenCalledWith('selectionId', 'SEL1-PLAN1');
    expect(second.output).toHaveBeenCalledWith('created', false);
  });

  it('finds the plan on a later page of ListBackupPlans', async () => {
    const { action, state } = setUp();
    state.sandbox.plans.push({
      id: 'PLAN9',
      arn: `arn:aws:backup:${EAST}:${SANDBOX}:backup-plan:PLAN9`,
      body: dailyPlan,
      creatorRequestId: tokenOfTask('an-earlier-task'),
    });
    sandbox
      .on(ListBackupPlansCommand)
      .resolvesOnce({
        BackupPlansList: [
          { BackupPlanId: 'OTHER', BackupPlanName: 'other-plan' },
        ],
        NextToken: 'page-2',
      })
      .resolves({
        BackupPlansList: [
          {
            BackupPlanId: 'PLAN9',
            BackupPlanArn: `arn:aws:backup:${EAST}:${SANDBOX}:backup-plan:PLAN9`,
            BackupPlanName: 'sandbox-daily',
          },
        ],
      });
    const ctx = context(daily);
    await action.handler(ctx as any);

    // The paginator reuses its input object, so only the last token shows.
    const pages = sandbox.commandCalls(ListBackupPlansCommand);
    expect(pages).toHaveLength(2);
    expect(pages[1].args[0].input.NextToken).toBe('page-2');
    expect(sandbox).not.toHaveReceivedCommand(CreateBackupPlanCommand);
    // The suite's plan existed without its selection: only that is created.
    expect(sandbox).toHaveReceivedCommandWith(CreateBackupSelectionCommand, {
      BackupPlanId: 'PLAN9',
    });
    expect(ctx.output).toHaveBeenCalledWith('planId', 'PLAN9');
    expect(ctx.output).toHaveBeenCalledWith('created', true);
  });

  it('plans the changes in a dry-run and makes none', async () => {
    const { action } = setUp();
    const ctx = context(daily, { dryRun: true });
    await action.handler(ctx as any);

    expect(mutations()).toBe(0);
    expect(ctx.output).toHaveBeenCalledWith('plannedChanges', [
      `Create backup plan sandbox-daily in account Sandbox (${SANDBOX}), us-east-1: rule sandbox-daily-rule, cron(0 2 * * ? *) UTC into ${VAULT}, cold storage after 90 days, deleted after 270, copies to ${vaultArn(
        EAST,
        BACKUP,
      )}, owner ${OWNER}`,
      `Assign resources tagged Backup=true to the plan (selection sandbox-daily-selection, role arn:aws:iam::${SANDBOX}:role/backup-selection-role)`,
    ]);
    expect(ctx.output).toHaveBeenCalledWith('created', false);
    expect(ctx.output).toHaveBeenCalledWith('copyTargets', [
      vaultArn(EAST, BACKUP),
    ]);
  });

  it.each([
    [{ ...daily, planName: 'daily backups' }, "planName 'daily backups'"],
    [{ ...daily, planName: 'x'.repeat(51) }, 'must be 1 to 50'],
    [{ ...daily, region: 'mars-north' }, 'not an AWS region name'],
    [{ ...daily, region: 'eu-west-1' }, 'not one backup plans may use'],
    [{ ...daily, schedule: 'every day at 2' }, 'neither a cron(...)'],
    [{ ...daily, schedule: 'cron(0 2 * * *)' }, 'has 5 fields'],
    [{ ...daily, schedule: 'cron(0 2 * * * *)' }, "'?' in exactly one"],
    [{ ...daily, schedule: 'cron(*/15 * * * ? *)' }, 'at most once an hour'],
    [{ ...daily, schedule: 'cron(0 25 * * ? *)' }, 'invalid hours field'],
    [
      { ...daily, schedule: 'rate(30 minutes)' },
      'more often than once an hour',
    ],
    [{ ...daily, schedule: 'rate(2 day)' }, 'plural unit'],
    [{ ...daily, startWindowMinutes: 30 }, 'startWindowMinutes must be'],
    [{ ...daily, completionWindowMinutes: 90.5 }, 'completionWindowMinutes'],
    [{ ...daily, deleteAfterDays: 0 }, 'deleteAfterDays must be'],
    [
      { ...daily, coldStorageAfterDays: 90, deleteAfterDays: 179 },
      'at least coldStorageAfterDays + 90 (180)',
    ],
    [{ ...daily, secondaryRegion: EAST }, 'secondaryRegion must differ'],
    [{ ...daily, secondaryRegion: 'eu-west-1' }, 'secondaryRegion eu-west-1'],
    [
      { ...daily, selectionTagKey: 'aws:backup' },
      "selectionTagKey 'aws:backup'",
    ],
    [{ ...daily, selectionTagValue: '' }, 'selectionTagValue'],
  ])(
    'refuses %j with an InputError before any AWS call',
    async (input, reason) => {
      const { action, permissions } = setUp();
      const ctx = context(input);
      await expect(action.handler(ctx as any)).rejects.toThrow(InputError);
      await expect(action.handler(ctx as any)).rejects.toThrow(reason);
      expect(awsCalls()).toBe(0);
      expect(createClient).not.toHaveBeenCalled();
      expect(permissions.authorize).not.toHaveBeenCalled();
    },
  );

  it.each([
    [
      { ...daily, account: '999999999999' },
      'not one the scaffolder may change',
    ],
    [
      { ...daily, account: 'resource:default/missing' },
      'not an AWS account entity',
    ],
    [{ ...daily, account: BACKUP }, 'is the Backup account'],
  ])(
    'refuses the account of %j with an InputError after the action permission, before any AWS call',
    async (input, reason) => {
      const { action, permissions } = setUp();
      await expect(action.handler(context(input) as any)).rejects.toThrow(
        reason,
      );
      expect(awsCalls()).toBe(0);
      expect(createClient).not.toHaveBeenCalled();
      // The catalog is read only once the user may run the action at all.
      expect(permissions.authorize).toHaveBeenCalledTimes(1);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'aws-platform.backup.plan.create',
            }),
          },
        ],
        expect.anything(),
      );
    },
  );

  it('refuses to run when backup plans are not configured', async () => {
    const action = createBackupPlanAction({
      config: { accounts: config.accounts },
      clientFactory: { createClient: jest.fn() },
      catalog: catalogServiceMock(),
      permissions: mockServices.permissions(),
    });
    await expect(action.handler(context(daily) as any)).rejects.toThrow(
      'scaffolder.awsPlatform.backup',
    );
  });

  it('checks the action permission, and the production one for production accounts', async () => {
    const denied = setUp({ allow: [AuthorizeResult.DENY] });
    await expect(
      denied.action.handler(context({ ...daily, account: SANDBOX }) as any),
    ).rejects.toThrow(NotAllowedError);
    expect(awsCalls()).toBe(0);

    const notProduction = setUp({
      allow: [AuthorizeResult.ALLOW, AuthorizeResult.DENY],
    });
    await expect(
      notProduction.action.handler(
        context({ ...daily, account: PRODUCTION }) as any,
      ),
    ).rejects.toThrow('change production or shared accounts');
    expect(awsCalls()).toBe(0);
    expect(notProduction.permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'aws-platform.backup.plan.create',
          }),
        },
        {
          permission: expect.objectContaining({
            name: 'aws-platform.production.change',
          }),
          resourceRef: `resource:default/account-${PRODUCTION}`,
        },
      ],
      expect.anything(),
    );

    // A non-production account needs the action's permission only, asked once.
    const sandboxRun = setUp();
    await sandboxRun.action.handler(context(daily) as any);
    expect(sandboxRun.permissions.authorize).toHaveBeenCalledTimes(1);

    const production = setUp();
    await production.action.handler(
      context({ ...daily, account: PRODUCTION }) as any,
    );
    expect(stubs[`${PRODUCTION}:${EAST}`]).toHaveReceivedCommandTimes(
      CreateBackupPlanCommand,
      1,
    );
  });

  it.each([
    [
      'the Backup account',
      () => backupAccount,
      {},
      `the Backup account (${BACKUP}), us-east-1`,
    ],
    [
      'the secondary region',
      () => sandboxWest,
      { secondaryRegion: WEST },
      `account Sandbox (${SANDBOX}), us-west-2 (the secondary region)`,
    ],
    [
      'the workload account',
      () => sandbox,
      {},
      `account Sandbox (${SANDBOX}), us-east-1 (the plan's own vault)`,
    ],
  ])(
    'refuses a plan whose vault is missing in %s',
    async (_where, stub, extra, message) => {
      const { action } = setUp();
      stub()
        .on(DescribeBackupVaultCommand)
        .rejects(
          new ResourceNotFoundException({
            message: 'Backup vault not found',
            $metadata: {},
          }),
        );
      const ctx = context({ ...daily, ...extra });
      const run = action.handler(ctx as any);
      await expect(run).rejects.toThrow(InputError);
      await expect(action.handler(ctx as any)).rejects.toThrow(
        `The vault ${VAULT} does not exist in ${message}`,
      );
      expect(mutations()).toBe(0);
      expect(sandbox).not.toHaveReceivedCommand(ListBackupPlansCommand);
    },
  );

  it('says which vault it could not check when AWS refuses the check', async () => {
    const { action } = setUp();
    const denied = new Error(
      'User is not authorized to perform backup:DescribeBackupVault',
    );
    denied.name = 'AccessDeniedException';
    backupAccount.on(DescribeBackupVaultCommand).rejects(denied);
    await expect(action.handler(context(daily) as any)).rejects.toThrow(
      `Could not check the vault ${VAULT} in the Backup account (${BACKUP}), us-east-1; caused by AccessDeniedException`,
    );
    expect(mutations()).toBe(0);
  });

  it('refuses, without changing it, its own plan of that name with other settings', async () => {
    const { action, state } = setUp();
    state.sandbox.plans.push({
      id: 'PLAN7',
      arn: `arn:aws:backup:${EAST}:${SANDBOX}:backup-plan:PLAN7`,
      body: {
        ...dailyPlan,
        Rules: [
          {
            ...dailyPlan.Rules![0],
            ScheduleExpression: 'cron(0 3 * * ? *)',
            CopyActions: [],
          },
        ],
      },
      creatorRequestId: tokenOfTask('an-earlier-task'),
    });
    for (const dryRun of [false, true]) {
      const run = action.handler(context(daily, { dryRun }) as any);
      await expect(run).rejects.toThrow(ConflictError);
    }
    await expect(action.handler(context(daily) as any)).rejects.toThrow(
      `A backup plan named sandbox-daily already exists in account Sandbox (${SANDBOX}), us-east-1 (PLAN7) with other settings: the schedule is cron(0 3 * * ? *), not cron(0 2 * * ? *) as requested; the copy actions are [], not [${vaultArn(
        EAST,
        BACKUP,
      )} (cold after 90 days, deleted after 270 days)] as requested. It was left unchanged`,
    );
    expect(mutations()).toBe(0);
  });

  it('resumes after a failure at the selection step and creates the plan once', async () => {
    const { action } = setUp();
    // The list lags behind the create, so only the checkpoint knows the plan exists.
    sandbox.on(ListBackupPlansCommand).resolves({ BackupPlansList: [] });
    sandbox
      .on(CreateBackupSelectionCommand)
      .rejectsOnce(new Error('connection reset'))
      .resolves({ SelectionId: 'SEL1', BackupPlanId: 'PLAN1' });
    const store = new Map<string, unknown>();
    const failed = context(daily, { store });
    const logError = jest.spyOn(failed.logger, 'error');
    await expect(action.handler(failed as any)).rejects.toThrow(
      'connection reset',
    );
    expect(logError).toHaveBeenCalledWith(
      expect.stringContaining(
        `Done so far: plan sandbox-daily (PLAN1) created in account Sandbox (${SANDBOX}), us-east-1. Running the task again resumes`,
      ),
    );

    const resumed = context(daily, { store });
    await action.handler(resumed as any);
    expect(sandbox).toHaveReceivedCommandTimes(CreateBackupPlanCommand, 1);
    expect(sandbox).toHaveReceivedCommandTimes(CreateBackupSelectionCommand, 2);
    expect(resumed.output).toHaveBeenCalledWith('planId', 'PLAN1');
    expect(resumed.output).toHaveBeenCalledWith('selectionId', 'SEL1');
    expect(resumed.output).toHaveBeenCalledWith('created', true);
  });

  it('recognises on resume the plan its own CreatorRequestId made', async () => {
    const { action } = setUp();
    sandbox
      .on(CreateBackupSelectionCommand)
      .rejectsOnce(new Error('connection reset'));
    await expect(action.handler(context(daily) as any)).rejects.toThrow(
      'connection reset',
    );
    // A restarted task with the same id but no checkpoints (e.g. a new worker).
    sandbox
      .on(CreateBackupSelectionCommand)
      .resolves({ SelectionId: 'SEL1', BackupPlanId: 'PLAN1' });
    const resumed = context(daily);
    await action.handler(resumed as any);
    expect(sandbox).toHaveReceivedCommandTimes(CreateBackupPlanCommand, 1);
    expect(resumed.output).toHaveBeenCalledWith('created', true);
  });

  /** A plan of the name appears between the read and CreateBackupPlan. */
  function planAppearsMeanwhile(creatorRequestId: string) {
    const { action, state } = setUp();
    sandbox
      .on(ListBackupPlansCommand)
      .resolvesOnce({ BackupPlansList: [] })
      .callsFake(() => ({
        BackupPlansList: state.sandbox.plans.map(p => ({
          BackupPlanId: p.id,
          BackupPlanArn: p.arn,
          BackupPlanName: p.body.BackupPlanName,
        })),
      }));
    state.sandbox.plans.push({
      id: 'PLAN5',
      arn: `arn:aws:backup:${EAST}:${SANDBOX}:backup-plan:PLAN5`,
      body: dailyPlan,
      creatorRequestId,
    });
    return action;
  }

  it('uses the identical plan another run of the same request created meanwhile (AlreadyExistsException)', async () => {
    const action = planAppearsMeanwhile(tokenOfTask('another-task'));
    const ctx = context(daily);
    await action.handler(ctx as any);
    expect(sandbox).toHaveReceivedCommandTimes(CreateBackupPlanCommand, 1);
    expect(ctx.output).toHaveBeenCalledWith('planId', 'PLAN5');
    expect(sandbox).toHaveReceivedCommandWith(CreateBackupSelectionCommand, {
      BackupPlanId: 'PLAN5',
    });
  });

  it('refuses the plan someone else created meanwhile (AlreadyExistsException)', async () => {
    const action = planAppearsMeanwhile('terraform-1234');
    await expect(action.handler(context(daily) as any)).rejects.toThrow(
      'was not made by the AWS Platform suite; it was left as it is (it appeared while this task ran)',
    );
    expect(sandbox).not.toHaveReceivedCommand(CreateBackupSelectionCommand);
  });

  describe('changes only what it owns', () => {
    /** Runs the action once so the plan and its selection exist, made by the suite. */
    async function existingSuitePlan() {
      const set = setUp();
      await set.action.handler(context(daily) as any);
      const [plan] = set.state.sandbox.plans;
      const [selection] = set.state.sandbox.selections.get(plan.id)!;
      return { ...set, plan, selection };
    }

    it('refuses a selection of its name whose condition differs, listing the differences, before any write', async () => {
      const { action, selection } = await existingSuitePlan();
      selection.BackupSelection = {
        ...selection.BackupSelection,
        IamRoleArn: `arn:aws:iam::${SANDBOX}:role/someone-elses-role`,
        ListOfTags: [
          {
            ConditionType: 'STRINGEQUALS',
            ConditionKey: 'Backup',
            ConditionValue: 'false',
          },
        ],
        Resources: [`arn:aws:ec2:${EAST}:${SANDBOX}:volume/*`],
      };
      const before = mutations();
      for (const dryRun of [true, false]) {
        const run = action.handler(
          context(daily, { taskId: 'task-2', dryRun }) as any,
        );
        await expect(run).rejects.toThrow(ConflictError);
      }
      await expect(
        action.handler(context(daily, { taskId: 'task-2' }) as any),
      ).rejects.toThrow(
        /selection sandbox-daily-selection .*the role is arn:aws:iam::210987654321:role\/someone-elses-role, not arn:aws:iam::210987654321:role\/backup-selection-role.*the tag condition is Backup=false, not Backup=true.*the resources are \[arn:aws:ec2:us-east-1:210987654321:volume\/\*\], not none/,
      );
      expect(mutations()).toBe(before);
    });

    it('reuses its own identical selection on a rerun of the same request', async () => {
      const { action } = await existingSuitePlan();
      const rerun = context(daily, { taskId: 'task-2' });
      await action.handler(rerun as any);
      expect(rerun.output).toHaveBeenCalledWith('plannedChanges', []);
      expect(sandbox).toHaveReceivedCommandTimes(
        CreateBackupSelectionCommand,
        1,
      );
    });

    it('refuses an identical selection of its name the suite did not make', async () => {
      const { action, selection } = await existingSuitePlan();
      selection.CreatorRequestId = 'console-1234';
      await expect(
        action.handler(context(daily, { taskId: 'task-2' }) as any),
      ).rejects.toThrow(
        'The backup selection sandbox-daily-selection of plan sandbox-daily',
      );
      expect(sandbox).toHaveReceivedCommandTimes(
        CreateBackupSelectionCommand,
        1,
      );
    });

    it.each([
      ['made outside the suite', undefined],
      ['made by someone else with a token', 'terraform-20261204'],
    ])(
      'refuses an identical existing plan of that name %s, before any write',
      async (_what, creatorRequestId) => {
        const { action, state } = setUp();
        state.sandbox.plans.push({
          id: 'PLAN9',
          arn: `arn:aws:backup:${EAST}:${SANDBOX}:backup-plan:PLAN9`,
          body: dailyPlan,
          creatorRequestId,
        });
        await expect(action.handler(context(daily) as any)).rejects.toThrow(
          `The backup plan sandbox-daily in account Sandbox (${SANDBOX}), us-east-1 (PLAN9) already exists and was not made by the AWS Platform suite`,
        );
        expect(mutations()).toBe(0);
      },
    );

    it('refuses its own plan when asked for it by another owner (another lineage)', async () => {
      const { action } = await existingSuitePlan();
      await expect(
        action.handler(
          context(
            { ...daily, owner: 'group:default/platform-team' },
            { taskId: 'task-2' },
          ) as any,
        ),
      ).rejects.toThrow('made by the AWS Platform suite for another request');
      expect(sandbox).toHaveReceivedCommandTimes(CreateBackupPlanCommand, 1);
    });

    it('writes the owner, the suite tags and the user tags on the plan', async () => {
      const { action } = setUp();
      await action.handler(
        Object.assign(context({ ...daily, tags: { 'cost-center': 'cc-42' } }), {
          user: { ref: 'user:default/jane' },
        }) as any,
      );
      const request = sandbox.commandCalls(CreateBackupPlanCommand)[0].args[0]
        .input;
      expect(request.BackupPlanTags).toEqual({
        'cost-center': 'cc-42',
        owner: OWNER,
        'aws-platform-suite.github.io/managed-by': 'backstage-aws-platform',
        'aws-platform-suite.github.io/lineage': expect.stringMatching(
          /^backup-plan-create-[0-9a-f]{24}$/,
        ),
        'aws-platform-suite.github.io/created-by': 'user:default/jane',
        'aws-platform-suite.github.io/task-id': 'task-1',
      });
      // The writes are made in the user's name; the Backup account's vault
      // is only read, in the backend's own session.
      expect(createClient).toHaveBeenCalledWith(BackupClient, {
        accountId: SANDBOX,
        region: EAST,
        actor: { userEntityRef: 'user:default/jane' },
      });
      expect(createClient).toHaveBeenCalledWith(BackupClient, {
        accountId: BACKUP,
        region: EAST,
      });
    });

    it('logs each change it applied with its AWS request id', async () => {
      const { action } = setUp();
      const ctx = context(daily);
      const info = jest.spyOn(ctx.logger, 'info');
      await action.handler(ctx as any);
      expect(info).toHaveBeenCalledWith(
        `Done: created backup plan sandbox-daily (PLAN1) in account Sandbox (${SANDBOX}), us-east-1 (AWS request id request-PLAN1)`,
      );
      expect(info).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Done: Assign resources tagged Backup=true to the plan .* \(AWS request id request-SEL1-PLAN1\)$/,
        ),
      );
    });

    it.each([
      [{ owner: 'someone' }, "tags may not set 'owner'"],
      [{ Owner: 'someone' }, "tags may not set 'Owner'"],
      [
        { 'aws-platform-suite.github.io/lineage': 'x' },
        "'aws-platform-suite.github.io/lineage'",
      ],
      [{ 'AWS-Platform.io/managed-by': 'x' }, 'aws-platform-suite.github.io/'],
      [{ 'aws:backup': 'x' }, "'aws:backup'"],
    ])(
      'refuses user tags %j with an InputError before any AWS call',
      async (tags, reason) => {
        const { action } = setUp();
        const run = action.handler(context({ ...daily, tags }) as any);
        await expect(run).rejects.toThrow(InputError);
        await expect(
          action.handler(context({ ...daily, tags }) as any),
        ).rejects.toThrow(reason);
        expect(awsCalls()).toBe(0);
      },
    );

    it.each([
      [{ ...daily, owner: undefined }, 'owner'],
      [{ ...daily, owner: 'user:default/jane' }, 'is not a group'],
      [{ ...daily, owner: 'group:default/nobody' }, 'group:default/nobody'],
    ])('refuses owner of %j before any AWS call', async (input, reason) => {
      const { action } = setUp();
      await expect(
        action.handler(context(input as any) as any),
      ).rejects.toThrow(reason);
      expect(awsCalls()).toBe(0);
    });
  });

  it('runs each documented example', async () => {
    for (const example of examples) {
      const { action } = setUp();
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe(action.id);
      const ctx = context(step.input);
      await action.handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith('planName', step.input.planName);
      expect(ctx.output).toHaveBeenCalledWith('created', true);
    }
  });
});
