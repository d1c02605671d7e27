import type { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_INGESTION_SCOPE } from '@internal/backstage-plugin-aws-platform-common';
import { toProviderEntity } from './providerEntity';

/**
 * The catalog as the ingestion's memory of its last good run: the entities
 * of a scope that failed now are read back and emitted again, so they stay
 * exactly as they were, also after a restart.
 */
export interface CatalogMemory {
  /** The entities last emitted for these scopes. */
  entitiesOfScopes(scopes: readonly string[]): Promise<Entity[]>;
  /** How many entities the catalog holds from this location, or undefined if it cannot tell. */
  countFromLocation(locationRef: string): Promise<number | undefined>;
}

const SCOPES_PER_QUERY = 40;

/** A {@link CatalogMemory} reading the catalog with the plugin's own credentials. */
export function createCatalogMemory(
  catalog: CatalogService,
  auth: AuthService,
): CatalogMemory {
  return {
    async entitiesOfScopes(scopes) {
      const credentials = await auth.getOwnServiceCredentials();
      const entities: Entity[] = [];
      // Chunked to keep each request's query string short.
      for (let i = 0; i < scopes.length; i += SCOPES_PER_QUERY) {
        const { items } = await catalog.getEntities(
          {
            filter: {
              [`metadata.annotations.${ANNOTATION_INGESTION_SCOPE}`]:
                scopes.slice(i, i + SCOPES_PER_QUERY),
            },
          },
          { credentials },
        );
        entities.push(...items.map(toProviderEntity));
      }
      return entities;
    },
    async countFromLocation(locationRef) {
      try {
        const credentials = await auth.getOwnServiceCredentials();
        const { totalItems } = await catalog.queryEntities(
          {
            filter: {
              'metadata.annotations.backstage.io/managed-by-location':
                locationRef,
            },
            limit: 1,
            fields: ['metadata.name'],
          },
          { credentials },
        );
        return totalItems;
      } catch {
        // At start-up the catalog may not answer yet; nothing was emitted before then.
        return undefined;
      }
    },
  };
}
