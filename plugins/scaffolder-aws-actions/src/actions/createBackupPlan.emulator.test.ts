import {
  BackupClient,
  CreateBackupSelectionCommand,
  GetBackupPlanCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
} from '@aws-sdk/client-backup';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  AwsClientClass,
  AwsClientTarget,
  SdkClientLike,
} from '@internal/backstage-plugin-aws-platform-node';
import { useReferenceEstate, VAULT_NAME } from '@internal/local-aws';
import { mockClient } from 'aws-sdk-client-mock';
import { estateClientFactory } from './__testUtils__/estateClientFactory';
import { backupPlanConfig } from './__testUtils__/estateActionConfigs';
import { createBackupPlanAction } from './createBackupPlan';

// Runs the action against moto's server seeded with the guide's reference
// organization, reaching the Sandbox and Backup accounts by assuming
// OrganizationAccountAccessRole, as the portal does. The vault checks and the
// plan step go to moto. The selection step does not: moto answers
// CreateBackupSelection and ListBackupSelections with an HTML 500
// (NotImplementedError), so the workload account's client has those two
// commands mocked with aws-sdk-client-mock (an in-memory list of selections);
// every other command passes through to moto. The selection step itself is
// covered by the unit tests.
jest.setTimeout(120_000);

const local = useReferenceEstate();

/** Selections per plan id, standing in for moto's missing implementation. */
const selections = new Map<
  string,
  { SelectionName: string; SelectionId: string }[]
>();

function setUp() {
  const motoFactory = estateClientFactory({ maxAttempts: 1 });
  const sandboxId = local.estate.accounts.sandbox.id;
  const clientFactory = {
    async createClient<TClient extends SdkClientLike>(
      cls: AwsClientClass<TClient>,
      target: AwsClientTarget,
    ): Promise<TClient> {
      const client = await motoFactory.createClient(cls, target);
      if (target.accountId === sandboxId) {
        withMockedSelections(client as unknown as BackupClient);
      }
      return client;
    },
  };
  const action = createBackupPlanAction({
    config: backupPlanConfig(local.estate),
    clientFactory,
    catalog: catalogServiceMock(),
    permissions: mockServices.permissions(),
  });
  const sandbox = () =>
    motoFactory.createClient(BackupClient, {
      accountId: sandboxId,
      region: local.estate.region,
    });
  return { action, sandbox };
}

/** Mocks the two selection commands moto lacks; the rest reach moto. */
function withMockedSelections(client: BackupClient) {
  const stub = mockClient(client);
  stub.send.callThrough();
  stub
    .on(ListBackupSelectionsCommand)
    .callsFake(({ BackupPlanId }) => ({
      BackupSelectionsList: selections.get(BackupPlanId) ?? [],
    }))
    .on(CreateBackupSelectionCommand)
    .callsFake(({ BackupPlanId, BackupSelection }) => {
      const selection = {
        SelectionName: BackupSelection.SelectionName,
        SelectionId: `selection-${BackupPlanId}`,
      };
      selections.set(BackupPlanId, [
        ...(selections.get(BackupPlanId) ?? []),
        selection,
      ]);
      return { BackupPlanId, SelectionId: selection.SelectionId };
    });
}

function context(input: JsonObject, taskId: string, isDryRun = false) {
  return Object.assign(
    createMockActionContext({ input, task: { id: taskId } as any }),
    { isDryRun },
  );
}

async function plansNamed(client: BackupClient, name: string) {
  const { BackupPlansList } = await client.send(new ListBackupPlansCommand({}));
  return (BackupPlansList ?? []).filter(plan => plan.BackupPlanName === name);
}

