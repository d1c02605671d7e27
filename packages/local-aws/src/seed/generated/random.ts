/** A deterministic source of choices: the same seed makes the same estate. */
export type Random = {
  /** A number in [0, 1). */
  next(): number;
  pick<T>(items: readonly T[]): T;
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
};

/** mulberry32: small, fast and good enough to vary estates, not for secrets. */
export function seededRandom(seed: number): Random {
  // Nearby seeds start mulberry32 in nearby states, whose first draws agree:
  // mix the seed first (murmur3's finaliser).
  let state = seed >>> 0;
  state = Math.imul(state ^ (state >>> 16), 0x85ebca6b) >>> 0;
  state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35) >>> 0;
  state = (state ^ (state >>> 16)) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: items => items[int(0, items.length - 1)],
    shuffle: items => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}
