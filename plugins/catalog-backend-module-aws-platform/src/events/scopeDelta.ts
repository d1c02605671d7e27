import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ARN,
  ANNOTATION_INGESTION_SCOPE,
  IngestionScopeFailure,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** What a re-read changes in the catalog. */
export interface ScopeDelta {
  /** The entities read now, each ref once, none taking another's ref. */
  added: Entity[];
  /** Refs of the provider's entities of the re-read scopes that are gone. */
  removedRefs: string[];
  /** Entities left out because another entity has their ref. */
  duplicates: IngestionScopeFailure[];
}

/**
 * The delta of scopes read again: `fresh` are their entities as mapped now
 * (and, for Route 53, zones of other scopes whose delegation was judged
 * again); `held` the provider's entities in the catalog of the accounts
 * concerned; `others` what the catalog holds under fresh refs that `held`
 * does not (someone else's entity). Only the entities that `isReplaced`
 * (those of the changed scopes, or of the clusters read) can be removed. A fresh entity whose
 * ref the catalog holds for another scope, or for someone else, is left
 * out and reported, as a full refresh does (the first holder wins).
 */
export function scopeDelta(input: {
  isReplaced(entity: Entity): boolean;
  fresh: readonly Entity[];
  held: readonly Entity[];
  others: readonly Entity[];
}): ScopeDelta {
  const holders = new Map<string, Entity>();
  for (const entity of [...input.others, ...input.held]) {
    holders.set(refOf(entity), entity);
  }
  const added: Entity[] = [];
  const addedRefs = new Set<string>();
  const duplicates: IngestionScopeFailure[] = [];
  for (const entity of input.fresh) {
    const ref = refOf(entity);
    const holder = holders.get(ref);
    const taken =
      addedRefs.has(ref) ||
      (holder !== undefined &&
        (!input.held.includes(holder) || scopeOf(holder) !== scopeOf(entity)));
    if (taken) {
      duplicates.push(duplicateOf(entity, ref));
      continue;
    }
    addedRefs.add(ref);
    added.push(entity);
  }
  const removedRefs = input.held
    .filter(entity => input.isReplaced(entity) && !addedRefs.has(refOf(entity)))
    .map(entity => stringifyEntityRef(entity));
  return { added, removedRefs, duplicates };
}

/**
 * Which held entities the changed scopes' reads replace: every entity of a
 * scope read in full, and of an EKS or Backup scope read for some clusters
 * or plans only, those clusters' or plans' entities (a vault stays).
 */
export function replacedByReads(
  scopes: ReadonlyArray<{
    key: string;
    clusters?: readonly string[];
    plans?: readonly string[];
  }>,
): (entity: Entity) => boolean {
  const read = new Map(
    scopes.map(scope => [scope.key, scope.clusters ?? scope.plans]),
  );
  return entity => {
    const scope = scopeOf(entity);
    if (!read.has(scope)) return false;
    const named = read.get(scope);
    return !named || named.includes(namedPartOf(entity) ?? '');
  };
}

/**
 * What an event names of an entity's ARN: an EKS cluster's name
 * (`…:cluster/<name>`) or a backup plan's id (`…:backup-plan:<id>`).
 */
function namedPartOf(entity: Entity): string | undefined {
  const arn = entity.metadata.annotations?.[ANNOTATION_AWS_ARN] ?? '';
  return /:(?:cluster\/|backup-plan:)([^/:]+)$/.exec(arn)?.[1];
}

/** The catalog compares refs case-insensitively. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/** The ingestion scope an entity was read in. */
export function scopeOf(entity: Entity): string {
  return entity.metadata.annotations?.[ANNOTATION_INGESTION_SCOPE] ?? '';
}

function duplicateOf(entity: Entity, ref: string): IngestionScopeFailure {
  const what =
    entity.metadata.annotations?.[ANNOTATION_AWS_ARN] ??
    entity.metadata.title ??
    ref;
  return {
    scope: scopeOf(entity) || 'organization',
    errorName: 'DuplicateEntityName',
    message: `${what} was left out: ${ref} is already another entity's name`,
  };
}
