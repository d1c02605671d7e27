import { TileBox } from './mapLayout';
import { scrollToShow, tilesInView, WINDOW_ABOVE_TILES } from './mapWindow';

const column = (n: number): TileBox[] =>
  Array.from({ length: n }, (_, i) => ({
    ref: `t${i}`,
    groupId: 'g',
    x: 0,
    y: i * 100,
    width: 100,
    height: 90,
  }));

describe('tilesInView', () => {
  it('renders every tile of a small map, or without a measured view', () => {
    const tiles = column(WINDOW_ABOVE_TILES);
    expect(tilesInView(tiles, { top: 0, height: 500 }, new Set())).toBe(tiles);
    expect(tilesInView(column(1000), undefined, new Set())).toHaveLength(1000);
    expect(
      tilesInView(column(1000), { top: 0, height: 0 }, new Set()),
    ).toHaveLength(1000);
  });

  it('renders the tiles near the view of a large map, and the kept one', () => {
    const shown = tilesInView(
      column(1000),
      { top: 5000, height: 600 },
      new Set(['t999']),
    );
    const refs = shown.map(t => t.ref);
    // 480 px of margin on each side: rows 45 to 60.
    expect(refs[0]).toBe('t45');
    expect(refs).toContain('t60');
    expect(refs).not.toContain('t61');
    expect(refs[refs.length - 1]).toBe('t999');
    expect(refs.length).toBe(17);
  });
});

describe('scrollToShow', () => {
  const view = { top: 1000, height: 500 };
  it('scrolls up or down just enough, or not at all', () => {
    expect(scrollToShow({ x: 0, y: 1100, width: 10, height: 90 }, view)).toBe(
      0,
    );
    expect(scrollToShow({ x: 0, y: 900, width: 10, height: 90 }, view)).toBe(
      -116,
    );
    expect(scrollToShow({ x: 0, y: 1450, width: 10, height: 90 }, view)).toBe(
      56,
    );
  });
});
