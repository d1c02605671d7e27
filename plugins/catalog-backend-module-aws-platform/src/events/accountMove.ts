import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_OU_ID,
  ANNOTATION_OU_PATH,
  ANNOTATION_PARENT_ID,
  LABEL_OU,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { isDeepStrictEqual } from 'node:util';
import { ouEvidence } from '../organization/collectRoleEvidence';
import { ouNamesOf } from '../organization/deriveAccountRoles';
import { ouLabel, unitPath } from '../organization/organizationEntities';

/** An OU or the root as the catalog holds it. */
export interface HeldUnit {
  id: string;
  name: string;
  /** Absent for the root. */
  parentId?: string;
  entityRef: string;
}

/**
 * The OUs and the root of the provider's OU entities, by id. An OU's name
 * is its title; the root's title names the organization too, so its name
 * is its path (the root alone).
 */
export function unitsOfEntities(
  entities: readonly Entity[],
): Map<string, HeldUnit> {
  const units = new Map<string, HeldUnit>();
  for (const entity of entities) {
    const annotations = entity.metadata.annotations ?? {};
    const id = annotations[ANNOTATION_OU_ID];
    if (!id) continue;
    const parentId = annotations[ANNOTATION_PARENT_ID];
    const name = parentId
      ? entity.metadata.title
      : annotations[ANNOTATION_OU_PATH];
    if (name === undefined) continue;
    units.set(id, {
      id,
      name,
      ...(parentId && { parentId }),
      entityRef: stringifyEntityRef(entity),
    });
  }
  return units;
}

/**
 * The account entity in its new OU, as the full refresh would emit it; or
 * why only the full refresh can say (an OU the catalog does not hold, or a
 * move that changes what the OUs say of the account's role, which is
 * judged across accounts); or `unchanged` when it sits there already.
 */
export function movedAccount(
  account: Entity,
  newParentId: string,
  units: ReadonlyMap<string, HeldUnit>,
): { entity: Entity } | { fullRefresh: string } | 'unchanged' {
  const annotations = account.metadata.annotations ?? {};
  const oldParentId = annotations[ANNOTATION_PARENT_ID];
  if (oldParentId === newParentId) return 'unchanged';
  const newParent = units.get(newParentId);
  if (!newParent || !oldParentId || !units.has(oldParentId)) {
    return { fullRefresh: `an OU of ${account.metadata.name}'s move` };
  }
  const name = account.metadata.title ?? '';
  const saysOfRole = (parentId: string) =>
    ouEvidence({
      id: '',
      name,
      tags: {},
      ouNamesInnermostFirst: ouNamesOf(parentId, units),
    });
  if (!isDeepStrictEqual(saysOfRole(oldParentId), saysOfRole(newParentId))) {
    return {
      fullRefresh: `${account.metadata.name}'s new OU says another role`,
    };
  }
  const path = unitPath(units, newParentId);
  const { [LABEL_OU]: _oldLabel, ...labels } = account.metadata.labels ?? {};
  return {
    entity: {
      ...account,
      metadata: {
        ...account.metadata,
        annotations: {
          ...annotations,
          [ANNOTATION_PARENT_ID]: newParentId,
          [ANNOTATION_OU_PATH]: path.map(unit => unit.name).join('/'),
        },
        labels: { ...labels, ...ouLabel(path) },
      },
      spec: { ...account.spec, partOf: newParent.entityRef },
    },
  };
}
