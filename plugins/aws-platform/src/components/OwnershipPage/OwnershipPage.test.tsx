import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  platformTeam,
  productionAccount,
  productionCluster,
  suiteEntities,
} from '../../__fixtures__/entities';
import { lookAlike } from '../../lib/__testUtils__/lookAlike';
import { appDevelopers } from './__fixtures__/groups';
import { OwnershipPage } from './OwnershipPage';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

/**
 * The table's body rows, each as the text of its cells. By tag rather than
 * by role: role queries compute the accessibility tree of the whole page
 * for every row, which made this file's tests take a minute.
 */
function tableRows(): string[][] {
  return [...document.querySelectorAll('tbody tr')]
    .map(row => [...row.querySelectorAll('td')])
    .filter(cells => cells.length > 0)
    .map(cells => cells.map(cell => cell.textContent ?? ''));
}

// Each test types and clicks through several filters; on a busy 2-core CI
// machine that takes longer than jest's default 5 s.
jest.setTimeout(30_000);

describe('OwnershipPage', () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:ownership');
  const revokeObjectURL = jest.fn();
  let click: jest.SpyInstance;

  beforeEach(() => {
    createObjectURL.mockClear();
    revokeObjectURL.mockClear();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    // jsdom cannot navigate to a download.
    click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
  });

  afterEach(() => click.mockRestore());

  it('lists every suite entity, flags only what needs acting on, and shows inherited owners', async () => {
    const catalogApi = catalogApiMock({
      entities: [...suiteEntities, platformTeam],
    });
    const getEntitiesByRefs = jest.spyOn(catalogApi, 'getEntitiesByRefs');
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    renderInTestApp(<OwnershipPage />, { mountedRoutes, apis: [catalogApi] });

    expect(
      await screen.findByText('14 entities, 2 flagged'),
    ).toBeInTheDocument();
    // Read in pages; one query checks every distinct owner.
    expect(getEntities).not.toHaveBeenCalled();
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    expect([...getEntitiesByRefs.mock.calls[0][0].entityRefs].sort()).toEqual([
      'group:default/backup-team',
      'group:default/platform-team',
    ]);
    // The only group is the default owner: owners are not checked.
    expect(
      screen.getByText(/The catalog holds no groups besides the default owner/),
    ).toBeInTheDocument();

    const row = (title: string) =>
      tableRows().find(cells => cells[0] === title)!;
    expect(row('Audit')).toEqual([
      'Audit',
      'AWS account',
      'Audit',
      'Audit',
      'Root/Security',
      'platform-team',
      'Default (config)',
      'Medium: No owner tagNo owner tag on the account: group:default/platform-team is the default owner, chosen by nobody',
    ]);
    expect(row('Backup').slice(6)).toEqual([
      'Role (config)',
      'Low: No owner tagNo owner tag on the account: group:default/backup-team comes from roleOwners in config',
    ]);
    expect(row('analytics').slice(1, 3)).toEqual(['EKS cluster', 'Production']);
    expect(row('analytics').slice(6)).toEqual(['Inherited from account', '']);
    expect(row('user-backup-vault (Backup, us-east-1)').slice(6)).toEqual([
      'Inherited from account',
      '',
    ]);
    expect(row('acme-production-v1').slice(6)).toEqual(['Tagged', '']);
    expect(row('Workloads').slice(1, 5)).toEqual([
      'Organizational unit',
      '—',
      '',
      'Root/Workloads',
    ]);
    expect(row('Workloads')[7]).toBe('');
  });

  it('flags owners missing from the catalog once it holds other groups', async () => {
    renderInTestApp(<OwnershipPage />, {
      mountedRoutes,
      apis: [
        catalogApiMock({
          entities: [...suiteEntities, platformTeam, appDevelopers],
        }),
      ],
    });
    expect(
      await screen.findByText('14 entities, 2 flagged'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/The catalog holds no groups besides/),
    ).not.toBeInTheDocument();
    const row = (title: string) =>
      tableRows().find(cells => cells[0] === title)!;
    // Backup's owner is not in the catalog; its vault inherits it, unflagged.
    expect(row('Backup')[7]).toMatch(
      /^High: Owner not in the catalog.*names no group or user in the catalog/,
    );
    expect(row('user-backup-vault (Backup, us-east-1)')[7]).toBe('');
  });

  it('lists only the suite’s entities, not look-alikes registered by hand', async () => {
    const catalogApi = catalogApiMock({
      entities: [
        ...suiteEntities,
        platformTeam,
        lookAlike(productionAccount, 'Production (look-alike)'),
        lookAlike(productionCluster, 'cluster-look-alike'),
      ],
    });
    renderInTestApp(<OwnershipPage />, { mountedRoutes, apis: [catalogApi] });

    expect(
      await screen.findByText('14 entities, 2 flagged'),
    ).toBeInTheDocument();
    const titles = tableRows().map(cells => cells[0]);
    expect(titles).toContain('Production');
    expect(titles).not.toContain('Production (look-alike)');
    expect(titles).not.toContain('cluster-look-alike');
  });

  it('filters by search, type, role, OU, owner and flags; the count follows', async () => {
    renderInTestApp(<OwnershipPage />, {
      mountedRoutes,
      apis: [catalogApiMock({ entities: [...suiteEntities, platformTeam] })],
    });
    await screen.findByText('14 entities, 2 flagged');
    const user = userEvent.setup();

    await user.selectOptions(screen.getByLabelText('Type'), 'EKS cluster');
    expect(screen.getByText('3 entities, 0 flagged')).toBeInTheDocument();
    expect(tableRows().map(cells => cells[0])).toEqual([
      'acme-production-v1',
      'analytics',
      'acme-sandbox-v1',
    ]);

    await user.selectOptions(screen.getByLabelText('Role'), 'Sandbox');
    expect(tableRows().map(cells => cells[0])).toEqual(['acme-sandbox-v1']);
    expect(screen.getByText('1 entity, 0 flagged')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Type'), 'All');
    await user.selectOptions(screen.getByLabelText('Role'), 'All');
    await user.selectOptions(
      screen.getByLabelText('Organizational unit'),
      'Root/Shared',
    );
    expect(tableRows().map(cells => cells[0])).toEqual([
      'Backup',
      'user-backup-vault (Backup, us-east-1)',
    ]);
    expect(screen.getByText('2 entities, 1 flagged')).toBeInTheDocument();

    await user.selectOptions(
      screen.getByLabelText('Organizational unit'),
      'All',
    );
    await user.type(screen.getByLabelText('Search entities'), 'audit');
    expect(screen.getByText('1 entity, 1 flagged')).toBeInTheDocument();
    expect(tableRows().map(cells => cells[0])).toEqual(['Audit']);
    await user.clear(screen.getByLabelText('Search entities'));

    await user.click(screen.getByLabelText('Only flagged'));
    expect(screen.getByText('2 entities, 2 flagged')).toBeInTheDocument();
    expect(
      tableRows()
        .map(cells => cells[0])
        .sort(),
    ).toEqual(['Audit', 'Backup']);
  });

  it('exports the rows shown, after the search, as CSV', async () => {
    renderInTestApp(<OwnershipPage />, {
      mountedRoutes,
      apis: [catalogApiMock({ entities: [...suiteEntities, platformTeam] })],
    });
    await screen.findByText('14 entities, 2 flagged');
    const user = userEvent.setup();
    await user.selectOptions(
      screen.getByLabelText('Organizational unit'),
      'Root/Shared',
    );
    await user.type(screen.getByLabelText('Search entities'), 'backup-team');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(click).toHaveBeenCalledTimes(1);
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe('aws-ownership-review.csv');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const csv = await blob.text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Entity ref,Entity,Type,Account id,Account,Role,OU,Owner,Owner source,Ownership,Severity,Flags,Reasons',
      'resource:default/account-610271939441,Backup,aws-account,610271939441,Backup,backup,Root/Shared,group:default/backup-team,role,role,low,account-not-tagged,No owner tag on the account: group:default/backup-team comes from roleOwners in config',
      'resource:default/user-backup-vault-610271939441-us-east-1,"user-backup-vault (Backup, us-east-1)",aws-backup-vault,610271939441,Backup,backup,Root/Shared,group:default/backup-team,account,inherited,,,',
      '',
    ]);
    await waitFor(() =>
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:ownership'),
    );
  });

  it('explains what to check when there are no suite entities', async () => {
    renderInTestApp(<OwnershipPage />, {
      mountedRoutes,
      apis: [catalogApiMock({ entities: [platformTeam] })],
    });
    expect(
      await screen.findByText(/No AWS Platform entities in the catalog yet/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  it('shows the error when the catalog cannot be read', async () => {
    renderInTestApp(<OwnershipPage />, {
      mountedRoutes,
      apis: [
        catalogApiMock.mock({
          queryEntities: jest
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
