import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  largeOrganization,
  referenceOrganization,
} from './__fixtures__/organizationEntities';
import { AccountMapPage } from './AccountMapPage';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function renderPage(entities: Entity[]) {
  return renderInTestApp(<AccountMapPage />, {
    mountedRoutes,
    apis: [catalogApiMock({ entities })],
  });
}

// The map's helpers find by tag and attribute rather than by role: role
// queries compute the accessibility tree of the whole page on every call,
// which made this file take over a minute and a half with 1,000 accounts.
// The roles themselves are checked once, in 'draws the organization'.
const MAP_NAME = 'Map of the AWS organization';
function map(): HTMLElement {
  const found = document.querySelector<HTMLElement>(
    `[aria-label="${MAP_NAME}"]`,
  );
  if (!found) throw new Error(`no element labelled ${MAP_NAME}`);
  return found;
}
const tiles = () => [
  ...map().querySelectorAll<HTMLElement>('a[data-account-ref]'),
];
function tile(title: string): HTMLElement {
  const found = tiles().find(link =>
    link.getAttribute('aria-label')?.startsWith(`${title},`),
  );
  if (!found) throw new Error(`no account tile ${title}`);
  return found;
}
function ouToggle(name: string): HTMLElement {
  const found = [
    ...map().querySelectorAll<HTMLElement>('button[aria-expanded]'),
  ].find(button => button.textContent?.startsWith(name));
  if (!found) throw new Error(`no OU toggle ${name}`);
  return found;
}
const flowLines = (type?: string) =>
  Array.from(
    screen
      .getByTestId('account-map-flows')
      .querySelectorAll(type ? `path[data-flow="${type}"]` : 'path[data-flow]'),
  );

const restingLines = () =>
  Array.from(
    screen
      .getByTestId('account-map-flows')
      .querySelectorAll('path[data-line="rest"]'),
  );
const lineLabels = () =>
  Array.from(
    screen
      .getByTestId('account-map-flows')
      .querySelectorAll('text[data-line-label="rest"]'),
  ).map(label => label.textContent);

// Several tests type, click and render 60 to 1,000 accounts; on a busy
// 2-core machine that takes longer than jest's default 5 s.
jest.setTimeout(30_000);

