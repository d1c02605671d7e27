import { isStrictlyUnder } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** Where a hosted zone is: what the delegation neighbourhood needs of it. */
export interface ZoneSighting {
  accountId: string;
  /** Lower case, without the trailing dot. */
  name: string;
  privateZone: boolean;
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

/** The changed accounts: all of them, and those whose delegations changed. */
export interface ChangedAccounts {
  /** Accounts whose Route 53 changed in any way. */
  all: ReadonlySet<string>;
  /** Those where a zone was created or deleted, or an NS record changed. */
  delegation: ReadonlySet<string>;
}

/**
 * The other accounts whose Route 53 must be read with the changed ones for
 * the delegations to be judged as a full refresh judges them. A zone's
 * parent is the closest public zone above it in any account, so every
 * account holding a public zone above a changed account's public zone is
 * read (a zone is mapped again with its delegation whatever changed).
 * Where a delegation changed, so did its children's: the accounts holding
 * public zones below (or of the same name as, since Route 53 allows that)
 * such a zone are read too. Private zones look for a parent in their own
 * account only. Every zone above a re-emitted zone is then read: above a
 * changed zone, the changed zone itself, or below it.
 */
export function neighbourAccounts(
  changed: ChangedAccounts,
  zones: readonly ZoneSighting[],
): string[] {
  const names = [...changedZoneNames(changed.all, zones)];
  const delegations = [...changedZoneNames(changed.delegation, zones)];
  const related = (name: string) =>
    names.some(changedName => isStrictlyUnder(changedName, name)) ||
    delegations.some(
      changedName => name === changedName || isStrictlyUnder(name, changedName),
    );
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

/**
 * Whether a zone read with the changed accounts is emitted again: every
 * zone of a changed account, and the public zones of other accounts below
 * a zone whose delegation changed (their delegation is judged against it).
 * Zones above were read only as parents: what they show did not change.
 */
export function isReEmitted(
  zone: ZoneSighting,
  changed: ChangedAccounts,
  delegationNames: ReadonlySet<string>,
): boolean {
  if (changed.all.has(zone.accountId)) return true;
  return (
    !zone.privateZone &&
    [...delegationNames].some(name => isStrictlyUnder(zone.name, name))
  );
}
