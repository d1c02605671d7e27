import { Point } from './edgeGeometry';
import { MAP_METRICS, MapLayout, Rect } from './mapLayout';
import { flattenCurve } from './mapReadability';

/** A line's label to place: the curve it sits on and its text. */
export interface LabelToPlace {
  curve: readonly [Point, Point, Point];
  text: string;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

// The labels' type: 11 px, semi-bold. An average glyph is about 6.5 px wide;
// the halo around the text adds a little on each side.
const CHAR_WIDTH = 6.5;
const HALO = 3;
const LINE_HEIGHT = 14;

// Where along its line a label may sit (the curve's parameter in twentieths):
// the middle first, then further out on either side, never within a tenth of
// the ends (the boxes the line joins).
const STEPS = 20;
const CANDIDATES = [10, 9, 11, 8, 12, 7, 13, 6, 14, 5, 15, 4, 16, 3, 17, 2, 18];

/** The box a label's text covers when centred on `at`. */
export function labelBox(text: string, at: Point): Box {
  const halfWidth = (text.length * CHAR_WIDTH) / 2 + HALO;
  const halfHeight = LINE_HEIGHT / 2;
  return {
    minX: at.x - halfWidth,
    minY: at.y - halfHeight,
    maxX: at.x + halfWidth,
    maxY: at.y + halfHeight,
  };
}

/** Whether two boxes share any area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return (
    a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY
  );
}

// Lines that share both ends run side by side: their labels may then stack
// just above or below the middle, a line of text apart.
const STACKED = [-1, 1, -2, 2].map(lines => lines * LINE_HEIGHT);

/** Where a label may go, best first: along its line, then stacked. */
function candidatesOf(curve: LabelToPlace['curve']): Point[] {
  const points = flattenCurve(curve, STEPS);
  const middle = points[STEPS / 2];
  return [
    ...CANDIDATES.map(i => points[i]),
    ...STACKED.map(dy => ({ x: middle.x, y: middle.y + dy })),
  ];
}

/** A rectangle of the layout as a box. */
export const boxOfRect = (rect: Rect): Box => ({
  minX: rect.x,
  minY: rect.y,
  maxX: rect.x + rect.width,
  maxY: rect.y + rect.height,
});

/**
 * What a label should not cover: each OU box's header (its name and counts)
 * and each tile, which is drawn over the lines and would hide the label.
 */
export function labelObstacles(layout: MapLayout): Rect[] {
  return [
    ...layout.groups.map(box => ({ ...box, height: MAP_METRICS.header })),
    ...layout.tiles,
  ];
}

/**
 * Where each label goes so that labels do not cover one another, nor, where
 * the line allows, the `obstacles`: in order, each at its line's middle when
 * that is free, else at the first point further along its line (either way)
 * that is, else a line of text above or below the middle; a spot free of
 * other labels only, if none is free of both; else the middle. Pure; greedy,
 * so earlier labels keep the middle.
 */
export function placeLabels(
  labels: readonly LabelToPlace[],
  obstacles: readonly Rect[] = [],
): Point[] {
  const placed: Box[] = [];
  const blocked = obstacles.map(boxOfRect);
  return labels.map(label => {
    const candidates = candidatesOf(label.curve);
    const clearOf = (boxes: Box[]) => (at: Point) =>
      !boxes.some(box => boxesOverlap(box, labelBox(label.text, at)));
    const free =
      candidates.find(at => clearOf(placed)(at) && clearOf(blocked)(at)) ??
      candidates.find(clearOf(placed));
    const at = free ?? candidates[0];
    placed.push(labelBox(label.text, at));
    return { x: Math.round(at.x * 10) / 10, y: Math.round(at.y * 10) / 10 };
  });
}
