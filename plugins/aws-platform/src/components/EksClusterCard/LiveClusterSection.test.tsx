import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  liveApiMock,
  liveClusterWithGaps,
  liveProductionCluster,
  responseError,
} from '../../api/__fixtures__/liveAnswers';
import type { AwsPlatformApi } from '../../api';
import { LiveClusterSection } from './LiveClusterSection';

const REF = liveProductionCluster.entityRef;

function renderSection(api: Partial<AwsPlatformApi>) {
  const mock = liveApiMock(api);
  renderInTestApp(<LiveClusterSection entityRef={REF} />, {
    apis: [mock],
  });
  return mock[1];
}

function rows(tableName: string): string[][] {
  const table = screen.getByRole('table', { name: tableName });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('LiveClusterSection', () => {
  it('shows progress while AWS is read', async () => {
    const api = renderSection({});
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(api.getClusterLiveStatus).toHaveBeenCalledWith(REF);
  });

  it('shows node groups with scaling and health, add-ons and insights worst first', async () => {
    renderSection({
      getClusterLiveStatus: jest.fn().mockResolvedValue(liveProductionCluster),
    });

    expect(
      await screen.findByRole('table', { name: 'Node groups' }),
    ).toBeInTheDocument();
    expect(rows('Node groups')).toEqual([
      [
        'acme-production-v1-batch-us-east-1bSPOT capacity',
        'DEGRADED',
        '4 (0–10)',
        '1.32',
        'AsgInstanceLaunchFailures',
      ],
      [
        'acme-production-v1-general-us-east-1aON_DEMAND capacity',
        'ACTIVE',
        '2 (1–3)',
        '1.33 (1.33.0-20250715)',
        'OK',
      ],
    ]);
    expect(rows('Add-ons')).toEqual([
      ['coredns', 'v1.12.1-eksbuild.2', 'ACTIVE', 'OK'],
    ]);
    expect(rows('Upgrade insights')).toEqual([
      [
        'Deprecated APIs removed in Kubernetes v1.34',
        '1.34',
        'Error',
        'Deprecated API usage detected within last 30 days.',
      ],
      ['Kubelet version skew', '1.34', 'Passing', 'No issues found.'],
    ]);
    expect(
      screen.getByText(/Read from AWS at 10:00:05 UTC/),
    ).toBeInTheDocument();
  });

  it('says why add-ons and insights are missing, and that there are no node groups', async () => {
    renderSection({
      getClusterLiveStatus: jest.fn().mockResolvedValue(liveClusterWithGaps),
    });
    expect(
      await screen.findByText('No managed node groups.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "Not shown: the portal's AWS role may not call eks:ListAddons.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not shown: this AWS endpoint does not serve eks:ListInsights.',
      ),
    ).toBeInTheDocument();
  });

  it('tells a user without the permission that they are not allowed', async () => {
    renderSection({
      getClusterLiveStatus: jest
        .fn()
        .mockRejectedValue(
          await responseError(
            403,
            'NotAllowedError',
            'You may not read live AWS status',
          ),
        ),
    });
    expect(
      await screen.findByText(/You are not allowed to see the live AWS status/),
    ).toBeInTheDocument();
  });

  it('explains a 503 and reads again on request', async () => {
    const getClusterLiveStatus = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(
          503,
          'ServiceUnavailableError',
          'EKS cluster acme-production-v1 could not be read from AWS (ThrottlingException)',
        ),
      )
      .mockResolvedValue(liveProductionCluster);
    renderSection({ getClusterLiveStatus });
    expect(
      await screen.findByText(/AWS could not be read just now/),
    ).toBeInTheDocument();
    expect(getClusterLiveStatus).toHaveBeenCalledTimes(1);
  });

  it('reads again when asked', async () => {
    const getClusterLiveStatus = jest
      .fn()
      .mockResolvedValue(liveProductionCluster);
    renderSection({ getClusterLiveStatus });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Read again' }),
    );
    await waitFor(() => expect(getClusterLiveStatus).toHaveBeenCalledTimes(2));
  });
});
