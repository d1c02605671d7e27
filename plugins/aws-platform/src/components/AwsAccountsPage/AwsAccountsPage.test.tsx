import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { lookAlike } from '../../lib/__testUtils__/lookAlike';
import { ownershipRouteRef } from '../../routes';
import { AwsAccountsPage } from './AwsAccountsPage';

const SUITE_LOCATION = 'aws-platform:organization/o-exampleorgid';

function account(
  name: string,
  title: string,
  role: string,
  ownerSource: string,
  extra: { coverage?: string; summary?: object; status?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      title,
      labels: {
        'aws-platform-suite.github.io/account-role': role,
        'amazonaws.com/account-status': (
          extra.status ?? 'ACTIVE'
        ).toLowerCase(),
      },
      annotations: {
        'backstage.io/managed-by-location': SUITE_LOCATION,
        'backstage.io/managed-by-origin-location': SUITE_LOCATION,
        'amazonaws.com/account-id': name.split('-').pop()!,
        'aws-platform-suite.github.io/ou-path': 'Root/Workloads',
        'aws-platform-suite.github.io/owner-source': ownerSource,
        ...(extra.coverage && {
          'aws-platform-suite.github.io/backup-coverage': extra.coverage,
        }),
      },
    },
    spec: {
      type: 'aws-account',
      owner: 'group:default/platform-team',
      ...(extra.summary && { summary: extra.summary }),
    },
  };
}

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('AwsAccountsPage', () => {
  it('lists the account entities of the catalog with role, OU and owner', async () => {
    await renderInTestApp(<AwsAccountsPage />, {
      mountedRoutes,
      apis: [
        catalogApiMock({
          entities: [
            account(
              'production-210987654321',
              'Production',
              'production',
              'tag',
            ),
            account('legacy-410987654321', 'Legacy', 'workload', 'tag', {
              status: 'SUSPENDED',
            }),
            account('sandbox-310987654321', 'Sandbox', 'sandbox', 'default', {
              coverage: 'no-plan',
              summary: {
                zones: 1,
                clusters: 1,
                plans: 0,
                driftedZones: 1,
                unsupportedClusters: 1,
              },
            }),
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Resource',
              metadata: { name: 'some-bucket' },
              spec: { type: 's3-bucket', owner: 'group:default/other' },
            },
          ],
        }),
      ],
    });

    expect(
      await screen.findByText('3 accounts in 1 organizational units'),
    ).toBeInTheDocument();
    expect(screen.getByText('210987654321')).toBeInTheDocument();
    expect(screen.getAllByText('Root/Workloads')).toHaveLength(3);
    expect(screen.getByText('SUSPENDED')).toBeInTheDocument();
    expect(
      screen.getByText('Sandbox', { selector: 'span' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('No owner tag')).toHaveLength(1);
    expect(
      screen.getByText('DNS 1 · EKS 1 · Vaults 0 · Plans 0'),
    ).toBeInTheDocument();
    expect(screen.getByText('DNS delegation drift')).toBeInTheDocument();
    expect(screen.getByText('No backup copy')).toBeInTheDocument();
    expect(screen.getByText('EKS past support')).toBeInTheDocument();
    expect(screen.queryByText('some-bucket')).not.toBeInTheDocument();
  });

  it('lists only the suite’s accounts, not look-alikes registered by hand', async () => {
    const production = account(
      'production-210987654321',
      'Production',
      'production',
      'tag',
    );
    await renderInTestApp(<AwsAccountsPage />, {
      mountedRoutes,
      apis: [
        catalogApiMock({
          entities: [production, lookAlike(production, 'Production (copy)')],
        }),
      ],
    });
    expect(
      await screen.findByText('1 accounts in 1 organizational units'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Production' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Production (copy)')).not.toBeInTheDocument();
  });

  it('links to the ownership review', async () => {
    await renderInTestApp(<AwsAccountsPage />, {
      mountedRoutes: {
        ...mountedRoutes,
        '/aws-platform/ownership': ownershipRouteRef,
      },
      apis: [catalogApiMock({ entities: [] })],
    });
    expect(
      await screen.findByRole('link', { name: 'Ownership review' }),
    ).toHaveAttribute('href', '/aws-platform/ownership');
  });

  it('explains what to check when there are no accounts', async () => {
    await renderInTestApp(<AwsAccountsPage />, {
      mountedRoutes,
      apis: [catalogApiMock({ entities: [] })],
    });
    expect(
      await screen.findByText(/No AWS accounts in the catalog yet/),
    ).toBeInTheDocument();
  });

  it('shows the error when the catalog cannot be read', async () => {
    await renderInTestApp(<AwsAccountsPage />, {
      mountedRoutes,
      apis: [
        catalogApiMock.mock({
          getEntities: jest
            .fn()
            .mockRejectedValue(new Error('catalog is down')),
        }),
      ],
    });
    expect(
      await screen.findByText('Error: catalog is down'),
    ).toBeInTheDocument();
  });
});
