import {
  BackupClient,
  CreateBackupPlanCommand,
  GetBackupPlanCommand,
  ListBackupPlansCommand,
  ListTagsCommand,
} from '@aws-sdk/client-backup';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { useReferenceEstate, VAULT_NAME } from '@internal/local-aws';
import { estateClientFactory } from './__testUtils__/estateClientFactory';
import { backupPlanConfig } from './__testUtils__/estateActionConfigs';
import { createBackupPlanAction } from './createBackupPlan';

// Runs the action against moto's server seeded with the guide's reference
// organization, reaching the Sandbox and Backup accounts by assuming
// OrganizationAccountAccessRole, as the portal does. The vault checks and the
// plans go to moto. moto 5.2.1 lacks AWS Backup's selection API (it answers
// CreateBackupSelection and ListBackupSelections with an HTML 500), so the
// local-aws proxy in front of it serves those from memory (emulatorGaps);
// no fault is injected here. moto also returns no plan tags to the
// JavaScript SDK (ListTags answers {}), which is why the action proves its
// ownership with the plan's CreatorRequestId, as moto returns it.
jest.setTimeout(120_000);

const local = useReferenceEstate({ faultProxy: { emulatorGaps: true } });
const OWNER = 'group:default/payments';

function setUp() {
  const action = createBackupPlanAction({
    config: backupPlanConfig(local.estate),
    clientFactory: estateClientFactory({ maxAttempts: 1 }),
    catalog: catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'payments', namespace: 'default' },
          spec: { type: 'team', children: [] },
        },
      ],
    }),
    permissions: mockServices.permissions(),
  });
  const sandbox = () =>
    estateClientFactory().createClient(BackupClient, {
      accountId: local.estate.accounts.sandbox.id,
      region: local.estate.region,
    });
  return { action, sandbox };
}

function context(input: JsonObject, taskId: string, isDryRun = false) {
  return Object.assign(
    createMockActionContext({
      input,
      task: { id: taskId } as any,
      user: { ref: 'user:default/jane' },
    }),
    { isDryRun },
  );
}

function inputFor(planName: string, extra: JsonObject = {}): JsonObject {
  return {
    account: local.estate.accounts.sandbox.id,
    owner: OWNER,
    region: local.estate.region,
    planName,
    schedule: 'cron(0 2 * * ? *)',
    deleteAfterDays: 35,
    ...extra,
  };
}

async function plansNamed(client: BackupClient, name: string) {
  const { BackupPlansList } = await client.send(new ListBackupPlansCommand({}));
  return (BackupPlansList ?? []).filter(plan => plan.BackupPlanName === name);
}

function selectionsOf(planId: string) {
  return local.proxy.selections.list({ planId });
}

