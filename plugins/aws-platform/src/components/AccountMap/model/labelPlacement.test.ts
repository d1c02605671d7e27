import { Point } from './edgeGeometry';
import { boxesOverlap, labelBox, placeLabels } from './labelPlacement';

const line = (
  from: Point,
  to: Point,
  text: string,
): { curve: [Point, Point, Point]; text: string } => ({
  curve: [from, { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }, to],
  text,
});

describe('placeLabels', () => {
  it('puts a lone label at the middle of its line', () => {
    expect(
      placeLabels([line({ x: 0, y: 0 }, { x: 200, y: 100 }, '2 accounts')]),
    ).toEqual([{ x: 100, y: 50 }]);
  });

  it('moves a label along its line off one placed before it', () => {
    // Two lines crossing at their middles, as lines between three OU boxes do.
    const labels = [
      line({ x: 0, y: 0 }, { x: 400, y: 400 }, '10 accounts → Log Archive'),
      line({ x: 400, y: 0 }, { x: 0, y: 400 }, '3 accounts → Backup'),
    ];
    const [first, second] = placeLabels(labels);
    expect(first).toEqual({ x: 200, y: 200 });
    expect(
      boxesOverlap(
        labelBox(labels[0].text, first),
        labelBox(labels[1].text, second),
      ),
    ).toBe(false);
    // Still on its own line (x + y = 400), not anywhere free.
    expect(second.x + second.y).toBeCloseTo(400, 0);
  });

  it('stacks labels of lines side by side a line of text apart, then gives up at the middle', () => {
    const short = line({ x: 0, y: 0 }, { x: 10, y: 0 }, 'a long label here');
    const placed = placeLabels(Array(6).fill(short));
    expect(placed.map(at => at.y)).toEqual([0, -14, 14, -28, 28, 0]);
    expect(placed.every(at => at.x === 5)).toBe(true);
  });

  it('leaves labels that do not touch where they are', () => {
    const labels = [
      line({ x: 0, y: 0 }, { x: 200, y: 0 }, '2 accounts'),
      line({ x: 0, y: 300 }, { x: 200, y: 300 }, '4 accounts'),
    ];
    expect(placeLabels(labels)).toEqual([
      { x: 100, y: 0 },
      { x: 100, y: 300 },
    ]);
  });

  it('moves a label off an OU header or a tile where its line allows, and over one where it does not', () => {
    const across = line({ x: 0, y: 0 }, { x: 400, y: 0 }, '2 accounts');
    const header = { x: 150, y: -20, width: 100, height: 40 };
    const [moved] = placeLabels([across], [header]);
    expect(moved.y).toBe(0);
    expect(
      boxesOverlap(labelBox('2 accounts', moved), {
        minX: 150,
        minY: -20,
        maxX: 250,
        maxY: 20,
      }),
    ).toBe(false);
    const everywhere = { x: -50, y: -100, width: 500, height: 200 };
    expect(placeLabels([across], [everywhere])).toEqual([{ x: 200, y: 0 }]);
  });
});
