import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_INGESTION_SCOPE,
  AwsEntityType,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AwsPlatformEntityTransformer } from '@aws-platform-suite/backstage-plugin-aws-platform-node';

// The suite relies on these to keep failed scopes and its own location.
const PROTECTED_ANNOTATIONS = [
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_INGESTION_SCOPE,
];

/**
 * What an adopter's transformer is set for: one of the suite's resource
 * types, or Identity Center's users or groups (see transformPrincipals).
 */
export type TransformerKey = AwsEntityType | 'user' | 'group';

/** Adopters' transformers, by what they are set for. */
export type EntityTransformers = ReadonlyMap<
  TransformerKey,
  AwsPlatformEntityTransformer
>;

/**
 * Runs adopters' transformers over freshly mapped resource entities (users
 * and groups have their own step). A transformer may change or drop an
 * entity, but the annotations the ingestion relies on are put back as the
 * default mapping set them.
 */
export async function applyTransformers(
  entities: Entity[],
  transformers: EntityTransformers,
): Promise<Entity[]> {
  if (transformers.size === 0) return entities;
  const result: Entity[] = [];
  for (const entity of entities) {
    const transformer =
      entity.kind === 'Resource'
        ? transformers.get(entity.spec?.type as AwsEntityType)
        : undefined;
    if (!transformer) {
      result.push(entity);
      continue;
    }
    const transformed = await transformEntity(entity, transformer);
    if (transformed) result.push(transformed);
  }
  return result;
}

/**
 * One entity through one transformer: what it returns, with the
 * ingestion's own annotations put back; undefined when it drops the entity.
 */
export async function transformEntity(
  entity: Entity,
  transformer: AwsPlatformEntityTransformer,
): Promise<Entity | undefined> {
  const transformed = await transformer(entity);
  if (!transformed) return undefined;
  const kept = Object.fromEntries(
    PROTECTED_ANNOTATIONS.filter(
      key => entity.metadata.annotations?.[key] !== undefined,
    ).map(key => [key, entity.metadata.annotations![key]]),
  );
  return {
    ...transformed,
    metadata: {
      ...transformed.metadata,
      annotations: { ...transformed.metadata.annotations, ...kept },
    },
  };
}
