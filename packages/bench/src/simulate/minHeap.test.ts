import { MinHeap } from './minHeap.ts';

describe('MinHeap', () => {
  it('gives items back smallest first, whatever order they went in', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    const input = [5, 3, 9, 1, 1, 8, 2, 7, 0, 6, 4, 3];
    input.forEach(n => heap.push(n));
    expect(heap.size).toBe(input.length);
    expect(heap.peek()).toBe(0);
    const out: number[] = [];
    for (let n = heap.pop(); n !== undefined; n = heap.pop()) out.push(n);
    expect(out).toEqual([...input].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });

  it('keeps equal keys in insertion order when the order says so', () => {
    type Item = { at: number; seq: number };
    const heap = new MinHeap<Item>(
      (a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq),
    );
    const items = [3, 1, 3, 1, 2, 3, 1].map((at, seq) => ({ at, seq }));
    items.forEach(item => heap.push(item));
    const out: Item[] = [];
    for (let item = heap.pop(); item; item = heap.pop()) out.push(item);
    expect(out.map(i => i.seq)).toEqual([1, 3, 6, 4, 0, 2, 5]);
  });
});
