import type { Entity } from '@backstage/catalog-model';
import { SUITE_LOCATION_KEY } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { DEFAULT_PROVIDER_ID } from './ingestionConfig';
import { withAnnotation } from './lib/withAnnotation';

const PROVIDER_NAME = 'AwsPlatformEntityProvider';

/**
 * On every entity the provider emits: the id of the
 * `catalog.providers.awsPlatform` section it was read for, so that each
 * organization's provider reads back (and guards the removal of) its own
 * entities only. Entities of 0.1, which lack it, are `default`'s.
 * @public
 */
export const ANNOTATION_PROVIDER_ID =
  'aws-platform-suite.github.io/provider-id';

/** The names under which one organization's provider meets the catalog and the scheduler. */
export interface ProviderIdentity {
  id: string;
  /** The entity provider's name, also the key of its status row. */
  providerName: string;
  /** The location key of its entities. */
  locationKey: string;
  /** The id of its scheduled refresh task. */
  taskId: string;
}

/**
 * The names of the provider of section `id`: `AwsPlatformEntityProvider:<id>`,
 * location key `aws-platform:organization:<id>`. The `default` section
 * (the single-object form) keeps the names of 0.1 (`AwsPlatformEntityProvider`,
 * location key `aws-platform:organization`): the catalog refuses an entity
 * whose location key changes, and keeps alive every entity a provider name
 * that no longer runs ever emitted, so new names would strand an upgraded
 * catalog's entities.
 */
export function providerIdentity(id: string): ProviderIdentity {
  const isDefault = id === DEFAULT_PROVIDER_ID;
  const providerName = isDefault ? PROVIDER_NAME : `${PROVIDER_NAME}:${id}`;
  return {
    id,
    providerName,
    locationKey: isDefault ? SUITE_LOCATION_KEY : `${SUITE_LOCATION_KEY}:${id}`,
    taskId: `${providerName}:refresh`,
  };
}

/** The provider id an entity was emitted for (`default` when it has none). */
export function providerIdOf(entity: Entity): string {
  return (
    entity.metadata.annotations?.[ANNOTATION_PROVIDER_ID] ?? DEFAULT_PROVIDER_ID
  );
}

/** The entity with the provider id annotation set. */
export function withProviderId(entity: Entity, id: string): Entity {
  return withAnnotation(entity, ANNOTATION_PROVIDER_ID, id);
}
