import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogIngestionManagePermission,
  catalogIngestionReadPermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  kubernetesClustersReadPermission,
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  awsPlatformBackupPlanCreatePermission,
  awsPlatformDelegationRepairPermission,
  awsPlatformFlightdeckWorkloadCreatePermission,
  awsPlatformLiveStatusReadPermission,
  awsPlatformProductionChangePermission,
  awsPlatformStatusReadPermission,
  awsPlatformSubdomainCreatePermission,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';

/**
 * Who holds a permission:
 * - `everyone`: every signed-in user;
 * - `platform`: members of the platform groups only;
 * - `own-tasks`: every signed-in user for the scaffolder tasks they started,
 *   platform members for all tasks;
 * - `owners`: every signed-in user for the catalog entities they or their
 *   groups own (`catalogConditions.isEntityOwner`), platform members for all
 *   entities; for `catalog-entity` permissions only.
 */
export type Audience = 'everyone' | 'platform' | 'own-tasks' | 'owners';

/**
 * The shipped decision per permission; docs/security.md gives the reason for
 * each. A permission missing here is for platform members only, so a plugin
 * added later is closed until someone decides.
 */
export const PERMISSION_AUDIENCES: Readonly<Record<string, Audience>> = {
  // Catalog: everyone reads and refreshes; what enters or leaves it is the
  // platform team's call (registered locations are where rogue entities come from).
  [catalogEntityReadPermission.name]: 'everyone',
  [catalogEntityRefreshPermission.name]: 'everyone',
  [catalogEntityValidatePermission.name]: 'everyone',
  [catalogLocationReadPermission.name]: 'everyone',
  [catalogIngestionReadPermission.name]: 'everyone',
  [catalogEntityCreatePermission.name]: 'platform',
  [catalogEntityDeletePermission.name]: 'platform',
  [catalogLocationCreatePermission.name]: 'platform',
  [catalogLocationAnalyzePermission.name]: 'platform',
  [catalogLocationDeletePermission.name]: 'platform',
  [catalogIngestionManagePermission.name]: 'platform',

  // Scaffolder: everyone runs the reviewed templates; authoring and running
  // unreviewed ones (the editor's dry-run) is template management.
  [templateParameterReadPermission.name]: 'everyone',
  [templateStepReadPermission.name]: 'everyone',
  [taskCreatePermission.name]: 'everyone',
  [actionExecutePermission.name]: 'everyone',
  [taskReadPermission.name]: 'own-tasks',
  [taskCancelPermission.name]: 'own-tasks',
  [templateDryRunPermission.name]: 'platform',
  [templateManagementPermission.name]: 'platform',

  // Kubernetes: reading objects is fine; the proxy sends any request,
  // writes included, with the backend's cluster credentials.
  [kubernetesClustersReadPermission.name]: 'everyone',
  [kubernetesResourcesReadPermission.name]: 'everyone',
  [kubernetesProxyPermission.name]: 'platform',

  // The suite: its actions change allowlisted non-production accounts for
  // everyone; production needs the production permission on top (a
  // catalog-entity permission, asked per account entity). Live status is a
  // catalog-entity permission too; 'owners' would limit it to the entity's
  // owners (see the README).
  [awsPlatformStatusReadPermission.name]: 'everyone',
  [awsPlatformLiveStatusReadPermission.name]: 'everyone',
  [awsPlatformSubdomainCreatePermission.name]: 'everyone',
  [awsPlatformBackupPlanCreatePermission.name]: 'everyone',
  [awsPlatformFlightdeckWorkloadCreatePermission.name]: 'everyone',
  [awsPlatformProductionChangePermission.name]: 'platform',
  // Rewrites a delegation in the Network account's parent zone: whoever
  // holds it can point a subdomain at other name servers.
  [awsPlatformDelegationRepairPermission.name]: 'platform',
};

/**
 * The audience of a permission by name, from `overrides` first, then
 * {@link PERMISSION_AUDIENCES}; unknown ones are platform-only.
 */
export function audienceOf(
  permissionName: string,
  overrides: Readonly<Record<string, Audience>> = {},
): Audience {
  if (Object.hasOwn(overrides, permissionName)) {
    return overrides[permissionName];
  }
  return Object.hasOwn(PERMISSION_AUDIENCES, permissionName)
    ? PERMISSION_AUDIENCES[permissionName]
    : 'platform';
}
