import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  isAccountRole,
  LABEL_ACCOUNT_ROLE,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { AccountInfo } from './mappingContext';

/** The account id of an account entity ('' when it has none). */
export function accountIdOf(entity: Entity): string {
  return entity.metadata.annotations?.[ANNOTATION_AWS_ACCOUNT_ID] ?? '';
}

/**
 * What resource mappers need of an account, read from its entity: the full
 * refresh reads it from the entities it just mapped, an event's re-read from
 * the catalog's, so both map resources the same way.
 */
export function accountInfo(entity: Entity): AccountInfo {
  const role = entity.metadata.labels?.[LABEL_ACCOUNT_ROLE];
  return {
    id: accountIdOf(entity),
    name: entity.metadata.title ?? entity.metadata.name,
    role: isAccountRole(role) ? role : 'workload',
    entityRef: stringifyEntityRef(entity),
    owner: String(entity.spec?.owner),
  };
}
