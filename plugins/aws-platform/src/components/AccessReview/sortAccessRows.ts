import type { SortDescriptor } from '@backstage/ui';
import { AccessRow } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** What each column of the review sorts by; the keys are the columns' ids. */
export const ACCESS_SORT_VALUES = {
  account: row => row.accountTitle ?? '',
  role: row => row.accountRole ?? '',
  principal: row => row.principal ?? '',
  permissionSet: row => row.permissionSet,
  members: row => row.memberCount ?? -1,
  flags: row => row.flags.length,
} satisfies Record<string, (row: AccessRow) => string | number>;

/** The id of a column of the review. */
export type AccessColumnId = keyof typeof ACCESS_SORT_VALUES;

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-US', { numeric: true });
}

/**
 * The rows sorted by a column, as the table's header asks; a copy, ties in
 * their previous order. An unknown column leaves the order as it was.
 */
export function sortAccessRows(
  rows: AccessRow[],
  sort: SortDescriptor,
): AccessRow[] {
  const value: ((row: AccessRow) => string | number) | undefined =
    ACCESS_SORT_VALUES[String(sort.column) as AccessColumnId];
  if (!value) return rows;
  const sign = sort.direction === 'descending' ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(value(a), value(b)));
}
