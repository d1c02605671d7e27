import { stringifyEntityRef } from '@backstage/catalog-model';
import { isStrictlyUnder } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { zoneEntityName } from '../../dns/dnsEntities';
import type { ZoneSighting } from '../dnsNeighbourhood';
import type { ScopeChange } from '../eventChange';

/** One zone of one account. */
export interface NamedZone {
  accountId: string;
  zoneId: string;
}

/** A zone the catalog holds, with its id. */
export type HeldZone = ZoneSighting & { id: string };

/** A zone at a delegated name, judged again against the zone that delegates it. */
export interface ChildJudgement {
  parent: HeldZone;
  child: HeldZone;
}

/** What the named zones of a batch need read, when the catalog allows it. */
export interface NamedZonePlan {
  /**
   * Zones created or deleted: read whole (judged against their parent), or
   * removed when Route 53 no longer has them.
   */
  created: NamedZone[];
  /** Zones whose record sets changed: their record count. */
  counts: HeldZone[];
  /** Zones whose tags changed. */
  tags: HeldZone[];
  /** Zones at NS record names that changed, with the zone delegating them. */
  children: ChildJudgement[];
}

/** The entity ref of a zone. */
export function zoneRef(zone: { id: string; name: string }): string {
  return stringifyEntityRef({
    kind: 'resource',
    namespace: 'default',
    name: zoneEntityName(zone),
  });
}

/**
 * Whether `parent` can be `child`'s parent zone as the mapping judges it:
 * the same visibility, a private zone only in its own account, and a name
 * strictly above.
 */
export function canParent(parent: ZoneSighting, child: ZoneSighting): boolean {
  return (
    parent.privateZone === child.privateZone &&
    (!child.privateZone || parent.accountId === child.accountId) &&
    isStrictlyUnder(child.name, parent.name)
  );
}

/**
 * Plans the re-read of the zones a batch's Route 53 events named, from the
 * zones the catalog holds, or says why the accounts must be read whole
 * instead: an event that named no zone, a change to a zone the catalog
 * does not hold yet, an apex NS record, or a delegated name whose zones are
 * judged against another parent or have zones below it judged against
 * this one.
 */
export function planNamedZones(
  changes: readonly ScopeChange[],
  zones: readonly ZoneSighting[],
): NamedZonePlan | { fallback: string } {
  const plan: NamedZonePlan = {
    created: [],
    counts: [],
    tags: [],
    children: [],
  };
  const held = zones.filter((z): z is HeldZone => z.id !== undefined);
  for (const change of changes) {
    if (!change.zones) return { fallback: 'an event named no zone' };
  }
  const named = changes.flatMap(change =>
    change.zones!.map(zone => ({ accountId: change.accountId, ...zone })),
  );
  // A zone created or deleted in the batch is read whole (what Route 53
  // has now, or nothing): its other changes with it.
  const whole = named.filter(
    z => z.change === 'created' || z.change === 'deleted',
  );
  const readWhole = new Set(whole.map(z => z.zoneId));
  plan.created.push(...whole);
  for (const change of named.filter(z => !readWhole.has(z.zoneId))) {
    const zone = held.find(
      z => z.id === change.zoneId && z.accountId === change.accountId,
    );
    if (!zone) return { fallback: `zone ${change.zoneId} is not held yet` };
    if (change.change === 'tags') {
      plan.tags.push(zone);
      continue;
    }
    plan.counts.push(zone);
    for (const name of change.nsNames ?? []) {
      const why = judgeChildren(zone, name, held, plan.children);
      if (why) return { fallback: why };
    }
  }
  return dedupe(plan);
}

/** Adds the zones at `name` to judge against `parent`, or says why not. */
function judgeChildren(
  parent: HeldZone,
  name: string,
  held: readonly HeldZone[],
  into: ChildJudgement[],
): string | undefined {
  if (name === parent.name) return `the apex NS record of ${name} changed`;
  const parentRef = zoneRef(parent).toLocaleLowerCase('en-US');
  const judgedHere = (z: HeldZone) =>
    z.parentZone?.toLocaleLowerCase('en-US') === parentRef;
  const related = held.filter(z => canParent(parent, z));
  if (related.some(z => isStrictlyUnder(z.name, name) && judgedHere(z))) {
    return `zones below ${name} are judged against ${parent.name}`;
  }
  for (const child of related.filter(z => z.name === name)) {
    if (!judgedHere(child)) {
      return `${name} (${child.id}) is judged against another parent`;
    }
    into.push({ parent, child });
  }
  return undefined;
}

function dedupe(plan: NamedZonePlan): NamedZonePlan {
  const once = <T>(items: T[], key: (item: T) => string) => [
    ...new Map(items.map(item => [key(item), item])).values(),
  ];
  return {
    created: once(plan.created, z => z.zoneId).map(z => ({
      accountId: z.accountId,
      zoneId: z.zoneId,
    })),
    counts: once(plan.counts, z => z.id),
    tags: once(plan.tags, z => z.id),
    children: once(plan.children, c => `${c.parent.id} ${c.child.id}`),
  };
}

/** Where a created zone is judged, or why the accounts must be read whole. */
export type CreatedZonePlacement =
  | { parent?: HeldZone; names: string[] }
  | { fallback: string };

/**
 * The parent of a zone created now among the zones the catalog holds, and
 * the names whose NS records in it decide the delegation: the zone's own
 * and any name between them (a delegation above the zone makes another,
 * unread zone its parent). Zones below a new zone, or two parents of one
 * name, need the accounts read whole.
 */
export function placeCreatedZone(
  zone: HeldZone,
  held: readonly ZoneSighting[],
): CreatedZonePlacement {
  const others = held.filter(z => z.id !== zone.id);
  if (others.some(z => canParent(zone, z))) {
    return { fallback: `zones exist below the new zone ${zone.name}` };
  }
  const candidates = others.filter(
    (z): z is HeldZone => z.id !== undefined && canParent(z, zone),
  );
  if (candidates.length === 0) return { names: [] };
  const longest = Math.max(...candidates.map(c => c.name.length));
  const closest = candidates.filter(c => c.name.length === longest);
  if (closest.length > 1) {
    return { fallback: `${closest[0].name} is the name of several zones` };
  }
  const parent = closest[0];
  const labels = zone.name.split('.');
  const names = labels
    .map((_, i) => labels.slice(i).join('.'))
    .filter(n => n === zone.name || isStrictlyUnder(n, parent.name))
    .filter(n => n === zone.name || isStrictlyUnder(zone.name, n));
  return { parent, names };
}

/**
 * Why the accounts must be read whole when a zone is gone: zones the
 * catalog judged against it need a new parent. Undefined when none did.
 */
export function whyNotRemovable(
  zone: NamedZone,
  held: readonly ZoneSighting[],
): string | undefined {
  const gone = held.find(
    z => z.id === zone.zoneId && z.accountId === zone.accountId,
  );
  if (!gone) return undefined;
  const ref = zoneRef(gone as HeldZone).toLocaleLowerCase('en-US');
  return held.some(z => z.parentZone?.toLocaleLowerCase('en-US') === ref)
    ? `zones were judged against ${gone.name}, which is gone`
    : undefined;
}
