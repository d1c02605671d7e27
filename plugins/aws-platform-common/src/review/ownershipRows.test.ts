import {
  auditAccount,
  backupAccount,
  backupVault,
  estateGroups,
  ownershipEstate,
  PLATFORM,
  productionAccount,
  productionVault,
  TEAM_A,
  TEAM_B,
  workloadsOu,
} from './__fixtures__/ownershipEstate';
import { ownerRefOf, toOwnershipRows } from './ownershipRows';

const existing = {
  existingOwners: new Set([PLATFORM]),
  groupSourcePresent: true,
};
const resolved = {
  existingOwners: new Set([PLATFORM, TEAM_A, TEAM_B]),
  groupSourcePresent: true,
};

describe('toOwnershipRows', () => {
  it('gives every entity its account, role, OU, owner and owner source', () => {
    const rows = toOwnershipRows(ownershipEstate, resolved);
    expect(rows).toHaveLength(ownershipEstate.length);
    const vault = rows.find(r => r.title === 'production-vault')!;
    expect(vault).toEqual({
      id: 'resource:default/vault-300000000001',
      entityRef: 'resource:default/vault-300000000001',
      title: 'production-vault',
      type: 'aws-backup-vault',
      accountId: '300000000001',
      accountRef: 'resource:default/account-300000000001',
      accountTitle: 'Production',
      role: 'production',
      roleTitle: 'Production',
      ouPath: 'Root/Workloads',
      owner: TEAM_A,
      ownerSource: 'tag',
      origin: 'tagged',
      flags: [],
      severity: undefined,
    });
  });

  it('sorts by type in the order of AWS_ENTITY_TYPES, then account and title', () => {
    const rows = toOwnershipRows([...ownershipEstate].reverse(), existing);
    expect(rows.map(r => [r.type, r.accountTitle, r.title])).toEqual([
      ['aws-account', 'Audit', 'Audit'],
      ['aws-account', 'Backup', 'Backup'],
      ['aws-account', 'Production', 'Production'],
      ['aws-account', 'Sandbox', 'Sandbox'],
      ['aws-organizational-unit', '', 'Workloads'],
      ['dns-zone', 'Production', 'production.example.com'],
      ['kubernetes-cluster', 'Production', 'production-cluster'],
      ['kubernetes-cluster', 'Sandbox', 'sandbox-cluster'],
      ['aws-backup-vault', 'Backup', 'backup-vault'],
      ['aws-backup-vault', 'Production', 'production-vault'],
      ['aws-backup-plan', 'Production', 'production-plan'],
    ]);
  });

  it('treats an account as living in itself and an OU as in no account', () => {
    const [account, ou] = toOwnershipRows(
      [workloadsOu, productionAccount],
      existing,
    );
    expect(account).toMatchObject({
      type: 'aws-account',
      accountRef: 'resource:default/account-300000000001',
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
      [auditAccount, backupAccount, backupVault, productionAccount],
      resolved,
    );
    const row = (title: string) => rows.find(r => r.title === title)!;
    const kinds = (title: string) => row(title).flags.map(f => f.kind);
    expect(kinds('Audit')).toEqual(['account-not-tagged']); // default
    expect(row('Audit').severity).toBe('medium');
    expect(kinds('Backup')).toEqual(['account-not-tagged']); // role
    expect(row('Backup').severity).toBe('low');
    expect(row('backup-vault').flags).toEqual([]);
    expect(row('backup-vault').origin).toBe('inherited');
    expect(kinds('Production')).toEqual([]); // tag
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
          ...productionVault,
          metadata: { ...productionVault.metadata, annotations: {} },
          spec: { type: 'aws-backup-vault' },
        },
      ],
      existing,
    );
    expect(row.flags.map(f => f.kind)).toEqual(['owner-not-found']);
    expect(row.origin).toBe('unrecorded');
    expect(row.ownerSource).toBe('');
    expect(row.owner).toBe('');
    expect(row.accountRef).toBeUndefined();
  });

  it('leaves out entities of other types', () => {
    expect(toOwnershipRows(estateGroups, existing)).toEqual([]);
  });
});

describe('ownerRefOf', () => {
  it('completes owners to full refs, groups by default', () => {
    const withOwner = (owner?: string | number) => ({
      ...productionVault,
      spec: { ...productionVault.spec, owner },
    });
    expect(ownerRefOf(withOwner('platform-team'))).toBe(PLATFORM);
    expect(ownerRefOf(withOwner('user:jane'))).toBe('user:default/jane');
    expect(ownerRefOf(withOwner('Group:Default/Platform-Team'))).toBe(PLATFORM);
    // No valid ref: the raw value.
    expect(ownerRefOf(withOwner('group:'))).toBe('group:');
    expect(ownerRefOf(withOwner(''))).toBe('');
    expect(ownerRefOf(withOwner())).toBe('');
    expect(ownerRefOf(withOwner(42))).toBe('');
  });
});
