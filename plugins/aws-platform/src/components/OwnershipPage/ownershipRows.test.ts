import { toOwnershipRows } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { backupAccount, suiteEntities } from '../../__fixtures__/entities';
import {
  filterOwnershipRows,
  NO_FILTERS,
  optionsOf,
  ownershipCsvCells,
} from './ownershipRows';

const existing = {
  existingOwners: new Set(['group:default/platform-team']),
  groupSourcePresent: true,
};

describe('filterOwnershipRows and optionsOf', () => {
  const rows = toOwnershipRows(suiteEntities, existing);

  it('filters by type, role, OU, owner and flags', () => {
    expect(
      filterOwnershipRows(rows, { ...NO_FILTERS, type: 'dns-zone' }).map(
        r => r.title,
      ),
    ).toEqual([
      // Its account (Network) is not in the fixtures: no account, first.
      'example.com',
      'production.example.com',
      'sandbox.example.com',
    ]);
    expect(
      filterOwnershipRows(rows, { ...NO_FILTERS, role: 'backup' }).map(
        r => r.title,
      ),
    ).toEqual(['Backup', 'user-backup-vault (Backup, us-east-1)']);
    expect(
      filterOwnershipRows(rows, { ...NO_FILTERS, ouPath: 'Root/Security' }).map(
        r => r.title,
      ),
    ).toEqual(['Audit']);
    expect(
      filterOwnershipRows(rows, {
        ...NO_FILTERS,
        owner: 'group:default/backup-team',
      }).map(r => r.title),
    ).toEqual(['Backup', 'user-backup-vault (Backup, us-east-1)']);
    expect(
      filterOwnershipRows(rows, { ...NO_FILTERS, flaggedOnly: true }).every(
        r => r.flags.length > 0,
      ),
    ).toBe(true);
    expect(filterOwnershipRows(rows, NO_FILTERS)).toHaveLength(rows.length);
  });

  it('searches every word in titles, refs, accounts, owners and OUs', () => {
    const titles = (search: string) =>
      filterOwnershipRows(rows, { ...NO_FILTERS, search }).map(r => r.title);
    expect(titles('BACKUP-team')).toEqual([
      'Backup',
      'user-backup-vault (Backup, us-east-1)',
    ]);
    expect(titles('production cluster')).toEqual(
      rows
        .filter(
          r =>
            r.type === 'kubernetes-cluster' && r.accountTitle === 'Production',
        )
        .map(r => r.title),
    );
    expect(titles('security')).toEqual(['Audit']);
    expect(titles('  ')).toHaveLength(rows.length);
    expect(titles('no-such-thing')).toEqual([]);
  });

  it('offers the values present, types and roles in the guide order', () => {
    expect(optionsOf(rows, 'type')).toEqual([
      'aws-account',
      'aws-organizational-unit',
      'dns-zone',
      'kubernetes-cluster',
      'aws-backup-vault',
      'aws-backup-plan',
    ]);
    expect(optionsOf(rows, 'role')).toEqual([
      'audit',
      'backup',
      'production',
      'sandbox',
    ]);
    expect(optionsOf(rows, 'ouPath')).toEqual([
      'Root/Security',
      'Root/Shared',
      'Root/Workloads',
    ]);
  });
});

describe('ownershipCsvCells', () => {
  it('writes the columns of the review, flags and reasons separated by semicolons', () => {
    const [cells] = ownershipCsvCells(
      toOwnershipRows([backupAccount], existing),
      flag => `reason of ${flag.kind}`,
    );
    expect(cells).toEqual([
      'resource:default/account-610271939441',
      'Backup',
      'aws-account',
      '610271939441',
      'Backup',
      'backup',
      'Root/Shared',
      'group:default/backup-team',
      'role',
      'role',
      'high',
      'owner-not-found;account-not-tagged',
      'reason of owner-not-found; reason of account-not-tagged',
    ]);
  });
});
