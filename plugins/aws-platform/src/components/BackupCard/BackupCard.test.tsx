import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import {
  backupVault,
  productionPlan,
  productionVault,
} from '../../__fixtures__/entities';
import { fieldValue } from '../../__fixtures__/fields';
import { liveApiMock } from '../../api/__fixtures__/liveAnswers';
import { BackupCard } from './BackupCard';

type JsonObject = NonNullable<Entity['spec']>;

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

function renderCard(
  entity: Entity,
  catalogApi: unknown = catalogApiMock({ entities: [] }),
) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <BackupCard />
    </EntityProvider>,
    {
      mountedRoutes,
      apis: [catalogApi as ReturnType<typeof catalogApiMock>, liveApiMock()],
    },
  );
}

function withPlan(plan: JsonObject): Entity {
  return {
    ...productionPlan,
    spec: {
      ...productionPlan.spec,
      plan: { ...(productionPlan.spec!.plan as JsonObject), ...plan },
    },
  };
}

describe('BackupCard', () => {
  it('shows a vault with its lock, retention, recovery points and key', async () => {
    await renderCard(productionVault);

    expect(await screen.findByText('AWS Backup vault')).toBeInTheDocument();
    expect(fieldValue('Vault type')).toBe('Backup vault');
    expect(fieldValue('Vault Lock')).toBe('Not locked');
    expect(fieldValue('Retention')).toBe('Not enforced');
    expect(fieldValue('Recovery points')).toBe('12');
    expect(fieldValue('Created')).toBe('2024-11-22');
    expect(fieldValue('Encryption key')).toBe(
      'arn:aws:kms:us-east-1:715451680876:key/0b6a4c5e-2f1d-4e0a-9a57-3c1f2b9d8e7a',
    );
    expect(
      within(
        screen.getByRole('list', { name: 'Plans writing here' }),
      ).getByRole('link'),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/backup-plan-c64c1133-715451680876-us-east-1',
    );
  });

  it('shows a locked vault’s retention and when no plan writes to it', async () => {
    await renderCard(backupVault);
    expect(await screen.findByText('Locked')).toBeInTheDocument();
    expect(fieldValue('Retention')).toBe('7 to 365 days');
    expect(fieldValue('Encryption key')).toBe('—');
    expect(
      screen.getByText('No plan in the catalog writes to this vault.'),
    ).toBeInTheDocument();
  });

  it('shows a plan’s rules with its copy targets linked to their vaults', async () => {
    await renderCard(
      productionPlan,
      catalogApiMock({ entities: [productionVault, backupVault] }),
    );

    expect(await screen.findByText('AWS Backup plan')).toBeInTheDocument();
    const rules = screen.getByRole('table', { name: 'Rules' });
    // The rule's vault and the copy into Backup link to their entities once
    // the vaults are loaded; the vault in an unread account is named.
    await within(rules).findByRole('link', {
      name: 'user-backup-vault (Production, us-east-1)',
    });
    const [, row] = within(rules).getAllByRole('row');
    const cells = within(row).getAllByRole('cell');
    expect(cells.map(cell => cell.textContent)).toEqual([
      'production-backup-rule',
      'cron(0 2 * * ? *)Etc/UTC',
      'starts within 60 min, completes within 360 min',
      'cold storage after 90 days, deleted after 270 days',
      'user-backup-vault (Production, us-east-1)',
      'user-backup-vault (Backup, us-east-1)cold storage after 90 days, deleted after 270 days' +
        'offsite in account 999999999999 (us-west-2)',
    ]);
    expect(
      within(cells[4]).getByRole('link', {
        name: 'user-backup-vault (Production, us-east-1)',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/user-backup-vault-715451680876-us-east-1',
    );
    expect(
      within(cells[5]).getByRole('link', {
        name: 'user-backup-vault (Backup, us-east-1)',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/user-backup-vault-610271939441-us-east-1',
    );
    expect(within(cells[5]).getAllByRole('link')).toHaveLength(1);

    expect(fieldValue('Copies to accounts')).toBe('610271939441, 999999999999');
    expect(screen.getByText('Tag Backup = true')).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Vaults it writes to' }),
    ).toBeInTheDocument();
  });

  it('tells unknown selections from none', async () => {
    const { unmount } = await renderCard(withPlan({ selections: undefined }));
    expect(
      await screen.findByText(/Unknown: the selections could not be read/),
    ).toBeInTheDocument();
    unmount();

    await renderCard(withPlan({ selections: [], copiesToAccounts: [] }));
    expect(
      await screen.findByText(
        'No selections: this plan protects no resources.',
      ),
    ).toBeInTheDocument();
    expect(fieldValue('Copies to accounts')).toBe(
      'None: no copy leaves this account',
    );
  });

  it('shows the error when the vaults cannot be read, and the rules without links', async () => {
    await renderCard(
      productionPlan,
      catalogApiMock.mock({
        getEntitiesByRefs: jest
          .fn()
          .mockRejectedValue(new Error('catalog is down')),
      }),
    );
    expect(
      await screen.findByText('Error: catalog is down'),
    ).toBeInTheDocument();
    const rules = screen.getByRole('table', { name: 'Rules' });
    expect(within(rules).queryAllByRole('link')).toHaveLength(0);
    expect(rules).toHaveTextContent(
      'user-backup-vault in account 610271939441 (us-east-1)',
    );
  });

  it('explains entities without their spec', async () => {
    const { unmount } = await renderCard({
      ...productionVault,
      spec: { type: 'aws-backup-vault' },
    });
    expect(
      await screen.findByText(/This entity has no spec.vault/),
    ).toBeInTheDocument();
    unmount();
    await renderCard({
      ...productionPlan,
      relations: [],
      spec: { type: 'aws-backup-plan' },
    });
    expect(
      await screen.findByText(/This entity has no spec.plan/),
    ).toBeInTheDocument();
  });
});
