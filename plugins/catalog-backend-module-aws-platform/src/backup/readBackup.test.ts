import {
  BackupClient,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ListBackupVaultsCommand,
  ListTagsCommand,
  ResourceNotFoundException,
  ServiceUnavailableException,
} from '@aws-sdk/client-backup';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { readBackup } from './readBackup';

// aws-sdk-client-mock replaces `send`, so these tests exercise our paging,
// mapping and failure rules; retries are covered against the emulator.
// Backup selections are covered only here: the emulator lacks them.
const backup = mockClient(BackupClient);

const ACCOUNT = '715451680876';
const target = { accountId: ACCOUNT, region: 'us-east-1' };
const vaultArn = (account: string, name: string, region = 'us-east-1') =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;
const planArn = (id: string) =>
  `arn:aws:backup:us-east-1:${ACCOUNT}:backup-plan:${id}`;

const lifecycle = { MoveToColdStorageAfterDays: 90, DeleteAfterDays: 270 };

function plan(id: string, name: string) {
  return {
    BackupPlanId: id,
    BackupPlanArn: planArn(id),
    BackupPlanName: name,
    VersionId: `${id}-v1`,
  };
}

/** What the SDK throws for moto's HTML 500 page of an unimplemented action. */
function motoNotImplemented(): Error {
  return Object.assign(
    new SyntaxError(
      'Unexpected token \'<\', "<!doctype "... is not valid JSON',
    ),
    { $metadata: { httpStatusCode: 500 } },
  );
}

