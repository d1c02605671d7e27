import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { awsPlatformPermissions } from '@internal/backstage-plugin-aws-platform-common';
import { createRouter } from './router';
import { ingestionStatusStoreRef } from './status/ingestionStatusStore';

/**
 * The `aws-platform` backend plugin: the suite's HTTP API.
 *
 * @public
 */
export const awsPlatformPlugin = createBackendPlugin({
  pluginId: 'aws-platform',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        statusStore: ingestionStatusStoreRef,
      },
      async init({
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        statusStore,
      }) {
        permissionsRegistry.addPermissions(awsPlatformPermissions);
        httpRouter.use(
          await createRouter({ httpAuth, permissions, statusStore }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
