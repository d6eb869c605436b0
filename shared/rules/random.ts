// A seeded random source (mulberry32). The state lives in GameState.seed so
// that a game replays identically from its seed and its actions.

/** One step: a float in [0, 1) and the next seed. */
export function nextRandom(seed: number): [number, number] {
  const next = (seed + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return [value, next];
}

/** Fisher–Yates over a copy; the input array is left alone. */
export function shuffle<T>(items: readonly T[], seed: number): [T[], number] {
  const out = items.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    const [r, n] = nextRandom(s);
    s = n;
    const j = Math.floor(r * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return [out, s];
}

/**
 * The same sequence as a draw-by-draw source, for tests and tools that need
 * many draws from one seed (the fuzz test, the kill-at-random test): a failing
 * run is replayed from its seed.
 */
export function randomSource(seed: number): () => number {
  let s = seed;
  return () => {
    const [value, next] = nextRandom(s);
    s = next;
    return value;
  };
}
