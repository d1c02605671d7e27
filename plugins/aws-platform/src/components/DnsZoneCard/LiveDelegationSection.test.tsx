import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import type { DelegationStatus } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  liveApiMock,
  liveSandboxDrift,
  responseError,
} from '../../api/__fixtures__/liveAnswers';
import type { AwsPlatformApi } from '../../api';
import { LiveDelegationSection } from './LiveDelegationSection';

const REF = liveSandboxDrift.entityRef;

function renderSection(
  api: Partial<AwsPlatformApi>,
  catalogStatus: DelegationStatus = 'drift',
) {
  renderInTestApp(
    <LiveDelegationSection entityRef={REF} catalogStatus={catalogStatus} />,
    { apis: [liveApiMock(api)] },
  );
}

const items = (name: string) =>
  within(screen.getByRole('list', { name }))
    .getAllByRole('listitem')
    .map(item => item.textContent);

describe('LiveDelegationSection', () => {
  it('shows progress while Route 53 is read', async () => {
    renderSection({});
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
  });

  it('shows the drift found now, with what to add and remove in the parent', async () => {
    renderSection({
      getZoneDelegation: jest.fn().mockResolvedValue(liveSandboxDrift),
    });
    expect(
      await screen.findByText(
        /example.com's NS record for sandbox.example.com does not match/,
      ),
    ).toBeInTheDocument();
    expect(items('Add to the parent')).toEqual(['ns-2.awsdns-02.co.uk']);
    expect(items('Remove from the parent')).toEqual(['ns-9999.awsdns-99.net']);
    expect(items("example.com's NS record for sandbox.example.com")).toEqual([
      'ns-1.awsdns-01.org',
      'ns-9999.awsdns-99.net',
    ]);
    expect(screen.getByText('TTL 3600 s')).toBeInTheDocument();
    expect(
      screen.queryByText(/The catalog still says/),
    ).not.toBeInTheDocument();
  });

  it('says when the catalog is behind what AWS says now', async () => {
    renderSection(
      {
        getZoneDelegation: jest.fn().mockResolvedValue({
          ...liveSandboxDrift,
          status: 'in-sync',
          missing: [],
          extra: [],
        }),
      },
      'drift',
    );
    expect(
      await screen.findByText(
        'The catalog still says "Drift" from its last refresh; it catches up at the next one.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Add to the parent' }),
    ).toBeNull();
  });

  it('explains a parent zone the user may not see', async () => {
    renderSection(
      {
        getZoneDelegation: jest.fn().mockResolvedValue({
          ...liveSandboxDrift,
          parent: undefined,
          status: 'unknown',
          reason: 'parent-not-visible',
          missing: [],
          extra: [],
        }),
      },
      'in-sync',
    );
    expect(
      await screen.findByText(/You may not see the parent zone in the catalog/),
    ).toBeInTheDocument();
  });

  it('says the zone is not found when the backend answers 404', async () => {
    renderSection({
      getZoneDelegation: jest
        .fn()
        .mockRejectedValue(
          await responseError(404, 'NotFoundError', `No entity ${REF}`),
        ),
    });
    expect(
      await screen.findByText(/Not found: this entity or its AWS resource/),
    ).toBeInTheDocument();
  });
});
