import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { awsClientFactoryServiceRef } from '@internal/backstage-plugin-aws-platform-node';
import { ingestionStatusStoreRef } from '../status/ingestionStatusStore';
import { AwsOrganizationEntityProvider } from './AwsOrganizationEntityProvider';
import { AwsPlatformEntityProcessor } from './AwsPlatformEntityProcessor';
import { readIngestionConfig } from './ingestionConfig';

/**
 * Catalog module of the AWS Platform suite: ingests the AWS organization
 * configured under `catalog.providers.awsPlatform`.
 *
 * @public
 */
export const catalogModuleAwsPlatform = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aws-platform',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        clientFactory: awsClientFactoryServiceRef,
        statusStore: ingestionStatusStoreRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        clientFactory,
        statusStore,
      }) {
        catalog.addProcessor(new AwsPlatformEntityProcessor());
        const ingestion = readIngestionConfig(config);
        if (!ingestion) {
          logger.info(
            'AWS organization ingestion is off: add catalog.providers.awsPlatform to the config to turn it on',
          );
          return;
        }
        catalog.addEntityProvider(
          new AwsOrganizationEntityProvider({
            config: ingestion,
            clientFactory,
            logger,
            taskRunner: scheduler.createScheduledTaskRunner(ingestion.schedule),
            statusStore,
          }),
        );
      },
    });
  },
});
