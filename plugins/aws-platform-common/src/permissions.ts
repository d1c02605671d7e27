import { createPermission } from '@backstage/plugin-permission-common';

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
 * an account marked `production` in `scaffolder.awsPlatform.accounts`.
 * @public
 */
export const awsPlatformProductionChangePermission = createPermission({
  name: 'aws-platform.production.change',
  attributes: { action: 'update' },
});

/**
 * Allows reading the live status endpoints of the `aws-platform` backend
 * (cluster, delegation and backup status read from AWS on request). The
 * entity itself must also be readable by the caller in the catalog.
 * @public
 */
export const awsPlatformLiveStatusReadPermission = createPermission({
  name: 'aws-platform.live-status.read',
  attributes: { action: 'read' },
});

/**
 * Every permission the suite defines.
 * @public
 */
export const awsPlatformPermissions = [
  awsPlatformStatusReadPermission,
  awsPlatformSubdomainCreatePermission,
  awsPlatformDelegationRepairPermission,
  awsPlatformBackupPlanCreatePermission,
  awsPlatformFlightdeckWorkloadCreatePermission,
  awsPlatformProductionChangePermission,
  awsPlatformLiveStatusReadPermission,
];
