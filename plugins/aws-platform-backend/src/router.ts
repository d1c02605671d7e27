import type {
  CacheService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  awsPlatformStatusReadPermission,
  IngestionStatusResponse,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import type { AwsClientFactory } from '@aws-platform-suite/backstage-plugin-aws-platform-node';
import express from 'express';
import Router from 'express-promise-router';
import { createLiveStatusRouter } from './live/liveStatusRouter';
import type { LiveStatusConfig } from './live/liveStatusConfig';
import type { IngestionStatusReader } from './status/catalogIngestionStatus';

/** The `aws-platform` HTTP API. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The catalog module's status (see catalogIngestionStatusReader). */
  readIngestionStatus: IngestionStatusReader;
  catalog: CatalogService;
  clientFactory: AwsClientFactory;
  cache: CacheService;
  logger: LoggerService;
  liveStatus: LiveStatusConfig;
}): Promise<express.Router> {
  const { httpAuth, permissions, readIngestionStatus } = options;
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
    const body: IngestionStatusResponse = {
      providers: await readIngestionStatus(),
    };
    res.json(body);
  });

  router.use(
    createLiveStatusRouter({
      httpAuth,
      permissions,
      catalog: options.catalog,
      clientFactory: options.clientFactory,
      cache: options.cache,
      logger: options.logger,
      config: options.liveStatus,
    }),
  );

  return router;
}
