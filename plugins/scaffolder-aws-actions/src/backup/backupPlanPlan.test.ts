import type { BackupPlan, BackupSelection } from '@aws-sdk/client-backup';
import type { BackupConfig } from '../actionsConfig';
import type { BackupPlanInput } from './backupPlanInput';
import {
  backupPlanLineage,
  desiredBackupPlan,
  DesiredBackupPlan,
  planBackupPlan,
} from './backupPlanPlan';
import { ownershipToken } from './planOwnershipProof';
import type { ObservedPlan } from './readBackupPlanState';

const ACCOUNT = {
  accountId: '210987654321',
  name: 'Sandbox',
  production: false,
};
const BACKUP: BackupConfig = {
  backupAccountId: '410987654321',
  vaultName: 'user-backup-vault',
  selectionRoleName: 'backup-selection-role',
};
const COPY_TO = [
  'arn:aws:backup:us-east-1:410987654321:backup-vault:user-backup-vault',
];
const INPUT: BackupPlanInput = {
  region: 'us-east-1',
  planName: 'payments-daily',
  schedule: 'cron(0 2 * * ? *)',
  startWindowMinutes: 60,
  completionWindowMinutes: 360,
  deleteAfterDays: 35,
  copyToBackupAccount: true,
  selectionTagKey: 'Backup',
  selectionTagValue: 'true',
  tags: { 'cost-center': 'cc-42' },
};

function desired(
  options: { ownerGroup?: string; taskId?: string } = {},
): DesiredBackupPlan {
  return desiredBackupPlan({
    input: INPUT,
    account: ACCOUNT,
    ownerGroup: options.ownerGroup ?? 'group:default/payments',
    backup: BACKUP,
    copyTo: COPY_TO,
    requester: {
      userEntityRef: 'user:default/jane',
      taskId: options.taskId ?? 'task-1',
    },
  });
}

/** The plan body AWS returns for what `desired` creates. */
function storedBody(want: DesiredBackupPlan): BackupPlan {
  const lifecycle = { DeleteAfterDays: 35 };
  return {
    BackupPlanName: want.settings.planName,
    Rules: [
      {
        RuleName: want.settings.ruleName,
        TargetBackupVaultName: 'user-backup-vault',
        ScheduleExpression: 'cron(0 2 * * ? *)',
        ScheduleExpressionTimezone: 'Etc/UTC',
        StartWindowMinutes: 60,
        CompletionWindowMinutes: 360,
        Lifecycle: lifecycle,
        CopyActions: [
          { DestinationBackupVaultArn: COPY_TO[0], Lifecycle: lifecycle },
        ],
      },
    ],
  };
}

function storedSelection(want: DesiredBackupPlan): BackupSelection {
  return {
    SelectionName: want.selection.name,
    IamRoleArn: want.selection.iamRoleArn,
    ListOfTags: [
      {
        ConditionType: 'STRINGEQUALS',
        ConditionKey: 'Backup',
        ConditionValue: 'true',
      },
    ],
  };
}

/** The plan as an earlier task of the same request left it. */
function suitePlan(
  want: DesiredBackupPlan,
  overrides: Partial<ObservedPlan> = {},
): ObservedPlan {
  return {
    id: 'PLAN1',
    arn: 'arn:aws:backup:us-east-1:210987654321:backup-plan:PLAN1',
    creatorRequestId: ownershipToken(want.lineage, 'plan', 'task-0'),
    body: storedBody(want),
    selections: [
      {
        id: 'SEL1',
        creatorRequestId: ownershipToken(want.lineage, 'selection', 'task-0'),
        body: storedSelection(want),
      },
    ],
    ...overrides,
  };
}

describe('desiredBackupPlan', () => {
  it('names the rule and selection after the plan, and tags it with its owner and lineage', () => {
    const want = desired();
    expect(want.settings.ruleName).toBe('payments-daily-rule');
    expect(want.selection).toEqual({
      name: 'payments-daily-selection',
      iamRoleArn: 'arn:aws:iam::210987654321:role/backup-selection-role',
      tagKey: 'Backup',
      tagValue: 'true',
    });
    expect(want.tags).toEqual({
      'cost-center': 'cc-42',
      owner: 'group:default/payments',
      'aws-platform-suite.github.io/managed-by': 'backstage-aws-platform',
      'aws-platform-suite.github.io/lineage': want.lineage,
      'aws-platform-suite.github.io/created-by': 'user:default/jane',
      'aws-platform-suite.github.io/task-id': 'task-1',
    });
  });

  it('has one lineage per plan name, account, region and owner, whatever the task', () => {
    expect(desired({ taskId: 'task-2' }).lineage).toBe(desired().lineage);
    expect(desired().lineage).toBe(
      backupPlanLineage({
        planName: 'payments-daily',
        accountId: ACCOUNT.accountId,
        region: 'us-east-1',
        ownerGroup: 'group:default/payments',
      }),
    );
    expect(desired({ ownerGroup: 'group:default/other' }).lineage).not.toBe(
      desired().lineage,
    );
  });

  it('gives each task its own CreatorRequestIds, within AWS Backup limits', () => {
    const one = desired();
    const two = desired({ taskId: 'task-2' });
    expect(one.planToken).not.toBe(two.planToken);
    expect(one.planToken).not.toBe(one.selectionToken);
    for (const token of [one.planToken, one.selectionToken]) {
      expect(token).toMatch(/^[A-Za-z0-9\-_.]{1,50}$/);
    }
  });
});

