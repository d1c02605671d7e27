import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ACCOUNT_ROLES, isAccountRole } from '../accountRoles';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_OU_PATH,
  ANNOTATION_OWNER_SOURCE,
  LABEL_ACCOUNT_ROLE,
} from '../annotations';
import { AWS_ENTITY_TYPES } from '../entityTypes';
import {
  FlagSeverity,
  OwnershipContext,
  OwnershipFlag,
  ownershipFlags,
  OwnershipOrigin,
  ownershipOrigin,
  topSeverity,
} from './ownershipFlags';

/**
 * One line of the ownership review.
 * @public
 */
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
  /** How it got its owner; `inherited` is shown, not flagged. */
  origin: OwnershipOrigin;
  /** What someone must act on, most urgent first. */
  flags: OwnershipFlag[];
  /** The most urgent flag's severity; undefined when not flagged. */
  severity?: FlagSeverity;
}

const TYPE_ORDER: string[] = Object.values(AWS_ENTITY_TYPES);

/**
 * The full ref of an entity's owner, or the raw value if it is no valid ref.
 * @public
 */
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
 * account whose id it carries), the account's role and OU, its owner, how it
 * got that owner, and its flags (see {@link ownershipFlags}).
 * @public
 */
export function toOwnershipRows(
  entities: Entity[],
  context: OwnershipContext,
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
    .map(entity => toRow(entity, accounts, context))
    .sort(
      (a, b) =>
        TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
        a.accountTitle.localeCompare(b.accountTitle) ||
        a.title.localeCompare(b.title),
    );
}

function toRow(
  entity: Entity,
  accounts: ReadonlyMap<string, Entity>,
  context: OwnershipContext,
): OwnershipRow {
  const annotations = entity.metadata.annotations ?? {};
  const type = String(entity.spec?.type);
  const isOu = type === AWS_ENTITY_TYPES.organizationalUnit;
  const accountId = annotations[ANNOTATION_AWS_ACCOUNT_ID] ?? '';
  // OUs carry the management account's id but do not live in it.
  const account = isOu ? undefined : accounts.get(accountId);
  const role = account?.metadata.labels?.[LABEL_ACCOUNT_ROLE] ?? '';
  const ownerSource = annotations[ANNOTATION_OWNER_SOURCE] ?? '';
  const owner = ownerRefOf(entity);
  const facts = {
    type,
    owner,
    ownerSource,
    account:
      account && account !== entity
        ? {
            owner: ownerRefOf(account),
            ownerSource:
              account.metadata.annotations?.[ANNOTATION_OWNER_SOURCE] ?? '',
          }
        : undefined,
  };
  const flags = ownershipFlags(facts, context);
  const entityRef = stringifyEntityRef(entity);
  return {
    id: entityRef,
    entityRef,
    title: entity.metadata.title ?? entity.metadata.name,
    type,
    accountId: isOu ? '' : accountId,
    accountRef: account && stringifyEntityRef(account),
    accountTitle: account
      ? account.metadata.title ?? account.metadata.name
      : '',
    role,
    roleTitle: isAccountRole(role) ? ACCOUNT_ROLES[role].title : role,
    ouPath:
      (isOu
        ? annotations[ANNOTATION_OU_PATH]
        : account?.metadata.annotations?.[ANNOTATION_OU_PATH]) ?? '',
    owner,
    ownerSource,
    origin: ownershipOrigin(facts),
    flags,
    severity: topSeverity(flags),
  };
}
