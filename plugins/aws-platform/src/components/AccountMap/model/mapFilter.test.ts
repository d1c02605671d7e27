import { referenceOrganization } from '../__fixtures__/organizationEntities';
import {
  filterAccounts,
  isFilterActive,
  NO_MAP_FILTER,
  ownersOf,
} from './mapFilter';
import { buildAccountMapModel } from './mapModel';

const model = buildAccountMapModel(referenceOrganization());
const titles = (refs: Set<string>) =>
  [...refs].map(ref => model.accounts.get(ref)!.title);

describe('filterAccounts', () => {
  it('lets everything through without a filter', () => {
    expect(filterAccounts(model, NO_MAP_FILTER).size).toBe(9);
    expect(isFilterActive(NO_MAP_FILTER)).toBe(false);
  });

  it('matches every word of the search in title, id, owner or role', () => {
    expect(
      titles(filterAccounts(model, { ...NO_MAP_FILTER, query: 'APP prod' })),
    ).toEqual(['Production']);
    expect(
      titles(filterAccounts(model, { ...NO_MAP_FILTER, query: '55555555' })),
    ).toEqual(['Network']);
    expect(
      titles(filterAccounts(model, { ...NO_MAP_FILTER, query: 'log archive' })),
    ).toEqual(['Log Archive']);
    expect(isFilterActive({ ...NO_MAP_FILTER, query: ' x ' })).toBe(true);
    expect(isFilterActive({ ...NO_MAP_FILTER, query: '   ' })).toBe(false);
  });

  it('filters by role, owner, OU subtree and findings', () => {
    expect(
      titles(filterAccounts(model, { ...NO_MAP_FILTER, role: 'backup' })),
    ).toEqual(['Backup']);
    expect(
      titles(
        filterAccounts(model, {
          ...NO_MAP_FILTER,
          owner: 'group:default/app-developers',
        }),
      ).sort(),
    ).toEqual(['Production', 'Sandbox']);
    expect(
      filterAccounts(model, { ...NO_MAP_FILTER, groupId: 'Root' }).size,
    ).toBe(9);
    expect(
      titles(
        filterAccounts(model, { ...NO_MAP_FILTER, groupId: 'Root/Security' }),
      ).sort(),
    ).toEqual(['Audit', 'Log Archive']);
    expect(
      titles(
        filterAccounts(model, { ...NO_MAP_FILTER, attentionOnly: true }),
      ).sort(),
    ).toEqual(['Audit', 'Sandbox']);
  });

  it('lists the owners by name', () => {
    expect(ownersOf(model)).toEqual([
      { ref: 'group:default/app-developers', name: 'app-developers' },
      { ref: 'group:default/platform-team', name: 'platform-team' },
    ]);
  });
});
