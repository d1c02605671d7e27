import {
  ACCESS_FLAGS,
  AccessRow,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { ACCESS_TEXT } from './accessText';
import { accessOptionsOf } from './model/accessRows';

/** The filters chosen from a list (the search box and "only flagged" are not). */
export type AccessSelectField =
  | 'account'
  | 'principal'
  | 'permissionSet'
  | 'flag';

/** The select filters in the order the filter bar shows them. */
export const ACCESS_SELECT_FIELDS: readonly AccessSelectField[] = [
  'account',
  'principal',
  'permissionSet',
  'flag',
];

/** One choice of a select filter: the value it sets and what it shows. */
export interface AccessFilterOption {
  id: string;
  label: string;
}

/**
 * Each select filter's choices, from the rows (accounts by title, groups or
 * users and permission sets by name) and, for the flag, every flag there is.
 */
export function accessFilterOptions(
  rows: AccessRow[],
): Record<AccessSelectField, AccessFilterOption[]> {
  const accountTitles = new Map(
    rows.map(row => [row.accountRef, row.accountTitle]),
  );
  const byName = (name: string) => ({ id: name, label: name });
  return {
    account: accessOptionsOf(rows, 'accountRef').map(ref => ({
      id: ref,
      label: accountTitles.get(ref) ?? ref,
    })),
    principal: accessOptionsOf(rows, 'principal').map(byName),
    permissionSet: accessOptionsOf(rows, 'permissionSet').map(byName),
    flag: ACCESS_FLAGS.map(flag => ({
      id: flag,
      label: ACCESS_TEXT.flags[flag],
    })),
  };
}
