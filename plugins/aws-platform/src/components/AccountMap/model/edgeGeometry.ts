import { FLOW_TYPES, MapEdge, MapNodeId } from './mapFlows';
import { MapLayout, Rect } from './mapLayout';

/** A point of the map's plane. */
export interface Point {
  x: number;
  y: number;
}

/** A line ready to draw: an SVG path and where its count label goes. */
export interface RoutedEdge<E extends MapEdge = MapEdge> {
  edge: E;
  d: string;
  label: Point;
  /** The quadratic curve of `d`: start, control point, end. */
  curve: [Point, Point, Point];
}

// Lines between the same two nodes fan out by this much each.
const LANE_SPACING = 14;

/**
 * The rectangle a line ends on: a tile (`a:`), a whole OU box with its child
 * OUs (`b:`), or for `g:` a collapsed OU box or the tile area of an expanded
 * OU (lines aggregated to an OU stand for its tiles).
 */
export function nodeRect(layout: MapLayout, node: MapNodeId): Rect | undefined {
  if (node.startsWith('a:')) return layout.tileBoxes.get(node.slice(2));
  const box = layout.groupBoxes.get(node.slice(2));
  if (!box) return undefined;
  if (node.startsWith('b:')) return box;
  return box.collapsed ? box : box.tilesArea ?? box;
}

/**
 * Curves every line between its two rectangles, from border to border. Lines
 * that join the same two nodes get their own lanes, so the flows between
 * Operations and Production stay apart.
 */
export function routeEdges<E extends MapEdge>(
  edges: readonly E[],
  rectOf: (node: MapNodeId) => Rect | undefined,
): RoutedEdge<E>[] {
  const pairs = new Map<string, E[]>();
  for (const edge of edges) {
    const pair = [edge.from, edge.to].sort().join('\u0000');
    const list = pairs.get(pair) ?? [];
    list.push(edge);
    pairs.set(pair, list);
  }

  const routed: RoutedEdge<E>[] = [];
  for (const list of pairs.values()) {
    list.sort(
      (a, b) =>
        FLOW_TYPES.indexOf(a.type) - FLOW_TYPES.indexOf(b.type) ||
        a.from.localeCompare(b.from),
    );
    list.forEach((edge, index) => {
      const a = rectOf(edge.from);
      const b = rectOf(edge.to);
      if (!a || !b) return;
      const lane = index - (list.length - 1) / 2;
      routed.push(curve(edge, a, b, lane));
    });
  }
  return routed;
}

function curve<E extends MapEdge>(
  edge: E,
  a: Rect,
  b: Rect,
  lane: number,
): RoutedEdge<E> {
  const ax = a.x + a.width / 2;
  const ay = a.y + a.height / 2;
  const bx = b.x + b.width / 2;
  const by = b.y + b.height / 2;
  // The normal is taken in a fixed direction for the pair, so that lanes of
  // lines going either way do not swap sides.
  const flip = edge.from > edge.to ? -1 : 1;
  const dx = (bx - ax) * flip;
  const dy = (by - ay) * flip;
  const length = Math.hypot(dx, dy) || 1;
  const nx = -dy / length;
  const ny = dx / length;
  const bend = Math.min(60, Math.max(12, length * 0.12)) + lane * LANE_SPACING;
  const cx = (ax + bx) / 2 + nx * bend;
  const cy = (ay + by) / 2 + ny * bend;
  const [x1, y1] = border(a, cx, cy);
  const [x2, y2] = border(b, cx, cy);
  return {
    edge,
    d: `M${r(x1)} ${r(y1)}Q${r(cx)} ${r(cy)} ${r(x2)} ${r(y2)}`,
    label: {
      x: r(0.25 * x1 + 0.5 * cx + 0.25 * x2),
      y: r(0.25 * y1 + 0.5 * cy + 0.25 * y2),
    },
    curve: [
      { x: r(x1), y: r(y1) },
      { x: r(cx), y: r(cy) },
      { x: r(x2), y: r(y2) },
    ],
  };
}

// Where the ray from the rectangle's centre towards (tx, ty) leaves it.
function border(rect: Rect, tx: number, ty: number): [number, number] {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const scale = Math.min(
    dx === 0 ? Infinity : rect.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : rect.height / 2 / Math.abs(dy),
  );
  return [cx + dx * scale, cy + dy * scale];
}

function r(value: number): number {
  return Math.round(value * 10) / 10;
}
