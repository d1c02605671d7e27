import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import { AWS_ENTITY_TYPES } from './entityTypes';

/*
 * Which entities are the suite's own. Anyone who may register a catalog
 * file can write an entity that looks like the suite's (kind, type,
 * annotations, labels), but not its location: the catalog sets
 * `backstage.io/managed-by-location` of every entity read from a location
 * (`url:…`, `file:…`) itself. Only the suite's provider writes
 * `aws-platform:organization/<organization id>`.
 */

/**
 * The location key under which the suite's provider applies its entities.
 * @public
 */
export const SUITE_LOCATION_KEY = 'aws-platform:organization';

/**
 * How `backstage.io/managed-by-location` of every suite entity begins.
 * @public
 */
export const SUITE_LOCATION_PREFIX = `${SUITE_LOCATION_KEY}/`;

/**
 * `backstage.io/managed-by-location` (and origin location) of every entity
 * the suite emits for an organization.
 * @public
 */
export function suiteLocationRef(organizationId: string): string {
  return `${SUITE_LOCATION_PREFIX}${organizationId}`;
}

/**
 * Whether a `backstage.io/managed-by-location` value is one the suite wrote.
 * @public
 */
export function isSuiteLocationRef(location: string | undefined): boolean {
  return (
    typeof location === 'string' &&
    location.startsWith(SUITE_LOCATION_PREFIX) &&
    location.length > SUITE_LOCATION_PREFIX.length
  );
}

const SUITE_TYPES: ReadonlySet<string> = new Set(
  Object.values(AWS_ENTITY_TYPES),
);

/**
 * Whether an entity is one the suite's provider emitted: a `Resource` of one
 * of the suite's types whose location and origin location are the suite's.
 * A look-alike registered from a catalog file is not.
 * @public
 */
export function isSuiteEntity(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    SUITE_TYPES.has(String(entity.spec?.type)) &&
    isSuiteLocationRef(annotations[ANNOTATION_LOCATION]) &&
    isSuiteLocationRef(annotations[ANNOTATION_ORIGIN_LOCATION])
  );
}

/**
 * A label the suite's catalog processor sets to `'true'` on the suite's own
 * entities and removes from every other entity, so that it cannot be
 * copied. It is for catalog filters that match exact values only, such as
 * the scaffolder's EntityPicker `catalogFilter`
 * (`metadata.labels.aws-platform-suite.github.io/suite-entity: 'true'`).
 * @public
 */
export const LABEL_SUITE_ENTITY = 'aws-platform-suite.github.io/suite-entity';
