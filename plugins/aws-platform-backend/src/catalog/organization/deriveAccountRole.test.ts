import { deriveAccountRole, RoleContext } from './deriveAccountRole';

const context: RoleContext = {
  managementAccountId: '123456789012',
  roleTagKey: 'aws-platform/role',
  roleOverrides: {},
};

describe('deriveAccountRole', () => {
  it('recognises the management account by id, whatever its name', () => {
    expect(
      deriveAccountRole(
        { id: '123456789012', name: 'acme-root', tags: {} },
        context,
      ),
    ).toEqual({ role: 'management', source: 'management' });
  });

  it('recognises the guide accounts by their landing-zone names', () => {
    const role = (name: string) =>
      deriveAccountRole({ id: '111111111111', name, tags: {} }, context).role;
    expect(role('Log Archive')).toBe('log-archive');
    expect(role('Audit')).toBe('audit');
    expect(role('Network')).toBe('network');
    expect(role('Production')).toBe('production');
    expect(role('acme-payments')).toBe('workload');
  });

  it('does not call a member account "management" because of its name', () => {
    expect(
      deriveAccountRole(
        { id: '111111111111', name: 'Management', tags: {} },
        context,
      ).role,
    ).toBe('workload');
  });

  it('prefers the role tag over the name, and config over both', () => {
    const account = {
      id: '222222222222',
      name: 'Production',
      tags: { 'aws-platform/role': 'Sandbox' },
    };
    expect(deriveAccountRole(account, context)).toEqual({
      role: 'sandbox',
      source: 'tag',
    });
    expect(
      deriveAccountRole(account, {
        ...context,
        roleOverrides: { '222222222222': 'backup' },
      }),
    ).toEqual({ role: 'backup', source: 'config' });
  });

  it('ignores a role tag that names no guide role', () => {
    expect(
      deriveAccountRole(
        {
          id: '222222222222',
          name: 'Network',
          tags: { 'aws-platform/role': 'billing' },
        },
        context,
      ),
    ).toEqual({ role: 'network', source: 'name' });
  });
});
