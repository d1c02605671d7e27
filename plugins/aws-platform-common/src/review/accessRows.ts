import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_AWS_ACCOUNT_ID, LABEL_ACCOUNT_ROLE } from '../annotations';
import {
  AccountAccessEntry,
  ANNOTATION_ACCOUNT_ACCESS,
  ANNOTATION_PERMISSION_SET_ASSIGNMENTS,
  ANNOTATION_PERMISSION_SET_PROVISIONED,
  parseJsonListAnnotation,
} from '../identityCenter';
import { AccessFlag, assignmentFlags } from './accessFlags';

/**
 * One row of the access review: a principal's permission set in an account,
 * or a permission set provisioned nowhere (no account, no principal).
 * @public
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

/**
 * What the review reads from the catalog.
 * @public
 */
export interface AccessEntities {
  accounts: Entity[];
  permissionSets: Entity[];
  /** Groups named by the assignments, with `spec.members` or `hasMember` relations. */
  groups: Entity[];
}

/**
 * Members of a group: its `hasMember` relations, else its `spec.members`.
 * @public
 */
export function memberCountOf(group: Entity): number {
  const related = (group.relations ?? []).filter(r => r.type === 'hasMember');
  if (related.length > 0) return related.length;
  const members = group.spec?.members;
  return Array.isArray(members) ? members.length : 0;
}

/**
 * Groups × accounts × permission sets, from the accounts' access annotation,
 * then one row per permission set provisioned nowhere; each with its flags.
 * @public
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
