import { Entity } from '@backstage/catalog-model';
import {
  AccountAccessEntry,
  ANNOTATION_ACCOUNT_ACCESS,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_PERMISSION_SET_ASSIGNMENTS,
  AWS_PERMISSION_SET_TYPE,
  parseJsonListAnnotation,
  PermissionSetAssignment,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * Puts Identity Center's access facts on each account entity, from the
 * permission set entities (this run's, or those kept from the last good
 * run): `aws-platform-suite.github.io/account-access` lists every
 * (principal, permission set) pair, and `spec.dependencyOf` names each
 * principal, so the catalog relates the account `dependencyOf` the group or
 * user and the group or user `dependsOn` the accounts it can get into (the
 * built-in relation the `Resource` kind supports; no custom relation).
 * Accounts nobody is assigned to get an empty list.
 */
export function withAccountAccess(
  accounts: Entity[],
  identityCenterEntities: Entity[],
): Entity[] {
  const byAccount = new Map<string, AccountAccessEntry[]>();
  for (const set of identityCenterEntities) {
    if (set.kind !== 'Resource' || set.spec?.type !== AWS_PERMISSION_SET_TYPE) {
      continue;
    }
    const assignments = parseJsonListAnnotation<PermissionSetAssignment>(
      set.metadata.annotations?.[ANNOTATION_PERMISSION_SET_ASSIGNMENTS],
    );
    for (const a of assignments) {
      byAccount.set(a.accountId, [
        ...(byAccount.get(a.accountId) ?? []),
        {
          principal: a.principal,
          principalType: a.principalType,
          permissionSet: set.metadata.title ?? set.metadata.name,
        },
      ]);
    }
  }
  return accounts.map(account => {
    const id = account.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] ?? '';
    const entries = (byAccount.get(id) ?? []).sort((a, b) =>
      `${a.principal} ${a.permissionSet}`.localeCompare(
        `${b.principal} ${b.permissionSet}`,
      ),
    );
    const principals = [...new Set(entries.map(e => e.principal))];
    return {
      ...account,
      metadata: {
        ...account.metadata,
        annotations: {
          ...account.metadata.annotations,
          [ANNOTATION_ACCOUNT_ACCESS]: JSON.stringify(entries),
        },
      },
      spec: {
        ...account.spec,
        ...(principals.length > 0 && { dependencyOf: principals }),
      },
    };
  });
}