describe('planBackupPlan', () => {
  it('creates the plan and its selection when no plan has the name', () => {
    const plan = planBackupPlan(desired(), []);
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes.map(c => c.kind)).toEqual([
      'createPlan',
      'createSelection',
    ]);
    expect(plan.changes[1]).toMatchObject({ planId: undefined });
  });

  it('changes nothing when its own plan and selection exist as requested', () => {
    const want = desired({ taskId: 'task-2' });
    const plan = planBackupPlan(want, [suitePlan(want)]);
    expect(plan).toEqual({
      conflicts: [],
      changes: [],
      plan: {
        id: 'PLAN1',
        arn: 'arn:aws:backup:us-east-1:210987654321:backup-plan:PLAN1',
        createdByThisTask: false,
      },
      selection: { id: 'SEL1', createdByThisTask: false },
    });
  });

  it('knows the plan its own task made (a resume without checkpoints)', () => {
    const want = desired({ taskId: 'task-0' });
    expect(planBackupPlan(want, [suitePlan(want)]).plan).toMatchObject({
      createdByThisTask: true,
    });
  });

  it('creates only the selection in its own plan that lacks it', () => {
    const want = desired();
    const plan = planBackupPlan(want, [suitePlan(want, { selections: [] })]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes).toEqual([
      expect.objectContaining({ kind: 'createSelection', planId: 'PLAN1' }),
    ]);
  });

  it.each([
    ['no token', undefined, 'was not made by the AWS Platform suite'],
    [
      'a token of its own',
      'terraform-42',
      'was not made by the AWS Platform suite',
    ],
    [
      "the suite's token for another owner",
      ownershipToken(
        desired({ ownerGroup: 'group:default/other' }).lineage,
        'plan',
        'task-9',
      ),
      'made by the AWS Platform suite for another request',
    ],
  ])(
    'refuses an identical plan of the name with %s',
    (_what, creatorRequestId, reason) => {
      const want = desired();
      const plan = planBackupPlan(want, [
        suitePlan(want, { creatorRequestId }),
      ]);
      expect(plan.changes).toEqual([]);
      expect(plan.conflicts).toEqual([expect.stringContaining(reason)]);
      expect(plan.conflicts[0]).toContain(
        'The backup plan payments-daily in account Sandbox (210987654321), us-east-1 (PLAN1)',
      );
    },
  );

  it('refuses its own plan when its settings drifted', () => {
    const want = desired();
    const body = storedBody(want);
    body.Rules![0].ScheduleExpression = 'cron(0 5 * * ? *)';
    const plan = planBackupPlan(want, [suitePlan(want, { body })]);
    expect(plan.changes).toEqual([]);
    expect(plan.conflicts).toEqual([
      expect.stringContaining(
        'the schedule is cron(0 5 * * ? *), not cron(0 2 * * ? *) as requested',
      ),
    ]);
  });

  it('refuses duplicated plans of the name', () => {
    const want = desired();
    const plan = planBackupPlan(want, [
      suitePlan(want),
      suitePlan(want, { id: 'PLAN2' }),
    ]);
    expect(plan.conflicts).toEqual([
      expect.stringContaining('has 2 backup plans named payments-daily'),
    ]);
  });

  it.each<[string, Partial<BackupSelection>, string]>([
    [
      'another role',
      { IamRoleArn: 'arn:aws:iam::210987654321:role/admin' },
      'the role is arn:aws:iam::210987654321:role/admin, not arn:aws:iam::210987654321:role/backup-selection-role',
    ],
    [
      'another tag',
      {
        ListOfTags: [
          {
            ConditionType: 'STRINGEQUALS',
            ConditionKey: 'Backup',
            ConditionValue: 'weekly',
          },
        ],
      },
      'the tag condition is Backup=weekly, not Backup=true',
    ],
    [
      'listed resources',
      { Resources: ['*'] },
      'the resources are [*], not none',
    ],
    [
      'excluded resources',
      { NotResources: ['arn:aws:rds:*:*:db:prod'] },
      'the excluded resources are [arn:aws:rds:*:*:db:prod], not none',
    ],
    [
      'further conditions',
      {
        Conditions: {
          StringLike: [
            { ConditionKey: 'aws:ResourceTag/app', ConditionValue: '*' },
          ],
        },
      },
      'the further conditions are aws:ResourceTag/app like *, not none',
    ],
  ])(
    'refuses its own selection with %s, and replaces nothing',
    (_what, change, difference) => {
      const want = desired();
      const existing = suitePlan(want);
      existing.selections[0].body = {
        ...existing.selections[0].body,
        ...change,
      };
      const plan = planBackupPlan(want, [existing]);
      expect(plan.changes).toEqual([]);
      expect(plan.conflicts).toEqual([
        expect.stringContaining(
          'The backup selection payments-daily-selection of plan payments-daily (SEL1) selects other resources than requested',
        ),
      ]);
      expect(plan.conflicts[0]).toContain(difference);
    },
  );

  it('refuses an identical selection of its name that the suite did not make', () => {
    const want = desired();
    const existing = suitePlan(want);
    existing.selections[0].creatorRequestId = undefined;
    expect(planBackupPlan(want, [existing]).conflicts).toEqual([
      expect.stringContaining('was not made by the AWS Platform suite'),
    ]);
  });

  it('refuses duplicated selections of its name', () => {
    const want = desired();
    const existing = suitePlan(want);
    existing.selections.push({ ...existing.selections[0], id: 'SEL2' });
    expect(planBackupPlan(want, [existing]).conflicts).toEqual([
      expect.stringContaining('exists 2 times (SEL1, SEL2)'),
    ]);
  });
});
