import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ACCOUNT_ROLES,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_OU_PATH,
  ANNOTATION_OWNER_SOURCE,
  AWS_ENTITY_TYPES,
  isAccountRole,
  LABEL_ACCOUNT_ROLE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * Why an entity's ownership needs review: its owner was not tagged on the
 * AWS resource (`owner-source` is `default`, `role` or `account`, or not
 * recorded), or the owner names no group or user of the catalog.
 */
export type OwnershipFlag = 'owner-not-tagged' | 'owner-not-found';

/** One line of the ownership review. */
export interface OwnershipRow {
  id: string;
  entityRef: string;
  title: string;
  /** `spec.type`, one of AWS_ENTITY_TYPES. */
  type: string;
  accountId: string;
  /** The account entity the entity is (or lives in); none for OUs. */
  accountRef?: string;
  accountTitle: string;
  /** The account's guide role; empty for OUs. */
  role: string;
  roleTitle: string;
  ouPath: string;
  /** Full entity ref of the owner, e.g. `group:default/platform-team`. */
  owner: string;
  /** `tag`, `role`, `default`, `account`, or empty when not recorded. */
  ownerSource: string;
  flags: OwnershipFlag[];
}

const TYPE_ORDER: string[] = Object.values(AWS_ENTITY_TYPES);

/** The full ref of an entity's owner, or the raw value if it is no valid ref. */
export function ownerRefOf(entity: Entity): string {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner === '') return '';
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return owner;
  }
}

/**
 * Turns the suite's entities into review rows: each with its account (the
 * account whose id it carries), the account's role and OU, its owner and
 * where that owner came from, and its flags. `existingOwners` holds the
 * full refs of owners found in the catalog.
 */
export function toOwnershipRows(
  entities: Entity[],
  existingOwners: ReadonlySet<string>,
): OwnershipRow[] {
  const accounts = new Map<string, Entity>();
  for (const entity of entities) {
    const id = entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID];
    if (entity.spec?.type === AWS_ENTITY_TYPES.account && id) {
      accounts.set(id, entity);
    }
  }

  return entities
    .filter(entity => TYPE_ORDER.includes(String(entity.spec?.type)))
    .map(entity => {
      const annotations = entity.metadata.annotations ?? {};
      const type = String(entity.spec?.type);
      const accountId = annotations[ANNOTATION_AWS_ACCOUNT_ID] ?? '';
      // OUs carry the management account's id but do not live in it.
      const account =
        type === AWS_ENTITY_TYPES.organizationalUnit
          ? undefined
          : accounts.get(accountId);
      const role = account?.metadata.labels?.[LABEL_ACCOUNT_ROLE] ?? '';
      const ownerSource = annotations[ANNOTATION_OWNER_SOURCE] ?? '';
      const owner = ownerRefOf(entity);
      const flags: OwnershipFlag[] = [];
      if (ownerSource !== 'tag') flags.push('owner-not-tagged');
      if (!owner || !existingOwners.has(owner)) flags.push('owner-not-found');
      const entityRef = stringifyEntityRef(entity);
      return {
        id: entityRef,
        entityRef,
        title: entity.metadata.title ?? entity.metadata.name,
        type,
        accountId:
          type === AWS_ENTITY_TYPES.organizationalUnit ? '' : accountId,
        accountRef: account && stringifyEntityRef(account),
        accountTitle: account
          ? account.metadata.title ?? account.metadata.name
          : '',
        role,
        roleTitle: isAccountRole(role) ? ACCOUNT_ROLES[role].title : role,
        ouPath:
          (type === AWS_ENTITY_TYPES.organizationalUnit
            ? annotations[ANNOTATION_OU_PATH]
            : account?.metadata.annotations?.[ANNOTATION_OU_PATH]) ?? '',
        owner,
        ownerSource,
        flags,
      };
    })
    .sort(
      (a, b) =>
        TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
        a.accountTitle.localeCompare(b.accountTitle) ||
        a.title.localeCompare(b.title),
    );
}

/** The review's filters; an empty string lets every value through. */
export interface OwnershipFilters {
  type: string;
  role: string;
  ouPath: string;
  owner: string;
  flaggedOnly: boolean;
}

/** No filter set. */
export const NO_FILTERS: OwnershipFilters = {
  type: '',
  role: '',
  ouPath: '',
  owner: '',
  flaggedOnly: false,
};

/** The rows that pass every filter. */
export function filterOwnershipRows(
  rows: OwnershipRow[],
  filters: OwnershipFilters,
): OwnershipRow[] {
  return rows.filter(
    row =>
      (!filters.type || row.type === filters.type) &&
      (!filters.role || row.role === filters.role) &&
      (!filters.ouPath || row.ouPath === filters.ouPath) &&
      (!filters.owner || row.owner === filters.owner) &&
      (!filters.flaggedOnly || row.flags.length > 0),
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
 * ref, title, type, account id, account, role, OU, owner, owner source and
 * the flags separated by semicolons.
 */
export function ownershipCsvCells(rows: OwnershipRow[]): string[][] {
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
    row.flags.join(';'),
  ]);
}
