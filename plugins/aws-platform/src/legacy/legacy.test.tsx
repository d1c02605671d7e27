import { Entity } from '@backstage/catalog-model';
import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import {
  catalogApiRef,
  MockStarredEntitiesApi,
  starredEntitiesApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { catalogPlugin } from '@backstage/plugin-catalog';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { screen, within } from '@testing-library/react';
import { fakeScaffolder } from '../__testUtils__/fakeScaffolder';
import {
  platformTeam,
  productionAccount,
  productionCluster,
  productionPlan,
  productionVault,
  sandboxZone,
  storefrontComponent,
  suiteEntities,
} from '../__fixtures__/entities';
import { liveApiMock } from '../api/__fixtures__/liveAnswers';
import {
  accountMapTab,
  awsEntityCards,
  awsServiceCard,
  routes,
  sidebarItems,
} from './__testUtils__/legacyApp';

// The first render loads the lazy pages and cards, which takes seconds on
// a busy machine: more than findBy's default wait and, for the first page
// test, more than a test's default time.
const FIRST_RENDER = { timeout: 10_000 };
jest.setTimeout(20_000);

const CARD_TITLES = [
  'AWS account',
  'EKS cluster',
  'Route 53 hosted zone',
  'AWS Backup vault',
  'AWS Backup plan',
];

function renderLegacyApp(
  element: JSX.Element,
  path = '/',
  scaffolder = fakeScaffolder(),
) {
  const catalogApi = catalogApiMock({
    entities: [...suiteEntities, platformTeam],
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApi],
        liveApiMock(),
        // What EntityLayout's header needs.
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        [permissionApiRef, mockApis.permission()],
        [scaffolderApiRef, scaffolder],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries: [path],
      // Where a legacy app has the catalog, for its links and EntityLayout.
      mountedRoutes: {
        '/catalog': catalogPlugin.routes.catalogIndex,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
}

describe('the legacy pages in FlatRoutes', () => {
  it('shows the accounts at /aws-platform, linking to the mounted ownership review', async () => {
    await renderLegacyApp(routes, '/aws-platform');
    expect(
      await screen.findByText('AWS accounts', undefined, FIRST_RENDER),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'AWS Platform' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Production' }),
    ).toBeInTheDocument();
    // The component's useRouteRef(ownershipRouteRef) resolves in the
    // legacy app, to where the app mounted AwsOwnershipPage.
    expect(screen.getByRole('link', { name: /ownership/i })).toHaveAttribute(
      'href',
      '/aws-platform/ownership',
    );
  });

  it('shows the ownership review at /aws-platform/ownership', async () => {
    await renderLegacyApp(routes, '/aws-platform/ownership');
    expect(
      await screen.findByText('Ownership review', undefined, FIRST_RENDER),
    ).toBeInTheDocument();
  });

  it("shows a task's rendered files at /aws-platform/rendered-files/:taskId", async () => {
    const scaffolder = fakeScaffolder(
      {
        output: {
          renderedFiles: {
            fileName: 'shop.zip',
            contentBase64: 'AAEC/w==',
            archiveBytes: 4,
            files: [{ path: 'app/catalog-info.yaml', bytes: 310 }],
          },
        },
      },
      { status: 'completed' },
    );
    await renderLegacyApp(
      routes,
      '/aws-platform/rendered-files/task-1',
      scaffolder,
    );
    expect(
      await screen.findByRole(
        'button',
        { name: 'Download shop.zip' },
        FIRST_RENDER,
      ),
    ).toBeInTheDocument();
    expect(scaffolder.getTask).toHaveBeenCalledWith('task-1');
  });

  it('shows the account map at /aws-platform/map', async () => {
    await renderLegacyApp(routes, '/aws-platform/map');
    expect(
      await screen.findByRole(
        'region',
        { name: 'Map of the AWS organization' },
        FIRST_RENDER,
      ),
    ).toBeInTheDocument();
  });
});

describe('the legacy sidebar items', () => {
  it('link to the AWS Platform page and the ownership review', async () => {
    await renderLegacyApp(sidebarItems);
    expect(screen.getByRole('link', { name: 'AWS Platform' })).toHaveAttribute(
      'href',
      '/aws-platform',
    );
    expect(screen.getByRole('link', { name: 'Ownership' })).toHaveAttribute(
      'href',
      '/aws-platform/ownership',
    );
  });
});

describe('the legacy entity cards in an EntitySwitch', () => {
  it.each([
    ['an account', productionAccount, 'AWS account'],
    ['a cluster', productionCluster, 'EKS cluster'],
    ['a zone', sandboxZone, 'Route 53 hosted zone'],
    ['a vault', productionVault, 'AWS Backup vault'],
    ['a plan', productionPlan, 'AWS Backup plan'],
  ])('shows only the card that fits %s', async (_, entity, title) => {
    await renderLegacyApp(
      <EntityProvider entity={entity}>{awsEntityCards}</EntityProvider>,
    );
    expect(
      await screen.findByText(title, undefined, FIRST_RENDER),
    ).toBeInTheDocument();
    for (const other of CARD_TITLES.filter(t => t !== title)) {
      expect(screen.queryByText(other)).not.toBeInTheDocument();
    }
  });

  it('shows no card on entities outside the suite', async () => {
    const storefront: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'storefront' },
      spec: { type: 'service', owner: 'group:default/platform-team' },
    };
    const { container } = await renderLegacyApp(
      <EntityProvider entity={storefront}>{awsEntityCards}</EntityProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('the legacy service card in an EntitySwitch', () => {
  it('shows where a service runs in AWS, per stage', async () => {
    await renderLegacyApp(
      <EntityProvider entity={storefrontComponent}>
        {awsServiceCard}
      </EntityProvider>,
    );
    expect(
      await screen.findByText('Where it runs in AWS', undefined, FIRST_RENDER),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('region', { name: 'Staging stage' }),
    ).toHaveTextContent('Not backed up');
    expect(
      screen.getByRole('region', { name: 'Production stage' }),
    ).toHaveTextContent('Backed up daily, copied to the Backup account');
  });

  it('is not chosen for a component without resource dependencies', async () => {
    const { container } = await renderLegacyApp(
      <EntityProvider
        entity={{ ...storefrontComponent, spec: {}, relations: [] }}
      >
        {awsServiceCard}
      </EntityProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('the legacy account map tab in an EntityLayout', () => {
  it('opens the map on an account, with the account selected', async () => {
    await renderLegacyApp(
      <EntityProvider entity={productionAccount}>
        {accountMapTab}
      </EntityProvider>,
      '/account-map',
    );
    expect(
      await screen.findByRole(
        'region',
        { name: 'Map of the AWS organization' },
        FIRST_RENDER,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Account map' }),
    ).toBeInTheDocument();
    const details = screen.getByRole('region', { name: 'Account' });
    expect(
      within(details).getByRole('heading', { name: 'Production' }),
    ).toBeVisible();
  });

  it('adds no tab to a zone', async () => {
    await renderLegacyApp(
      <EntityProvider entity={sandboxZone}>{accountMapTab}</EntityProvider>,
    );
    expect(
      await screen.findByRole('tab', { name: 'Overview' }, FIRST_RENDER),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('tab', { name: 'Account map' }),
    ).not.toBeInTheDocument();
  });
});