describe('aws-platform:backup:plan:create on the local estate', () => {
  it('creates the plan in the Sandbox account with a copy to the Backup account, and a second run creates nothing', async () => {
    const { action, sandbox } = setUp();
    const client = await sandbox();
    expect(await plansNamed(client, 'sandbox-daily')).toHaveLength(0);
    const input = {
      account: local.estate.accounts.sandbox.id,
      region: local.estate.region,
      planName: 'sandbox-daily',
      schedule: 'cron(0 2 * * ? *)',
      coldStorageAfterDays: 90,
      deleteAfterDays: 270,
    };

    const first = context(input, 'task-backup-1');
    await action.handler(first as any);

    const plans = await plansNamed(client, 'sandbox-daily');
    expect(plans).toHaveLength(1);
    const planId = plans[0].BackupPlanId!;
    const { BackupPlan } = await client.send(
      new GetBackupPlanCommand({ BackupPlanId: planId }),
    );
    const lifecycle = { MoveToColdStorageAfterDays: 90, DeleteAfterDays: 270 };
    const backupVault = `arn:aws:backup:${local.estate.region}:${local.estate.accounts.backup.id}:backup-vault:${VAULT_NAME}`;
    expect(BackupPlan?.Rules).toEqual([
      expect.objectContaining({
        RuleName: 'sandbox-daily-rule',
        TargetBackupVaultName: VAULT_NAME,
        ScheduleExpression: 'cron(0 2 * * ? *)',
        StartWindowMinutes: 60,
        CompletionWindowMinutes: 360,
        Lifecycle: expect.objectContaining(lifecycle),
        CopyActions: [
          {
            DestinationBackupVaultArn: backupVault,
            Lifecycle: expect.objectContaining(lifecycle),
          },
        ],
      }),
    ]);
    expect(selections.get(planId)).toEqual([
      {
        SelectionName: 'sandbox-daily-selection',
        SelectionId: `selection-${planId}`,
      },
    ]);
    expect(first.output).toHaveBeenCalledWith('planId', planId);
    expect(first.output).toHaveBeenCalledWith(
      'planArn',
      plans[0].BackupPlanArn,
    );
    expect(first.output).toHaveBeenCalledWith('copyTargets', [backupVault]);
    expect(first.output).toHaveBeenCalledWith('created', true);

    const second = context(input, 'task-backup-2');
    await action.handler(second as any);
    expect(await plansNamed(client, 'sandbox-daily')).toHaveLength(1);
    expect(selections.get(planId)).toHaveLength(1);
    expect(second.output).toHaveBeenCalledWith('plannedChanges', []);
    expect(second.output).toHaveBeenCalledWith('planId', planId);
    expect(second.output).toHaveBeenCalledWith('created', false);
  });

  it('refuses a different plan of an existing name and leaves it as it was', async () => {
    const { action, sandbox } = setUp();
    const client = await sandbox();
    const input = {
      account: local.estate.accounts.sandbox.id,
      region: local.estate.region,
      planName: 'sandbox-weekly',
      schedule: 'cron(0 3 ? * SUN *)',
      deleteAfterDays: 35,
    };
    await action.handler(context(input, 'task-weekly-1') as any);
    const [plan] = await plansNamed(client, 'sandbox-weekly');

    await expect(
      action.handler(
        context({ ...input, deleteAfterDays: 60 }, 'task-weekly-2') as any,
      ),
    ).rejects.toThrow(
      'the lifecycle is no cold storage, deleted after 35 days, not no cold storage, deleted after 60 days as requested',
    );
    const { BackupPlan, VersionId } = await client.send(
      new GetBackupPlanCommand({ BackupPlanId: plan.BackupPlanId }),
    );
    expect(VersionId).toBe(plan.VersionId);
    expect(BackupPlan?.Rules?.[0].Lifecycle?.DeleteAfterDays).toBe(35);
  });

  it('refuses a secondary region where the Sandbox account has no vault, and changes nothing', async () => {
    const { action, sandbox } = setUp();
    const client = await sandbox();
    const before = await plansNamed(client, 'sandbox-dr');
    await expect(
      action.handler(
        context(
          {
            account: local.estate.accounts.sandbox.id,
            region: local.estate.region,
            planName: 'sandbox-dr',
            schedule: 'rate(12 hours)',
            deleteAfterDays: 14,
            secondaryRegion: 'us-west-2',
          },
          'task-dr',
        ) as any,
      ),
    ).rejects.toThrow(
      `The vault ${VAULT_NAME} does not exist in account Sandbox (${local.estate.accounts.sandbox.id}), us-west-2 (the secondary region)`,
    );
    expect(before).toHaveLength(0);
    expect(await plansNamed(client, 'sandbox-dr')).toHaveLength(0);
  });

  it('changes nothing in a dry-run', async () => {
    const { action, sandbox } = setUp();
    const ctx = context(
      {
        account: local.estate.accounts.sandbox.id,
        region: local.estate.region,
        planName: 'sandbox-preview',
        schedule: 'cron(0 2 * * ? *)',
        deleteAfterDays: 30,
      },
      'task-preview',
      true,
    );
    await action.handler(ctx as any);
    expect(await plansNamed(await sandbox(), 'sandbox-preview')).toHaveLength(
      0,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'plannedChanges',
      expect.arrayContaining([
        expect.stringContaining('Create backup plan sandbox-preview'),
      ]),
    );
  });
});
