import { toAccessRows } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { SEEDED_PROBLEMS, seededAccess } from '../__fixtures__/seededAccess';
import {
  accessCsvCells,
  accessOptionsOf,
  filterAccessRows,
  NO_ACCESS_FILTERS,
} from './accessRows';

const rows = toAccessRows(seededAccess);

describe('accessOptionsOf', () => {
  it('offers the distinct values of a field, sorted', () => {
    expect(accessOptionsOf(rows, 'permissionSet')).toEqual([
      'AdministratorAccess',
      'BillingAccess',
      'DeveloperAccess',
      'ReadOnlyAccess',
    ]);
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
