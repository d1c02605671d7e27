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
 * Every permission the suite defines.
 * @public
 */
export const awsPlatformPermissions = [awsPlatformStatusReadPermission];
