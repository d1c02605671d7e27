import { Point } from './edgeGeometry';
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

/**
 * Where each label goes so that labels do not cover one another: in order,
 * each at its line's middle when that is free, else at the first point
 * further along its line (either way) that is, else a line of text above or
 * below the middle, else at the middle. Pure; greedy, so earlier labels
 * keep the middle.
 */
export function placeLabels(labels: readonly LabelToPlace[]): Point[] {
  const placed: Box[] = [];
  return labels.map(label => {
    const candidates = candidatesOf(label.curve);
    const free = candidates.find(
      at => !placed.some(box => boxesOverlap(box, labelBox(label.text, at))),
    );
    const at = free ?? candidates[0];
    placed.push(labelBox(label.text, at));
    return { x: Math.round(at.x * 10) / 10, y: Math.round(at.y * 10) / 10 };
  });
}
