import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  awsPlatformStatusReadPermission,
  IngestionStatusResponse,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { IngestionStatusStore } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import express from 'express';
import Router from 'express-promise-router';

/**
 * Where the catalog serves the ingestion status, under `/api/catalog`.
 *
 * @public
 */
export const INGESTION_STATUS_PATH = '/aws-platform/ingestion-status';

/**
 * `GET /api/catalog/aws-platform/ingestion-status`: the last outcome of
 * every provider of the module, as `GET /api/aws-platform/ingestion/status`
 * serves it. Service callers (the `aws-platform` plugin, which checks its
 * user's permission itself) may read it; a user needs
 * `aws-platform.status.read`.
 */
export function createStatusRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: IngestionStatusStore;
}): express.Router {
  const { httpAuth, permissions, store } = options;
  const router = Router();
  router.get(INGESTION_STATUS_PATH, async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (credentials.principal.type === 'user') {
      const [decision] = await permissions.authorize(
        [{ permission: awsPlatformStatusReadPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError('You may not read the AWS Platform status');
      }
    }
    const body: IngestionStatusResponse = { providers: await store.list() };
    res.json(body);
  });
  return router;
}
