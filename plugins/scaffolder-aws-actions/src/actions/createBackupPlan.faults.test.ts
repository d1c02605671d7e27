import {
  BackupClient,
  GetBackupPlanCommand,
  ListBackupPlansCommand,
} from '@aws-sdk/client-backup';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  FaultRule,
  isMutatingOperation,
  useReferenceEstate,
  VAULT_NAME,
} from '@internal/local-aws';
import {
  countChanges,
  CheckedOutcome,
  commonFaultRow,
  deniedThenDone,
  FaultRow,
  KillPoint,
  MeasuredCells,
  recordActionRow,
  runOnceDenied,
  rulesThatNeverFired,
  runTaskUntilDone,
  startMeasure,
} from './__testUtils__/faultMatrix';
import { backupPlanInventory } from './__testUtils__/estateInventories';
import { estateClientFactory } from './__testUtils__/estateClientFactory';
import { backupPlanConfig } from './__testUtils__/estateActionConfigs';
import { createBackupPlanAction } from './createBackupPlan';

// The fault matrix of aws-platform:backup:plan:create (docs/reliability.md):
// the action on the seeded reference estate, through the fault proxy of
// packages/local-aws, killed at each of its AWS changes and resumed, and
// run under each fault until it succeeds. Afterwards there must be exactly
// one plan per name, copying into the Backup account, with one selection.
// moto lacks AWS Backup's selection API; the proxy serves it from memory
// (packages/local-aws/src/faults/backupSelections.ts), faults included.
jest.setTimeout(120_000);

const SUBJECT = 'Action backup:plan:create';
const MAX_ATTEMPTS = 4;
/** Seed of the fault draws; with it every row below meets its fault. */
const FAULT_SEED = 42;

const local = useReferenceEstate({
  faultProxy: { seed: 2026, emulatorGaps: true },
});

