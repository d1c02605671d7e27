import { referenceOrganization } from '../__fixtures__/organizationEntities';
import { filterAccounts, NO_MAP_FILTER } from './mapFilter';
import { buildAccountMapModel } from './mapModel';
import { summarizeGroups } from './groupSummaries';

const model = buildAccountMapModel(referenceOrganization());

describe('summarizeGroups', () => {
  it('sums accounts, roles, findings and resources bottom-up', () => {
    const summaries = summarizeGroups(
      model,
      filterAccounts(model, NO_MAP_FILTER),
      { keepEmpty: true },
    );
    expect(summaries.get('Root')).toMatchObject({
      accounts: 9,
      directAccounts: 1,
      attention: 2,
      clusters: 2,
      zones: 3,
      vaults: 3,
      findings: {
        'no-owner-tag': 1,
        'delegation-drift': 1,
        'backup-not-covered': 1,
        'eks-version-unsupported': 1,
      },
    });
    expect(summaries.get('Root/Workloads')!.roles).toEqual([
      ['production', 1],
      ['sandbox', 1],
    ]);
  });

  it('drops groups without a visible account only while filtering', () => {
    const visible = filterAccounts(model, { ...NO_MAP_FILTER, role: 'audit' });
    const filtered = summarizeGroups(model, visible, { keepEmpty: false });
    expect([...filtered.keys()].sort()).toEqual(['Root', 'Root/Security']);
    expect(filtered.get('Root')!.accounts).toBe(1);
    const all = summarizeGroups(model, visible, { keepEmpty: true });
    expect(all.get('Root/Shared')!.accounts).toBe(0);
  });
});
