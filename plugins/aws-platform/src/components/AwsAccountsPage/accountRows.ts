import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AccountFinding,
  accountFindings,
  accountSummaryOf,
  AccountSummary,
  ACCOUNT_ROLES,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_OU_PATH,
  ANNOTATION_OWNER_SOURCE,
  isAccountRole,
  LABEL_ACCOUNT_ROLE,
  LABEL_ACCOUNT_STATUS,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** One line of the accounts table. */
export interface AccountRow {
  id: string;
  entityRef: string;
  title: string;
  accountId: string;
  role: string;
  roleTitle: string;
  ouPath: string;
  owner: string;
  /** The owner was not tagged on the account but filled in from config. */
  ownerGuessed: boolean;
  status: string;
  /** What runs in the account; undefined when its resources are not read. */
  summary?: AccountSummary;
  findings: AccountFinding[];
}

// Accounts follow the guide's order of roles, then their names.
const ROLE_ORDER = Object.keys(ACCOUNT_ROLES);

/** Turns account entities from the catalog into table rows, sorted by OU and role. */
export function toAccountRows(entities: Entity[]): AccountRow[] {
  return entities
    .map(entity => {
      const annotations = entity.metadata.annotations ?? {};
      const role = entity.metadata.labels?.[LABEL_ACCOUNT_ROLE] ?? 'workload';
      const entityRef = stringifyEntityRef(entity);
      return {
        id: entityRef,
        entityRef,
        title: entity.metadata.title ?? entity.metadata.name,
        accountId: annotations[ANNOTATION_AWS_ACCOUNT_ID] ?? '',
        role,
        roleTitle: isAccountRole(role) ? ACCOUNT_ROLES[role].title : role,
        ouPath: annotations[ANNOTATION_OU_PATH] ?? '',
        owner: String(entity.spec?.owner ?? ''),
        ownerGuessed: annotations[ANNOTATION_OWNER_SOURCE] !== 'tag',
        status:
          entity.metadata.labels?.[LABEL_ACCOUNT_STATUS]?.toUpperCase() ?? '',
        summary: accountSummaryOf(entity),
        findings: accountFindings(entity),
      };
    })
    .sort(
      (a, b) =>
        a.ouPath.localeCompare(b.ouPath) ||
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        a.title.localeCompare(b.title),
    );
}
