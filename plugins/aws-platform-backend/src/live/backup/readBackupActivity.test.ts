import {
  BackupClient,
  ListBackupJobsCommand,
  ListCopyJobsCommand,
  ListRecoveryPointsByBackupVaultCommand,
} from '@aws-sdk/client-backup';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import {
  backupJobs,
  copyJobs,
  recoveryPoints,
} from '../__fixtures__/awsResponses';
import { PLAN_ID, PRODUCTION } from '../__fixtures__/liveEntities';
import type { BackupTarget } from '../liveTargets';
import { readBackupActivity } from './readBackupActivity';

// moto serves none of ListBackupJobs, ListCopyJobs and
// ListRecoveryPointsByBackupVault (HTML 404, see the emulator notes and
// readLiveStatus.emulator.test.ts), so the reads are tested with
// aws-sdk-client-mock, which replaces `send`.
const backup = mockClient(BackupClient);

const vault: BackupTarget = {
  kind: 'vault',
  accountId: PRODUCTION,
  region: 'us-east-1',
  name: 'user-backup-vault',
  arn: `arn:aws:backup:us-east-1:${PRODUCTION}:backup-vault:user-backup-vault`,
};
const plan: BackupTarget = {
  kind: 'plan',
  accountId: PRODUCTION,
  region: 'us-east-1',
  id: PLAN_ID,
  vaultNames: ['user-backup-vault', 'cold-vault'],
};
const since = new Date('2026-11-18T10:00:00Z');

function awsError(name: string, httpStatusCode: number): Error {
  return Object.assign(new Error(`${name} from the mock`), {
    name,
    $metadata: { httpStatusCode },
  });
}

describe('readBackupActivity', () => {
  beforeEach(() => {
    backup.reset();
    backup
      .on(ListBackupJobsCommand)
      .resolves({ BackupJobs: backupJobs })
      .on(ListCopyJobsCommand)
      .resolves({ CopyJobs: copyJobs })
      .on(ListRecoveryPointsByBackupVaultCommand)
      .resolves({ RecoveryPoints: recoveryPoints });
  });

  it('reads a vault’s jobs, the account’s copy jobs and the vault’s recovery points of the window', async () => {
    const read = await readBackupActivity(new BackupClient({}), vault, since);
    expect(read).toEqual({
      jobs: { value: { items: backupJobs, capped: false } },
      copyJobs: { value: { items: copyJobs, capped: false } },
      recoveryPoints: { value: { items: recoveryPoints, capped: false } },
    });
    expect(backup).toHaveReceivedCommandWith(ListBackupJobsCommand, {
      ByBackupVaultName: 'user-backup-vault',
      ByCreatedAfter: since,
      MaxResults: 100,
    });
    expect(backup).toHaveReceivedCommandWith(ListCopyJobsCommand, {
      ByCreatedAfter: since,
    });
    expect(backup).toHaveReceivedCommandWith(
      ListRecoveryPointsByBackupVaultCommand,
      { BackupVaultName: 'user-backup-vault', ByCreatedAfter: since },
    );
  });

  it('reads a plan’s jobs in each vault its rules write to, and no recovery points', async () => {
    const read = await readBackupActivity(new BackupClient({}), plan, since);
    expect(backup).toHaveReceivedCommandTimes(ListBackupJobsCommand, 2);
    expect(backup).toHaveReceivedCommandWith(ListBackupJobsCommand, {
      ByBackupVaultName: 'cold-vault',
    });
    expect(backup).toHaveReceivedCommandTimes(
      ListRecoveryPointsByBackupVaultCommand,
      0,
    );
    expect(read.recoveryPoints).toBeUndefined();
    expect('value' in read.jobs && read.jobs.value.items).toHaveLength(
      backupJobs.length * 2,
    );
  });

  it('stops after five pages and says the list was capped', async () => {
    let page = 0;
    backup.on(ListBackupJobsCommand).callsFake(async () => {
      page += 1;
      return {
        BackupJobs: [{ ...backupJobs[0], BackupJobId: `job-${page}` }],
        NextToken: `after-${page}`,
      };
    });
    const read = await readBackupActivity(new BackupClient({}), vault, since);
    expect(backup).toHaveReceivedCommandTimes(ListBackupJobsCommand, 5);
    expect(read.jobs).toEqual({
      value: { items: expect.any(Array), capped: true },
    });
    expect('value' in read.jobs && read.jobs.value.items).toHaveLength(5);
  });

  it('reports each list it may not read as a gap and fails on anything else', async () => {
    backup
      .on(ListCopyJobsCommand)
      .rejects(awsError('AccessDeniedException', 403));
    const read = await readBackupActivity(new BackupClient({}), vault, since);
    expect(read.copyJobs).toEqual({ gap: 'denied' });
    expect('value' in read.jobs).toBe(true);

    backup
      .on(ListRecoveryPointsByBackupVaultCommand)
      .rejects(awsError('ServiceUnavailableException', 503));
    await expect(
      readBackupActivity(new BackupClient({}), vault, since),
    ).rejects.toThrow('ServiceUnavailableException');
  });
});
