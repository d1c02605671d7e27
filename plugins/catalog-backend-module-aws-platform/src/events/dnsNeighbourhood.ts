import { isStrictlyUnder } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** Where a hosted zone is: what the delegation neighbourhood needs of it. */
export interface ZoneSighting {
  accountId: string;
  /** Lower case, without the trailing dot. */
  name: string;
  privateZone: boolean;
  /** The zone id, where known (the catalog's zones). */
  id?: string;
  /** The ref of the parent zone the catalog judged it against, if any. */
  parentZone?: string;
}

/**
 * The public zone names of the changed accounts, as the catalog held them
 * and as read now: a deleted zone's children need a new parent, a created
 * zone's parent and children a new judgement.
 */
export function changedZoneNames(
  changedAccounts: ReadonlySet<string>,
  zones: readonly ZoneSighting[],
): Set<string> {
  return new Set(
    zones
      .filter(z => !z.privateZone && changedAccounts.has(z.accountId))
      .map(z => z.name),
  );
}

/** The changed accounts, and where delegations changed. */
export interface ChangedAccounts {
  /** Accounts whose Route 53 changed in any way. */
  all: ReadonlySet<string>;
  /**
   * Names at and below which delegations are judged again: the NS records
   * an account's events named, or every public zone of an account where a
   * zone was created or deleted (or a batch could not be read).
   */
  delegatedNames: ReadonlySet<string>;
}

/** One changed account's delegation, as its events told it. */
export interface DelegationChange {
  accountId: string;
  /** The NS record names; absent when the change could be anywhere. */
  delegatedNames?: readonly string[];
}

/**
 * The names at and below which delegations changed: the NS records named,
 * or the public zones, old and new, of an account changed anywhere.
 */
export function delegatedNamesOf(
  changes: readonly DelegationChange[],
  zones: readonly ZoneSighting[],
): Set<string> {
  const anywhere = new Set(
    changes.filter(c => !c.delegatedNames).map(c => c.accountId),
  );
  return new Set([
    ...changes.flatMap(c => c.delegatedNames ?? []),
    ...changedZoneNames(anywhere, zones),
  ]);
}

/**
 * The other accounts whose Route 53 must be read with the changed ones for
 * the delegations to be judged as a full refresh judges them. A zone's
 * parent is the closest public zone above it in any account, so every
 * account holding a public zone above a changed account's public zone is
 * read (a zone is mapped again with its delegation whatever changed).
 * Where a delegation changed, so did its children's: the accounts holding
 * public zones at or below a delegated name (a zone of the same name is
 * allowed by Route 53) are read too. A root zone's NS record for one
 * subdomain so reads the one account below, not every account under the
 * root. Private zones look for a parent in their own account only.
 */
export function neighbourAccounts(
  changed: ChangedAccounts,
  zones: readonly ZoneSighting[],
): string[] {
  const names = [...changedZoneNames(changed.all, zones)];
  const related = (name: string) =>
    names.some(changedName => isStrictlyUnder(changedName, name)) ||
    isAtOrBelowAny(name, changed.delegatedNames);
  return [
    ...new Set(
      zones
        .filter(
          z =>
            !z.privateZone && !changed.all.has(z.accountId) && related(z.name),
        )
        .map(z => z.accountId),
    ),
  ];
}

function isAtOrBelowAny(name: string, parents: ReadonlySet<string>): boolean {
  return [...parents].some(
    parent => name === parent || isStrictlyUnder(name, parent),
  );
}

/**
 * Whether a zone read with the changed accounts is emitted again: every
 * zone of a changed account, and the public zones of other accounts at or
 * below a delegated name (their delegation is judged against it). Zones
 * above were read only as parents: what they show did not change.
 */
export function isReEmitted(
  zone: ZoneSighting,
  changed: ChangedAccounts,
): boolean {
  if (changed.all.has(zone.accountId)) return true;
  return !zone.privateZone && isAtOrBelowAny(zone.name, changed.delegatedNames);
}
