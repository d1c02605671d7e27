import { ACCOUNT_FLOWS } from './flows';
import { ACCOUNT_ROLES, isAccountRole } from './accountRoles';

describe('ACCOUNT_FLOWS', () => {
  it('expands the guide flows into role-to-role edges between known roles', () => {
    for (const flow of ACCOUNT_FLOWS) {
      expect(isAccountRole(flow.from)).toBe(true);
      expect(isAccountRole(flow.to)).toBe(true);
    }
    expect(ACCOUNT_FLOWS).toContainEqual(
      expect.objectContaining({
        from: 'network',
        to: 'production',
        type: 'delegates-dns-to',
      }),
    );
    expect(
      ACCOUNT_FLOWS.filter(f => f.type === 'ships-cloudtrail-to').map(
        f => f.from,
      ),
    ).toEqual(['operations', 'sandbox', 'production', 'network']);
  });

  it('places every role in the OU the landing zone uses', () => {
    expect(ACCOUNT_ROLES['log-archive'].ou).toBe('Security');
    expect(ACCOUNT_ROLES.backup.ou).toBe('Shared');
    expect(ACCOUNT_ROLES.production.workload).toBe(true);
    expect(isAccountRole('billing')).toBe(false);
  });
});
