import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  awsAccountEntityRef,
  awsPlatformLiveStatusReadPermission,
  awsPlatformProductionChangePermission,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import request from 'supertest';
import { AwsPlatformPermissionPolicy } from './AwsPlatformPermissionPolicy';

// The portal's policy with the owner-only variant of the README (live
// status and production changes for the entity's owners): its conditional
// decision is applied by a real catalog backend, through the catalog's
// apply-conditions endpoint, as the permission backend does, against the
// ownedBy relations the catalog stitched. (Asking the permission backend
// itself would be the same, but the test backend's mock auth drops the
// actor the catalog requires of that forwarded call.)

const OWNER = 'user:default/dev';
const OTHER = 'user:default/eve';
const MEMBER = 'user:default/guest';
const GROUPS: Record<string, string[]> = {
  [OWNER]: ['group:default/app-developers'],
  [OTHER]: ['group:default/other-team'],
  [MEMBER]: ['group:default/platform-team'],
};

const ACCOUNT_ID = '715451680876';
const ACCOUNT_REF = awsAccountEntityRef(ACCOUNT_ID);
const CLUSTER_REF = 'resource:default/shop-cluster';
const MISSING_REF = 'resource:default/account-999999999999';

function resource(name: string, type: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name },
    spec: { type, owner: 'group:default/app-developers' },
  };
}

const policy = new AwsPlatformPermissionPolicy({
  platformGroups: ['group:default/platform-team'],
  audiences: {
    [awsPlatformLiveStatusReadPermission.name]: 'owners',
    [awsPlatformProductionChangePermission.name]: 'owners',
  },
});

function userOf(userEntityRef: string): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...GROUPS[userEntityRef]],
    },
  };
}

const mockDir = createMockDirectory();

async function startPortalBackend() {
  mockDir.setContent({
    'entities.yaml': [
      resource(`account-${ACCOUNT_ID}`, 'aws-account'),
      resource('shop-cluster', 'kubernetes-cluster'),
    ]
      .map(entity => JSON.stringify(entity))
      .join('\n---\n'),
  });
  return startTestBackend({
    features: [
      catalogPlugin,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            locations: [
              {
                type: 'file',
                target: mockDir.resolve('entities.yaml'),
                rules: [{ allow: ['Resource'] }],
              },
            ],
            processingInterval: { seconds: 1 },
          },
        },
      }),
    ],
  });
}

type Server = Awaited<ReturnType<typeof startPortalBackend>>['server'];

/**
 * The policy's decision for the user, applied to the entity as the
 * permission backend does: unconditional decisions as they are, a
 * conditional one by the catalog plugin that owns the resource type.
 */
async function decide(
  server: Server,
  user: string,
  permission: ResourcePermission,
  resourceRef: string,
): Promise<string> {
  const decision = await policy.handle({ permission }, userOf(user));
  if (decision.result !== AuthorizeResult.CONDITIONAL) return decision.result;
  const { pluginId, resourceType, conditions } =
    decision as ConditionalPolicyDecision;
  expect(pluginId).toBe('catalog');
  const response = await request(server)
    .post(`/api/${pluginId}/.well-known/backstage/permissions/apply-conditions`)
    .set('Authorization', mockCredentials.service.header())
    .send({ items: [{ id: '1', resourceRef, resourceType, conditions }] });
  expect(response.status).toBe(200);
  return response.body.items[0].result;
}

/** Waits until the catalog has stitched both entities with their owner. */
async function waitForOwnedEntities(server: Server) {
  const owned = async (ref: string) => {
    const [kind, rest] = ref.split(':');
    const response = await request(server)
      .get(`/api/catalog/entities/by-name/${kind}/${rest}`)
      .set('Authorization', mockCredentials.service.header());
    const relations: { type: string }[] = response.body?.relations ?? [];
    return response.status === 200 && relations.some(r => r.type === 'ownedBy');
  };
  for (let tries = 0; tries < 120; tries++) {
    if ((await owned(ACCOUNT_REF)) && (await owned(CLUSTER_REF))) return;
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error('The catalog did not stitch the test entities in 30 s');
}

describe('the owner-only variant of the policy, applied by the catalog', () => {
  let backend: Awaited<ReturnType<typeof startPortalBackend>>;

  beforeAll(async () => {
    backend = await startPortalBackend();
    await waitForOwnedEntities(backend.server);
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
  });

  it.each([
    [awsPlatformLiveStatusReadPermission.name, CLUSTER_REF],
    [awsPlatformProductionChangePermission.name, ACCOUNT_REF],
  ])(
    'allows %s on %s to its owner and denies it to another user',
    async (name, ref) => {
      const permission = [
        awsPlatformLiveStatusReadPermission,
        awsPlatformProductionChangePermission,
      ].find(p => p.name === name)!;
      expect(await decide(backend.server, OWNER, permission, ref)).toBe(
        'ALLOW',
      );
      expect(await decide(backend.server, OTHER, permission, ref)).toBe('DENY');
      expect(await decide(backend.server, MEMBER, permission, ref)).toBe(
        'ALLOW',
      );
    },
  );

  it('denies the owner condition for an entity the catalog does not have', async () => {
    expect(
      await decide(
        backend.server,
        OWNER,
        awsPlatformProductionChangePermission,
        MISSING_REF,
      ),
    ).toBe('DENY');
  });
});
