import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SEEDED_PROBLEMS, seededAccess } from './__fixtures__/seededAccess';
import { AccessReviewPage } from './AccessReviewPage';
import { loadAccessEntities } from './loadAccessReview';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };
const entities = [
  ...seededAccess.accounts,
  ...seededAccess.permissionSets,
  ...seededAccess.groups,
];

jest.setTimeout(30_000);

describe('loadAccessEntities', () => {
  it('reads accounts, permission sets and groups in pages, leaving out look-alikes', async () => {
    const lookAlike: Entity = {
      ...seededAccess.permissionSets[3],
      metadata: {
        ...seededAccess.permissionSets[3].metadata,
        name: 'registered-by-hand',
        annotations: {
          ...seededAccess.permissionSets[3].metadata.annotations,
          'backstage.io/managed-by-location': 'url:https://example.com/x.yaml',
        },
      },
    };
    const catalogApi = catalogApiMock({ entities: [...entities, lookAlike] });
    const queryEntities = jest.spyOn(catalogApi, 'queryEntities');
    const read = await loadAccessEntities(catalogApi, 4);
    expect(read.accounts).toHaveLength(9);
    expect(read.permissionSets).toHaveLength(4);
    expect(read.groups).toHaveLength(5);
    // 14 resources in pages of 4, 5 groups in pages of 4.
    expect(queryEntities).toHaveBeenCalledTimes(4 + 2);
    for (const [request] of queryEntities.mock.calls) {
      expect(request).toMatchObject({ limit: 4 });
    }
  });
});

describe('AccessReviewPage', () => {
  it('shows the assignments, flags the seeded problems, and filters', async () => {
    const catalogApi = catalogApiMock({ entities });
    renderInTestApp(<AccessReviewPage />, {
      mountedRoutes,
      apis: [catalogApi],
    });
    expect(
      await screen.findByText(`12 assignments, ${SEEDED_PROBLEMS} flagged`),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText('Administrator access in production', {
        selector: '.MuiChip-label',
      }),
    ).toHaveLength(1);
    await userEvent.click(screen.getByLabelText('Only flagged'));
    expect(
      await screen.findByText(
        `${SEEDED_PROBLEMS} assignments, ${SEEDED_PROBLEMS} flagged`,
      ),
    ).toBeInTheDocument();
    await userEvent.selectOptions(
      screen.getByLabelText('Flag'),
      'provisioned-nowhere',
    );
    expect(
      await screen.findByText('1 assignments, 1 flagged'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('BillingAccess', { selector: 'td' }),
    ).toBeInTheDocument();
  });
});
