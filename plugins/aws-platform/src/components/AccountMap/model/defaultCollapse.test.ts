import { Entity } from '@backstage/catalog-model';
import {
  accountEntity,
  largeOrganization,
  ouEntity,
  referenceOrganization,
} from '../__fixtures__/organizationEntities';
import { defaultCollapsedGroups } from './defaultCollapse';
import { summarizeGroups } from './groupSummaries';
import { filterAccounts, NO_MAP_FILTER } from './mapFilter';
import { buildAccountMapModel } from './mapModel';

function collapsedOf(entities: Entity[], forceOpen?: Set<string>) {
  const model = buildAccountMapModel(entities);
  const summaries = summarizeGroups(
    model,
    filterAccounts(model, NO_MAP_FILTER),
    { keepEmpty: true },
  );
  return defaultCollapsedGroups(model, summaries, { forceOpen });
}

describe('defaultCollapsedGroups', () => {
  it('opens a small organization completely', () => {
    expect(collapsedOf(referenceOrganization()).size).toBe(0);
  });

  it('collapses a large OU and keeps the rest open', () => {
    expect([...collapsedOf(largeOrganization(1000))]).toEqual([
      'Root/Workloads',
    ]);
  });

  it('opens the OUs on the path to a focused account', () => {
    expect(
      collapsedOf(largeOrganization(1000), new Set(['Root/Workloads', 'Root']))
        .size,
    ).toBe(0);
  });

  it('stops opening OUs when the tile budget is spent', () => {
    const entities: Entity[] = [ouEntity('Root', 'r-1')];
    for (let ou = 0; ou < 8; ou++) {
      const path = `Root/Team ${ou}`;
      entities.push(ouEntity(path, `ou-${ou}`, 'r-1'));
      for (let i = 0; i < 30; i++) {
        entities.push(
          accountEntity({
            title: `t${ou}-${i}`,
            id: `${ou}${i}`,
            role: 'workload',
            path,
          }),
        );
      }
    }
    // 160 tiles: five OUs of 30 fit, the last three start collapsed.
    expect([...collapsedOf(entities)].sort()).toEqual([
      'Root/Team 5',
      'Root/Team 6',
      'Root/Team 7',
    ]);
  });
});
