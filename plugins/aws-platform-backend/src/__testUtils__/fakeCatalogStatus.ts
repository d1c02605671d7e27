import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import type { IngestionProviderStatus } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { INGESTION_STATUS_PATH } from '@aws-platform-suite/backstage-plugin-catalog-backend-module-aws-platform';
import Router from 'express-promise-router';

/**
 * A stand-in for the catalog with the suite's module: serves `providers`,
 * as recorded (unsanitised), at the module's route, to service callers
 * only, and keeps the subject of every caller.
 */
export function fakeCatalogStatus(providers: IngestionProviderStatus[]) {
  const callers: string[] = [];
  const plugin = createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = Router();
          router.get(INGESTION_STATUS_PATH, async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            callers.push(credentials.principal.subject);
            res.json({ providers });
          });
          httpRouter.use(router);
        },
      });
    },
  });
  return { plugin, callers };
}
