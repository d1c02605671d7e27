import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { awsPlatformSubdomainCreatePermission } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { authorizeChange } from './authorizeChange';

const NETWORK = {
  accountId: '454948083136',
  name: 'Network',
  production: true,
};
const PRODUCTION = {
  accountId: '715451680876',
  name: 'Production',
  production: true,
};
const SANDBOX = { accountId: '171870262174', name: 'Sandbox' };
const credentials = mockCredentials.user('user:default/jane');

/** A permission service that denies the given production account entities. */
function permissionsDenying(deniedRefs: string[] = [], denyAction = false) {
  const authorize = jest.fn(async (requests: AuthorizePermissionRequest[]) =>
    requests.map(request => ({
      result:
        ('resourceRef' in request &&
          deniedRefs.includes(request.resourceRef ?? '')) ||
        (denyAction && request.permission.type === 'basic')
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
  );
  return {
    permissions: mockServices.permissions.mock({ authorize: authorize as any }),
    authorize,
  };
}

describe('authorizeChange', () => {
  it('asks the production permission once per production account, for its entity, in the action’s batch', async () => {
    const { permissions, authorize } = permissionsDenying();
    await authorizeChange(
      permissions,
      credentials,
      awsPlatformSubdomainCreatePermission,
      [SANDBOX, PRODUCTION, NETWORK],
    );
    expect(authorize).toHaveBeenCalledTimes(1);
    expect(authorize).toHaveBeenCalledWith(
      [
        { permission: awsPlatformSubdomainCreatePermission },
        {
          permission: expect.objectContaining({
            name: 'aws-platform.production.change',
            resourceType: 'catalog-entity',
          }),
          resourceRef: 'resource:default/account-715451680876',
        },
        {
          permission: expect.objectContaining({
            name: 'aws-platform.production.change',
          }),
          resourceRef: 'resource:default/account-454948083136',
        },
      ],
      { credentials },
    );
  });

  it('asks only the action’s permission when no account is production', async () => {
    const { permissions, authorize } = permissionsDenying();
    await authorizeChange(
      permissions,
      credentials,
      awsPlatformSubdomainCreatePermission,
      [SANDBOX],
    );
    expect(authorize).toHaveBeenCalledWith(
      [{ permission: awsPlatformSubdomainCreatePermission }],
      { credentials },
    );
  });

  it('names only the accounts the decision denies', async () => {
    const { permissions } = permissionsDenying([
      'resource:default/account-454948083136',
    ]);
    await expect(
      authorizeChange(
        permissions,
        credentials,
        awsPlatformSubdomainCreatePermission,
        [PRODUCTION, NETWORK],
      ),
    ).rejects.toThrow(
      new NotAllowedError(
        'You may not change production or shared accounts (account Network, 454948083136)',
      ),
    );
  });

  it('refuses without the action’s permission first, naming every account', async () => {
    const { permissions } = permissionsDenying(
      ['resource:default/account-715451680876'],
      true,
    );
    await expect(
      authorizeChange(
        permissions,
        credentials,
        awsPlatformSubdomainCreatePermission,
        [SANDBOX, PRODUCTION],
      ),
    ).rejects.toThrow(
      new NotAllowedError(
        'You may not run aws-platform.route53.subdomain.create (account Sandbox, 171870262174; Production, 715451680876)',
      ),
    );
  });
});
