import { Entity } from '@backstage/catalog-model';

/**
 * An entity as read back from the catalog, reduced to what a provider emits:
 * the catalog adds relations, status and bookkeeping fields itself.
 */
export function toProviderEntity(entity: Entity): Entity {
  const { relations: _relations, ...withoutRelations } = entity;
  const { status: _status, ...rest } = withoutRelations as Entity & {
    status?: unknown;
  };
  const {
    uid: _uid,
    etag: _etag,
    ...metadata
  } = rest.metadata as Entity['metadata'] & {
    generation?: number;
  };
  delete (metadata as { generation?: number }).generation;
  return { ...rest, metadata };
}
