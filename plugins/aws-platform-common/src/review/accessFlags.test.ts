import { assignmentFlags, isAdministratorSet } from './accessFlags';

describe('assignmentFlags', () => {
  it('flags administrators in production, direct users and empty groups', () => {
    expect(
      assignmentFlags({
        accountRole: 'production',
        permissionSet: 'AdministratorAccess',
        principalType: 'USER',
        memberCount: undefined,
      }),
    ).toEqual(['admin-in-production', 'direct-user']);
    expect(
      assignmentFlags({
        accountRole: 'audit',
        permissionSet: 'ReadOnlyAccess',
        principalType: 'GROUP',
        memberCount: 0,
      }),
    ).toEqual(['group-without-members']);
  });

  it('does not flag administrators outside production, nor groups it cannot see', () => {
    expect(
      assignmentFlags({
        accountRole: 'sandbox',
        permissionSet: 'AdministratorAccess',
        principalType: 'GROUP',
        memberCount: 2,
      }),
    ).toEqual([]);
    expect(
      assignmentFlags({
        accountRole: 'production',
        permissionSet: 'ReadOnlyAccess',
        principalType: 'GROUP',
        memberCount: undefined,
      }),
    ).toEqual([]);
  });
});

describe('isAdministratorSet', () => {
  it('takes any set named as an administrator one', () => {
    expect(isAdministratorSet('AdministratorAccess')).toBe(true);
    expect(isAdministratorSet('PlatformAdmin')).toBe(true);
    expect(isAdministratorSet('DeveloperAccess')).toBe(false);
  });
});
