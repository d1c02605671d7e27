import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { resolveOwnerGroup } from './ownerGroup';

const catalog = catalogServiceMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'payments', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'jane', namespace: 'default' },
      spec: {},
    },
  ],
});
const credentials = mockCredentials.user('user:default/jane');

describe('resolveOwnerGroup', () => {
  it.each(['group:default/payments', 'group:payments', 'payments'])(
    'resolves %s to the group entity ref',
    async ref => {
      await expect(
        resolveOwnerGroup(catalog, credentials, ref, 'owner'),
      ).resolves.toBe('group:default/payments');
    },
  );

  it.each([
    ['user:default/jane', 'is not a group'],
    ['component:default/payments', 'is not a group'],
    ['group:default/nobody', 'is not a Group in the catalog'],
    ['group:', 'is not an entity reference'],
    [42, 'owner must be text'],
    [`group:default/${'a'.repeat(300)}`, 'longer than an entity reference'],
  ])('refuses %j with an InputError', async (ref, reason) => {
    const run = resolveOwnerGroup(catalog, credentials, ref, 'owner');
    await expect(run).rejects.toThrow(InputError);
    await expect(
      resolveOwnerGroup(catalog, credentials, ref, 'owner'),
    ).rejects.toThrow(reason);
  });

  it('reads the catalog with the user credentials', async () => {
    const spy = jest.spyOn(catalog, 'getEntityByRef');
    await resolveOwnerGroup(catalog, credentials, 'payments', 'owner');
    expect(spy).toHaveBeenCalledWith(
      { kind: 'group', namespace: 'default', name: 'payments' },
      { credentials },
    );
  });
});
