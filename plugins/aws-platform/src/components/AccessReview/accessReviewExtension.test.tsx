import { renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { awsPlatformPlugin } from '../../plugin';
import { SEEDED_PROBLEMS, seededAccess } from './__fixtures__/seededAccess';

jest.setTimeout(30_000);

describe('page:aws-platform/access', () => {
  it('serves the access review at /aws-platform/access', async () => {
    const extension = awsPlatformPlugin.getExtension(
      'page:aws-platform/access',
    );
    expect(extension).toBeDefined();
    renderTestApp({
      extensions: [extension],
      apis: [
        catalogApiMock({
          entities: [
            ...seededAccess.accounts,
            ...seededAccess.permissionSets,
            ...seededAccess.groups,
          ],
        }),
      ],
      initialRouteEntries: ['/aws-platform/access'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      await screen.findByText(
        `12 assignments, ${SEEDED_PROBLEMS} flagged`,
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });
});
