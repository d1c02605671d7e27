import {
  ACCOUNT_ROLES,
  AWS_ENTITY_TYPES,
  OwnershipFlag,
  OwnershipRow,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

const TYPE_ORDER: string[] = Object.values(AWS_ENTITY_TYPES);

/** The review's filters; an empty string lets every value through. */
export interface OwnershipFilters {
  type: string;
  role: string;
  ouPath: string;
  owner: string;
  flaggedOnly: boolean;
  /** Words that must all occur in the row's text, any case. */
  search: string;
}

/** No filter set. */
export const NO_FILTERS: OwnershipFilters = {
  type: '',
  role: '',
  ouPath: '',
  owner: '',
  flaggedOnly: false,
  search: '',
};

const searchTextOf = (row: OwnershipRow) =>
  [
    row.title,
    row.entityRef,
    row.type,
    row.accountId,
    row.accountTitle,
    row.roleTitle,
    row.ouPath,
    row.owner,
  ]
    .join(' ')
    .toLocaleLowerCase('en-US');

/**
 * The rows that pass every filter and the search. The page counts, shows and
 * exports exactly these, so the summary and the CSV follow what is typed.
 */
export function filterOwnershipRows(
  rows: OwnershipRow[],
  filters: OwnershipFilters,
): OwnershipRow[] {
  const words = filters.search
    .toLocaleLowerCase('en-US')
    .split(/\s+/)
    .filter(Boolean);
  return rows.filter(
    row =>
      (!filters.type || row.type === filters.type) &&
      (!filters.role || row.role === filters.role) &&
      (!filters.ouPath || row.ouPath === filters.ouPath) &&
      (!filters.owner || row.owner === filters.owner) &&
      (!filters.flaggedOnly || row.flags.length > 0) &&
      (words.length === 0 ||
        words.every(word => searchTextOf(row).includes(word))),
  );
}

/** The distinct, sorted non-empty values of one field, for a filter's options. */
export function optionsOf(
  rows: OwnershipRow[],
  field: 'type' | 'role' | 'ouPath' | 'owner',
): string[] {
  const values = [...new Set(rows.map(row => row[field]).filter(Boolean))];
  if (field === 'type') {
    return values.sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
  }
  if (field === 'role') {
    const order: string[] = Object.keys(ACCOUNT_ROLES);
    return values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  return values.sort((a, b) => a.localeCompare(b));
}

/**
 * The CSV cells of each row, in the order of the review's columns: entity
 * ref, title, type, account id, account, role, OU, owner, owner source, how
 * the owner was got, the most urgent severity, the flags and their one-line
 * reasons (both separated by semicolons). `reasonOf` words a flag.
 */
export function ownershipCsvCells(
  rows: OwnershipRow[],
  reasonOf: (flag: OwnershipFlag) => string,
): string[][] {
  return rows.map(row => [
    row.entityRef,
    row.title,
    row.type,
    row.accountId,
    row.accountTitle,
    row.role,
    row.ouPath,
    row.owner,
    row.ownerSource,
    row.origin,
    row.severity ?? '',
    row.flags.map(flag => flag.kind).join(';'),
    row.flags.map(reasonOf).join('; '),
  ]);
}
