import {
  AccessFlag,
  AccessRow,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** The page's filters; empty strings mean "all". */
export interface AccessFilters {
  search: string;
  account: string;
  principal: string;
  permissionSet: string;
  flag: AccessFlag | '';
  onlyFlagged: boolean;
}

/** No filter set. */
export const NO_ACCESS_FILTERS: AccessFilters = {
  search: '',
  account: '',
  principal: '',
  permissionSet: '',
  flag: '',
  onlyFlagged: false,
};

/** The rows every filter lets through; the count and CSV follow them. */
export function filterAccessRows(
  rows: AccessRow[],
  filters: AccessFilters,
): AccessRow[] {
  const search = filters.search.trim().toLocaleLowerCase('en-US');
  return rows.filter(
    row =>
      (!filters.account || row.accountRef === filters.account) &&
      (!filters.principal || row.principal === filters.principal) &&
      (!filters.permissionSet || row.permissionSet === filters.permissionSet) &&
      (!filters.flag || row.flags.includes(filters.flag)) &&
      (!filters.onlyFlagged || row.flags.length > 0) &&
      (!search ||
        [row.accountTitle, row.accountId, row.principal, row.permissionSet]
          .filter(Boolean)
          .some(v => v!.toLocaleLowerCase('en-US').includes(search))),
  );
}

/** The distinct values of a field, sorted, for a filter's options. */
export function accessOptionsOf(
  rows: AccessRow[],
  field: 'accountRef' | 'principal' | 'permissionSet',
): string[] {
  return [
    ...new Set(rows.flatMap(row => (row[field] ? [row[field]!] : []))),
  ].sort();
}

/** CSV cells of the rows, in the order of the page's CSV header. */
export function accessCsvCells(rows: AccessRow[]): string[][] {
  return rows.map(row => [
    row.accountTitle ?? '',
    row.accountId ?? '',
    row.accountRole ?? '',
    row.principal ?? '',
    row.principalType ?? '',
    row.permissionSet,
    row.memberCount === undefined ? '' : String(row.memberCount),
    row.flags.join(' '),
  ]);
}
