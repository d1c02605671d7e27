import { Entity } from '@backstage/catalog-model';
import {
  largeOrganization,
  referenceOrganization,
} from '../__fixtures__/organizationEntities';
import { defaultCollapsedGroups } from './defaultCollapse';
import { summarizeGroups } from './groupSummaries';
import { filterAccounts, NO_MAP_FILTER } from './mapFilter';
import { layoutAccountMap, MAP_METRICS, MapLayout, Rect } from './mapLayout';
import { buildAccountMapModel } from './mapModel';

function layoutOf(
  entities: Entity[],
  width: number,
  collapsed?: Set<string>,
): MapLayout {
  const model = buildAccountMapModel(entities);
  const visible = filterAccounts(model, NO_MAP_FILTER);
  const summaries = summarizeGroups(model, visible, { keepEmpty: true });
  return layoutAccountMap({
    model,
    visible,
    summaries,
    collapsed: collapsed ?? defaultCollapsedGroups(model, summaries),
    width,
  });
}

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width &&
  b.x < a.x + a.width &&
  a.y < b.y + b.height &&
  b.y < a.y + a.height;

describe('layoutAccountMap', () => {
  it('draws the reference organization with its three OUs side by side', () => {
    const layout = layoutOf(referenceOrganization(), 860);
    expect(layout.tiles).toHaveLength(9);
    expect(layout.groups.map(g => g.id)).toEqual([
      'Root',
      'Root/Security',
      'Root/Shared',
      'Root/Workloads',
    ]);
    const [, security, shared, workloads] = layout.groups;
    expect(security.y).toBe(shared.y);
    expect(shared.y).toBe(workloads.y);
    expect(security.x).toBeLessThan(shared.x);
    expect(shared.x).toBeLessThan(workloads.x);
    // Shared's four accounts make a 2 x 2 grid.
    expect(shared.tilesArea).toMatchObject({
      width: 2 * MAP_METRICS.tileWidth + MAP_METRICS.gap,
      height: 2 * MAP_METRICS.tileHeight + MAP_METRICS.gap,
    });
    expect(layout.width).toBeLessThanOrEqual(860);
  });

  it('keeps tiles inside their OU, OUs inside their parent, and nothing overlapping', () => {
    const layout = layoutOf(referenceOrganization(), 500);
    for (const tile of layout.tiles) {
      expect(inside(tile, layout.groupBoxes.get(tile.groupId)!)).toBe(true);
    }
    for (const group of layout.groups.slice(1)) {
      const parent = layout.groupBoxes.get(
        group.id.split('/').slice(0, -1).join('/'),
      )!;
      expect(inside(group, parent)).toBe(true);
    }
    for (let i = 0; i < layout.tiles.length; i++) {
      for (let j = i + 1; j < layout.tiles.length; j++) {
        expect(overlap(layout.tiles[i], layout.tiles[j])).toBe(false);
      }
    }
    const siblings = layout.groups.slice(1);
    for (let i = 0; i < siblings.length; i++) {
      for (let j = i + 1; j < siblings.length; j++) {
        expect(overlap(siblings[i], siblings[j])).toBe(false);
      }
    }
  });

  it('draws a collapsed OU as one box without tiles', () => {
    const layout = layoutOf(
      referenceOrganization(),
      1200,
      new Set(['Root/Shared']),
    );
    expect(layout.tiles).toHaveLength(5);
    expect(layout.groupBoxes.get('Root/Shared')).toMatchObject({
      collapsed: true,
      height: MAP_METRICS.header + MAP_METRICS.collapsedBody,
    });
  });

  it('lays out 1,000 accounts of one OU within the width, quickly', () => {
    const entities = largeOrganization(1000);
    const started = performance.now();
    const layout = layoutOf(entities, 1200, new Set());
    const elapsed = performance.now() - started;
    expect(layout.tiles).toHaveLength(1003);
    expect(layout.width).toBeLessThanOrEqual(1200);
    const workloads = layout.groupBoxes.get('Root/Workloads')!;
    const columns = Math.floor(
      (1200 - 4 * MAP_METRICS.padding + MAP_METRICS.gap) /
        (MAP_METRICS.tileWidth + MAP_METRICS.gap),
    );
    expect(workloads.tilesArea!.height).toBe(
      Math.ceil(1000 / columns) * (MAP_METRICS.tileHeight + MAP_METRICS.gap) -
        MAP_METRICS.gap,
    );
    // Linear work: model, filter, summaries and layout of 1,000 accounts
    // take a few milliseconds; the bound only catches a quadratic slip.
    expect(elapsed).toBeLessThan(500);
  });
});
