import { Entity } from '@backstage/catalog-model';

/** The entity with one annotation set, everything else as it was. */
export function withAnnotation(
  entity: Entity,
  key: string,
  value: string,
): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: { ...entity.metadata.annotations, [key]: value },
    },
  };
}
