import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_PERMISSION_SET_ASSIGNMENTS,
  AWS_PERMISSION_SET_TYPE,
  parseJsonListAnnotation,
  PermissionSetAssignment,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AwsPlatformEntityTransformer } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import {
  EntityTransformers,
  transformEntity,
} from '../ingestion/applyTransformers';

/** Old full entity ref → new full entity ref, of the principals renamed. */
type Renames = ReadonlyMap<string, string>;

/**
 * Runs adopters' user and group transformers over Identity Center's users
 * and groups, then follows every rename in the references the suite made:
 * users' `memberOf`, groups' `members` and the principals of permission set
 * assignments (from which each account's access is derived). A principal a
 * transformer drops keeps its references: another source of the catalog may
 * hold a user or group of that name.
 */
export async function transformPrincipals(
  entities: Entity[],
  transformers: EntityTransformers,
): Promise<Entity[]> {
  const forKind: Record<string, AwsPlatformEntityTransformer | undefined> = {
    User: transformers.get('user'),
    Group: transformers.get('group'),
  };
  if (!transformers.has('user') && !transformers.has('group')) return entities;
  const renames = new Map<string, string>();
  const result: Entity[] = [];
  for (const entity of entities) {
    const transformer = forKind[entity.kind];
    const transformed = transformer
      ? await transformEntity(entity, transformer)
      : entity;
    if (!transformed) continue;
    const before = stringifyEntityRef(entity);
    const after = stringifyEntityRef(transformed);
    if (before !== after) renames.set(before, after);
    result.push(transformed);
  }
  return renames.size === 0
    ? result
    : result.map(entity => withRenamedReferences(entity, renames));
}

function withRenamedReferences(entity: Entity, renames: Renames): Entity {
  if (entity.kind === 'User') {
    return withSpecList(entity, 'memberOf', 'group', renames);
  }
  if (entity.kind === 'Group') {
    return withSpecList(entity, 'members', 'user', renames);
  }
  if (entity.spec?.type === AWS_PERMISSION_SET_TYPE) {
    return withRenamedAssignments(entity, renames);
  }
  return entity;
}

/**
 * A ref as written (`platform-team`, `default/x`, `group:default/x`) in the
 * full form stringifyEntityRef gives, without parsing that could throw on
 * what a transformer wrote: an invalid ref is the catalog's to report.
 */
function fullRef(ref: string, defaultKind: string): string {
  const colon = ref.indexOf(':');
  const kind = colon < 0 ? defaultKind : ref.slice(0, colon);
  const rest = colon < 0 ? ref : ref.slice(colon + 1);
  const namespaced = rest.includes('/') ? rest : `default/${rest}`;
  return `${kind.toLocaleLowerCase('en-US')}:${namespaced}`;
}

function renamedRef(ref: string, defaultKind: string, renames: Renames) {
  return renames.get(fullRef(ref, defaultKind)) ?? ref;
}

function withSpecList(
  entity: Entity,
  key: 'memberOf' | 'members',
  defaultKind: string,
  renames: Renames,
): Entity {
  const list = entity.spec?.[key];
  if (!Array.isArray(list)) return entity;
  return {
    ...entity,
    spec: {
      ...entity.spec,
      [key]: list.map(ref =>
        typeof ref === 'string' ? renamedRef(ref, defaultKind, renames) : ref,
      ),
    },
  };
}

function withRenamedAssignments(entity: Entity, renames: Renames): Entity {
  const annotations = entity.metadata.annotations ?? {};
  const assignments = parseJsonListAnnotation<PermissionSetAssignment>(
    annotations[ANNOTATION_PERMISSION_SET_ASSIGNMENTS],
  ).map(assignment => ({
    ...assignment,
    principal: renames.get(assignment.principal) ?? assignment.principal,
  }));
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...annotations,
        [ANNOTATION_PERMISSION_SET_ASSIGNMENTS]: JSON.stringify(assignments),
      },
    },
  };
}
