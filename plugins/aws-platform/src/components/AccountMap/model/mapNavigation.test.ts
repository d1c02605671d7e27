import { FocusItem, nextFocus } from './mapNavigation';

// An OU header above a 3 x 2 grid of tiles, then a child OU header below.
const items: FocusItem[] = [
  { id: 'ou', rect: { x: 0, y: 0, width: 600, height: 40 } },
  ...[0, 1, 2, 3, 4, 5].map(i => ({
    id: `t${i}`,
    rect: {
      x: (i % 3) * 200,
      y: 50 + Math.floor(i / 3) * 100,
      width: 180,
      height: 90,
    },
  })),
  { id: 'child', rect: { x: 400, y: 260, width: 200, height: 40 } },
];

describe('nextFocus', () => {
  it('steps through the map in reading order with left and right', () => {
    expect(nextFocus(items, 'ou', 'ArrowRight')).toBe('t0');
    expect(nextFocus(items, 't2', 'ArrowRight')).toBe('t3');
    expect(nextFocus(items, 't0', 'ArrowLeft')).toBe('ou');
    expect(nextFocus(items, 'ou', 'ArrowLeft')).toBeUndefined();
    expect(nextFocus(items, 'child', 'ArrowRight')).toBeUndefined();
  });

  it('goes to the nearest item below or above', () => {
    expect(nextFocus(items, 't1', 'ArrowDown')).toBe('t4');
    expect(nextFocus(items, 't4', 'ArrowUp')).toBe('t1');
    expect(nextFocus(items, 't0', 'ArrowUp')).toBe('ou');
    expect(nextFocus(items, 't5', 'ArrowDown')).toBe('child');
    expect(nextFocus(items, 't3', 'ArrowDown')).toBe('child');
    expect(nextFocus(items, 'child', 'ArrowDown')).toBeUndefined();
  });

  it('jumps to the ends, and starts at the first item without a focus', () => {
    expect(nextFocus(items, 't3', 'Home')).toBe('ou');
    expect(nextFocus(items, 't3', 'End')).toBe('child');
    expect(nextFocus(items, undefined, 'ArrowDown')).toBe('ou');
    expect(nextFocus([], undefined, 'End')).toBeUndefined();
  });
});
