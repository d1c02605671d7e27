import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProvider from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogLocationCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { Permission } from '@backstage/plugin-permission-common';
import {
  awsAccountEntityRef,
  awsPlatformProductionChangePermission,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { permissionModuleAwsPlatformPolicy } from './permissions/policyModule';

// The local portal's guest, signed in as the browser and the e2e tests do,
// with app-config.yaml's auth, catalog and permission settings and the real
// token services: the guest must hold the platform-only permissions, or the
// templates cannot run on Production.

const appConfig = parse(
  readFileSync(resolve(__dirname, '../../../app-config.yaml'), 'utf8'),
);

type Server = Parameters<typeof request>[0];

async function guestToken(server: Server): Promise<string> {
  const response = await request(server)
    .get('/api/auth/guest/refresh?env=development')
    .set('x-requested-with', 'XMLHttpRequest');
  expect(response.status).toBe(200);
  return response.body.backstageIdentity.token;
}

async function authorize(
  server: Server,
  token: string,
  permission: Permission,
  resourceRef?: string,
) {
  const response = await request(server)
    .post('/api/permission/authorize')
    .set('Authorization', `Bearer ${token}`)
    .send({ items: [{ id: '1', permission, resourceRef }] });
  expect(response.status).toBe(200);
  return response.body.items[0].result;
}

async function catalogHasGuest(server: Server, token: string) {
  const response = await request(server)
    .get('/api/catalog/entities/by-name/user/default/guest')
    .set('Authorization', `Bearer ${token}`);
  return response.status === 200;
}

describe("the local portal's guest", () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    const { app, auth, catalog, permission, awsPlatform } = appConfig;
    backend = await startTestBackend({
      features: [
        authPlugin,
        guestProvider,
        catalogPlugin,
        permissionPlugin,
        permissionModuleAwsPlatformPolicy,
        authServiceFactory,
        httpAuthServiceFactory,
        userInfoServiceFactory,
        permissionsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            app,
            // jest runs with NODE_ENV=test; the portal runs in development.
            auth: {
              ...auth,
              providers: {
                guest: {
                  ...auth.providers.guest,
                  dangerouslyAllowOutsideDevelopment: true,
                },
              },
            },
            catalog: {
              rules: catalog.rules,
              // The portal runs from this package's folder, so relative
              // targets are resolved from there, whatever jest's cwd is.
              locations: catalog.locations.map(
                (location: { type: string; target: string }) => ({
                  ...location,
                  target: resolve(__dirname, '..', location.target),
                }),
              ),
              processingInterval: { seconds: 1 },
            },
            permission,
            awsPlatform: { permissions: awsPlatform.permissions },
          },
        }),
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
  });

  it('is the catalog user, a platform member allowed production changes and locations', async () => {
    let token = await guestToken(backend.server);
    for (let tries = 0; tries < 60; tries++) {
      if (await catalogHasGuest(backend.server, token)) break;
      await new Promise(r => setTimeout(r, 250));
    }
    expect(await catalogHasGuest(backend.server, token)).toBe(true);
    // Signed in again now that the catalog has the user and its groups.
    token = await guestToken(backend.server);
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1], 'base64url').toString(),
    );
    expect(claims.sub).toBe('user:default/guest');

    // The production change is asked per account entity, as the actions do.
    expect(
      await authorize(
        backend.server,
        token,
        awsPlatformProductionChangePermission,
        awsAccountEntityRef('715451680876'),
      ),
    ).toBe('ALLOW');
    expect(
      await authorize(backend.server, token, catalogLocationCreatePermission),
    ).toBe('ALLOW');
  }, 30_000);
});
