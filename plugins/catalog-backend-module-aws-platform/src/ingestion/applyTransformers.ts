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
 * Runs adopters' transformers over freshly mapped entities. A transformer may
 * change or drop an entity, but the annotations the ingestion relies on are
 * put back as the default mapping set them.
 */
export async function applyTransformers(
  entities: Entity[],
  transformers: ReadonlyMap<AwsEntityType, AwsPlatformEntityTransformer>,
): Promise<Entity[]> {
  if (transformers.size === 0) return entities;
  const result: Entity[] = [];
  for (const entity of entities) {
    const transformer = transformers.get(entity.spec?.type as AwsEntityType);
    if (!transformer) {
      result.push(entity);
      continue;
    }
    const transformed = await transformer(entity);
    if (!transformed) continue;
    const kept = Object.fromEntries(
      PROTECTED_ANNOTATIONS.filter(
        key => entity.metadata.annotations?.[key] !== undefined,
      ).map(key => [key, entity.metadata.annotations![key]]),
    );
    result.push({
      ...transformed,
      metadata: {
        ...transformed.metadata,
        annotations: { ...transformed.metadata.annotations, ...kept },
      },
    });
  }
  return result;
}
