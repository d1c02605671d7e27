import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import { RESOURCE_TYPE_SCAFFOLDER_TASK } from '@backstage/plugin-scaffolder-common/alpha';
import { Audience, audienceOf } from './permissionAudiences';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * The portal's permission policy: members of the platform groups may do
 * everything; other signed-in users read everything and run the suite's
 * actions on non-production accounts, but do not change production, register
 * or unregister catalog entities, manage templates or use the Kubernetes
 * proxy. The decision per permission is in `permissionAudiences.ts`.
 *
 * Membership is read from the caller's ownership refs, which the auth
 * backend's sign-in resolver fills from the catalog (the user and the groups
 * it is a member of), so deciding needs no catalog call; an `owners`
 * audience answers with a condition the catalog resolves per entity.
 */
export class AwsPlatformPermissionPolicy implements PermissionPolicy {
  private readonly platformGroups: ReadonlySet<string>;
  private readonly audiences: Readonly<Record<string, Audience>>;

  /**
   * @param options.platformGroups - group refs whose members may do everything
   * @param options.audiences - audiences by permission name that replace the
   *   shipped ones, e.g. `{ 'aws-platform.live-status.read': 'owners' }`
   */
  constructor(options: {
    platformGroups: ReadonlyArray<string>;
    audiences?: Readonly<Record<string, Audience>>;
  }) {
    this.platformGroups = new Set(
      options.platformGroups.map(ref => ref.toLocaleLowerCase('en-US')),
    );
    this.audiences = options.audiences ?? {};
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // No user: the request is not a signed-in user's (service principals are
    // allowed before the policy is asked).
    if (!user) return DENY;
    if (this.isPlatformMember(user)) return ALLOW;

    switch (audienceOf(request.permission.name, this.audiences)) {
      case 'everyone':
        return ALLOW;
      case 'own-tasks':
        return ownTasksOnly(request, user);
      case 'owners':
        return ownedEntitiesOnly(request, user);
      default:
        return DENY;
    }
  }

  private isPlatformMember(user: PolicyQueryUser): boolean {
    return user.info.ownershipEntityRefs.some(ref =>
      this.platformGroups.has(ref.toLocaleLowerCase('en-US')),
    );
  }
}

function ownTasksOnly(
  request: PolicyQuery,
  user: PolicyQueryUser,
): PolicyDecision {
  if (
    !isResourcePermission(request.permission, RESOURCE_TYPE_SCAFFOLDER_TASK)
  ) {
    return DENY;
  }
  return createScaffolderTaskConditionalDecision(
    request.permission,
    scaffolderTaskConditions.isTaskOwner({
      createdBy: [user.info.userEntityRef],
    }),
  );
}

/**
 * The catalog entities the user or one of their groups owns: a condition
 * the catalog plugin resolves against the entity's `ownedBy` relations.
 */
function ownedEntitiesOnly(
  request: PolicyQuery,
  user: PolicyQueryUser,
): PolicyDecision {
  if (!isResourcePermission(request.permission, RESOURCE_TYPE_CATALOG_ENTITY)) {
    return DENY;
  }
  return createCatalogConditionalDecision(
    request.permission,
    catalogConditions.isEntityOwner({
      claims: user.info.ownershipEntityRefs,
    }),
  );
}
