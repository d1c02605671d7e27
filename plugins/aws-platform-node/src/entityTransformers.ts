import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { AwsEntityType } from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * Changes or drops an entity the suite's ingestion emits: return the entity
 * to emit (the default one, changed, or another one), or undefined to emit
 * nothing for it.
 * @public
 */
export type AwsPlatformEntityTransformer = (
  entity: Entity,
) => Entity | undefined | Promise<Entity | undefined>;

/**
 * Lets a catalog module of an adopter replace how the suite's entities look,
 * per entity type, e.g. to add a `spec.system` from a tag, or to name
 * accounts after an internal convention.
 * @public
 */
export interface AwsPlatformEntityTransformersExtensionPoint {
  /** Sets the transformer of one entity type; it runs after the default mapping. */
  setTransformer(
    type: AwsEntityType,
    transformer: AwsPlatformEntityTransformer,
  ): void;
  /**
   * Sets the transformer of the `User` entities read from Identity Center's
   * Identity Store, e.g. to name users after the sign-in resolver's
   * convention. A user it renames is renamed in its groups' `members` and in
   * the permission set assignments (and so in each account's access); a
   * user it drops keeps its references, for another source of the catalog
   * may hold a user of that name.
   */
  setUserTransformer(transformer: AwsPlatformEntityTransformer): void;
  /**
   * Sets the transformer of the `Group` entities read from the Identity
   * Store; renames and drops are followed as for users (`memberOf` of the
   * users, the assignments).
   */
  setGroupTransformer(transformer: AwsPlatformEntityTransformer): void;
}

/**
 * The extension point of {@link AwsPlatformEntityTransformersExtensionPoint},
 * registered by the suite's catalog module.
 * @public
 */
export const awsPlatformEntityTransformersExtensionPoint =
  createExtensionPoint<AwsPlatformEntityTransformersExtensionPoint>({
    id: 'catalog.aws-platform.entity-transformers',
  });
