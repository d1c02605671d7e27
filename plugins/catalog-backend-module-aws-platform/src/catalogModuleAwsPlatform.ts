import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  awsClientFactoryServiceRef,
  AwsPlatformEntityTransformer,
  awsPlatformEntityTransformersExtensionPoint,
} from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import type { TransformerKey } from './ingestion/applyTransformers';
import { AwsPlatformEntityProvider } from './AwsPlatformEntityProvider';
import { createCatalogMemory } from './ingestion/catalogMemory';
import { createResourceReaders } from './ingestion/resourceReaders';
import { createAccountTagsReader } from './organization/accountTagsReader';
import { createAccountParentReader } from './organization/accountParentReader';
import { AwsPlatformEntityProcessor } from './AwsPlatformEntityProcessor';
import { readIngestionConfigs } from './ingestionConfig';
import { DatabaseIngestionStatusStore } from './status/DatabaseIngestionStatusStore';
import { DatabaseAccountTagStore } from './organization/DatabaseAccountTagStore';
import { createStatusRouter } from './status/statusRouter';
import { awsPlatformCatalogPermissionRules } from './permissions/permissionRules';
import { createEventCatalog } from './events/eventCatalog';
import { subscribeToCloudTrailEvents } from './events/subscribeToCloudTrailEvents';
import { DatabaseChangeJournal } from './events/replicas/DatabaseChangeJournal';
import { DatabaseScopeLeases } from './events/replicas/DatabaseScopeLeases';

/**
 * Catalog module of the AWS Platform suite: ingests each AWS organization
 * configured under `catalog.providers.awsPlatform` and what runs in its
 * accounts (Route 53 zones, EKS clusters, AWS Backup vaults and plans), and
 * serves the last outcome of each organization's provider, kept in the
 * catalog's database, at `GET /api/catalog/aws-platform/ingestion-status`.
 * With `events.enabled`, each provider also subscribes to CloudTrail events
 * (the events service's topic) and re-reads only what they say changed.
 *
 * @public
 */
export const catalogModuleAwsPlatform = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'aws-platform',
  register(env) {
    const transformers = new Map<
      TransformerKey,
      AwsPlatformEntityTransformer
    >();
    const setOnce = (
      key: TransformerKey,
      transformer: AwsPlatformEntityTransformer,
    ) => {
      if (transformers.has(key)) {
        throw new Error(`A transformer for ${key} entities is already set`);
      }
      transformers.set(key, transformer);
    };
    env.registerExtensionPoint(awsPlatformEntityTransformersExtensionPoint, {
      setTransformer: setOnce,
      setUserTransformer: transformer => setOnce('user', transformer),
      setGroupTransformer: transformer => setOnce('group', transformer),
    });
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        catalogService: catalogServiceRef,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        clientFactory: awsClientFactoryServiceRef,
        events: eventsServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const { catalog, config, logger, scheduler, clientFactory } = deps;
        catalog.addProcessor(new AwsPlatformEntityProcessor());
        deps.permissionsRegistry.addPermissionRules(
          awsPlatformCatalogPermissionRules,
        );
        const statusStore = await DatabaseIngestionStatusStore.create(
          deps.database,
        );
        deps.httpRouter.use(
          createStatusRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            store: statusStore,
          }),
        );
        const tagStore = await DatabaseAccountTagStore.create(deps.database);
        const replicas = {
          journal: await DatabaseChangeJournal.create(deps.database),
          leases: await DatabaseScopeLeases.create(deps.database),
        };
        const ingestions = readIngestionConfigs(config);
        if (ingestions.length === 0) {
          logger.info(
            'AWS organization ingestion is off: add catalog.providers.awsPlatform to the config to turn it on',
          );
          return;
        }
        for (const ingestion of ingestions) {
          const readers = createResourceReaders(clientFactory);
          const memory = createCatalogMemory(
            deps.catalogService,
            deps.auth,
            ingestion.id,
          );
          // Kept only where refreshes may carry them.
          const accountTags = ingestion.events?.accountTagsMaxAgeMs
            ? tagStore
            : undefined;
          const provider = new AwsPlatformEntityProvider({
            config: ingestion,
            clientFactory,
            readers,
            memory,
            logger,
            taskRunner: scheduler.createScheduledTaskRunner(ingestion.schedule),
            statusStore,
            transformers,
            accountTags,
            ...(ingestion.events && { changeJournal: replicas.journal }),
          });
          catalog.addEntityProvider(provider);
          await subscribeToCloudTrailEvents({
            config: ingestion,
            events: deps.events,
            scheduler,
            lifecycle: deps.lifecycle,
            provider,
            readers,
            readAccountTags: createAccountTagsReader(
              clientFactory,
              ingestion.organization,
            ),
            readAccountParent: createAccountParentReader(
              clientFactory,
              ingestion.organization,
            ),
            memory,
            catalog: createEventCatalog(
              deps.catalogService,
              deps.auth,
              ingestion.id,
            ),
            statusStore,
            transformers,
            logger,
            accountTags,
            replicas,
          });
        }
      },
    });
  },
});
