import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { awsPlatformPlugin } from './plugin';
import {
  IngestionStatusStore,
  ingestionStatusStoreRef,
} from './status/ingestionStatusStore';

async function start(options: { allow: boolean }) {
  const store = new IngestionStatusStore();
  store.record({
    provider: 'AwsOrganizationEntityProvider',
    lastRunAt: '2026-11-25T10:00:00.000Z',
    outcome: 'ok',
    durationMs: 1200,
    entityCount: 13,
    failures: [],
  });
  const { server } = await startTestBackend({
    features: [
      awsPlatformPlugin,
      mockServices.permissions.factory({
        result: options.allow ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      }),
      createServiceFactory({
        service: ingestionStatusStoreRef,
        deps: {},
        factory: () => store,
      }),
    ],
  });
  return server;
}

describe('aws-platform backend plugin', () => {
  it('serves the ingestion status to a permitted user', async () => {
    const server = await start({ allow: true });
    const response = await request(server).get(
      '/api/aws-platform/ingestion/status',
    );
    expect(response.status).toBe(200);
    expect(response.body.providers).toEqual([
      expect.objectContaining({
        provider: 'AwsOrganizationEntityProvider',
        entityCount: 13,
      }),
    ]);
  });

  it('answers 401 without credentials and 403 without the permission', async () => {
    const allowed = await start({ allow: true });
    const anonymous = await request(allowed)
      .get('/api/aws-platform/ingestion/status')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);

    const denied = await start({ allow: false });
    const response = await request(denied).get(
      '/api/aws-platform/ingestion/status',
    );
    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('NotAllowedError');
  });

  it('answers health checks without credentials', async () => {
    const server = await start({ allow: false });
    const response = await request(server)
      .get('/api/aws-platform/health')
      .set('Authorization', mockCredentials.none.header());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
