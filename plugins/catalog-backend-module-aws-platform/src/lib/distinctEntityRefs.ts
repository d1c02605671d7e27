import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ARN,
  ANNOTATION_INGESTION_SCOPE,
  IngestionScopeFailure,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/** The entities to emit, each ref once, and what was left out. */
export interface DistinctEntities {
  entities: Entity[];
  /** One status entry per entity left out because its ref was taken. */
  duplicates: IngestionScopeFailure[];
}

/**
 * Leaves out every entity whose ref an earlier one (or one of `taken`)
 * already has, and reports it. Names are unique by construction (see
 * `scopedEntityName`), but two types can still meet, e.g. an EKS cluster and
 * a backup vault of one name in one account and region. A full mutation
 * with a ref twice would fail the whole refresh; this loses one entity,
 * visibly, instead. The first one wins, so the order of the mappers decides.
 */
export function distinctEntityRefs(
  entities: readonly Entity[],
  taken: readonly Entity[] = [],
): DistinctEntities {
  const owners = new Map<string, Entity>(
    taken.map(entity => [refOf(entity), entity]),
  );
  const kept: Entity[] = [];
  const duplicates: IngestionScopeFailure[] = [];
  for (const entity of entities) {
    const ref = refOf(entity);
    const owner = owners.get(ref);
    if (owner) {
      duplicates.push(duplicateOf(entity, owner, ref));
      continue;
    }
    owners.set(ref, entity);
    kept.push(entity);
  }
  return { entities: kept, duplicates };
}

// The catalog compares refs case-insensitively.
function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function duplicateOf(
  entity: Entity,
  owner: Entity,
  ref: string,
): IngestionScopeFailure {
  const annotations = entity.metadata.annotations ?? {};
  const describe = (e: Entity) =>
    e.metadata.annotations?.[ANNOTATION_AWS_ARN] ?? e.metadata.title ?? ref;
  return {
    scope: annotations[ANNOTATION_INGESTION_SCOPE] ?? 'organization',
    errorName: 'DuplicateEntityName',
    message: `${describe(entity)} was left out: its entity name ${
      entity.metadata.name
    } is already taken by ${describe(owner)}`,
  };
}