describe('aws-platform:backup:plan:create on the local estate', () => {
  it('creates the plan in the Sandbox account with a copy to the Backup account, and a second run creates nothing', async () => {
    const { action, sandbox } = setUp();
    const client = await sandbox();
    expect(await plansNamed(client, 'sandbox-daily')).toHaveLength(0);
    const input = inputFor('sandbox-daily', {
      coldStorageAfterDays: 90,
      deleteAfterDays: 270,
    });

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
    const selections = selectionsOf(planId);
    expect(selections).toEqual([
      expect.objectContaining({
        BackupSelection: expect.objectContaining({
          SelectionName: 'sandbox-daily-selection',
          ListOfTags: [
            {
              ConditionType: 'STRINGEQUALS',
              ConditionKey: 'Backup',
              ConditionValue: 'true',
            },
          ],
        }),
      }),
    ]);
    expect(first.output).toHaveBeenCalledWith('planId', planId);
    expect(first.output).toHaveBeenCalledWith(
      'planArn',
      plans[0].BackupPlanArn,
    );
    expect(first.output).toHaveBeenCalledWith(
      'selectionId',
      selections[0].SelectionId,
    );
    expect(first.output).toHaveBeenCalledWith('copyTargets', [backupVault]);
    expect(first.output).toHaveBeenCalledWith('created', true);

    // Another task of the same request: moto returns the plan's
    // CreatorRequestId, which proves the suite made it for this lineage.
    const second = context(input, 'task-backup-2');
    await action.handler(second as any);
    expect(await plansNamed(client, 'sandbox-daily')).toHaveLength(1);
    expect(selectionsOf(planId)).toHaveLength(1);
    expect(second.output).toHaveBeenCalledWith('plannedChanges', []);
    expect(second.output).toHaveBeenCalledWith('planId', planId);
    expect(second.output).toHaveBeenCalledWith('created', false);
  });

  it('writes the ownership tags on the plan, though moto does not return them to the JavaScript SDK', async () => {
    const { action, sandbox } = setUp();
    const client = await sandbox();
    await action.handler(
      context(inputFor('sandbox-tagged'), 'task-tagged') as any,
    );
    const [plan] = await plansNamed(client, 'sandbox-tagged');
    // If moto ever returns the tags, the action could read them instead.
    const { Tags } = await client.send(
      new ListTagsCommand({ ResourceArn: plan.BackupPlanArn }),
    );
    expect(Tags ?? {}).toEqual({});
    expect(plan.CreatorRequestId).toMatch(/^awsp\.[0-9a-f]{24}\.[0-9a-f]{16}$/);
  });

  it('refuses an identical plan of the name that the suite did not make, and leaves it as it was', async () => {
    const { action, sandbox } = setUp();
    const client = await sandbox();
    // The same plan as the action would make, but made by someone else.
    await client.send(
      new CreateBackupPlanCommand({
        BackupPlan: {
          BackupPlanName: 'sandbox-theirs',
          Rules: [
            {
              RuleName: 'sandbox-theirs-rule',
              TargetBackupVaultName: VAULT_NAME,
              ScheduleExpression: 'cron(0 2 * * ? *)',
              StartWindowMinutes: 60,
              CompletionWindowMinutes: 360,
              Lifecycle: { DeleteAfterDays: 35 },
              CopyActions: [
                {
                  DestinationBackupVaultArn: `arn:aws:backup:${local.estate.region}:${local.estate.accounts.backup.id}:backup-vault:${VAULT_NAME}`,
                  Lifecycle: { DeleteAfterDays: 35 },
                },
              ],
            },
          ],
        },
        CreatorRequestId: 'terraform-20261204',
      }),
    );
    const [theirs] = await plansNamed(client, 'sandbox-theirs');

    await expect(
      action.handler(context(inputFor('sandbox-theirs'), 'task-theirs') as any),
    ).rejects.toThrow(
      `The backup plan sandbox-theirs in account Sandbox (${local.estate.accounts.sandbox.id}), ${local.estate.region} (${theirs.BackupPlanId}) already exists and was not made by the AWS Platform suite`,
    );
    expect(selectionsOf(theirs.BackupPlanId!)).toEqual([]);
    const after = await client.send(
      new GetBackupPlanCommand({ BackupPlanId: theirs.BackupPlanId }),
    );
    expect(after.VersionId).toBe(theirs.VersionId);
  });

  it('refuses a different plan of an existing name and leaves it as it was', async () => {
    const { action, sandbox } = setUp();
    const client = await sandbox();
    const input = inputFor('sandbox-weekly', {
      schedule: 'cron(0 3 ? * SUN *)',
    });
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
    await expect(
      action.handler(
        context(
          inputFor('sandbox-dr', {
            schedule: 'rate(12 hours)',
            deleteAfterDays: 14,
            secondaryRegion: 'us-west-2',
          }),
          'task-dr',
        ) as any,
      ),
    ).rejects.toThrow(
      `The vault ${VAULT_NAME} does not exist in account Sandbox (${local.estate.accounts.sandbox.id}), us-west-2 (the secondary region)`,
    );
    expect(await plansNamed(client, 'sandbox-dr')).toHaveLength(0);
  });

  it('changes nothing in a dry-run', async () => {
    const { action, sandbox } = setUp();
    const ctx = context(inputFor('sandbox-preview'), 'task-preview', true);
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
