import { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { referenceOrganization } from '../components/AccountMap/__fixtures__/organizationEntities';
import { awsPlatformPlugin } from '../plugin';

const organization = referenceOrganization();
// The map is loaded lazily, as the app loads it: the first render in a busy
// test run can take longer than Testing Library's 1 s default.
const LAZY_LOAD = { timeout: 10_000 };
const byName = (name: string) =>
  organization.find(entity => entity.metadata.name === name)!;

function renderEntityPage(entity: Entity) {
  return renderTestApp({
    extensions: [
      createTestEntityPage({ entity }),
      awsPlatformPlugin.getExtension('entity-content:aws-platform/account-map'),
    ],
    apis: [catalogApiMock({ entities: organization })],
  });
}

describe('the account map extensions', () => {
  it('opens the map on an account entity with the account selected', async () => {
    renderEntityPage(byName('account-888888888888'));
    const map = await screen.findByRole(
      'region',
      { name: 'Map of the AWS organization' },
      LAZY_LOAD,
    );
    const sandbox = within(map).getByRole('link', { name: /^Sandbox,/ });
    // The entity's own tile is the map's tab stop and is described.
    expect(sandbox.tabIndex).toBe(0);
    const details = screen.getByRole('region', { name: 'Account' });
    expect(
      within(details).getByRole('heading', { name: 'Sandbox' }),
    ).toBeVisible();
  });

  it('opens the map on an OU entity with the OU highlighted', async () => {
    renderEntityPage(byName('ou-ab12-shared'));
    const map = await screen.findByRole(
      'region',
      { name: 'Map of the AWS organization' },
      LAZY_LOAD,
    );
    expect(within(map).getByRole('group', { name: /^Shared,/ })).toBeVisible();
  });

  it('adds no tab to other entities', async () => {
    renderEntityPage({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'example-com' },
      spec: { type: 'dns-zone', owner: 'group:default/platform-team' },
    });
    expect(
      await screen.findByTestId('empty-entity-page', undefined, LAZY_LOAD),
    ).toBeInTheDocument();
  });

  it('puts the accounts table and the map on the AWS Platform page as tabs', async () => {
    renderTestApp({
      extensions: [
        awsPlatformPlugin.getExtension('page:aws-platform'),
        awsPlatformPlugin.getExtension('sub-page:aws-platform/accounts'),
        awsPlatformPlugin.getExtension('sub-page:aws-platform/account-map'),
      ],
      apis: [catalogApiMock({ entities: organization })],
      initialRouteEntries: ['/aws-platform/map'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByText(
        '9 accounts in 4 organizational units',
        undefined,
        LAZY_LOAD,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Accounts' })).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'Account map' }),
    ).toBeInTheDocument();
  });
});
