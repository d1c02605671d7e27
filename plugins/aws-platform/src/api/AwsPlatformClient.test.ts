import { ResponseError } from '@backstage/errors';
import { mockApis, registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AwsPlatformClient } from './AwsPlatformClient';
import { liveErrorKind } from './liveErrorKind';

const BASE = 'http://backstage.test/api/aws-platform';
const CLUSTER = 'resource:default/acme-production-v1-715451680876-us-east-1';

const server = setupServer();
registerMswTestHooks(server);

function createClient() {
  return new AwsPlatformClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: mockApis.fetch({ injectIdentityAuth: { token: 'user-token' } }),
  });
}

/** The error body Backstage's backend sends, as its error handler writes it. */
function errorBody(name: string, message: string, statusCode: number) {
  return {
    error: { name, message },
    request: { method: 'GET', url: '/api/aws-platform/live/clusters' },
    response: { statusCode },
  };
}

describe('AwsPlatformClient', () => {
  it('asks the live endpoints with the entity ref and the user’s token', async () => {
    const seen: Array<{
      path: string;
      entityRef: string | null;
      auth: string | null;
    }> = [];
    server.use(
      http.get(`${BASE}/live/:kind`, ({ request, params }) => {
        const url = new URL(request.url);
        seen.push({
          path: String(params.kind),
          entityRef: url.searchParams.get('entityRef'),
          auth: request.headers.get('authorization'),
        });
        return HttpResponse.json({
          entityRef: url.searchParams.get('entityRef'),
        });
      }),
    );
    const client = createClient();

    await expect(client.getClusterLiveStatus(CLUSTER)).resolves.toEqual({
      entityRef: CLUSTER,
    });
    await client.getZoneDelegation('resource:default/example-com-z1');
    await client.getBackupActivity('resource:default/vault-1');

    expect(seen).toEqual([
      { path: 'clusters', entityRef: CLUSTER, auth: 'Bearer user-token' },
      {
        path: 'zones',
        entityRef: 'resource:default/example-com-z1',
        auth: 'Bearer user-token',
      },
      {
        path: 'backups',
        entityRef: 'resource:default/vault-1',
        auth: 'Bearer user-token',
      },
    ]);
  });

  it('reads the ingestion status', async () => {
    server.use(
      http.get(`${BASE}/ingestion/status`, () =>
        HttpResponse.json({ providers: [{ provider: 'p', outcome: 'ok' }] }),
      ),
    );
    await expect(createClient().getIngestionStatus()).resolves.toEqual({
      providers: [{ provider: 'p', outcome: 'ok' }],
    });
  });

  it('rejects a 403 with a ResponseError carrying the backend’s message', async () => {
    server.use(
      http.get(`${BASE}/live/clusters`, () =>
        HttpResponse.json(
          errorBody(
            'NotAllowedError',
            'You may not read live AWS status (permission aws-platform.live-status.read)',
            403,
          ),
          { status: 403 },
        ),
      ),
    );
    const error = await createClient()
      .getClusterLiveStatus(CLUSTER)
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause).toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('aws-platform.live-status.read'),
    });
    expect(liveErrorKind(error)).toBe('forbidden');
  });

  it('rejects a 404 with a ResponseError', async () => {
    server.use(
      http.get(`${BASE}/live/zones`, () =>
        HttpResponse.json(
          errorBody('NotFoundError', 'No entity resource:default/x', 404),
          { status: 404 },
        ),
      ),
    );
    const error = await createClient()
      .getZoneDelegation('resource:default/x')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.name).toBe('NotFoundError');
    expect(liveErrorKind(error)).toBe('not-found');
  });

  it('rejects when the backend cannot be reached', async () => {
    server.use(http.get(`${BASE}/live/backups`, () => HttpResponse.error()));
    const error = await createClient()
      .getBackupActivity('resource:default/vault-1')
      .catch(e => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(liveErrorKind(error)).toBe('unreachable');
  });
});
