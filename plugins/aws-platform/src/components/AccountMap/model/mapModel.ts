import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AccountFinding,
  accountFindings,
  AccountRole,
  ACCOUNT_ROLE_IDS,
  ACCOUNT_ROLES,
  AccountSummary,
  accountSummaryOf,
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_OU_PATH,
  AWS_ENTITY_TYPES,
  isAccountRole,
  LABEL_ACCOUNT_ROLE,
  LABEL_ACCOUNT_STATUS,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** An account as the map draws it. */
export interface MapAccount {
  /** The account entity's ref, also its id on the map. */
  ref: string;
  title: string;
  accountId: string;
  /** Its role in the guide; accounts without a known role are `workload`. */
  role: AccountRole;
  /** The OU it sits in directly (see {@link MapGroup.id}). */
  groupId: string;
  /** Owner entity ref, e.g. `group:default/platform-team`. */
  owner: string;
  /** The owner without kind and namespace, for display. */
  ownerName: string;
  /** Organizations status when not ACTIVE (SUSPENDED, PENDING_CLOSURE). */
  inactiveStatus?: string;
  /** What runs in it; undefined when its resources are not read. */
  summary?: AccountSummary;
  findings: AccountFinding[];
  /** Lower-cased text the search box matches. */
  searchText: string;
}

/**
 * An OU (or the root) as a group of the map. Groups are keyed by their OU
 * path (`Root/Workloads/Payments`): accounts and OU entities both carry it,
 * and it lets the map nest accounts whose OU entity is missing.
 */
export interface MapGroup {
  id: string;
  /** The last segment of the path. */
  name: string;
  /** The OU entity's title, else the name. */
  title: string;
  /** The OU entity's ref, when the catalog has it. */
  ref?: string;
  parentId?: string;
  depth: number;
  childIds: string[];
  /** Accounts directly in this OU, in the guide's order of roles. */
  accountRefs: string[];
}

/** The organization as the map sees it: OU groups, nested, with accounts. */
export interface AccountMapModel {
  /** Top-level groups (normally just the root). */
  rootIds: string[];
  groups: ReadonlyMap<string, MapGroup>;
  accounts: ReadonlyMap<string, MapAccount>;
  /** Accounts by role, in map order. */
  accountsByRole: ReadonlyMap<AccountRole, string[]>;
  /** Each account's position in map order. */
  order: ReadonlyMap<string, number>;
}

const ROLE_ORDER = new Map<string, number>(
  ACCOUNT_ROLE_IDS.map((role, index) => [role, index]),
);
// Accounts without an OU path (an older ingestion) still get a place.
const NO_OU = '(no organizational unit)';

/**
 * Builds the map's model from the catalog's account and OU entities (other
 * entities are ignored). Pure; linear in the number of entities.
 */
