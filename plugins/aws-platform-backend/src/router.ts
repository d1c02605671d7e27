import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  awsPlatformStatusReadPermission,
  IngestionStatusResponse,
} from '@internal/backstage-plugin-aws-platform-common';
import express from 'express';
import Router from 'express-promise-router';
import type { IngestionStatusStore } from './status/ingestionStatusStore';

/** The `aws-platform` HTTP API. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  statusStore: IngestionStatusStore;
}): Promise<express.Router> {
  const { httpAuth, permissions, statusStore } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/ingestion/status', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: awsPlatformStatusReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read the AWS Platform status');
    }
    const body: IngestionStatusResponse = { providers: statusStore.list() };
    res.json(body);
  });

  return router;
}
