import { resolveOwner, OwnerSettings } from './resolveOwner';

const settings: OwnerSettings = {
  ownerTagKey: 'owner',
  defaultOwner: 'group:default/platform-team',
  roleOwners: { network: 'network-team' },
};

describe('resolveOwner', () => {
  it('turns an owner tag into a group ref', () => {
    expect(resolveOwner({ owner: 'Payments' }, 'production', settings)).toEqual(
      {
        owner: 'group:default/payments',
        source: 'tag',
      },
    );
    expect(
      resolveOwner({ owner: 'user:jane' }, undefined, settings).owner,
    ).toBe('user:default/jane');
  });

  it('falls back to the owner of the role, then to the default owner', () => {
    expect(resolveOwner({}, 'network', settings)).toEqual({
      owner: 'group:default/network-team',
      source: 'role',
    });
    expect(resolveOwner({ owner: '  ' }, 'audit', settings)).toEqual({
      owner: 'group:default/platform-team',
      source: 'default',
    });
  });

  it('ignores a tag value that is no entity ref', () => {
    expect(
      resolveOwner({ owner: 'a:b:c/d/e' }, undefined, settings).source,
    ).toBe('default');
  });
});
