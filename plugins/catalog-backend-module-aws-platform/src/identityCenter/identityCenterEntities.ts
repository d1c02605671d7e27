import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_AWS_ACCOUNT_ID,
  ANNOTATION_AWS_ARN,
  ANNOTATION_IDENTITY_STORE_PRINCIPAL_ID,
  ANNOTATION_INGESTION_SCOPE,
  ANNOTATION_ORGANIZATION_ID,
  ANNOTATION_PERMISSION_SET_ASSIGNMENTS,
  ANNOTATION_PERMISSION_SET_PROVISIONED,
  AWS_PERMISSION_SET_TYPE,
  IDENTITY_CENTER_SCOPE,
  PermissionSetAssignment,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { scopedEntityName } from '../lib/entityName';
import type { MappingContext } from '../resources/mappingContext';
import { principalEntityName } from './principalNames';
import type {
  IdentityCenterGroupRecord,
  IdentityCenterSnapshot,
  IdentityCenterUserRecord,
  PermissionSetRecord,
} from './types';

/**
 * Maps an Identity Center read to catalog entities: a `User` per Identity
 * Store user (`spec.memberOf` its groups), a `Group` of type `team` per
 * group (`spec.members` its users), and a `Resource` of type
 * `aws-permission-set` per permission set, part of the account holding the
 * instance, with its provisioned accounts and its assignments (principals
 * as entity refs). Every entity carries the `identity-center` scope.
 */
export function identityCenterToEntities(
  snapshot: IdentityCenterSnapshot,
  ctx: MappingContext,
  options: { defaultOwner: string },
): Entity[] {
  const userNames = new Map(
    snapshot.users.map(u => [u.id, principalEntityName(u.userName, u.id)]),
  );
  const groupNames = new Map(
    snapshot.groups.map(g => [g.id, principalEntityName(g.displayName, g.id)]),
  );
  const groupsOf = new Map<string, string[]>();
  for (const group of snapshot.groups) {
    for (const userId of group.memberUserIds) {
      groupsOf.set(userId, [
        ...(groupsOf.get(userId) ?? []),
        groupNames.get(group.id)!,
      ]);
    }
  }
  const principalRef = (type: 'GROUP' | 'USER', id: string) => {
    const name = (type === 'GROUP' ? groupNames : userNames).get(id);
    return name && `${type === 'GROUP' ? 'group' : 'user'}:default/${name}`;
  };
  return [
    ...snapshot.users.map(user =>
      userEntity(user, userNames.get(user.id)!, groupsOf.get(user.id), ctx),
    ),
    ...snapshot.groups.map(group =>
      groupEntity(group, groupNames.get(group.id)!, userNames, ctx),
    ),
    ...snapshot.permissionSets.map(set =>
      permissionSetEntity(set, snapshot.accountId, principalRef, {
        ...ctx,
        defaultOwner: options.defaultOwner,
      }),
    ),
  ];
}

function annotations(
  ctx: MappingContext,
  extra: Record<string, string>,
): Record<string, string> {
  return {
    [ANNOTATION_LOCATION]: ctx.locationRef,
    [ANNOTATION_ORIGIN_LOCATION]: ctx.locationRef,
    [ANNOTATION_ORGANIZATION_ID]: ctx.organizationId,
    [ANNOTATION_INGESTION_SCOPE]: IDENTITY_CENTER_SCOPE,
    ...extra,
  };
}

function userEntity(
  user: IdentityCenterUserRecord,
  name: string,
  groups: string[] | undefined,
  ctx: MappingContext,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      ...(user.displayName && { title: user.displayName }),
      annotations: annotations(ctx, {
        [ANNOTATION_IDENTITY_STORE_PRINCIPAL_ID]: user.id,
      }),
    },
    spec: {
      profile: {
        ...(user.displayName && { displayName: user.displayName }),
        ...(user.email && { email: user.email }),
      },
      memberOf: [...new Set(groups ?? [])].sort(),
    },
  };
}

function groupEntity(
  group: IdentityCenterGroupRecord,
  name: string,
  userNames: ReadonlyMap<string, string>,
  ctx: MappingContext,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      title: group.displayName,
      ...(group.description && { description: group.description }),
      annotations: annotations(ctx, {
        [ANNOTATION_IDENTITY_STORE_PRINCIPAL_ID]: group.id,
      }),
    },
    spec: {
      type: 'team',
      profile: { displayName: group.displayName },
      children: [],
      members: group.memberUserIds
        .flatMap(id => userNames.get(id) ?? [])
        .sort(),
    },
  };
}

function permissionSetEntity(
  set: PermissionSetRecord,
  instanceAccountId: string,
  principalRef: (type: 'GROUP' | 'USER', id: string) => string | undefined,
  ctx: MappingContext & { defaultOwner: string },
): Entity {
  const account = ctx.accounts.get(instanceAccountId);
  const assignments: PermissionSetAssignment[] = set.assignments
    .flatMap(a => {
      const principal = principalRef(a.principalType, a.principalId);
      return principal
        ? [
            {
              accountId: a.accountId,
              principal,
              principalType: a.principalType,
            },
          ]
        : [];
    })
    .sort((a, b) =>
      `${a.accountId} ${a.principal}`.localeCompare(
        `${b.accountId} ${b.principal}`,
      ),
    );
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: scopedEntityName({
        prefix: 'permission-set',
        id: set.arn.split('/').pop() ?? set.arn,
      }),
      title: set.name,
      ...(set.description && { description: set.description }),
      annotations: annotations(ctx, {
        [ANNOTATION_AWS_ACCOUNT_ID]: instanceAccountId,
        [ANNOTATION_AWS_ARN]: set.arn,
        [ANNOTATION_PERMISSION_SET_PROVISIONED]: [...set.provisionedAccountIds]
          .sort()
          .join(','),
        [ANNOTATION_PERMISSION_SET_ASSIGNMENTS]: JSON.stringify(assignments),
      }),
      tags: ['aws', 'aws-identity-center'],
    },
    spec: {
      type: AWS_PERMISSION_SET_TYPE,
      owner: account?.owner ?? ctx.defaultOwner,
      ...(account && { partOf: account.entityRef }),
    },
  };
}
