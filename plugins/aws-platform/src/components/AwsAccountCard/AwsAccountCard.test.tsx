import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import {
  auditAccount,
  productionAccount,
  productionCluster,
  productionPlan,
  productionVault,
  productionZone,
  sandboxCluster,
  sandboxZone,
} from '../../__fixtures__/entities';
import { AwsAccountCard } from './AwsAccountCard';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function renderCard(entity: Entity, catalogApi: unknown) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <AwsAccountCard />
    </EntityProvider>,
    { mountedRoutes, apis: [catalogApi as ReturnType<typeof catalogApiMock>] },
  );
}

describe('AwsAccountCard', () => {
  it('shows the account and lists what runs in it, from its partOf relations', async () => {
    renderCard(
      productionAccount,
      catalogApiMock({
        entities: [
          productionAccount,
          productionZone,
          productionCluster,
          productionVault,
          productionPlan,
          // Part of another account: not listed.
          sandboxZone,
          sandboxCluster,
        ],
      }),
    );

    const zones = await screen.findByRole('list', { name: 'DNS zones' });
    expect(
      within(zones).getByRole('link', { name: /production\.example\.com/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/production-example-com-11521a6f',
    );
    expect(
      within(screen.getByRole('list', { name: 'EKS clusters' })).getByText(
        /acme-production-v1/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Backup vaults' }),
    ).toHaveTextContent('user-backup-vault (Production, us-east-1)');
    expect(
      screen.getByRole('list', { name: 'Backup plans' }),
    ).toHaveTextContent('production-backup-plan (Production, us-east-1)');
    expect(screen.queryByText(/sandbox\.example\.com/)).not.toBeInTheDocument();
    expect(screen.queryByText(/acme-sandbox-v1/)).not.toBeInTheDocument();

    // Role with the guide's description, OU, owner, Organizations details.
    expect(screen.getByText('Production')).toBeInTheDocument();
    expect(
      screen.getByText(/Production workloads on a Flightdeck EKS cluster/),
    ).toBeInTheDocument();
    expect(screen.getByText('(from the account tag)')).toBeInTheDocument();
    expect(screen.getByText('Root/Workloads')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /platform-team/ }),
    ).toBeInTheDocument();
    expect(screen.queryByText('No owner tag')).not.toBeInTheDocument();
    expect(screen.getByText('715451680876')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /aws\+production@example\.com/ }),
    ).toHaveAttribute('href', 'mailto:aws+production@example.com');
    expect(screen.getByText('ACTIVE')).toBeInTheDocument();
    expect(screen.getByText('2024-11-20')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Account in AWS Organizations/ }),
    ).toHaveAttribute(
      'href',
      'https://us-east-1.console.aws.amazon.com/organizations/v2/home/accounts/715451680876',
    );
    expect(
      screen.getByText(
        'DNS zones: 1 · EKS clusters: 1 · Backup vaults: 1 · Backup plans: 1',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Nothing')).toBeInTheDocument();
  });

  it('flags an owner that no tag named, with the findings as chips', async () => {
    renderCard(
      {
        ...auditAccount,
        metadata: {
          ...auditAccount.metadata,
          annotations: {
            ...auditAccount.metadata.annotations,
            'aws-platform-suite.github.io/backup-coverage': 'no-plan',
          },
        },
        spec: {
          ...auditAccount.spec,
          summary: {
            zones: 1,
            clusters: 1,
            vaults: 0,
            plans: 0,
            driftedZones: 1,
            unsupportedClusters: 1,
          },
        },
      },
      catalogApiMock({ entities: [] }),
    );

    const findings = await screen.findByRole('list', {
      name: 'Needs attention',
    });
    expect(
      within(findings)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'No owner tag',
      'DNS delegation drift',
      'No backup copy',
      'EKS past support',
    ]);
    expect(
      screen.getByText(/the owner is the portal's default owner/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('(guessed from the account name)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/1 with delegation drift · 1 past EKS support/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'No DNS zone, EKS cluster or backup of this account is in the catalog.',
      ),
    ).toBeInTheDocument();
  });

  it.each([
    [
      'delegated-admin',
      '(the delegated administrator of the services this role runs)',
    ],
    ['landing-zone', "(named by Control Tower's landing zone)"],
    [
      'holdings',
      '(from what it holds: zones it delegates, vaults others copy into, repositories others pull from)',
    ],
    ['ou', '(from the name of its organizational unit)'],
  ])('says the role came from %s evidence', async (source, text) => {
    renderCard(
      {
        ...auditAccount,
        metadata: {
          ...auditAccount.metadata,
          annotations: {
            ...auditAccount.metadata.annotations,
            'aws-platform-suite.github.io/role-source': source,
          },
        },
      },
      catalogApiMock({ entities: [] }),
    );
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it('says when the account’s resources are not read', async () => {
    renderCard(auditAccount, catalogApiMock({ entities: [] }));
    expect(
      await screen.findByText(/This account's resources are not read/),
    ).toBeInTheDocument();
    // Audit has no links: the console field says so rather than vanishing.
    expect(screen.getByText('AWS console')).toBeInTheDocument();
  });

  it('shows the error when the related entities cannot be read', async () => {
    renderCard(
      productionAccount,
      catalogApiMock.mock({
        getEntities: jest.fn().mockRejectedValue(new Error('catalog is down')),
      }),
    );
    expect(
      await screen.findByText('Error: catalog is down'),
    ).toBeInTheDocument();
    // The account itself still shows.
    expect(screen.getByText('715451680876')).toBeInTheDocument();
  });
});
