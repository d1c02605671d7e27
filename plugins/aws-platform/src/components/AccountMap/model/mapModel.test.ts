import {
  accountEntity,
  ouEntity,
  referenceOrganization,
} from '../__fixtures__/organizationEntities';
import { buildAccountMapModel, groupPath, walkAccounts } from './mapModel';

describe('buildAccountMapModel', () => {
  it('nests the OUs by path and orders accounts by the guide order of roles', () => {
    const model = buildAccountMapModel(referenceOrganization());
    expect(model.rootIds).toEqual(['Root']);
    const root = model.groups.get('Root')!;
    expect(root.title).toBe('Root (organization o-exampleorgid)');
    expect(root.ref).toBe('resource:default/r-ab12');
    expect(root.childIds).toEqual([
      'Root/Security',
      'Root/Shared',
      'Root/Workloads',
    ]);
    const shared = model.groups.get('Root/Shared')!;
    expect(shared).toMatchObject({ parentId: 'Root', depth: 1 });
    expect(
      shared.accountRefs.map(ref => model.accounts.get(ref)!.title),
    ).toEqual(['Identity', 'Operations', 'Network', 'Backup']);
    expect([...walkAccounts(model.rootIds, model.groups)]).toHaveLength(9);
  });

  it('reads role, owner, findings and counts from the account entity', () => {
    const model = buildAccountMapModel(referenceOrganization());
    const sandbox = model.accounts.get(
      'resource:default/account-888888888888',
    )!;
    expect(sandbox).toMatchObject({
      title: 'Sandbox',
      accountId: '888888888888',
      role: 'sandbox',
      groupId: 'Root/Workloads',
      owner: 'group:default/app-developers',
      ownerName: 'app-developers',
      findings: [
        'delegation-drift',
        'backup-not-covered',
        'eks-version-unsupported',
      ],
    });
    expect(sandbox.summary?.clusters).toBe(1);
    const audit = model.accounts.get('resource:default/account-222222222222')!;
    expect(audit.findings).toEqual(['no-owner-tag']);
    expect(audit.summary).toBeUndefined();
    expect(model.accountsByRole.get('production')).toEqual([
      'resource:default/account-777777777777',
    ]);
  });

  it('makes groups for OUs the catalog lacks and keeps accounts without a path', () => {
    const model = buildAccountMapModel([
      accountEntity({
        title: 'Payments',
        id: '999999999999',
        role: 'something-else',
        path: 'Root/Workloads/Payments',
      }),
      {
        ...accountEntity({ title: 'Old', id: '1', role: 'sandbox', path: '' }),
      },
      ouEntity('Root', 'r-1'),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'bucket' },
        spec: { type: 's3-bucket' },
      },
    ]);
    expect(model.rootIds).toEqual(['Root', '(no organizational unit)']);
    expect(model.groups.get('Root/Workloads')).toMatchObject({
      title: 'Workloads',
      childIds: ['Root/Workloads/Payments'],
    });
    expect(model.groups.get('Root/Workloads')!.ref).toBeUndefined();
    expect(groupPath(model, 'Root/Workloads/Payments')).toEqual([
      'Root/Workloads/Payments',
      'Root/Workloads',
      'Root',
    ]);
    // An unknown role is drawn as a workload account.
    expect(
      model.accounts.get('resource:default/account-999999999999')!.role,
    ).toBe('workload');
    expect(model.accounts.size).toBe(2);
  });
});
