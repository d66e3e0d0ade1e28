// A small seeded generator for reproducible draws: FNV-1a hashes the seed (with the stratum)
// to 32 bits and mulberry32 generates from it. The same seed over the same candidates
// gives the same files on every machine; the seed is stored with the draw.
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of new TextEncoder().encode(text)) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` of `items` (in a fixed order) chosen by the seeded generator, by a partial Fisher–Yates shuffle. */
export function choose<T>(items: readonly T[], count: number, seed: string): T[] {
  const next = mulberry32(hashSeed(seed));
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}
