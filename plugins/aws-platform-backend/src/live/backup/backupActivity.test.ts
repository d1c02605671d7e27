import {
  backupJobs,
  copyJobs,
  recoveryPoints,
} from '../__fixtures__/awsResponses';
import { PLAN_ID, PRODUCTION } from '../__fixtures__/liveEntities';
import type { BackupTarget } from '../liveTargets';
import { backupActivity } from './backupActivity';

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
  vaultNames: ['user-backup-vault'],
};
const readAt = new Date('2026-11-25T10:00:00Z');
const window = {
  since: new Date('2026-11-18T10:00:00Z'),
  days: 7,
  maxItems: 50,
};
const all = <T>(items: T[]) => ({ value: { items, capped: false } });

describe('backupActivity', () => {
  it('keeps a plan’s own jobs and copy jobs, newest first', () => {
    const body = backupActivity(
      plan,
      { jobs: all(backupJobs), copyJobs: all(copyJobs) },
      window,
      readAt,
    );
    expect(body).toMatchObject({
      readAt: '2026-11-25T10:00:00.000Z',
      kind: 'plan',
      accountId: PRODUCTION,
      region: 'us-east-1',
      window: { since: '2026-11-18T10:00:00.000Z', days: 7, maxItems: 50 },
      gaps: {},
    });
    expect(body.jobs).toEqual({
      truncated: false,
      items: [
        {
          id: 'job-failed',
          state: 'FAILED',
          statusMessage: 'The DB instance is not in an available state.',
          resourceArn: `arn:aws:rds:us-east-1:${PRODUCTION}:db:storefront`,
          resourceType: 'RDS',
          vaultName: 'user-backup-vault',
          planId: PLAN_ID,
          ruleName: 'production-backup-rule',
          createdAt: '2026-11-25T02:00:00.000Z',
        },
        {
          id: 'job-completed',
          state: 'COMPLETED',
          resourceArn: `arn:aws:rds:us-east-1:${PRODUCTION}:db:storefront`,
          resourceName: 'storefront',
          resourceType: 'RDS',
          vaultName: 'user-backup-vault',
          planId: PLAN_ID,
          ruleName: 'production-backup-rule',
          createdAt: '2026-11-24T02:00:00.000Z',
          completedAt: '2026-11-24T02:20:00.000Z',
          sizeBytes: 2_147_483_648,
        },
      ],
    });
    expect(body.copyJobs?.items.map(copy => copy.id)).toEqual([
      'copy-completed',
    ]);
    expect(body.recoveryPoints).toBeUndefined();
  });

  it('keeps a vault’s jobs, the copy jobs from or to it, and its recovery points', () => {
    const body = backupActivity(
      vault,
      {
        jobs: all(backupJobs),
        copyJobs: all(copyJobs),
        recoveryPoints: all(recoveryPoints),
      },
      window,
      readAt,
    );
    expect(body.jobs?.items.map(job => job.id)).toEqual([
      'job-on-demand',
      'job-failed',
      'job-completed',
    ]);
    expect(body.copyJobs?.items).toEqual([
      {
        id: 'copy-completed',
        state: 'COMPLETED',
        resourceArn: `arn:aws:rds:us-east-1:${PRODUCTION}:db:storefront`,
        resourceType: 'RDS',
        sourceVaultArn: vault.kind === 'vault' ? vault.arn : '',
        destinationVaultArn:
          'arn:aws:backup:us-east-1:499091334123:backup-vault:user-backup-vault',
        planId: PLAN_ID,
        createdAt: '2026-11-24T02:25:00.000Z',
        completedAt: '2026-11-24T03:00:00.000Z',
        sizeBytes: 2_147_483_648,
      },
    ]);
    expect(body.recoveryPoints).toEqual({
      truncated: false,
      items: [
        {
          arn: `arn:aws:backup:us-east-1:${PRODUCTION}:recovery-point:rp-1`,
          status: 'COMPLETED',
          resourceArn: `arn:aws:rds:us-east-1:${PRODUCTION}:db:storefront`,
          resourceName: 'storefront',
          resourceType: 'RDS',
          planId: PLAN_ID,
          createdAt: '2026-11-24T02:00:00.000Z',
          completedAt: '2026-11-24T02:20:00.000Z',
          sizeBytes: 2_147_483_648,
          coldAt: '2027-02-22T02:00:00.000Z',
          deleteAt: '2027-08-21T02:00:00.000Z',
        },
      ],
    });
  });

  it('bounds each list and says so, also when AWS had more pages', () => {
    const body = backupActivity(
      vault,
      {
        jobs: all(backupJobs),
        copyJobs: { value: { items: copyJobs.slice(0, 1), capped: true } },
        recoveryPoints: all(recoveryPoints),
      },
      { ...window, maxItems: 2 },
      readAt,
    );
    expect(body.jobs).toMatchObject({ truncated: true });
    expect(body.jobs?.items.map(job => job.id)).toEqual([
      'job-on-demand',
      'job-failed',
    ]);
    expect(body.copyJobs).toMatchObject({ truncated: true });
    expect(body.recoveryPoints).toMatchObject({ truncated: false });
  });

  it('reports lists it could not read as gaps', () => {
    const body = backupActivity(
      vault,
      {
        jobs: { gap: 'denied' },
        copyJobs: all([]),
        recoveryPoints: { gap: 'unavailable' },
      },
      window,
      readAt,
    );
    expect(body.jobs).toBeUndefined();
    expect(body.recoveryPoints).toBeUndefined();
    expect(body.copyJobs).toEqual({ items: [], truncated: false });
    expect(body.gaps).toEqual({
      jobs: 'denied',
      recoveryPoints: 'unavailable',
    });
  });
});
