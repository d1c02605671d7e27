import { isDeepStrictEqual } from 'node:util';
import { ANNOTATION_LOCATION, Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_DELEGATION_STATUS,
  ANNOTATION_ORGANIZATION_ID,
  suiteLocationRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { HostedZoneReader } from '../../dns/readHostedZone';
import type { HostedZoneRecord, NsDelegation } from '../../dns/types';
import { toProviderEntity } from '../../ingestion/providerEntity';
import type { ResourceReaders } from '../../ingestion/resourceReaders';
import type { IngestionConfig } from '../../ingestionConfig';
import type { ZoneSighting } from '../dnsNeighbourhood';
import type { EventCatalog } from '../eventCatalog';
import type { ScopeChange } from '../eventChange';
import type { EventOrganization } from '../eventOrganization';
import { refOf } from '../scopeDelta';
import { judgeZone } from './judgeZones';
import {
  HeldZone,
  NamedZonePlan,
  placeCreatedZone,
  planNamedZones,
  whyNotRemovable,
  zoneRef,
} from './namedZonePlan';
import { readKey, readNamedZones, ZoneRead, ZoneReads } from './readNamedZones';
import {
  heldZoneRecord,
  withDelegationOf,
  withRecordCount,
  withZoneOwner,
} from './zoneEntityPatches';

/** What the zones named by a batch's Route 53 events came to. */
export interface NamedZonesOutcome {
  /** The changes applied here; the others' accounts are read whole. */
  handled: ScopeChange[];
  added: Entity[];
  removedRefs: string[];
  /** Accounts whose summary the changes can alter (zones added, removed or judged anew). */
  affected: Set<string>;
  /** Why the accounts are read whole instead, when they are. */
  fallback?: string;
}

type Deps = {
  config: IngestionConfig;
  readers: ResourceReaders;
  catalog: EventCatalog;
};

type CreatedZone = {
  zone: HeldZone;
  record: HostedZoneRecord;
  parent?: HeldZone;
  names: string[];
};

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Applies the Route 53 changes of a batch zone by zone, when every event
 * named its zone and the catalog holds what judging them needs
 * (planNamedZones): a created or deleted zone is read whole and judged
 * against its parent's NS record for it, or removed once gone; a record change reads the zone's record count
 * and the NS records it named, and judges the zones at those names again;
 * a tag change reads the zone's tags. Each costs a few calls where reading
 * the accounts whole costs a call per zone and per page of records.
 * Otherwise nothing is read here, and `fallback` says why.
 */
export async function refreshNamedZones(
  changes: readonly ScopeChange[],
  organization: EventOrganization,
  deps: Deps,
): Promise<NamedZonesOutcome> {
  const none = (fallback?: string): NamedZonesOutcome => ({
    handled: [],
    added: [],
    removedRefs: [],
    affected: new Set(),
    ...(fallback && { fallback }),
  });
  const hostedZone = deps.readers.hostedZone?.bind(deps.readers);
  if (changes.length === 0) return none();
  if (!hostedZone) return none('the readers read whole accounts only');
  // One client per account for the batch's reads.
  const clients = new Map<string, Promise<HostedZoneReader>>();
  const reader = (accountId: string) => {
    if (!clients.has(accountId)) clients.set(accountId, hostedZone(accountId));
    return clients.get(accountId)!;
  };
  const sightings = await deps.catalog.zones(organization.ctx.organizationId);
  const plan = planNamedZones(changes, sightings);
  if ('fallback' in plan) return none(plan.fallback);

  const reads: ZoneReads = new Map();
  const read = (list: ZoneRead[]) =>
    readNamedZones(reader, list, deps.config.accountConcurrency * 2, reads);
  await read(firstReads(plan));
  const created = placeCreated(plan, reads, sightings);
  if ('fallback' in created) return none(created.fallback);
  await read(
    created.flatMap(c =>
      c.parent ? c.names.map(name => nsRead(c.parent!, name)) : [],
    ),
  );
  const held = await heldEntities(
    plan,
    created,
    sightings,
    organization,
    deps.catalog,
  );
  if ('fallback' in held) return none(held.fallback);
  return {
    handled: [...changes],
    ...applyReads({ plan, created, reads, held, organization }),
  };
}

function nsRead(zone: HeldZone, name: string): ZoneRead {
  return { kind: 'ns', zone, name };
}

function firstReads(plan: NamedZonePlan): ZoneRead[] {
  return [
    ...plan.created.map(zone => ({ kind: 'zone' as const, zone })),
    ...plan.counts.map(zone => ({ kind: 'count' as const, zone })),
    ...plan.tags.map(zone => ({ kind: 'tags' as const, zone })),
    ...plan.children.map(c => nsRead(c.parent, c.child.name)),
  ];
}

/** The created zones read, each with where it is judged. */
function placeCreated(
  plan: NamedZonePlan,
  reads: ZoneReads,
  sightings: readonly ZoneSighting[],
): CreatedZone[] | { fallback: string } {
  const placed: CreatedZone[] = [];
  for (const named of plan.created) {
    const record = reads.get(readKey({ kind: 'zone', zone: named })) as
      | HostedZoneRecord
      | undefined;
    if (!record) {
      const why = whyNotRemovable(named, sightings);
      if (why) return { fallback: why };
      continue;
    }
    const zone: HeldZone = {
      accountId: named.accountId,
      id: record.id,
      name: record.name,
      privateZone: record.privateZone,
    };
    const placement = placeCreatedZone(zone, sightings);
    if ('fallback' in placement) return placement;
    placed.push({ zone, record, ...placement });
  }
  return placed;
}

/** The provider's entities of every zone the reads patch or judge against. */
async function heldEntities(
  plan: NamedZonePlan,
  created: CreatedZone[],
  sightings: readonly ZoneSighting[],
  organization: EventOrganization,
  catalog: EventCatalog,
): Promise<Map<string, Entity> | { fallback: string }> {
  const needed = [
    ...plan.counts,
    ...plan.tags,
    ...plan.children.flatMap(c => [c.parent, c.child]),
    ...created.flatMap(c => (c.parent ? [c.parent] : [])),
  ].map(zoneRef);
  // A created zone already held: read again, or gone.
  const createdRefs = sightings
    .filter(z => plan.created.some(c => c.zoneId === z.id))
    .map(z => zoneRef(z as HeldZone));
  const location = suiteLocationRef(organization.ctx.organizationId);
  const found = await catalog.entitiesByRefs([
    ...new Set([...needed, ...createdRefs]),
  ]);
  const held = new Map(
    found
      .filter(
        e =>
          e.metadata.annotations?.[ANNOTATION_LOCATION] === location &&
          e.metadata.annotations?.[ANNOTATION_ORGANIZATION_ID] ===
            organization.ctx.organizationId,
      )
      .map(e => [refOf(e), toProviderEntity(e)]),
  );
  const missing = needed.find(ref => !held.has(lower(ref)));
  return missing ? { fallback: `${missing} is not held yet` } : held;
}

/** The reads applied to the held entities: the delta of the named zones. */
function applyReads(input: {
  plan: NamedZonePlan;
  created: CreatedZone[];
  reads: ZoneReads;
  held: Map<string, Entity>;
  organization: EventOrganization;
}): Omit<NamedZonesOutcome, 'handled'> {
  const { plan, reads, held, organization } = input;
  const { ctx } = organization;
  const working = new Map(held);
  const entityOf = (zone: HeldZone) => working.get(lower(zoneRef(zone)))!;
  const set = (entity: Entity) => working.set(refOf(entity), entity);
  const ns = (zone: HeldZone, name: string) =>
    reads.get(readKey(nsRead(zone, name))) as NsDelegation | undefined;
  const recordOf = (zone: HeldZone) => heldZoneRecord(entityOf(zone));

  for (const zone of plan.counts) {
    const count = reads.get(readKey({ kind: 'count', zone })) as number;
    if (count !== undefined) set(withRecordCount(entityOf(zone), count));
  }
  for (const zone of plan.tags) {
    const tags = reads.get(readKey({ kind: 'tags', zone })) as Record<
      string,
      string
    >;
    const account = ctx.accounts.get(zone.accountId);
    if (account) {
      set(withZoneOwner(entityOf(zone), tags, account, ctx.ownerTagKey));
    }
  }
  const affected = new Set<string>();
  for (const { parent, child } of plan.children) {
    const judged = judgeZone(
      { accountId: child.accountId, zone: recordOf(child) },
      { accountId: parent.accountId, zone: recordOf(parent) },
      [ns(parent, child.name)].flatMap(r => r ?? []),
      ctx,
    );
    if (!judged) continue;
    const before = entityOf(child);
    set(withDelegationOf(before, judged));
    if (statusOf(before) !== statusOf(judged)) affected.add(child.accountId);
  }
  for (const c of input.created) {
    const entity = judgeZone(
      { accountId: c.zone.accountId, zone: c.record },
      c.parent && { accountId: c.parent.accountId, zone: recordOf(c.parent) },
      c.parent ? c.names.flatMap(name => ns(c.parent!, name) ?? []) : [],
      ctx,
    );
    if (entity) {
      set(entity);
      affected.add(c.zone.accountId);
    }
  }
  const removedRefs = removedZones(input, affected);
  return {
    added: [...working.values()].filter(
      e => !isDeepStrictEqual(held.get(refOf(e)), e),
    ),
    removedRefs,
    affected,
  };
}

/** Zones an event said were created that Route 53 no longer has, and the catalog does. */
function removedZones(
  input: { plan: NamedZonePlan; reads: ZoneReads; held: Map<string, Entity> },
  affected: Set<string>,
): string[] {
  return input.plan.created.flatMap(named => {
    if (input.reads.get(readKey({ kind: 'zone', zone: named }))) return [];
    const gone = [...input.held.values()].find(
      e => (e.spec?.zone as { id?: string } | undefined)?.id === named.zoneId,
    );
    if (!gone) return [];
    affected.add(named.accountId);
    return [refOf(gone)];
  });
}

function statusOf(entity: Entity): string | undefined {
  return entity.metadata.annotations?.[ANNOTATION_DELEGATION_STATUS];
}
