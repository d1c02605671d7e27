import { OwnerSource } from '../annotations';
import { AWS_ENTITY_TYPES } from '../entityTypes';

/**
 * Something about an entity's ownership that someone must act on:
 *
 * - `owner-not-found`: the owner names no group or user of the catalog. Only
 *   raised once a group source is present (see {@link isGroupSourcePresent}):
 *   before that, no owner resolves and flagging all of them says nothing;
 *   and only where the owner was set, not on the resources inheriting it.
 * - `account-not-tagged`: an account whose owner no `owner` tag names; its
 *   owner came from `roleOwners` or `defaultOwner` in config, or is not
 *   recorded. Resources are never flagged for this: they inherit their
 *   account's owner.
 * - `owner-contradicts-account`: a resource whose own `owner` tag names
 *   another owner than its account's tag or role config claims.
 * @public
 */
export type OwnershipFlagKind =
  | 'owner-not-found'
  | 'account-not-tagged'
  | 'owner-contradicts-account';

/**
 * How urgent a flag is; `high` first.
 * @public
 */
export type FlagSeverity = 'high' | 'medium' | 'low';

/**
 * Severities, most urgent first.
 * @public
 */
export const FLAG_SEVERITIES: readonly FlagSeverity[] = [
  'high',
  'medium',
  'low',
];

/**
 * One reason to act on an entity's ownership.
 * @public
 */
export interface OwnershipFlag {
  kind: OwnershipFlagKind;
  severity: FlagSeverity;
  /** The owner the reason names (the entity's, or for a contradiction its tag). */
  owner: string;
  /** For `owner-contradicts-account`: the account's owner. */
  accountOwner?: string;
  /** For `account-not-tagged`: where the owner came from instead. */
  source?: string;
}

/**
 * How an entity got its owner, as the review shows it: `tagged` (its own
 * `owner` tag), `inherited` (a zone, cluster, vault or plan that takes its
 * account's owner), `role` or `default` (from config), `unrecorded`.
 * @public
 */
export type OwnershipOrigin =
  | 'tagged'
  | 'inherited'
  | 'role'
  | 'default'
  | 'unrecorded';

/**
 * What the flag rules read of one entity.
 * @public
 */
export interface OwnershipFacts {
  /** `spec.type`. */
  type: string;
  /** Full entity ref of the owner; empty when none. */
  owner: string;
  /** `aws-platform-suite.github.io/owner-source`; empty when not recorded. */
  ownerSource: string;
  /** The account the entity lives in (not set for accounts and OUs). */
  account?: { owner: string; ownerSource: string };
}

/**
 * What the flag rules know of the catalog.
 * @public
 */
export interface OwnershipContext {
  /** Full refs of the owners the catalog holds. */
  existingOwners: ReadonlySet<string>;
  /** See {@link isGroupSourcePresent}. */
  groupSourcePresent: boolean;
}

const SEVERITY_RANK: Record<FlagSeverity, number> = {
  high: 0,
  medium: 1,
  low: 2,
};

const ACCOUNT_CLAIMS: ReadonlySet<string> = new Set<OwnerSource>([
  'tag',
  'role',
]);

const isResource = (type: string) =>
  type !== AWS_ENTITY_TYPES.account &&
  type !== AWS_ENTITY_TYPES.organizationalUnit;

/**
 * Whether the catalog holds a source of groups, so that an owner that
 * resolves to nothing is a real problem. The rule: at least one Group entity
 * that is not one of the `defaultOwners` (the owners the suite gave entities
 * nobody claimed, `owner-source: default`). A catalog whose only group is
 * the configured default owner (as a fresh portal registers it) has no group
 * source; one that also holds the teams from Identity Center, an org file or
 * another provider has.
 * @public
 */
export function isGroupSourcePresent(
  groupRefs: Iterable<string>,
  defaultOwners: ReadonlySet<string>,
): boolean {
  for (const ref of groupRefs) {
    if (!defaultOwners.has(ref)) return true;
  }
  return false;
}

/**
 * How the entity got its owner.
 * @public
 */
export function ownershipOrigin(facts: OwnershipFacts): OwnershipOrigin {
  if (facts.ownerSource === 'tag') return 'tagged';
  if (isResource(facts.type)) {
    if (facts.ownerSource === 'account') return 'inherited';
    // Ingestions before the `account` value wrote another source for a
    // resource that took its account's owner.
    if (facts.account && facts.owner === facts.account.owner) {
      return 'inherited';
    }
  }
  if (facts.ownerSource === 'role' || facts.ownerSource === 'default') {
    return facts.ownerSource;
  }
  return 'unrecorded';
}

/**
 * The flags of one entity, most urgent first; empty when nobody has to act.
 * Pure: the same facts and context give the same flags.
 * @public
 */
export function ownershipFlags(
  facts: OwnershipFacts,
  context: OwnershipContext,
): OwnershipFlag[] {
  const flags: OwnershipFlag[] = [];
  const { owner } = facts;
  // An inherited owner that resolves to nothing is its account's problem,
  // flagged once there rather than on every zone, cluster, vault and plan.
  if (
    context.groupSourcePresent &&
    ownershipOrigin(facts) !== 'inherited' &&
    (!owner || !context.existingOwners.has(owner))
  ) {
    flags.push({ kind: 'owner-not-found', severity: 'high', owner });
  }
  if (facts.type === AWS_ENTITY_TYPES.account && facts.ownerSource !== 'tag') {
    flags.push({
      kind: 'account-not-tagged',
      // An owner from roleOwners was chosen by someone; the default was not.
      severity: facts.ownerSource === 'role' ? 'low' : 'medium',
      owner,
      source: facts.ownerSource,
    });
  }
  const account = facts.account;
  if (
    isResource(facts.type) &&
    account &&
    facts.ownerSource === 'tag' &&
    ACCOUNT_CLAIMS.has(account.ownerSource) &&
    owner !== account.owner
  ) {
    flags.push({
      kind: 'owner-contradicts-account',
      severity: 'medium',
      owner,
      accountOwner: account.owner,
    });
  }
  return flags.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
  );
}

/**
 * The most urgent severity among `flags`, or undefined when there is none.
 * @public
 */
export function topSeverity(
  flags: readonly OwnershipFlag[],
): FlagSeverity | undefined {
  return FLAG_SEVERITIES.find(severity =>
    flags.some(flag => flag.severity === severity),
  );
}
