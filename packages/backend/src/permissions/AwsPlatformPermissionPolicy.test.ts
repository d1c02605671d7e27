import { mockCredentials } from '@backstage/backend-test-utils';
import {
  catalogEntityCreatePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  awsPlatformLiveStatusReadPermission,
  awsPlatformProductionChangePermission,
  awsPlatformSubdomainCreatePermission,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { AwsPlatformPermissionPolicy } from './AwsPlatformPermissionPolicy';

const policy = new AwsPlatformPermissionPolicy({
  platformGroups: ['group:default/platform-team'],
});

function userOf(userEntityRef: string, groups: string[] = []): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] },
  };
}

const member = userOf('user:default/guest', ['group:default/platform-team']);
const developer = userOf('user:default/dev', ['group:default/app-developers']);

async function decide(permission: Permission, user?: PolicyQueryUser) {
  return policy.handle({ permission }, user);
}

describe('AwsPlatformPermissionPolicy', () => {
  const platformOnly = [
    awsPlatformProductionChangePermission,
    catalogLocationCreatePermission,
    catalogLocationDeletePermission,
    catalogEntityCreatePermission,
    templateManagementPermission,
    templateDryRunPermission,
    kubernetesProxyPermission,
  ];

  it.each(platformOnly.map(p => [p.name, p]))(
    'allows %s to platform members only',
    async (_name, permission) => {
      expect(await decide(permission, member)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
      expect(await decide(permission, developer)).toEqual({
        result: AuthorizeResult.DENY,
      });
    },
  );

  it.each(
    [
      catalogEntityReadPermission,
      awsPlatformLiveStatusReadPermission,
      awsPlatformSubdomainCreatePermission,
      taskCreatePermission,
    ].map(p => [p.name, p]),
  )('allows %s to every signed-in user', async (_name, permission) => {
    expect(await decide(permission, developer)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('lets other users read only the scaffolder tasks they started', async () => {
    expect(await decide(taskReadPermission, developer)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: 'scaffolder-task',
      conditions: {
        rule: 'IS_TASK_OWNER',
        resourceType: 'scaffolder-task',
        params: { createdBy: ['user:default/dev'] },
      },
    });
    expect(await decide(taskReadPermission, member)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('denies a task-owner permission that is not about scaffolder tasks', async () => {
    // A plugin could reuse the name with another resource type; the task
    // condition would not apply to it.
    const lookalike = createPermission({
      name: taskReadPermission.name,
      attributes: { action: 'read' },
      resourceType: 'something-else',
    });
    expect(await decide(lookalike, developer)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('keeps permissions it does not know for platform members', async () => {
    const unknown = createPermission({
      name: 'some-plugin.secrets.read',
      attributes: { action: 'read' },
    });
    expect(await decide(unknown, developer)).toEqual({
      result: AuthorizeResult.DENY,
    });
    expect(await decide(unknown, member)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('denies a request without a user', async () => {
    expect(await decide(catalogEntityReadPermission)).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('matches group refs regardless of case', async () => {
    const shouty = userOf('user:default/ops', ['Group:Default/Platform-Team']);
    expect(await decide(awsPlatformProductionChangePermission, shouty)).toEqual(
      { result: AuthorizeResult.ALLOW },
    );
  });

  it('keeps the suite’s catalog-entity permissions as shipped: live status for everyone, production for platform members', async () => {
    expect(awsPlatformLiveStatusReadPermission.type).toBe('resource');
    expect(awsPlatformProductionChangePermission.type).toBe('resource');
    expect(
      await decide(awsPlatformLiveStatusReadPermission, developer),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await decide(awsPlatformProductionChangePermission, developer),
    ).toEqual({ result: AuthorizeResult.DENY });
  });

  describe('with the owner-only variant', () => {
    const ownersOnly = new AwsPlatformPermissionPolicy({
      platformGroups: ['group:default/platform-team'],
      audiences: {
        [awsPlatformLiveStatusReadPermission.name]: 'owners',
        [awsPlatformProductionChangePermission.name]: 'owners',
      },
    });

    it.each(
      [
        awsPlatformLiveStatusReadPermission,
        awsPlatformProductionChangePermission,
      ].map(p => [p.name, p]),
    )(
      'answers %s with the catalog’s isEntityOwner condition on the user’s ownership refs',
      async (_name, permission) => {
        expect(await ownersOnly.handle({ permission }, developer)).toEqual({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: {
              claims: ['user:default/dev', 'group:default/app-developers'],
            },
          },
        });
      },
    );

    it('still allows platform members everything', async () => {
      expect(
        await ownersOnly.handle(
          { permission: awsPlatformProductionChangePermission },
          member,
        ),
      ).toEqual({ result: AuthorizeResult.ALLOW });
    });

    it('denies an owners audience on a permission that is not about catalog entities', async () => {
      const policyWithBasic = new AwsPlatformPermissionPolicy({
        platformGroups: [],
        audiences: { [awsPlatformSubdomainCreatePermission.name]: 'owners' },
      });
      expect(
        await policyWithBasic.handle(
          { permission: awsPlatformSubdomainCreatePermission },
          developer,
        ),
      ).toEqual({ result: AuthorizeResult.DENY });
    });

    it('leaves the other permissions as shipped', async () => {
      expect(
        await ownersOnly.handle(
          { permission: awsPlatformSubdomainCreatePermission },
          developer,
        ),
      ).toEqual({ result: AuthorizeResult.ALLOW });
    });
  });

  it('grants nothing platform-only when no group is configured', async () => {
    const closed = new AwsPlatformPermissionPolicy({ platformGroups: [] });
    expect(
      await closed.handle(
        { permission: awsPlatformProductionChangePermission },
        member,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });
});
