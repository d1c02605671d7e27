import {
  deriveAccountRole,
  RoleContext,
  RoleSubject,
} from './deriveAccountRole';

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
    ).toMatchObject({ role: 'management', source: 'management' });
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
    expect(deriveAccountRole(account, context)).toMatchObject({
      role: 'sandbox',
      source: 'tag',
    });
    expect(
      deriveAccountRole(account, {
        ...context,
        roleOverrides: { '222222222222': 'backup' },
      }),
    ).toMatchObject({ role: 'backup', source: 'config' });
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
    ).toMatchObject({ role: 'network', source: 'name' });
  });

  describe('with no configuration, from facts the organization holds', () => {
    const member = (name: string, extra: Partial<RoleSubject> = {}) => ({
      id: '333333333333',
      name,
      tags: {},
      ...extra,
    });

    it('takes the log archive and Audit accounts from the landing zone manifest', () => {
      const withLandingZone: RoleContext = {
        ...context,
        landingZone: {
          logArchiveAccountId: '333333333333',
          auditAccountId: '444444444444',
          governedRegions: ['us-east-1'],
        },
      };
      expect(
        deriveAccountRole(member('globex-sec-0'), withLandingZone),
      ).toMatchObject({
        role: 'log-archive',
        source: 'landing-zone',
        confidence: 'high',
      });
      expect(
        deriveAccountRole(
          { ...member('globex-sec-1'), id: '444444444444' },
          withLandingZone,
        ),
      ).toMatchObject({ role: 'audit', source: 'landing-zone' });
    });

    it.each([
      ['sso.amazonaws.com', 'identity'],
      ['backup.amazonaws.com', 'backup'],
      ['securityhub.amazonaws.com', 'audit'],
      ['guardduty.amazonaws.com', 'audit'],
      ['access-analyzer.amazonaws.com', 'audit'],
      ['ipam.amazonaws.com', 'network'],
      ['ssm.amazonaws.com', 'operations'],
    ])('takes %s delegated administration as %s', (service, role) => {
      expect(
        deriveAccountRole(member('globex-core-7'), {
          ...context,
          delegatedAdministrators: [
            { accountId: '333333333333', servicePrincipals: [service] },
          ],
        }),
      ).toMatchObject({
        role,
        source: 'delegated-admin',
        confidence: 'medium',
      });
    });

    it('ignores delegated administration of services the guide does not place', () => {
      expect(
        deriveAccountRole(member('globex-core-7'), {
          ...context,
          delegatedAdministrators: [
            {
              accountId: '333333333333',
              servicePrincipals: ['servicecatalog.amazonaws.com'],
            },
          ],
        }),
      ).toMatchObject({ role: 'workload', source: 'default' });
    });

    describe('what the account holds', () => {
      const holds = (
        role: 'network' | 'backup' | 'operations',
        detail = 'what it holds',
      ) => ({
        ...context,
        holdings: new Map([
          ['333333333333', [{ role, source: 'holdings' as const, detail }]],
        ]),
      });

      it.each(['network', 'backup', 'operations'] as const)(
        'takes holdings as %s, over the OU and the name',
        role => {
          expect(
            deriveAccountRole(
              member('globex-prod-use1', { ouNamesInnermostFirst: ['Prod'] }),
              holds(role),
            ),
          ).toMatchObject({
            role,
            source: 'holdings',
            confidence: 'medium',
            conflicts: [
              expect.objectContaining({ source: 'ou', role: 'production' }),
              expect.objectContaining({ source: 'name', role: 'production' }),
            ],
          });
        },
      );

      it('yields to delegated administration, and is shown when it disagrees', () => {
        expect(
          deriveAccountRole(member('globex-core-7'), {
            ...holds('network', 'public root zone globex.example delegates'),
            delegatedAdministrators: [
              {
                accountId: '333333333333',
                servicePrincipals: ['ssm.amazonaws.com'],
              },
            ],
          }),
        ).toMatchObject({
          role: 'operations',
          source: 'delegated-admin',
          conflicts: [
            {
              role: 'network',
              source: 'holdings',
              detail: 'public root zone globex.example delegates',
            },
          ],
        });
      });

      it('is high when delegated administration agrees', () => {
        expect(
          deriveAccountRole(member('globex-core-7'), {
            ...holds('backup'),
            delegatedAdministrators: [
              {
                accountId: '333333333333',
                servicePrincipals: ['backup.amazonaws.com'],
              },
            ],
          }),
        ).toMatchObject({
          role: 'backup',
          source: 'delegated-admin',
          confidence: 'high',
          conflicts: [],
        });
      });
    });

    it.each([
      [['Prod', 'Workloads'], 'production'],
      [['Production'], 'production'],
      [['NonProd', 'Workloads'], 'sandbox'],
      [['Staging'], 'sandbox'],
      [['Dev'], 'sandbox'],
    ])('takes the OUs %j as %s', (ous, role) => {
      expect(
        deriveAccountRole(
          member('globex-payments', { ouNamesInnermostFirst: ous }),
          context,
        ),
      ).toMatchObject({ role, source: 'ou', confidence: 'medium' });
    });

    it('needs a log or audit word to place an account of the Security OU', () => {
      const inSecurity = (name: string) =>
        deriveAccountRole(
          member(name, { ouNamesInnermostFirst: ['Security'] }),
          context,
        );
      expect(inSecurity('globex-sec-logs')).toMatchObject({
        role: 'log-archive',
        source: 'ou',
        confidence: 'high',
      });
      expect(inSecurity('globex-security-tooling')).toMatchObject({
        role: 'audit',
        source: 'ou',
      });
      expect(inSecurity('globex-siem')).toMatchObject({
        role: 'workload',
        source: 'default',
      });
    });

    it.each([
      ['globex-prod-use1', 'production'],
      ['globex-ops', 'operations'],
      ['shared-network', 'network'],
      ['globex-shared-net', 'network'],
      ['log-archive', 'log-archive'],
      ['globex-logs', 'log-archive'],
      ['security-tooling', 'audit'],
      ['globex-identity', 'identity'],
      ['globex-backups', 'backup'],
      ['globex-dev-usw2', 'sandbox'],
    ])('takes the account name %s as %s, with low confidence', (name, role) => {
      expect(deriveAccountRole(member(name), context)).toMatchObject({
        role,
        source: 'name',
        confidence: 'low',
      });
    });

    it('reports a weaker signal that disagrees, and the stronger one wins', () => {
      const resolution = deriveAccountRole(
        member('globex-payments', {
          tags: { 'aws-platform/role': 'sandbox' },
          ouNamesInnermostFirst: ['Production'],
        }),
        context,
      );
      expect(resolution).toMatchObject({
        role: 'sandbox',
        source: 'tag',
        confidence: 'high',
      });
      expect(resolution.conflicts).toEqual([
        { role: 'production', source: 'ou', detail: 'OU Production' },
      ]);
    });

    it('lowers the confidence when evidence as strong disagrees', () => {
      const resolution = deriveAccountRole(member('globex-core-7'), {
        ...context,
        delegatedAdministrators: [
          {
            accountId: '333333333333',
            servicePrincipals: ['sso.amazonaws.com', 'guardduty.amazonaws.com'],
          },
        ],
      });
      expect(resolution.confidence).toBe('low');
      expect(resolution.conflicts).toHaveLength(1);
    });

    it('is workload with low confidence when nothing points anywhere', () => {
      expect(deriveAccountRole(member('globex-payments'), context)).toEqual({
        role: 'workload',
        source: 'default',
        confidence: 'low',
        conflicts: [],
      });
    });
  });
});
