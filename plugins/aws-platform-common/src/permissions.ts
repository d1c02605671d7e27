import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/*
 * Permissions of the suite. Those about one catalog entity are
 * `catalog-entity` resource permissions, authorized against that entity's
 * ref, so a policy can decide them with the catalog's conditions, e.g.
 * `createCatalogConditionalDecision(permission,
 * catalogConditions.isEntityOwner({ claims: user.info.ownershipEntityRefs }))`.
 * The others guard a kind of action and are basic permissions.
 */

/**
 * Allows reading the suite's operational status, such as the outcome of
 * each ingestion scope.
 * @public
 */
export const awsPlatformStatusReadPermission = createPermission({
  name: 'aws-platform.status.read',
  attributes: { action: 'read' },
});

/**
 * Allows running the scaffolder action that creates a delegated subdomain.
 * @public
 */
export const awsPlatformSubdomainCreatePermission = createPermission({
  name: 'aws-platform.route53.subdomain.create',
  attributes: { action: 'create' },
});

/**
 * Allows the subdomain action, when a template asks for `repairDelegation`,
 * to rewrite the parent zone's NS record of a subdomain whose zone the suite
 * made for the same request, when that record names other name servers.
 * Needed on top of the subdomain and production permissions.
 * @public
 */
export const awsPlatformDelegationRepairPermission = createPermission({
  name: 'aws-platform.route53.delegation.repair',
  attributes: { action: 'update' },
});

/**
 * Allows running the scaffolder action that creates a backup plan.
 * @public
 */
export const awsPlatformBackupPlanCreatePermission = createPermission({
  name: 'aws-platform.backup.plan.create',
  attributes: { action: 'create' },
});

/**
 * Allows running the scaffolder action that sets up a new Flightdeck
 * workload (ECR repository, pod and deploy roles, DNS records).
 * @public
 */
export const awsPlatformFlightdeckWorkloadCreatePermission = createPermission({
  name: 'aws-platform.flightdeck.workload.create',
  attributes: { action: 'create' },
});

/**
 * Needed in addition to an action's own permission when the action changes
 * an account marked `production` in `scaffolder.awsPlatform.accounts` (and
 * the shared Network and Operations accounts). A `catalog-entity` resource
 * permission, authorized once per such account against the account's
 * entity, {@link awsAccountEntityRef}; the entity need not be readable by
 * the user, but a conditional decision is denied when it is not in the
 * catalog.
 * @public
 */
export const awsPlatformProductionChangePermission = createPermission({
  name: 'aws-platform.production.change',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows reading the live status endpoints of the `aws-platform` backend
 * (cluster, delegation and backup status read from AWS on request). A
 * `catalog-entity` resource permission, authorized against the ref of the
 * entity whose live status is asked for, before the entity is read; the
 * entity itself must also be readable by the caller in the catalog.
 * @public
 */
export const awsPlatformLiveStatusReadPermission = createPermission({
  name: 'aws-platform.live-status.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * The ref of the catalog entity the suite's ingestion makes for an AWS
 * account, e.g. `resource:default/account-210987654321`: the resource the
 * production permission is authorized against.
 * @public
 */
export function awsAccountEntityRef(accountId: string): string {
  if (!/^\d{12}$/.test(accountId)) {
    throw new InputError(`'${accountId}' is not an AWS account id`);
  }
  return stringifyEntityRef({
    kind: 'Resource',
    namespace: 'default',
    name: `account-${accountId}`,
  });
}

/**
 * The permissions the `aws-platform` backend plugin checks (and registers).
 * @public
 */
export const awsPlatformBackendPermissions = [
  awsPlatformStatusReadPermission,
  awsPlatformLiveStatusReadPermission,
];

/**
 * The permissions the suite's scaffolder actions check (and their module
 * registers with the scaffolder plugin).
 * @public
 */
export const awsPlatformActionPermissions = [
  awsPlatformSubdomainCreatePermission,
  awsPlatformDelegationRepairPermission,
  awsPlatformBackupPlanCreatePermission,
  awsPlatformFlightdeckWorkloadCreatePermission,
  awsPlatformProductionChangePermission,
];

/**
 * Every permission the suite defines.
 * @public
 */
export const awsPlatformPermissions = [
  ...awsPlatformBackendPermissions,
  ...awsPlatformActionPermissions,
];
