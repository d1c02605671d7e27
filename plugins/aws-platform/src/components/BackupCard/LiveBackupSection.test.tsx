import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import {
  liveApiMock,
  liveQuietPlan,
  liveVaultActivity,
  responseError,
} from '../../api/__fixtures__/liveAnswers';
import type { AwsPlatformApi } from '../../api';
import { LiveBackupSection } from './LiveBackupSection';

function renderSection(api: Partial<AwsPlatformApi>) {
  renderInTestApp(
    <LiveBackupSection entityRef={liveVaultActivity.entityRef} />,
    { apis: [liveApiMock(api)] },
  );
}

function rows(tableName: string): string[][] {
  return within(screen.getByRole('table', { name: tableName }))
    .getAllByRole('row')
    .map(row =>
      Array.from(row.querySelectorAll('th, td')).map(
        cell => cell.textContent ?? '',
      ),
    );
}

describe('LiveBackupSection', () => {
  it('shows progress while AWS Backup is read', async () => {
    renderSection({});
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows a vault’s recent jobs, copy jobs and recovery points', async () => {
    renderSection({
      getBackupActivity: jest.fn().mockResolvedValue(liveVaultActivity),
    });
    expect(
      await screen.findByRole('table', { name: 'Backup jobs' }),
    ).toBeInTheDocument();
    expect(rows('Backup jobs')).toEqual([
      ['State', 'Resource', 'Created', 'Completed', 'Size', 'Message'],
      [
        'FAILED',
        'storefront (RDS)',
        '2026-11-25 02:00 UTC',
        '—',
        '—',
        'The DB instance is not in an available state.',
      ],
      [
        'COMPLETED',
        'storefront (RDS)',
        '2026-11-24 02:00 UTC',
        '2026-11-24 02:20 UTC',
        '2.0 GiB',
        '—',
      ],
    ]);
    expect(
      screen.getByText('Only the latest 50 are shown; AWS holds more.'),
    ).toBeInTheDocument();
    expect(rows('Copy jobs')[1]).toEqual([
      'COMPLETED',
      'storefront',
      'user-backup-vault in 715451680876 (us-east-1)',
      'user-backup-vault in 610271939441 (us-east-1)',
      '2026-11-24 02:25 UTC',
      '2026-11-24 03:00 UTC',
      '—',
    ]);
    expect(rows('Recovery points')[1]).toEqual([
      'COMPLETED',
      'storefront (RDS)',
      '2026-11-24 02:00 UTC',
      '2.0 GiB',
      '—',
      '2027-08-21 02:00 UTC',
    ]);
  });

  it('says why a list is missing', async () => {
    renderSection({
      getBackupActivity: jest.fn().mockResolvedValue({
        ...liveVaultActivity,
        jobs: undefined,
        gaps: { jobs: 'unavailable' },
      }),
    });
    expect(
      await screen.findByText(
        'Not shown: this AWS endpoint does not serve backup:ListBackupJobs.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Copy jobs' }),
    ).toBeInTheDocument();
  });

  it('shows an empty state when nothing ran in the window', async () => {
    renderSection({
      getBackupActivity: jest.fn().mockResolvedValue(liveQuietPlan),
    });
    expect(
      await screen.findByText('No backup activity in the last 7 days'),
    ).toBeInTheDocument();
  });

  it('tells a user without the permission that they are not allowed', async () => {
    renderSection({
      getBackupActivity: jest
        .fn()
        .mockRejectedValue(
          await responseError(403, 'NotAllowedError', 'You may not'),
        ),
    });
    expect(
      await screen.findByText(/You are not allowed to see the live AWS status/),
    ).toBeInTheDocument();
  });

  it('says when the backend cannot be reached', async () => {
    renderSection({
      getBackupActivity: jest
        .fn()
        .mockRejectedValue(new TypeError('Failed to fetch')),
    });
    expect(
      await screen.findByText(/The portal backend could not be reached/),
    ).toBeInTheDocument();
  });
});
