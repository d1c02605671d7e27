import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AccountAccessEntry,
  ANNOTATION_ACCOUNT_ACCESS,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_PERMISSION_SET_ASSIGNMENTS,
  ANNOTATION_PERMISSION_SET_PROVISIONED,
  LABEL_ACCOUNT_ROLE,
  parseJsonListAnnotation,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { AccessFlag, assignmentFlags } from './accessFlags';

/**
 * One row of the access review: a principal's permission set in an account,
 * or a permission set provisioned nowhere (no account, no principal).
 */
export interface AccessRow {
  id: string;
  accountRef?: string;
  accountId?: string;
  accountTitle?: string;
  accountRole?: string;
  principal?: string;
  principalType?: 'GROUP' | 'USER';
  permissionSet: string;
  /** Members of the group, when the catalog holds it. */
  memberCount?: number;
  flags: AccessFlag[];
}

/** What the review reads from the catalog. */
export interface AccessEntities {
  accounts: Entity[];
  permissionSets: Entity[];
  /** Groups named by the assignments, with `spec.members` or `hasMember` relations. */
  groups: Entity[];
}

/** Members of a group: its `hasMember` relations, else its `spec.members`. */
export function memberCountOf(group: Entity): number {
  const related = (group.relations ?? []).filter(r => r.type === 'hasMember');
  if (related.length > 0) return related.length;
  const members = group.spec?.members;
  return Array.isArray(members) ? members.length : 0;
}

/**
 * Groups × accounts × permission sets, from the accounts' access annotation,
 * then one row per permission set provisioned nowhere; each with its flags.
 */
export function toAccessRows(entities: AccessEntities): AccessRow[] {
  const members = new Map(
    entities.groups.map(g => [stringifyEntityRef(g), memberCountOf(g)]),
  );
  const rows: AccessRow[] = [];
  for (const account of entities.accounts) {
    const accountRef = stringifyEntityRef(account);
    const accountRole = account.metadata.labels?.[LABEL_ACCOUNT_ROLE];
    const entries = parseJsonListAnnotation<AccountAccessEntry>(
      account.metadata.annotations?.[ANNOTATION_ACCOUNT_ACCESS],
    );
    for (const entry of entries) {
      const memberCount =
        entry.principalType === 'GROUP'
          ? members.get(entry.principal)
          : undefined;
      rows.push({
        id: `${accountRef} ${entry.principal} ${entry.permissionSet}`,
        accountRef,
        accountId: account.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID],
        accountTitle: account.metadata.title ?? account.metadata.name,
        accountRole,
        principal: entry.principal,
        principalType: entry.principalType,
        permissionSet: entry.permissionSet,
        memberCount,
        flags: assignmentFlags({
          accountRole,
          permissionSet: entry.permissionSet,
          principalType: entry.principalType,
          memberCount,
        }),
      });
    }
  }
  for (const set of entities.permissionSets) {
    const annotations = set.metadata.annotations ?? {};
    const provisioned = annotations[ANNOTATION_PERMISSION_SET_PROVISIONED];
    const assigned = parseJsonListAnnotation(
      annotations[ANNOTATION_PERMISSION_SET_ASSIGNMENTS],
    );
    if (provisioned === '' && assigned.length === 0) {
      rows.push({
        id: stringifyEntityRef(set),
        permissionSet: set.metadata.title ?? set.metadata.name,
        flags: ['provisioned-nowhere'],
      });
    }
  }
  return rows;
}

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
