import { renderTestApp } from '@backstage/frontend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import { catalogPageWithAwsColumns } from './catalogPage';

// The override in an app with the catalog plugin: /catalog still serves the
// page, with its filters, and Resources get the suite's columns. The
// portal's own page, on the seeded estate, is the browser test's
// (e2e-tests/app.test.ts).
jest.setTimeout(30_000);

const cluster = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'acme-sandbox-v1', namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform-team' },
};

describe('the portal catalog page', () => {
  it('lists Resources at /catalog with the suite columns and the catalog filters', async () => {
    renderTestApp({
      features: [
        catalogPlugin.withOverrides({
          extensions: [catalogPageWithAwsColumns],
        }),
      ],
      apis: [catalogApiMock({ entities: [cluster] })],
      initialRouteEntries: ['/catalog?filters%5Bkind%5D=resource'],
    });
    // The table renders again as the catalog answers: wait for the row.
    await waitFor(
      () => expect(screen.getByText('EKS cluster')).toBeInTheDocument(),
      { timeout: 10_000 },
    );
    for (const title of ['Type', 'Part of', 'Owner']) {
      expect(
        screen.getByRole('columnheader', { name: new RegExp(`^${title}`) }),
      ).toBeInTheDocument();
    }
    expect(
      screen.queryByRole('columnheader', { name: /^Lifecycle/ }),
    ).toBeNull();
    // A filter from the page's inputs.
    expect(screen.getAllByText('Kind').length).toBeGreaterThan(0);
  });
});
