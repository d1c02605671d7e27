import { FlatRoutes } from '@backstage/core-app-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router-dom';
import { AwsAccessReviewPage } from '../../legacy';
import { SEEDED_PROBLEMS, seededAccess } from './__fixtures__/seededAccess';

// The first render loads the lazy page, which takes seconds on a busy machine.
jest.setTimeout(30_000);

describe('AwsAccessReviewPage in a legacy app', () => {
  it('draws the @backstage/ui filters and table, and filters', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        ...seededAccess.accounts,
        ...seededAccess.permissionSets,
        ...seededAccess.groups,
      ],
    });
    await renderInTestApp(
      <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
        <FlatRoutes>
          <Route
            path="/aws-platform/access"
            element={<AwsAccessReviewPage />}
          />
        </FlatRoutes>
      </TestApiProvider>,
      {
        routeEntries: ['/aws-platform/access'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    expect(
      await screen.findByText(
        `12 assignments, ${SEEDED_PROBLEMS} flagged`,
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    const filters = screen.getByRole('group', { name: 'Filters' });
    await userEvent.click(
      within(filters).getByRole('button', { name: /Permission set/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'BillingAccess' }),
    );
    expect(
      await screen.findByText('1 assignment, 1 flagged'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('grid')).getByText(
        'Permission set provisioned nowhere',
      ),
    ).toBeInTheDocument();
  });
});
