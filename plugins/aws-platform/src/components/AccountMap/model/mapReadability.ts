import { Point, RoutedEdge } from './edgeGeometry';

/**
 * How readable the drawn lines are: how many there are, and how often two of
 * them cross. Each line is the quadratic curve it is drawn as, flattened to
 * {@link CURVE_SEGMENTS} straight segments; a crossing is a point where one
 * line meets another, other than at either line's two ends (so lines that
 * leave the same box side by side do not cross). Two curves can cross more
 * than once; each point counts.
 */
export interface MapReadability {
  lines: number;
  crossings: number;
}

/** Straight segments per curve when counting crossings. */
export const CURVE_SEGMENTS = 8;

type Segment = [Point, Point];

/** The points of a quadratic curve at `segments` equal steps of its parameter. */
export function flattenCurve(
  [p0, p1, p2]: readonly [Point, Point, Point],
  segments: number = CURVE_SEGMENTS,
): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const u = 1 - t;
    points.push({
      x: u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x,
      y: u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y,
    });
  }
  return points;
}

const cross = (ax: number, ay: number, bx: number, by: number) =>
  ax * by - ay * bx;

/**
 * Where segments `s` and `t` meet, as the parameters along each (0 at the
 * start, 1 at the end); undefined when they are parallel or do not meet.
 */
export function meetingPoint(
  [a, b]: Segment,
  [c, d]: Segment,
): { along: number; across: number } | undefined {
  const rx = b.x - a.x;
  const ry = b.y - a.y;
  const sx = d.x - c.x;
  const sy = d.y - c.y;
  const denominator = cross(rx, ry, sx, sy);
  if (denominator === 0) return undefined;
  const along = cross(c.x - a.x, c.y - a.y, sx, sy) / denominator;
  const across = cross(c.x - a.x, c.y - a.y, rx, ry) / denominator;
  if (along < 0 || along > 1 || across < 0 || across > 1) return undefined;
  return { along, across };
}

/** Whether two segments cross at a point inside both (not at an end). */
export function segmentsCross(s: Segment, t: Segment): boolean {
  const at = meetingPoint(s, t);
  return !!at && at.along > 0 && at.along < 1 && at.across > 0 && at.across < 1;
}

// Each point of a polyline belongs to exactly one segment: [start, end),
// and the line's own two ends to none.
const inside = (value: number, index: number) =>
  (index > 0 ? value >= 0 : value > 0) && value < 1;

function crossingsBetween(x: Segment[], y: Segment[]): number {
  let count = 0;
  x.forEach((s, i) =>
    y.forEach((t, j) => {
      const at = meetingPoint(s, t);
      if (at && inside(at.along, i) && inside(at.across, j)) {
        count++;
      }
    }),
  );
  return count;
}

interface Flat {
  segments: Segment[];
  box: { minX: number; minY: number; maxX: number; maxY: number };
}

function flat(routed: RoutedEdge): Flat {
  const points = flattenCurve(routed.curve);
  const segments: Segment[] = [];
  for (let i = 1; i < points.length; i++) {
    segments.push([points[i - 1], points[i]]);
  }
  const xs = points.map(p => p.x);
  const ys = points.map(p => p.y);
  return {
    segments,
    box: {
      minX: Math.min(...xs),
      minY: Math.min(...ys),
      maxX: Math.max(...xs),
      maxY: Math.max(...ys),
    },
  };
}

const overlap = (a: Flat['box'], b: Flat['box']) =>
  a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;

/**
 * Lines and crossings of the lines drawn. Quadratic in the number of lines
 * (with a bounding-box test first), which is what keeping lines few is for.
 */
export function measureReadability(
  routed: readonly RoutedEdge[],
): MapReadability {
  const flats = routed.map(flat);
  let crossings = 0;
  for (let i = 0; i < flats.length; i++) {
    for (let j = i + 1; j < flats.length; j++) {
      if (!overlap(flats[i].box, flats[j].box)) continue;
      crossings += crossingsBetween(flats[i].segments, flats[j].segments);
    }
  }
  return { lines: routed.length, crossings };
}
