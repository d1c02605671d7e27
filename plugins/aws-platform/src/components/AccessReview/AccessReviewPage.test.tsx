import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SEEDED_PROBLEMS, seededAccess } from './__fixtures__/seededAccess';
import { AccessReviewPage } from './AccessReviewPage';
import { loadAccessEntities } from './loadAccessReview';
import { downloadCsv } from '../OwnershipPage/csv';

jest.mock('../OwnershipPage/csv', () => ({
  ...jest.requireActual('../OwnershipPage/csv'),
  downloadCsv: jest.fn(),
}));

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
  const render = () =>
    renderInTestApp(<AccessReviewPage />, {
      mountedRoutes,
      apis: [catalogApiMock({ entities })],
    });

  it('shows the assignments, flags the seeded problems, and filters', async () => {
    render();
    expect(
      await screen.findByText(`12 assignments, ${SEEDED_PROBLEMS} flagged`),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      `12 assignments, ${SEEDED_PROBLEMS} flagged`,
    );
    const table = screen.getByRole('grid');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 12);
    expect(
      within(table).getAllByText('Administrator access in production'),
    ).toHaveLength(1);
    await userEvent.click(screen.getByLabelText('Only flagged'));
    expect(
      await screen.findByText(
        `${SEEDED_PROBLEMS} assignments, ${SEEDED_PROBLEMS} flagged`,
      ),
    ).toBeInTheDocument();
    await chooseFilter('Flag', 'Permission set provisioned nowhere');
    expect(
      await screen.findByText('1 assignment, 1 flagged'),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('gridcell', { name: 'BillingAccess' }),
    ).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 1);
  });

  it('searches, and exports exactly the rows shown', async () => {
    render();
    await screen.findByText(`12 assignments, ${SEEDED_PROBLEMS} flagged`);
    await userEvent.type(screen.getByLabelText('Search'), 'erin');
    expect(
      await screen.findByText('1 assignment, 1 flagged'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(downloadCsv).toHaveBeenCalledTimes(1);
    const [fileName, csv] = jest.mocked(downloadCsv).mock.calls[0];
    expect(fileName).toBe('aws-access-review.csv');
    expect(csv.trim().split('\r\n')).toEqual([
      'Account,Account id,Role,Group or user,Principal type,Permission set,Members,Flags',
      expect.stringMatching(
        /^sandbox,\d{12},sandbox,user:default\/erin\.contractor,USER,DeveloperAccess,,direct-user$/,
      ),
    ]);
  });

  it('says so when no row matches, and disables the export', async () => {
    render();
    await screen.findByText(`12 assignments, ${SEEDED_PROBLEMS} flagged`);
    await userEvent.type(screen.getByLabelText('Search'), 'no such thing');
    expect(
      await screen.findByText('No assignment matches these filters.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });
});

/** Opens the select filter labelled `label` and picks `option`. */
async function chooseFilter(label: string, option: string) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(label) }),
  );
  await userEvent.click(await screen.findByRole('option', { name: option }));
}