export function buildAccountMapModel(entities: Entity[]): AccountMapModel {
  const groups = new Map<string, MapGroup>();
  const accounts = new Map<string, MapAccount>();

  const ensureGroup = (path: string): MapGroup => {
    const existing = groups.get(path);
    if (existing) return existing;
    const segments = path.split('/');
    const parentId =
      segments.length > 1 ? segments.slice(0, -1).join('/') : undefined;
    const group: MapGroup = {
      id: path,
      name: segments[segments.length - 1],
      title: segments[segments.length - 1],
      parentId,
      depth: segments.length - 1,
      childIds: [],
      accountRefs: [],
    };
    groups.set(path, group);
    if (parentId !== undefined) ensureGroup(parentId).childIds.push(path);
    return group;
  };

  for (const entity of entities) {
    const annotations = entity.metadata.annotations ?? {};
    const path = annotations[ANNOTATION_OU_PATH] || NO_OU;
    switch (entity.spec?.type) {
      case AWS_ENTITY_TYPES.organizationalUnit: {
        const group = ensureGroup(path);
        group.ref = stringifyEntityRef(entity);
        group.title = entity.metadata.title ?? group.name;
        break;
      }
      case AWS_ENTITY_TYPES.account: {
        const account = toMapAccount(entity, path);
        accounts.set(account.ref, account);
        ensureGroup(path).accountRefs.push(account.ref);
        break;
      }
      default:
    }
  }

  const byTitle = (a: string, b: string) => {
    const x = accounts.get(a)!;
    const y = accounts.get(b)!;
    return (
      ROLE_ORDER.get(x.role)! - ROLE_ORDER.get(y.role)! ||
      x.title.localeCompare(y.title) ||
      x.ref.localeCompare(y.ref)
    );
  };
  for (const group of groups.values()) {
    group.accountRefs.sort(byTitle);
    group.childIds.sort((a, b) =>
      groups.get(a)!.name.localeCompare(groups.get(b)!.name),
    );
  }

  const rootIds = [...groups.values()]
    .filter(group => group.parentId === undefined)
    .map(group => group.id)
    .sort((a, b) => (a === NO_OU ? 1 : 0) - (b === NO_OU ? 1 : 0));

  const accountsByRole = new Map<AccountRole, string[]>();
  const order = new Map<string, number>();
  for (const ref of walkAccounts(rootIds, groups)) {
    order.set(ref, order.size);
    const role = accounts.get(ref)!.role;
    const list = accountsByRole.get(role) ?? [];
    list.push(ref);
    accountsByRole.set(role, list);
  }

  return { rootIds, groups, accounts, accountsByRole, order };
}

/** Every account ref in map order: depth first, an OU's accounts before its children. */
export function* walkAccounts(
  rootIds: readonly string[],
  groups: ReadonlyMap<string, MapGroup>,
): Generator<string> {
  for (const group of walkGroups(rootIds, groups)) {
    yield* group.accountRefs;
  }
}

/** Every group in map order: depth first, parents before children. */
export function* walkGroups(
  rootIds: readonly string[],
  groups: ReadonlyMap<string, MapGroup>,
): Generator<MapGroup> {
  const stack = [...rootIds].reverse();
  while (stack.length > 0) {
    const group = groups.get(stack.pop()!)!;
    yield group;
    for (let i = group.childIds.length - 1; i >= 0; i--) {
      stack.push(group.childIds[i]);
    }
  }
}

/** The ids of a group and its ancestors, the group first. */
export function groupPath(
  model: Pick<AccountMapModel, 'groups'>,
  groupId: string,
): string[] {
  const path: string[] = [];
  for (
    let id: string | undefined = groupId;
    id !== undefined;
    id = model.groups.get(id)?.parentId
  ) {
    path.push(id);
  }
  return path;
}

function toMapAccount(entity: Entity, groupId: string): MapAccount {
  const annotations = entity.metadata.annotations ?? {};
  const label = entity.metadata.labels?.[LABEL_ACCOUNT_ROLE];
  const role: AccountRole = isAccountRole(label) ? label : 'workload';
  const title = entity.metadata.title ?? entity.metadata.name;
  const accountId = annotations[ANNOTATION_AWS_ACCOUNT_ID] ?? '';
  const owner = typeof entity.spec?.owner === 'string' ? entity.spec.owner : '';
  const ownerName = displayOwner(owner);
  const status = entity.metadata.labels?.[LABEL_ACCOUNT_STATUS]?.toUpperCase();
  return {
    ref: stringifyEntityRef(entity),
    title,
    accountId,
    role,
    groupId,
    owner,
    ownerName,
    inactiveStatus: status && status !== 'ACTIVE' ? status : undefined,
    summary: accountSummaryOf(entity),
    findings: accountFindings(entity),
    searchText: [
      title,
      entity.metadata.name,
      accountId,
      ownerName,
      ACCOUNT_ROLES[role].title,
    ]
      .join(' ')
      .toLocaleLowerCase('en-US'),
  };
}

function displayOwner(owner: string): string {
  if (!owner) return '';
  try {
    return parseEntityRef(owner, { defaultKind: 'group' }).name;
  } catch {
    return owner;
  }
}
