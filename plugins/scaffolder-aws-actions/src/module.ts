import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { awsPlatformActionPermissions } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { awsClientFactoryServiceRef } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { readActionsConfig } from './actionsConfig';
import { createBackupPlanAction } from './actions/createBackupPlan';
import { createDelegatedSubdomainAction } from './actions/createDelegatedSubdomain';
import { createFlightdeckWorkloadAction } from './actions/createFlightdeckWorkload';
import { keepRenderedFilesAction } from './actions/keepRenderedFiles';

/**
 * Scaffolder module of the AWS Platform suite: registers the suite's actions,
 * and the permissions they check with the scaffolder plugin's permission
 * registry (listed by its permission metadata endpoint).
 * @public
 */
export const scaffolderModuleAwsPlatform = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'aws-platform',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        clientFactory: awsClientFactoryServiceRef,
      },
      async init({
        scaffolder,
        config,
        permissions,
        permissionsRegistry,
        catalog,
        clientFactory,
      }) {
        permissionsRegistry.addPermissions(awsPlatformActionPermissions);
        const actionsConfig = readActionsConfig(config);
        const deps = {
          config: actionsConfig,
          clientFactory,
          catalog,
          permissions,
        };
        scaffolder.addActions(
          createDelegatedSubdomainAction(deps),
          createBackupPlanAction(deps),
          createFlightdeckWorkloadAction(deps),
          keepRenderedFilesAction(),
        );
      },
    });
  },
});
