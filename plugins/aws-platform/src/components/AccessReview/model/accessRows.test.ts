import { Entity } from '@backstage/catalog-model';
import { SEEDED_PROBLEMS, seededAccess } from '../__fixtures__/seededAccess';
import { assignmentFlags, isAdministratorSet } from './accessFlags';
import {
  accessCsvCells,
  accessOptionsOf,
  filterAccessRows,
  memberCountOf,
  NO_ACCESS_FILTERS,
  toAccessRows,
} from './accessRows';

const rows = toAccessRows(seededAccess);
const flagged = rows.filter(row => row.flags.length > 0);

describe('toAccessRows on the seeded estate', () => {
  it('lists every assignment and the set provisioned nowhere', () => {
    expect(rows).toHaveLength(11 + 1);
    expect(accessOptionsOf(rows, 'permissionSet')).toEqual([
      'AdministratorAccess',
      'BillingAccess',
      'DeveloperAccess',
      'ReadOnlyAccess',
    ]);
  });

  it('flags exactly the seeded problems', () => {
    expect(flagged).toHaveLength(SEEDED_PROBLEMS);
    expect(
      flagged.map(row => [
        row.accountTitle,
        row.principal,
        row.permissionSet,
        row.flags,
      ]),
    ).toEqual([
      [
        'audit',
        'group:default/aws-auditors',
        'ReadOnlyAccess',
        ['group-without-members'],
      ],
      [
        'production',
        'group:default/aws-production-admins',
        'AdministratorAccess',
        ['admin-in-production'],
      ],
      [
        'sandbox',
        'user:default/erin.contractor',
        'DeveloperAccess',
        ['direct-user'],
      ],
      [undefined, undefined, 'BillingAccess', ['provisioned-nowhere']],
    ]);
  });

  it('does not flag administrators outside production, nor groups it cannot see', () => {
    expect(
      assignmentFlags({
        accountRole: 'sandbox',
        permissionSet: 'AdministratorAccess',
        principalType: 'GROUP',
        memberCount: 2,
      }),
    ).toEqual([]);
    expect(
      assignmentFlags({
        accountRole: 'production',
        permissionSet: 'ReadOnlyAccess',
        principalType: 'GROUP',
        memberCount: undefined,
      }),
    ).toEqual([]);
    expect(isAdministratorSet('PlatformAdmin')).toBe(true);
    expect(isAdministratorSet('DeveloperAccess')).toBe(false);
  });
});

describe('filterAccessRows', () => {
  it('narrows by account, principal, set, flag and search', () => {
    const production = rows.find(r => r.accountTitle === 'production')!;
    expect(
      filterAccessRows(rows, {
        ...NO_ACCESS_FILTERS,
        account: production.accountRef!,
      }),
    ).toHaveLength(3);
    expect(
      filterAccessRows(rows, {
        ...NO_ACCESS_FILTERS,
        principal: 'group:default/platform-team',
      }),
    ).toHaveLength(5);
    expect(
      filterAccessRows(rows, {
        ...NO_ACCESS_FILTERS,
        permissionSet: 'DeveloperAccess',
      }),
    ).toHaveLength(2);
    expect(
      filterAccessRows(rows, { ...NO_ACCESS_FILTERS, flag: 'direct-user' }),
    ).toHaveLength(1);
    expect(
      filterAccessRows(rows, { ...NO_ACCESS_FILTERS, onlyFlagged: true }),
    ).toHaveLength(SEEDED_PROBLEMS);
    expect(
      filterAccessRows(rows, { ...NO_ACCESS_FILTERS, search: 'ERIN' }),
    ).toHaveLength(1);
  });

  it('exports the rows shown as CSV cells', () => {
    const cells = accessCsvCells(
      filterAccessRows(rows, { ...NO_ACCESS_FILTERS, flag: 'direct-user' }),
    );
    expect(cells).toEqual([
      [
        'sandbox',
        '100000000008',
        'sandbox',
        'user:default/erin.contractor',
        'USER',
        'DeveloperAccess',
        '',
        'direct-user',
      ],
    ]);
  });
});

describe('memberCountOf', () => {
  const group = (spec: Entity['spec'], relations?: Entity['relations']) =>
    ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'g' },
      spec,
      relations,
    } as Entity);
  it('counts hasMember relations, else spec.members', () => {
    expect(
      memberCountOf(
        group({ members: [] }, [
          { type: 'hasMember', targetRef: 'user:default/a' },
        ]),
      ),
    ).toBe(1);
    expect(memberCountOf(group({ members: ['a', 'b'] }))).toBe(2);
    expect(memberCountOf(group({}))).toBe(0);
  });
});
