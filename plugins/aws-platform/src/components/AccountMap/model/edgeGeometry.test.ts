import { routeEdges } from './edgeGeometry';
import { MapEdge } from './mapFlows';
import { Rect } from './mapLayout';

const rects: Record<string, Rect> = {
  'a:left': { x: 0, y: 0, width: 100, height: 50 },
  'a:right': { x: 300, y: 0, width: 100, height: 50 },
};

const edge = (type: MapEdge['type'], from: string, to: string): MapEdge => ({
  key: `${type}|${from}|${to}`,
  type,
  from,
  to,
  count: 1,
  broken: 0,
});

const numbers = (d: string) => d.match(/-?\d+(\.\d+)?/g)!.map(Number);

describe('routeEdges', () => {
  it('runs from border to border', () => {
    const [routed] = routeEdges(
      [edge('deploys-to', 'a:left', 'a:right')],
      n => rects[n],
    );
    const [x1, y1, , , x2, y2] = numbers(routed.d);
    expect(x1).toBeCloseTo(100, 0);
    expect(y1).toBeGreaterThanOrEqual(0);
    expect(y1).toBeLessThanOrEqual(50);
    expect(x2).toBeCloseTo(300, 0);
    expect(y2).toBeGreaterThanOrEqual(0);
  });

  it('gives lines between the same two nodes their own lanes', () => {
    const routed = routeEdges(
      [
        edge('deploys-to', 'a:left', 'a:right'),
        edge('baseline-flow', 'a:left', 'a:right'),
        edge('pulls-images-from', 'a:right', 'a:left'),
      ],
      n => rects[n],
    );
    const controls = routed.map(r => numbers(r.d)[3]);
    expect(new Set(controls).size).toBe(3);
  });

  it('skips lines whose ends are not drawn', () => {
    expect(
      routeEdges([edge('deploys-to', 'a:left', 'a:gone')], n => rects[n]),
    ).toEqual([]);
  });
});
