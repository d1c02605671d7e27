import type { Entity } from '@backstage/catalog-model';

/**
 * A copy of a suite entity as someone could register it from a catalog
 * file: same kind, type, annotations and labels (even the suite's marker
 * label), another name and title, and the location the catalog itself sets
 * for entities read from a file.
 */
export function lookAlike(entity: Entity, title: string): Entity {
  const location = 'url:https://github.com/acme/catalog/blob/main/fake.yaml';
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      name: `${entity.metadata.name}-copy`,
      title,
      labels: {
        ...entity.metadata.labels,
        'aws-platform-suite.github.io/suite-entity': 'true',
      },
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
    },
  };
}