describe('readBackup', () => {
  beforeEach(() => {
    backup.reset();
    backup
      .on(ListBackupVaultsCommand, { NextToken: undefined })
      .resolves({
        BackupVaultList: [
          {
            BackupVaultName: 'user-backup-vault',
            BackupVaultArn: vaultArn(ACCOUNT, 'user-backup-vault'),
            VaultType: 'BACKUP_VAULT',
            Locked: true,
            MinRetentionDays: 7,
            MaxRetentionDays: 365,
            NumberOfRecoveryPoints: 42,
            EncryptionKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`,
            CreationDate: new Date('2024-11-22T10:00:00Z'),
          },
        ],
        NextToken: 'vaults-2',
      })
      .on(ListBackupVaultsCommand, { NextToken: 'vaults-2' })
      .resolves({
        BackupVaultList: [
          {
            BackupVaultName: 'Default',
            BackupVaultArn: vaultArn(ACCOUNT, 'Default'),
          },
        ],
      });
    backup
      .on(ListBackupPlansCommand, { NextToken: undefined })
      .resolves({
        BackupPlansList: [plan('p1', 'production-backup-plan')],
        NextToken: 'plans-2',
      })
      .on(ListBackupPlansCommand, { NextToken: 'plans-2' })
      .resolves({ BackupPlansList: [plan('p2', 'weekly')] });
    backup
      .on(GetBackupPlanCommand, { BackupPlanId: 'p1' })
      .resolves({
        ...plan('p1', 'production-backup-plan'),
        BackupPlan: {
          BackupPlanName: 'production-backup-plan',
          Rules: [
            {
              RuleName: 'production-backup-rule',
              TargetBackupVaultName: 'user-backup-vault',
              ScheduleExpression: 'cron(0 2 * * ? *)',
              ScheduleExpressionTimezone: 'Etc/UTC',
              StartWindowMinutes: 60,
              CompletionWindowMinutes: 360,
              Lifecycle: lifecycle,
              CopyActions: [
                {
                  DestinationBackupVaultArn: vaultArn(
                    ACCOUNT,
                    'user-backup-vault',
                    'us-west-2',
                  ),
                  Lifecycle: lifecycle,
                },
                {
                  DestinationBackupVaultArn: vaultArn(
                    '499091334123',
                    'user-backup-vault',
                  ),
                },
              ],
            },
          ],
        },
      })
      .on(GetBackupPlanCommand, { BackupPlanId: 'p2' })
      .resolves({
        ...plan('p2', 'weekly'),
        BackupPlan: {
          BackupPlanName: 'weekly',
          Rules: [{ RuleName: 'weekly', TargetBackupVaultName: 'Default' }],
        },
      });
    backup
      .on(ListBackupSelectionsCommand, { BackupPlanId: 'p1' })
      .resolves({
        BackupSelectionsList: [{ SelectionId: 's1', SelectionName: 'tagged' }],
      })
      .on(ListBackupSelectionsCommand, { BackupPlanId: 'p2' })
      .rejects(motoNotImplemented());
    backup.on(GetBackupSelectionCommand).resolves({
      BackupSelection: {
        SelectionName: 'tagged',
        IamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup-selection-role`,
        ListOfTags: [
          {
            ConditionType: 'STRINGEQUALS',
            ConditionKey: 'Backup',
            ConditionValue: 'true',
          },
        ],
        Conditions: {
          StringNotEquals: [
            { ConditionKey: 'aws:ResourceTag/stage', ConditionValue: 'dev' },
          ],
        },
        Resources: ['arn:aws:rds:*:*:db:*'],
        NotResources: [`arn:aws:rds:us-east-1:${ACCOUNT}:db:scratch`],
      },
    });
    backup
      .on(ListTagsCommand)
      .resolves({ Tags: {} })
      .on(ListTagsCommand, {
        ResourceArn: vaultArn(ACCOUNT, 'user-backup-vault'),
      })
      .resolves({ Tags: { owner: 'platform-team' } })
      .on(ListTagsCommand, { ResourceArn: planArn('p1'), NextToken: undefined })
      .resolves({ Tags: { owner: 'platform-team' }, NextToken: 'tags-2' })
      .on(ListTagsCommand, { ResourceArn: planArn('p1'), NextToken: 'tags-2' })
      .resolves({ Tags: { Module: 'backup' } });
  });

  it('pages vaults and plans and maps every field', async () => {
    const { vaults, plans } = await readBackup(new BackupClient({}), target);

    expect(backup).toHaveReceivedCommandWith(ListBackupVaultsCommand, {
      MaxResults: 1000,
    });
    expect(vaults).toEqual([
      {
        name: 'user-backup-vault',
        arn: vaultArn(ACCOUNT, 'user-backup-vault'),
        region: 'us-east-1',
        accountId: ACCOUNT,
        vaultType: 'BACKUP_VAULT',
        locked: true,
        minRetentionDays: 7,
        maxRetentionDays: 365,
        recoveryPoints: 42,
        encryptionKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k1`,
        createdAt: '2024-11-22T10:00:00.000Z',
        tags: { owner: 'platform-team' },
      },
      expect.objectContaining({ name: 'Default', tags: {} }),
    ]);
    expect(plans.map(p => p.name)).toEqual([
      'production-backup-plan',
      'weekly',
    ]);
    expect(plans[0]).toMatchObject({
      id: 'p1',
      arn: planArn('p1'),
      versionId: 'p1-v1',
      region: 'us-east-1',
      accountId: ACCOUNT,
      tags: { owner: 'platform-team', Module: 'backup' },
      rules: [
        {
          name: 'production-backup-rule',
          targetVaultName: 'user-backup-vault',
          schedule: 'cron(0 2 * * ? *)',
          scheduleTimezone: 'Etc/UTC',
          startWindowMinutes: 60,
          completionWindowMinutes: 360,
          lifecycle: { coldAfterDays: 90, deleteAfterDays: 270 },
          copyActions: [
            {
              destinationVaultArn: vaultArn(
                ACCOUNT,
                'user-backup-vault',
                'us-west-2',
              ),
              lifecycle: { coldAfterDays: 90, deleteAfterDays: 270 },
            },
            {
              destinationVaultArn: vaultArn(
                '499091334123',
                'user-backup-vault',
              ),
              lifecycle: undefined,
            },
          ],
        },
      ],
    });
  });

  it('reads selections with their tag conditions and resources', async () => {
    const { plans } = await readBackup(new BackupClient({}), target);

    expect(backup).toHaveReceivedCommandWith(GetBackupSelectionCommand, {
      BackupPlanId: 'p1',
      SelectionId: 's1',
    });
    expect(plans[0].selections).toEqual([
      {
        name: 'tagged',
        iamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup-selection-role`,
        tagConditions: [
          { key: 'Backup', value: 'true' },
          { key: 'stage', value: 'dev', operator: 'StringNotEquals' },
        ],
        resources: ['arn:aws:rds:*:*:db:*'],
        notResources: [`arn:aws:rds:us-east-1:${ACCOUNT}:db:scratch`],
      },
    ]);
  });

  it('keeps a plan whose selections the service does not serve, with selections unknown and why', async () => {
    const { plans } = await readBackup(new BackupClient({}), target);

    expect(plans[1]).toMatchObject({ id: 'p2', name: 'weekly' });
    expect(plans[1].selections).toBeUndefined();
    expect(plans[1].selectionsUnread).toEqual({
      errorName: 'SyntaxError',
      httpStatus: 500,
      message: expect.stringContaining('not valid JSON'),
    });
    expect(plans[0].selectionsUnread).toBeUndefined();
  });

  it('keeps a plan whose selections the role may not list, with selections unknown and why', async () => {
    backup.on(ListBackupSelectionsCommand, { BackupPlanId: 'p2' }).rejects(
      Object.assign(
        new Error('not authorized to perform backup:ListBackupSelections'),
        {
          name: 'AccessDeniedException',
          $metadata: { httpStatusCode: 403 },
        },
      ),
    );
    const { plans } = await readBackup(new BackupClient({}), target);

    expect(plans[1].selections).toBeUndefined();
    expect(plans[1].selectionsUnread).toMatchObject({
      errorName: 'AccessDeniedException',
    });
  });

  it.each([
    [
      'throttled after every retry',
      Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 400 },
      }),
    ],
    [
      'a server error',
      new ServiceUnavailableException({
        message: 'Service unavailable',
        $metadata: { httpStatusCode: 503 },
      }),
    ],
    ['a dropped connection', new Error('socket hang up')],
  ])(
    'fails the whole scope when selections cannot be listed: %s',
    async (_, error) => {
      backup
        .on(ListBackupSelectionsCommand, { BackupPlanId: 'p2' })
        .rejects(error);

      await expect(readBackup(new BackupClient({}), target)).rejects.toBe(
        error,
      );
    },
  );

  it('fails the whole scope when a plan cannot be read', async () => {
    backup.on(GetBackupPlanCommand, { BackupPlanId: 'p2' }).rejects(
      new ResourceNotFoundException({
        message: 'Plan p2 not found',
        $metadata: {},
      }),
    );

    await expect(readBackup(new BackupClient({}), target)).rejects.toThrow(
      'Plan p2 not found',
    );
  });

  it('reads only the plans named, without listing, and leaves out one that is gone', async () => {
    backup
      .on(GetBackupPlanCommand, { BackupPlanId: 'gone' })
      .rejects(
        new ResourceNotFoundException({ message: 'not found', $metadata: {} }),
      );

    const read = await readBackup(new BackupClient({}), target, {
      plans: ['p2', 'gone'],
    });

    expect(read.vaults).toEqual([]);
    expect(read.plans.map(p => p.id)).toEqual(['p2']);
    expect(read.plans[0]).toMatchObject({ arn: planArn('p2'), name: 'weekly' });
    expect(backup).not.toHaveReceivedCommand(ListBackupPlansCommand);
    expect(backup).not.toHaveReceivedCommand(ListBackupVaultsCommand);
  });

  it('fails a named read when a plan cannot be read for another reason', async () => {
    backup
      .on(GetBackupPlanCommand, { BackupPlanId: 'p2' })
      .rejects(
        new ServiceUnavailableException({ message: 'down', $metadata: {} }),
      );

    await expect(
      readBackup(new BackupClient({}), target, { plans: ['p2'] }),
    ).rejects.toThrow('down');
  });

  it('fails the whole scope when a listed selection cannot be read', async () => {
    backup.on(GetBackupSelectionCommand).rejects(
      new ServiceUnavailableException({
        message: 'Try again later',
        $metadata: {},
      }),
    );

    await expect(readBackup(new BackupClient({}), target)).rejects.toThrow(
      'Try again later',
    );
  });

  it('never has more plans in flight than the concurrency allows', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    backup
      .on(ListBackupPlansCommand)
      .resolves({ BackupPlansList: ids.map(id => plan(id, id)) });
    backup.on(ListBackupSelectionsCommand).resolves({});
    let inFlight = 0;
    let most = 0;
    backup.on(GetBackupPlanCommand).callsFake(async input => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise(resolve => setTimeout(resolve, 5));
      inFlight--;
      return {
        ...plan(input.BackupPlanId, input.BackupPlanId),
        BackupPlan: { BackupPlanName: input.BackupPlanId, Rules: [] },
      };
    });

    const { plans } = await readBackup(new BackupClient({}), target, {
      concurrency: 2,
    });

    expect(plans.map(p => p.id)).toEqual(ids);
    expect(plans.every(p => p.selections?.length === 0)).toBe(true);
    expect(most).toBe(2);
  });
});
