import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { awsPlatformBackendPermissions } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { awsClientFactoryServiceRef } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { readLiveStatusConfig } from './live/liveStatusConfig';
import { createRouter } from './router';
import { catalogIngestionStatusReader } from './status/catalogIngestionStatus';

/**
 * The `aws-platform` backend plugin: the suite's HTTP API (ingestion status
 * and the live status endpoints).
 *
 * @public
 */
export const awsPlatformPlugin = createBackendPlugin({
  pluginId: 'aws-platform',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        cache: coreServices.cache,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        clientFactory: awsClientFactoryServiceRef,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({
        config,
        logger,
        cache,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        catalog,
        clientFactory,
        discovery,
        auth,
      }) {
        permissionsRegistry.addPermissions(awsPlatformBackendPermissions);
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            readIngestionStatus: catalogIngestionStatusReader({
              discovery,
              auth,
            }),
            catalog,
            clientFactory,
            cache,
            logger,
            liveStatus: readLiveStatusConfig(config),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
