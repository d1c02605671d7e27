import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  awsClientFactoryServiceRef,
  AwsPlatformEntityTransformer,
  awsPlatformEntityTransformersExtensionPoint,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { AwsEntityType } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { ingestionStatusStoreRef } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import { AwsPlatformEntityProvider } from './AwsPlatformEntityProvider';
import { createCatalogMemory } from './ingestion/catalogMemory';
import { createResourceReaders } from './ingestion/resourceReaders';
import { AwsPlatformEntityProcessor } from './AwsPlatformEntityProcessor';
import { readIngestionConfig } from './ingestionConfig';

/**
 * Catalog module of the AWS Platform suite: ingests the AWS organization
 * configured under `catalog.providers.awsPlatform` and what runs in its
 * accounts (Route 53 zones, EKS clusters, AWS Backup vaults and plans).
 *
 * @public
 */
export const catalogModuleAwsPlatform = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aws-platform',
  register(env) {
    const transformers = new Map<AwsEntityType, AwsPlatformEntityTransformer>();
    env.registerExtensionPoint(awsPlatformEntityTransformersExtensionPoint, {
      setTransformer(type, transformer) {
        if (transformers.has(type)) {
          throw new Error(`A transformer for ${type} entities is already set`);
        }
        transformers.set(type, transformer);
      },
    });
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        catalogService: catalogServiceRef,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        clientFactory: awsClientFactoryServiceRef,
        statusStore: ingestionStatusStoreRef,
      },
      async init({
        catalog,
        config,
        auth,
        catalogService,
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
          new AwsPlatformEntityProvider({
            config: ingestion,
            clientFactory,
            readers: createResourceReaders(clientFactory),
            memory: createCatalogMemory(catalogService, auth),
            logger,
            taskRunner: scheduler.createScheduledTaskRunner(ingestion.schedule),
            statusStore,
            transformers,
          }),
        );
      },
    });
  },
});
