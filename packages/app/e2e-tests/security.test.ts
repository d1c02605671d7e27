import { expect, request, test } from '@playwright/test';
import { BACKEND, guestToken } from './portal';

// Against the portal's backend on the seeded local estate: every route of
// the suite, and the scaffolder routes that run its actions, refuse a caller
// without a Backstage token; with a user token the answers carry no AWS
// credential. The portal's policy lets the guest, a platform-team member, do
// everything; denials to other users are covered by the backend's tests
// (packages/backend/src/permissions).
const CLUSTER = 'resource:default/acme-production-v1-715451680876-us-east-1';

const PROTECTED: { method: 'GET' | 'POST'; path: string; body?: object }[] = [
  { method: 'GET', path: '/api/aws-platform/ingestion/status' },
  {
    method: 'GET',
    path: `/api/aws-platform/live/clusters?entityRef=${CLUSTER}`,
  },
  {
    method: 'GET',
    path: '/api/aws-platform/live/zones?entityRef=resource:default/example.com',
  },
  {
    method: 'GET',
    path: '/api/aws-platform/live/backups?entityRef=resource:default/x',
  },
  {
    method: 'POST',
    path: '/api/scaffolder/v2/tasks',
    body: {
      templateRef: 'template:default/delegated-subdomain',
      values: {
        domainName: 'unauthenticated.example.com',
        account: '171870262174',
      },
    },
  },
  {
    method: 'POST',
    path: '/api/catalog/locations',
    body: { type: 'url', target: 'https://example.com/catalog-info.yaml' },
  },
  {
    method: 'POST',
    path: '/api/scaffolder/v2/dry-run',
    body: { template: {}, values: {}, directoryContents: [] },
  },
];

const CREDENTIAL_SHAPES = [
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/,
  /secretAccessKey/i,
  /sessionToken/i,
  /x-amz-security-token/i,
];

test('the suite routes and the scaffolder refuse callers without a token', async () => {
  const api = await request.newContext();
  expect((await api.get(`${BACKEND}/api/aws-platform/health`)).status()).toBe(
    200,
  );
  for (const route of PROTECTED) {
    for (const authorization of [undefined, 'Bearer not-a-token']) {
      const headers = authorization ? { authorization } : undefined;
      const response =
        route.method === 'GET'
          ? await api.get(`${BACKEND}${route.path}`, { headers })
          : await api.post(`${BACKEND}${route.path}`, {
              headers,
              data: route.body,
            });
      expect(
        response.status(),
        `${route.method} ${route.path} with ${authorization ?? 'no token'}`,
      ).toBe(401);
    }
  }
  await api.dispose();
});

test("a user's answers from the live status API carry no AWS credential", async () => {
  const guest = await request.newContext();
  const token = await guestToken(guest);
  await guest.dispose();
  const api = await request.newContext({
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  // The catalog ingests on start-up; wait until the cluster is there.
  let body = '';
  await expect(async () => {
    const response = await api.get(
      `${BACKEND}/api/aws-platform/live/clusters?entityRef=${CLUSTER}`,
    );
    expect(response.status()).toBe(200);
    body = await response.text();
  }).toPass({ timeout: 120_000 });
  expect(JSON.parse(body)).toHaveProperty('nodegroups');
  const status = await api.get(`${BACKEND}/api/aws-platform/ingestion/status`);
  expect(status.status()).toBe(200);
  for (const text of [body, await status.text()]) {
    for (const shape of CREDENTIAL_SHAPES) {
      expect(text).not.toMatch(shape);
    }
  }
  await api.dispose();
});

test('the shipped permission policy counts the guest as a platform-team member', async () => {
  const guest = await request.newContext();
  const token = await guestToken(guest);
  await guest.dispose();
  const api = await request.newContext({
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  // Platform-only permissions: another signed-in user is denied both.
  const response = await api.post(`${BACKEND}/api/permission/authorize`, {
    data: {
      items: [
        {
          id: 'production',
          permission: {
            type: 'resource',
            name: 'aws-platform.production.change',
            attributes: { action: 'update' },
            resourceType: 'catalog-entity',
          },
          resourceRef: 'resource:default/account-222222222222',
        },
        {
          id: 'location',
          permission: {
            type: 'basic',
            name: 'catalog.location.create',
            attributes: { action: 'create' },
          },
        },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as {
    items: { id: string; result: string }[];
  };
  expect(Object.fromEntries(items.map(item => [item.id, item.result]))).toEqual(
    { production: 'ALLOW', location: 'ALLOW' },
  );
  await api.dispose();
});
