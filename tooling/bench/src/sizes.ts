export const sizes = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000, '10m': 10_000_000 } as const;
export type SizeKey = keyof typeof sizes;
export type EngineKey = 'postgres' | 'pglite';

export function isSize(s: string): s is SizeKey {
  return s in sizes;
}

/** Bumped whenever the generator's output changes, so stale databases are rebuilt. */
// 5: the cases' party names written by the generator. Kernel 0016 would backfill them, but
// rewriting every case left a million matters' tables and indexes half empty (5.2 → 7.5 GB
// after VACUUM), slower to read than a freshly generated set.
export const GENERATOR_VERSION = 5; // 4: tenant-prefixed search grams, ledger indexes (the tallies of kernel 0006 are backfilled by its migration)