describe('AccountMapPage', () => {
  it('shows progress while the catalog answers', async () => {
    await renderInTestApp(<AccountMapPage />, {
      mountedRoutes,
      apis: [
        catalogApiMock.mock({
          getEntities: jest.fn().mockReturnValue(new Promise(() => {})),
        }),
      ],
    });
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it('explains what to check when there are no accounts', async () => {
    await renderPage([]);
    expect(
      await screen.findByText(/No AWS accounts in the catalog yet/),
    ).toBeInTheDocument();
  });

  it('shows the error when the catalog cannot be read', async () => {
    await renderInTestApp(<AccountMapPage />, {
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

  it('asks the catalog for accounts and OUs, and only the fields it draws', async () => {
    const getEntities = jest.fn().mockResolvedValue({ items: [] });
    await renderInTestApp(<AccountMapPage />, {
      mountedRoutes,
      apis: [catalogApiMock.mock({ getEntities })],
    });
    await screen.findByText(/No AWS accounts/);
    expect(getEntities).toHaveBeenCalledWith({
      filter: [
        { kind: 'Resource', 'spec.type': 'aws-account' },
        { kind: 'Resource', 'spec.type': 'aws-organizational-unit' },
      ],
      fields: expect.arrayContaining(['spec.summary', 'metadata.annotations']),
    });
  });

  it('draws the organization: OUs, accounts by role, counts, badges and flows', async () => {
    await renderPage(referenceOrganization());
    expect(
      await screen.findByText('9 accounts in 4 organizational units'),
    ).toBeInTheDocument();
    for (const ou of ['Security', 'Shared', 'Workloads']) {
      expect(ouToggle(ou)).toHaveAttribute('aria-expanded', 'true');
    }
    // A one-column OU's header has room for the number alone, not cut; the
    // two-column Shared box says it in words.
    expect(ouToggle('Security')).toHaveTextContent(/^Security2$/);
    expect(within(ouToggle('Security')).getByTitle('2 accounts')).toBeVisible();
    expect(ouToggle('Shared')).toHaveTextContent(/^Shared4 accounts$/);
    expect(tiles()).toHaveLength(9);
    // The roles the helpers above find by tag.
    const region = screen.getByRole('region', { name: MAP_NAME });
    expect(within(region).getAllByRole('link', { name: /^Sandbox,/ })).toEqual([
      tile('Sandbox'),
    ]);
    expect(within(region).getByRole('button', { name: /^Security/ })).toBe(
      ouToggle('Security'),
    );
    const sandbox = tile('Sandbox');
    expect(sandbox).toHaveAccessibleName(
      'Sandbox, Sandbox account 888888888888, owner app-developers. ' +
        '1 EKS cluster, 1 DNS zone, 1 backup vault. ' +
        'Needs attention: DNS delegation drift, Backup coverage missing, EKS version past support',
    );
    expect(within(sandbox).getByText('EKS 1 · DNS 1 · Vaults 1')).toBeVisible();
    expect(
      within(tile('Audit')).getByText('Resources not read'),
    ).toBeInTheDocument();
    expect(tile('Audit')).toHaveAccessibleName(
      /Needs attention: No owner tag$/,
    );

    // At rest, one line per pair of OU boxes, whatever its flow types,
    // labelled with its ends; the two carrying Sandbox's broken backup copy
    // and delegation are red. No account's own lines yet.
    expect(restingLines()).toHaveLength(6);
    expect(flowLines()).toHaveLength(0);
    expect(lineLabels().sort()).toEqual(
      [
        'Management → 2 accounts',
        'Management → 2 accounts',
        '2 accounts → 2 accounts (1 broken)',
        '2 accounts → 2 accounts (1 broken)',
        '2 accounts → Log Archive',
        '2 accounts → Log Archive',
      ].sort(),
    );
    expect(
      restingLines().filter(p => p.getAttribute('stroke') === '#d32f2f'),
    ).toHaveLength(2);
    // The same in words for screen readers.
    expect(
      within(
        screen.getByRole('list', {
          name: 'Lines between organizational units',
        }),
      )
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toContain('Workloads to Security: 2 accounts → Log Archive');
    expect(restingLines().map(p => p.getAttribute('data-flows'))).toContain(
      'baseline-flow deploys-to delegates-dns-to',
    );
    expect(
      restingLines().some(p =>
        p.getAttribute('data-flows')!.includes('assigns-permission-sets'),
      ),
    ).toBe(false);
  });

  it('leaves out of the tiles the company name every account starts with', async () => {
    const entities = referenceOrganization().map(entity =>
      entity.spec?.type === 'aws-account'
        ? {
            ...entity,
            metadata: {
              ...entity.metadata,
              title: `Umbrella ${entity.metadata.title}`,
            },
          }
        : entity,
    );
    await renderPage(entities);
    expect(
      await screen.findByText(
        '9 accounts in 4 organizational units. Tiles leave out “Umbrella”, which every account name starts with',
      ),
    ).toBeInTheDocument();
    const logArchive = tile('Umbrella Log Archive');
    expect(
      logArchive.querySelector('[title="Umbrella Log Archive"]'),
    ).toHaveTextContent(/^Log Archive$/);
  });

  it('shows and hides flow types from the legend', async () => {
    await renderPage(referenceOrganization());
    await screen.findByText('9 accounts in 4 organizational units');
    const types = () =>
      restingLines().flatMap(p => p.getAttribute('data-flows')!.split(' '));
    expect(types()).toContain('deploys-to');
    await userEvent.click(screen.getByLabelText('CI/CD to clusters'));
    expect(types()).not.toContain('deploys-to');
    await userEvent.click(screen.getByLabelText('Permission sets'));
    // Identity (Shared) assigns permission sets to the workload accounts.
    expect(types()).toContain('assigns-permission-sets');
  });

  it('links every account to its entity page', async () => {
    await renderPage(referenceOrganization());
    await screen.findByText('9 accounts in 4 organizational units');
    expect(tile('Production')).toHaveAttribute(
      'href',
      '/catalog/default/resource/account-777777777777',
    );
    expect(
      within(map()).getByRole('link', {
        name: 'Open the entity of Workloads',
      }),
    ).toHaveAttribute('href', '/catalog/default/resource/ou-ab12-workloads');
  });

  it('searches and filters by role, OU, owner and findings', async () => {
    await renderPage(referenceOrganization());
    await screen.findByText('9 accounts in 4 organizational units');

    await userEvent.type(screen.getByLabelText('Search accounts'), 'sand');
    expect(await screen.findByText('Showing 1 of 9 accounts')).toBeVisible();
    expect(tiles().map(t => t.textContent)).toEqual([
      expect.stringContaining('Sandbox'),
    ]);
    // OUs without a match leave the map.
    expect(
      within(map()).queryByRole('button', { name: /^Security/ }),
    ).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(
      await screen.findByText('9 accounts in 4 organizational units'),
    ).toBeVisible();

    fireEvent.change(screen.getByLabelText('Role'), {
      target: { value: 'network' },
    });
    await waitFor(() => expect(tiles()).toHaveLength(1));
    expect(tile('Network')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Role'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Organizational unit'), {
      target: { value: 'Root/Security' },
    });
    await waitFor(() => expect(tiles()).toHaveLength(2));

    fireEvent.change(screen.getByLabelText('Organizational unit'), {
      target: { value: '' },
    });
    fireEvent.change(screen.getByLabelText('Owner'), {
      target: { value: 'group:default/app-developers' },
    });
    await waitFor(() => expect(tiles()).toHaveLength(2));

    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: '' } });
    await userEvent.click(
      screen.getByLabelText('Only accounts that need attention'),
    );
    await waitFor(() =>
      expect(tiles().map(t => t.getAttribute('data-account-ref'))).toEqual([
        'resource:default/account-222222222222',
        'resource:default/account-888888888888',
      ]),
    );
  });

  it('collapses a large OU and shows its counts', async () => {
    await renderPage(largeOrganization(1000));
    expect(
      await screen.findByText('1,003 accounts in 4 organizational units'),
    ).toBeVisible();
    const workloads = ouToggle('Workloads');
    expect(workloads).toHaveAttribute('aria-expanded', 'false');
    expect(workloads).toHaveTextContent('Workloads1,000 accounts');
    const box = workloads.closest('[role="group"]') as HTMLElement;
    expect(within(box).getByText('Production 500 · Sandbox 500')).toBeVisible();
    expect(
      within(box).getByText('EKS 100 · DNS 5,000 · Vaults 1,000'),
    ).toBeVisible();
    expect(within(box).getByText('221 need attention')).toBeVisible();
    expect(tiles()).toHaveLength(3);
    // Lines at rest end on the collapsed box, labelled with its accounts.
    expect(lineLabels()).toContain('Management → 1,000 accounts');
    expect(lineLabels()).toContain('1,000 accounts → Backup (143 broken)');
  });

  it('opens and closes OUs on demand', async () => {
    // Large enough to start collapsed, small enough for a quick jsdom render.
    await renderPage(largeOrganization(60));
    await screen.findByText('63 accounts in 4 organizational units');
    expect(tiles()).toHaveLength(3);
    await userEvent.click(ouToggle('Workloads'));
    expect(ouToggle('Workloads')).toHaveAttribute('aria-expanded', 'true');
    expect(tiles()).toHaveLength(63);
    expect(
      screen.getByText(/one line joins two organizational units/),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(tiles()).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(tiles()).toHaveLength(63);
  });

  it('shows the matches inside a large OU when searching', async () => {
    await renderPage(largeOrganization(1000));
    await screen.findByText('1,003 accounts in 4 organizational units');
    await userEvent.type(
      screen.getByLabelText('Search accounts'),
      'workload-004',
    );
    expect(
      await screen.findByText('Showing 10 of 1,003 accounts'),
    ).toBeVisible();
    expect(ouToggle('Workloads')).toHaveAttribute('aria-expanded', 'true');
    expect(tiles()).toHaveLength(10);
  });

  it('moves a roving focus with the keyboard and toggles OUs', async () => {
    await renderPage(referenceOrganization());
    await screen.findByText('9 accounts in 4 organizational units');
    const root = ouToggle('Root');
    // One tab stop for the whole map.
    expect(
      within(map())
        .queryAllByRole('link')
        .concat(within(map()).queryAllByRole('button'))
        .filter(el => el.tabIndex === 0),
    ).toEqual([root]);

    root.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(
      within(map()).getByRole('link', {
        name: 'Open the entity of Root (organization o-exampleorgid)',
      }),
    ).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(tile('Management')).toHaveFocus();
    expect(tile('Management').tabIndex).toBe(0);
    expect(root.tabIndex).toBe(-1);
    await userEvent.keyboard('{ArrowDown}');
    expect(ouToggle('Security')).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(tile('Sandbox')).toHaveFocus();
    // Focus selects: the panel describes the account's flows in words.
    const details = screen.getByRole('region', { name: 'Account' });
    expect(
      within(details).getByRole('heading', { name: 'Sandbox' }),
    ).toBeVisible();
    expect(
      within(details).getByText('Backup copies').closest('li'),
    ).toHaveTextContent('Backup copies to Backup');
    await userEvent.keyboard('{Home}');
    expect(root).toHaveFocus();

    const security = ouToggle('Security');
    security.focus();
    await userEvent.keyboard('{Enter}');
    expect(ouToggle('Security')).toHaveAttribute('aria-expanded', 'false');
    expect(tiles()).toHaveLength(7);
    await userEvent.keyboard(' ');
    expect(ouToggle('Security')).toHaveAttribute('aria-expanded', 'true');
  });

  it('describes a hovered account and highlights its lines', async () => {
    await renderPage(referenceOrganization());
    await screen.findByText('9 accounts in 4 organizational units');
    expect(
      screen.getByText(/Hover over or focus an account/),
    ).toBeInTheDocument();
    await userEvent.hover(tile('Network'));
    const details = screen.getByRole('region', { name: 'Account' });
    expect(
      within(details).getByText('DNS delegation').closest('li'),
    ).toHaveTextContent('DNS delegation to Production, Sandbox');
    expect(
      within(details).getByRole('link', { name: 'platform-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform-team');
    // Its own lines are drawn on top, account to account; the lines at
    // rest fade and lose their labels.
    const dns = flowLines('delegates-dns-to');
    expect(dns).toHaveLength(2);
    expect(dns.every(p => p.getAttribute('opacity') === '0.85')).toBe(true);
    expect(
      restingLines().every(p => p.getAttribute('opacity') === '0.18'),
    ).toBe(true);
    expect(lineLabels()).toEqual([]);
  });

  it('clears the selection on Esc', async () => {
    await renderPage(referenceOrganization());
    await screen.findByText('9 accounts in 4 organizational units');
    await userEvent.hover(tile('Network'));
    expect(flowLines('delegates-dns-to')).toHaveLength(2);

    fireEvent.keyDown(tile('Network'), { key: 'Escape' });
    expect(
      await screen.findByText(/Hover over or focus an account/),
    ).toBeInTheDocument();
    expect(flowLines('delegates-dns-to')).toHaveLength(0);
  });
});
