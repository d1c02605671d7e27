import {
  auditAccount,
  backupAccount,
  backupVault,
  platformTeam,
  productionAccount,
  productionCluster,
  suiteEntities,
  workloadsOu,
} from '../../__fixtures__/entities';
import {
  filterOwnershipRows,
  NO_FILTERS,
  optionsOf,
  ownerRefOf,
  ownershipCsvCells,
  toOwnershipRows,
} from './ownershipRows';

const existing = {
  existingOwners: new Set(['group:default/platform-team']),
  groupSourcePresent: true,
};

describe('toOwnershipRows', () => {
  it('gives every entity its account, role, OU, owner and owner source', () => {
    const rows = toOwnershipRows(suiteEntities, existing);
    expect(rows).toHaveLength(suiteEntities.length);
    const cluster = rows.find(r => r.title === 'acme-production-v1')!;
    expect(cluster).toMatchObject({
      entityRef: 'resource:default/acme-production-v1-715451680876-us-east-1',
      type: 'kubernetes-cluster',
      accountId: '715451680876',
      accountRef: 'resource:default/account-715451680876',
      accountTitle: 'Production',
      role: 'production',
      roleTitle: 'Production',
      ouPath: 'Root/Workloads',
      owner: 'group:default/platform-team',
      ownerSource: 'tag',
      origin: 'tagged',
      flags: [],
      severity: undefined,
    });
  });

  it('treats an account as living in itself and an OU as in no account', () => {
    const [account, ou] = toOwnershipRows(
      [workloadsOu, productionAccount],
      existing,
    ).sort((a, b) => a.type.localeCompare(b.type));
    expect(account).toMatchObject({
      type: 'aws-account',
      accountRef: 'resource:default/account-715451680876',
      role: 'production',
    });
    expect(ou).toMatchObject({
      type: 'aws-organizational-unit',
      accountId: '',
      accountRef: undefined,
      role: '',
      ouPath: 'Root/Workloads',
    });
  });

  it('flags accounts that were not tagged, and shows inherited owners as such', () => {
    const rows = toOwnershipRows(
      [auditAccount, backupAccount, backupVault, productionCluster],
      {
        existingOwners: new Set([
          'group:default/platform-team',
          'group:default/backup-team',
        ]),
        groupSourcePresent: true,
      },
    );
    const row = (title: string) => rows.find(r => r.title === title)!;
    const kinds = (title: string) => row(title).flags.map(f => f.kind);
    expect(kinds('Audit')).toEqual(['account-not-tagged']); // default
    expect(row('Audit').severity).toBe('medium');
    expect(kinds('Backup')).toEqual(['account-not-tagged']); // role
    expect(row('Backup').severity).toBe('low');
    const vault = row('user-backup-vault (Backup, us-east-1)');
    expect(vault.flags).toEqual([]);
    expect(vault.origin).toBe('inherited');
    expect(kinds('acme-production-v1')).toEqual([]); // tag
  });

  it('flags an owner that is not in the catalog where it was set', () => {
    const rows = toOwnershipRows([backupAccount, backupVault], existing);
    expect(rows.map(r => r.flags.map(f => f.kind))).toEqual([
      ['owner-not-found', 'account-not-tagged'],
      [],
    ]);
    expect(rows[0].severity).toBe('high');
  });

  it('does not check owners against a catalog without a group source', () => {
    const rows = toOwnershipRows([backupAccount, backupVault], {
      ...existing,
      groupSourcePresent: false,
    });
    expect(rows.map(r => r.flags.map(f => f.kind))).toEqual([
      ['account-not-tagged'],
      [],
    ]);
  });

  it('flags an entity without owner source or owner that no account covers', () => {
    const [row] = toOwnershipRows(
      [
        {
          ...productionCluster,
          metadata: { ...productionCluster.metadata, annotations: {} },
          spec: { type: 'kubernetes-cluster' },
        },
      ],
      existing,
    );
    expect(row.flags.map(f => f.kind)).toEqual(['owner-not-found']);
    expect(row.origin).toBe('unrecorded');
    expect(row.ownerSource).toBe('');
    expect(row.owner).toBe('');
  });

  it('leaves out entities of other types', () => {
    expect(toOwnershipRows([platformTeam], existing)).toEqual([]);
  });
});

describe('ownerRefOf', () => {
  it('completes owners to full refs, groups by default', () => {
    const withOwner = (owner: string) => ({
      ...productionCluster,
      spec: { ...productionCluster.spec, owner },
    });
    expect(ownerRefOf(withOwner('platform-team'))).toBe(
      'group:default/platform-team',
    );
    expect(ownerRefOf(withOwner('user:jane'))).toBe('user:default/jane');
    expect(ownerRefOf(withOwner('Group:Default/Platform-Team'))).toBe(
      'group:default/platform-team',
    );
  });
});

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
