import { GroupSummary } from './groupSummaries';
import { AccountMapModel } from './mapModel';

/** Sizes of the map's boxes, in CSS pixels. */
export const MAP_METRICS = {
  tileWidth: 164,
  tileHeight: 84,
  gap: 14,
  padding: 12,
  header: 40,
  collapsedWidth: 300,
  collapsedBody: 78,
  emptyBody: 30,
  minGroupWidth: 190,
} as const;

/** A rectangle of the map, absolute. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where an OU box is drawn. */
export interface GroupBox extends Rect {
  id: string;
  depth: number;
  collapsed: boolean;
  /** No account passes the filter here (only shown when no filter is active). */
  empty: boolean;
  /** The area of its own account tiles, where lines aggregated to the OU end. */
  tilesArea?: Rect;
}

/** Where an account tile is drawn. */
export interface TileBox extends Rect {
  ref: string;
  groupId: string;
}

/** Positions of everything the map shows. */
export interface MapLayout {
  width: number;
  height: number;
  /** Parents before their children, so they paint underneath. */
  groups: GroupBox[];
  /** In map order: by OU depth first, then row by row. */
  tiles: TileBox[];
  groupBoxes: ReadonlyMap<string, GroupBox>;
  tileBoxes: ReadonlyMap<string, TileBox>;
}

interface Measured {
  id: string;
  width: number;
  height: number;
  collapsed: boolean;
  empty: boolean;
  tiles: Array<{ ref: string; x: number; y: number }>;
  tilesWidth: number;
  tilesHeight: number;
  children: Array<{ box: Measured; x: number; y: number }>;
}

/**
 * Lays the map out on a grid, without a graph library: each OU is a box with
 * a header, its accounts as a grid of tiles, then its child OUs packed left
 * to right in rows. Small grids are kept squarish so that sibling OUs sit
 * side by side; large ones fill the width. Linear in the number of visible
 * accounts and groups.
 */
export function layoutAccountMap(input: {
  model: AccountMapModel;
  visible: ReadonlySet<string>;
  summaries: ReadonlyMap<string, GroupSummary>;
  collapsed: ReadonlySet<string>;
  width: number;
}): MapLayout {
  const { model, visible, summaries, collapsed } = input;
  const m = MAP_METRICS;

  const measure = (id: string, maxWidth: number): Measured | undefined => {
    const summary = summaries.get(id);
    if (!summary) return undefined;
    const group = model.groups.get(id)!;
    if (collapsed.has(id)) {
      return {
        id,
        width: Math.max(m.minGroupWidth, Math.min(m.collapsedWidth, maxWidth)),
        height: m.header + m.collapsedBody,
        collapsed: true,
        empty: summary.accounts === 0,
        tiles: [],
        tilesWidth: 0,
        tilesHeight: 0,
        children: [],
      };
    }
    const inner = Math.max(m.tileWidth, maxWidth - 2 * m.padding);
    const refs = group.accountRefs.filter(ref => visible.has(ref));
    const n = refs.length;
    const fit = Math.max(
      1,
      Math.floor((inner + m.gap) / (m.tileWidth + m.gap)),
    );
    // Up to 16 accounts, a grid a little taller than wide (2 x 1, 2 x 2,
    // 3 x 2...), so that small sibling OUs fit side by side.
    const wanted = n <= 16 ? Math.max(1, Math.round(Math.sqrt(n))) : fit;
    const cols = Math.min(fit, wanted);
    const rows = cols > 0 ? Math.ceil(n / cols) : 0;
    const tiles = refs.map((ref, i) => ({
      ref,
      x: m.padding + (i % cols) * (m.tileWidth + m.gap),
      y: m.header + Math.floor(i / cols) * (m.tileHeight + m.gap),
    }));
    const tilesWidth = cols > 0 ? cols * m.tileWidth + (cols - 1) * m.gap : 0;
    const tilesHeight = rows > 0 ? rows * m.tileHeight + (rows - 1) * m.gap : 0;

    const children: Measured['children'] = [];
    const top = m.header + (tilesHeight > 0 ? tilesHeight + m.gap : 0);
    let rowX = 0;
    let rowY = top;
    let rowHeight = 0;
    let widest = 0;
    for (const childId of group.childIds) {
      const box = measure(childId, inner);
      if (!box) continue;
      if (rowX > 0 && rowX + box.width > inner) {
        rowY += rowHeight + m.gap;
        rowX = 0;
        rowHeight = 0;
      }
      children.push({ box, x: m.padding + rowX, y: rowY });
      rowX += box.width + m.gap;
      rowHeight = Math.max(rowHeight, box.height);
      widest = Math.max(widest, rowX - m.gap);
    }

    const empty = n === 0 && children.length === 0;
    let bottom: number;
    if (children.length > 0) bottom = rowY + rowHeight;
    else if (n > 0) bottom = m.header + tilesHeight;
    else bottom = m.header + m.emptyBody;
    return {
      id,
      width:
        Math.max(tilesWidth, widest, m.minGroupWidth - 2 * m.padding) +
        2 * m.padding,
      height: bottom + m.padding,
      collapsed: false,
      empty,
      tiles,
      tilesWidth,
      tilesHeight,
      children,
    };
  };

  const groups: GroupBox[] = [];
  const tiles: TileBox[] = [];
  const place = (box: Measured, x: number, y: number, depth: number) => {
    groups.push({
      id: box.id,
      x,
      y,
      width: box.width,
      height: box.height,
      depth,
      collapsed: box.collapsed,
      empty: box.empty,
      ...(box.tiles.length > 0 && {
        tilesArea: {
          x: x + m.padding,
          y: y + m.header,
          width: box.tilesWidth,
          height: box.tilesHeight,
        },
      }),
    });
    for (const tile of box.tiles) {
      tiles.push({
        ref: tile.ref,
        groupId: box.id,
        x: x + tile.x,
        y: y + tile.y,
        width: m.tileWidth,
        height: m.tileHeight,
      });
    }
    for (const child of box.children) {
      place(child.box, x + child.x, y + child.y, depth + 1);
    }
  };

  // Top-level groups (normally only the root) stack vertically.
  let y = 0;
  let width = 0;
  for (const rootId of model.rootIds) {
    const box = measure(rootId, input.width);
    if (!box) continue;
    place(box, 0, y, 0);
    y += box.height + m.gap;
    width = Math.max(width, box.width);
  }

  return {
    width,
    height: Math.max(0, y - m.gap),
    groups,
    tiles,
    groupBoxes: new Map(groups.map(g => [g.id, g])),
    tileBoxes: new Map(tiles.map(t => [t.ref, t])),
  };
}