function createAction() {
  return createBackupPlanAction({
    config: backupPlanConfig(local.estate),
    clientFactory: estateClientFactory({ maxAttempts: MAX_ATTEMPTS }),
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
}

function inputFor(planName: string) {
  return {
    account: local.estate.accounts.sandbox.id,
    owner: 'group:default/payments',
    region: local.estate.region,
    planName,
    schedule: 'cron(0 2 * * ? *)',
    coldStorageAfterDays: 90,
    deleteAfterDays: 270,
  };
}

/** Reads for assertions, through the proxy while it injects nothing. */
async function sandboxBackup(): Promise<BackupClient> {
  return estateClientFactory().createClient(BackupClient, {
    accountId: local.estate.accounts.sandbox.id,
    region: local.estate.region,
  });
}

/** What AWS holds for one plan; `duplicates` counts extra plans and selections. */
async function stateOf(planName: string) {
  const client = await sandboxBackup();
  const { BackupPlansList = [] } = await client.send(
    new ListBackupPlansCommand({}),
  );
  const plans = BackupPlansList.filter(p => p.BackupPlanName === planName);
  const selections = plans.flatMap(plan =>
    local.proxy.selections.list({ planId: plan.BackupPlanId }),
  );
  let copiesToBackupAccount = false;
  if (plans.length === 1) {
    const { BackupPlan } = await client.send(
      new GetBackupPlanCommand({ BackupPlanId: plans[0].BackupPlanId }),
    );
    copiesToBackupAccount =
      BackupPlan?.Rules?.[0]?.CopyActions?.[0]?.DestinationBackupVaultArn ===
      `arn:aws:backup:${local.estate.region}:${local.estate.accounts.backup.id}:backup-vault:${VAULT_NAME}`;
  }
  const tagged = (selection: (typeof selections)[number]) =>
    JSON.stringify(selection.BackupSelection.ListOfTags) ===
    JSON.stringify([
      {
        ConditionType: 'STRINGEQUALS',
        ConditionKey: 'Backup',
        ConditionValue: 'true',
      },
    ]);
  return {
    plans: plans.length,
    selections: selections.length,
    duplicates:
      Math.max(0, plans.length - 1) + Math.max(0, selections.length - 1),
    copiesToBackupAccount,
    selectionByTag:
      selections.length === 1 &&
      selections[0].BackupSelection.SelectionName === `${planName}-selection` &&
      tagged(selections[0]),
    planId: plans[0]?.BackupPlanId,
    selectionId: selections[0]?.SelectionId,
  };
}

/** Runs one task to success and checks AWS holds one plan with one selection. */
async function runChecked(
  planName: string,
  options: { kill?: KillPoint; rules?: FaultRule[] } = {},
): Promise<CheckedOutcome> {
  const outcome = await runTaskUntilDone({
    proxy: local.proxy,
    createAction,
    input: inputFor(planName),
    taskId: `task-${planName}`,
    seed: FAULT_SEED,
    ...options,
  });
  const state = await stateOf(planName);
  expect(state).toMatchObject({
    plans: 1,
    selections: 1,
    copiesToBackupAccount: true,
    selectionByTag: true,
  });
  // Counted on the emulator: copies beyond the first of each name.
  expect(state.duplicates).toBe(0);
  expect(outcome.outputs.planId).toBe(state.planId);
  expect(outcome.outputs.selectionId).toBe(state.selectionId);
  return {
    ...outcome,
    duplicates: state.duplicates,
    found: state.plans + state.selections,
  };
}

function record(
  fault: string,
  outcomes: CheckedOutcome[],
  measured: MeasuredCells,
) {
  recordActionRow({
    subject: SUBJECT,
    unit: 'plans + selections',
    fault,
    outcomes,
    proxy: local.proxy,
    measured,
  });
}

describe('aws-platform:backup:plan:create under faults', () => {
  it('creates nothing twice when killed at each AWS change and resumed', async () => {
    const changes = await countChanges(
      local.proxy,
      () => runChecked('count'),
      isMutatingOperation,
    );
    // Create the plan, then its selection.
    expect(changes.sort()).toEqual([
      'backup:CreateBackupPlan',
      'backup:CreateBackupSelection',
    ]);

    local.proxy.resetStats();
    const measure = await startMeasure(backupPlanInventory(local));
    const outcomes = [];
    for (let change = 1; change <= changes.length; change++) {
      for (const when of ['before', 'after'] as const) {
        const outcome = await runChecked(`kill-${change}-${when}`, {
          kill: { change, when },
        });
        expect(outcome.killed).toBe(true);
        expect(outcome.runs).toBe(2);
        outcomes.push(outcome);
      }
    }
    record(
      `killed at each of its ${changes.length} AWS changes (before and after AWS acted), resumed`,
      outcomes,
      await measure.finish(),
    );
    expect(local.proxy.stats().faults.kill).toBe(outcomes.length);
  });

  // Faults on changes only are cheap: more tasks, so that some are hit.
  it.each<FaultRow>([
    commonFaultRow('throttled', 1),
    commonFaultRow('failing', 2),
    commonFaultRow('slow', 1),
    commonFaultRow('lossy', 4),
  ])(
    'creates nothing twice when %s: %s',
    async (label, fault, tasks, rules) => {
      local.proxy.resetStats();
      const measure = await startMeasure(backupPlanInventory(local));
      const outcomes = [];
      for (let n = 1; n <= tasks; n++) {
        outcomes.push(await runChecked(`${label}${n}`, { rules }));
      }
      record(fault, outcomes, await measure.finish());
      // The seeded draws hit this row's own fault at least once.
      expect(rulesThatNeverFired(local.proxy, rules)).toEqual([]);
    },
  );

  it('changes nothing while the account is denied, and completes once allowed', async () => {
    local.proxy.resetStats();
    const measure = await startMeasure(backupPlanInventory(local));
    const sandbox = local.estate.accounts.sandbox.id;
    const planName = 'denied';
    const outcome = await runOnceDenied({
      proxy: local.proxy,
      accountId: sandbox,
      createAction,
      input: inputFor(planName),
      taskId: `task-${planName}`,
    });
    expect(String(outcome)).toMatch(/AccessDenied|not authorized/);
    expect(await stateOf(planName)).toMatchObject({ plans: 0, selections: 0 });
    const done = await runChecked(planName);
    record(
      'one account denied (Sandbox), then allowed',
      [deniedThenDone(outcome, done)],
      await measure.finish(),
    );
    expect(local.proxy.stats().faults.denied).toBeGreaterThan(0);
  });
});
