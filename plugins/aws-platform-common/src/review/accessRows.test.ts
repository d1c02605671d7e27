import { Entity } from '@backstage/catalog-model';
import { accessEstate, SEEDED_PROBLEMS } from './__fixtures__/accessEstate';
import { memberCountOf, toAccessRows } from './accessRows';

const rows = toAccessRows(accessEstate);
const flagged = rows.filter(row => row.flags.length > 0);

describe('toAccessRows on the seeded estate', () => {
  it('lists every assignment and the set provisioned nowhere', () => {
    expect(rows).toHaveLength(6 + 1);
    expect([...new Set(rows.map(row => row.permissionSet))].sort()).toEqual([
      'AdministratorAccess',
      'BillingAccess',
      'DeveloperAccess',
      'ReadOnlyAccess',
    ]);
  });

  it('gives each assignment its account, principal and member count', () => {
    const byPrincipal = (principal: string) =>
      rows.find(row => row.principal === principal)!;
    expect(byPrincipal('group:default/aws-production-admins')).toEqual({
      id: 'resource:default/account-400000000001 group:default/aws-production-admins AdministratorAccess',
      accountRef: 'resource:default/account-400000000001',
      accountId: '400000000001',
      accountTitle: 'Production',
      accountRole: 'production',
      principal: 'group:default/aws-production-admins',
      principalType: 'GROUP',
      permissionSet: 'AdministratorAccess',
      memberCount: 1,
      flags: ['admin-in-production'],
    });
    // Unknown for a group the catalog does not hold, and for a user.
    expect(
      byPrincipal('group:default/app-developers').memberCount,
    ).toBeUndefined();
    expect(
      byPrincipal('user:default/erin.contractor').memberCount,
    ).toBeUndefined();
  });

  it('flags exactly the seeded problems', () => {
    expect(flagged).toHaveLength(SEEDED_PROBLEMS);
    expect(
      flagged.map(row => [
        row.accountTitle,
        row.principal,
        row.permissionSet,
        row.flags,
      ]),
    ).toEqual([
      [
        'Production',
        'group:default/aws-production-admins',
        'AdministratorAccess',
        ['admin-in-production'],
      ],
      [
        'Sandbox',
        'user:default/erin.contractor',
        'DeveloperAccess',
        ['direct-user'],
      ],
      [
        'Audit',
        'group:default/aws-auditors',
        'ReadOnlyAccess',
        ['group-without-members'],
      ],
      [undefined, undefined, 'BillingAccess', ['provisioned-nowhere']],
    ]);
    expect(flagged[3].id).toBe('resource:default/permission-set-billingaccess');
  });
});

describe('memberCountOf', () => {
  const group = (spec: Entity['spec'], relations?: Entity['relations']) =>
    ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'g' },
      spec,
      relations,
    } as Entity);
  it('counts hasMember relations, else spec.members', () => {
    expect(
      memberCountOf(
        group({ members: [] }, [
          { type: 'hasMember', targetRef: 'user:default/a' },
        ]),
      ),
    ).toBe(1);
    expect(memberCountOf(group({ members: ['a', 'b'] }))).toBe(2);
    expect(memberCountOf(group({}))).toBe(0);
  });
});
