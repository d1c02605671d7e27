import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogLocationCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { Permission } from '@backstage/plugin-permission-common';
import {
  awsAccountEntityRef,
  awsPlatformLiveStatusReadPermission,
  awsPlatformProductionChangePermission,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import request from 'supertest';
import { permissionModuleAwsPlatformPolicy } from './policyModule';

// The policy inside a real permission backend (and a real catalog asking
// it), reached over HTTP on a port the test backend picks.

const MEMBER = 'user:default/guest';
const ACCOUNT_REF = awsAccountEntityRef('715451680876');
const DEVELOPER = 'user:default/dev';
const GROUPS: Record<string, string[]> = {
  [MEMBER]: ['group:default/platform-team'],
  [DEVELOPER]: ['group:default/app-developers'],
};

// What the auth backend's sign-in resolver would have put in the token.
const userInfo = mockServices.userInfo.mock({
  async getUserInfo(credentials: BackstageCredentials) {
    const principal = credentials.principal as { userEntityRef: string };
    const userEntityRef = principal.userEntityRef;
    return {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...(GROUPS[userEntityRef] ?? [])],
    };
  },
});

async function startPortalBackend() {
  return startTestBackend({
    features: [
      permissionPlugin,
      permissionModuleAwsPlatformPolicy,
      catalogPlugin,
      permissionsServiceFactory,
      userInfo.factory,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          awsPlatform: {
            permissions: { platformGroups: ['group:default/platform-team'] },
          },
        },
      }),
    ],
  });
}

type Server = Awaited<ReturnType<typeof startPortalBackend>>['server'];

async function authorize(
  server: Server,
  user: string,
  permission: Permission,
  resourceRef?: string,
) {
  const response = await request(server)
    .post('/api/permission/authorize')
    .set('Authorization', mockCredentials.user.header(user))
    .send({ items: [{ id: '1', permission, resourceRef }] });
  expect(response.status).toBe(200);
  return response.body.items[0].result;
}

describe('permissionModuleAwsPlatformPolicy in a backend', () => {
  let backend: Awaited<ReturnType<typeof startPortalBackend>>;

  beforeAll(async () => {
    backend = await startPortalBackend();
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('denies a non-member the production change of an account and location creation', async () => {
    expect(
      await authorize(
        backend.server,
        DEVELOPER,
        awsPlatformProductionChangePermission,
        ACCOUNT_REF,
      ),
    ).toBe('DENY');
    expect(
      await authorize(
        backend.server,
        DEVELOPER,
        catalogLocationCreatePermission,
      ),
    ).toBe('DENY');
  });

  it('allows a platform member both', async () => {
    expect(
      await authorize(
        backend.server,
        MEMBER,
        awsPlatformProductionChangePermission,
        ACCOUNT_REF,
      ),
    ).toBe('ALLOW');
    expect(
      await authorize(backend.server, MEMBER, catalogLocationCreatePermission),
    ).toBe('ALLOW');
  });

  it('allows every user the live status of an entity', async () => {
    expect(
      await authorize(
        backend.server,
        DEVELOPER,
        awsPlatformLiveStatusReadPermission,
        'resource:default/shop-cluster',
      ),
    ).toBe('ALLOW');
  });

  it('makes the catalog refuse a location registered by a non-member', async () => {
    const location = { type: 'url', target: 'https://example.com/rogue.yaml' };
    const denied = await request(backend.server)
      .post('/api/catalog/locations?dryRun=true')
      .set('Authorization', mockCredentials.user.header(DEVELOPER))
      .send(location);
    expect(denied.status).toBe(403);

    // A member gets past the permission check to reading the target, which
    // this backend cannot do: any answer but 403 shows the policy allowed it.
    const allowed = await request(backend.server)
      .post('/api/catalog/locations?dryRun=true')
      .set('Authorization', mockCredentials.user.header(MEMBER))
      .send(location);
    expect(allowed.status).not.toBe(403);
  });
});
