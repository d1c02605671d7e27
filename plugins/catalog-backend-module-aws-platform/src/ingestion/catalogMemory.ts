import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_AWS_ARN,
  ANNOTATION_INGESTION_SCOPE,
  ANNOTATION_ORGANIZATION_ID,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  isSuiteLocationRef,
  SUITE_LOCATION_KEY,
  suiteLocationRef,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { toProviderEntity } from './providerEntity';
import { ANNOTATION_PROVIDER_ID, providerIdOf } from '../providerIdentity';
import type { LastAppliedRun } from './removalGuard';

/**
 * The catalog as the ingestion's memory of its last applied run: the
 * entities of a scope that failed now are read back and emitted again, so
 * they stay exactly as they were, also after a restart; and the removal
 * guard compares a run with what the catalog holds.
 */
export interface CatalogMemory {
  /**
   * The entities the provider last emitted for these scopes of this
   * organization, and for every scope starting with one of `scopePrefixes`
   * (the regional scopes of an account whose regions are unknown). Throws
   * when the catalog cannot answer.
   */
  entitiesOfScopes(
    scopes: readonly string[],
    organizationId: string,
    scopePrefixes?: readonly string[],
  ): Promise<Entity[]>;
  /**
   * The provider's entities in the catalog, whatever organization they were
   * read from. Throws when the catalog cannot answer: an unknown last run is
   * not an empty one.
   */
  lastAppliedRun(): Promise<LastAppliedRun>;
}

const SCOPES_PER_QUERY = 40;
const PAGE_SIZE = 1000;

/**
 * A {@link CatalogMemory} of the provider of section `providerId`, reading
 * the catalog with the plugin's own credentials: only the entities that
 * provider emitted are its memory, not another organization's provider's.
 */
export function createCatalogMemory(
  catalog: CatalogService,
  auth: AuthService,
  providerId: string,
): CatalogMemory {
  return {
    async entitiesOfScopes(scopes, organizationId, scopePrefixes = []) {
      const credentials = await auth.getOwnServiceCredentials();
      const entities: Entity[] = [];
      for (let i = 0; i < scopePrefixes.length; i += SCOPES_PER_QUERY) {
        entities.push(
          ...(await entitiesOfScopePrefixes(
            catalog,
            scopePrefixes.slice(i, i + SCOPES_PER_QUERY),
            organizationId,
            providerId,
            credentials,
          )),
        );
      }
      // Chunked to keep each request's query string short.
      for (let i = 0; i < scopes.length; i += SCOPES_PER_QUERY) {
        const { items } = await catalog.getEntities(
          {
            filter: {
              [`metadata.annotations.${ANNOTATION_INGESTION_SCOPE}`]:
                scopes.slice(i, i + SCOPES_PER_QUERY),
              // Anyone can register an entity carrying a scope annotation;
              // only the provider's own, of this organization, are kept
              // (checked again below: filters match case-insensitively).
              [`metadata.annotations.${ANNOTATION_LOCATION}`]:
                suiteLocationRef(organizationId),
              [`metadata.annotations.${ANNOTATION_ORGANIZATION_ID}`]:
                organizationId,
            },
          },
          { credentials },
        );
        entities.push(
          ...items
            .filter(entity => isEmittedFor(entity, organizationId, providerId))
            .map(toProviderEntity),
        );
      }
      return entities;
    },
    async lastAppliedRun() {
      const credentials = await auth.getOwnServiceCredentials();
      const refs = new Set<string>();
      const arnOf = new Map<string, string>();
      const organizationIds = new Set<string>();
      const pages = catalog.streamEntities(
        {
          // Whatever the organization: the location key is the provider's.
          query: {
            [`metadata.annotations.${ANNOTATION_LOCATION}`]: {
              $hasPrefix: `${SUITE_LOCATION_KEY}/`,
            },
          },
          fields: [
            'kind',
            'metadata.namespace',
            'metadata.name',
            `metadata.annotations.${ANNOTATION_LOCATION}`,
            `metadata.annotations.${ANNOTATION_AWS_ARN}`,
            `metadata.annotations.${ANNOTATION_PROVIDER_ID}`,
          ],
          pageSize: PAGE_SIZE,
        },
        { credentials },
      );
      for await (const page of pages) {
        for (const entity of page) {
          const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
          // The query matches case-insensitively; the location is exact.
          if (!location || !isSuiteLocationRef(location)) continue;
          // Another organization's provider's entities are not this run's to remove.
          if (providerIdOf(entity) !== providerId) continue;
          const ref = stringifyEntityRef(entity);
          refs.add(ref);
          const arn = entity.metadata.annotations?.[ANNOTATION_AWS_ARN];
          if (arn) arnOf.set(ref, arn);
          organizationIds.add(location.slice(SUITE_LOCATION_KEY.length + 1));
        }
      }
      return { refs, arnOf, organizationIds: [...organizationIds] };
    },
  };
}

/**
 * The provider's entities of this organization whose scope starts with one
 * of `prefixes` (checked again exactly: the query matches case-insensitively).
 */
async function entitiesOfScopePrefixes(
  catalog: CatalogService,
  prefixes: readonly string[],
  organizationId: string,
  providerId: string,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  const pages = catalog.streamEntities(
    {
      query: {
        $all: [
          {
            $any: prefixes.map(prefix => ({
              [`metadata.annotations.${ANNOTATION_INGESTION_SCOPE}`]: {
                $hasPrefix: prefix,
              },
            })),
          },
          {
            [`metadata.annotations.${ANNOTATION_LOCATION}`]:
              suiteLocationRef(organizationId),
          },
          {
            [`metadata.annotations.${ANNOTATION_ORGANIZATION_ID}`]:
              organizationId,
          },
        ],
      },
      pageSize: PAGE_SIZE,
    },
    { credentials },
  );
  for await (const page of pages) {
    for (const entity of page) {
      const scope =
        entity.metadata.annotations?.[ANNOTATION_INGESTION_SCOPE] ?? '';
      if (
        isEmittedFor(entity, organizationId, providerId) &&
        prefixes.some(prefix => scope.startsWith(prefix))
      ) {
        entities.push(toProviderEntity(entity));
      }
    }
  }
  return entities;
}

/** Whether the provider of `providerId` emitted this entity for this organization. */
function isEmittedFor(
  entity: Entity,
  organizationId: string,
  providerId: string,
): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    providerIdOf(entity) === providerId &&
    annotations[ANNOTATION_LOCATION] === suiteLocationRef(organizationId) &&
    annotations[ANNOTATION_ORGANIZATION_ID] === organizationId
  );
}
