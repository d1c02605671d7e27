import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { AwsPlatformPermissionPolicy } from './AwsPlatformPermissionPolicy';
import {
  PLATFORM_GROUPS_CONFIG_KEY,
  readPlatformGroups,
} from './platformGroups';

/**
 * Installs {@link AwsPlatformPermissionPolicy} in the permission backend,
 * with the platform groups from `awsPlatform.permissions.platformGroups`.
 */
export const permissionModuleAwsPlatformPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'aws-platform-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ policy, config, logger }) {
        const platformGroups = readPlatformGroups(config);
        if (platformGroups.length === 0) {
          logger.warn(
            `${PLATFORM_GROUPS_CONFIG_KEY} is empty: nobody may change production, register catalog locations or manage templates`,
          );
        }
        logger.info('Permission policy: platform groups', {
          platformGroups: platformGroups.join(', '),
        });
        policy.setPolicy(new AwsPlatformPermissionPolicy({ platformGroups }));
      },
    });
  },
});
