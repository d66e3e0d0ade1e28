// A per-process memory of recently resolved sessions, for reads only. Every request
// resolves its session to a principal (user, organisation, roles, permissions); for the
// ledger at province scale that lookup cost the database a third of what the ledger page
// itself cost. The cache keeps a principal for a couple of seconds, and only reads
// (GET/HEAD) use it:
// - a write (any other method) always reads its principal fresh from the database, so a
//   revoked session, a disabled user or a withdrawn permission can never authorise a
//   change, and it empties the cache before it runs and again when it has answered, so
//   reads in this process see what it changed;
// - a change made anywhere else (a second server, the CLI, an operator's SQL) is announced
//   by the database at commit (migration 0011) and empties the cache of every process
//   listening; a PostgreSQL process that is not listening reuses nothing (kernel.ts). The
//   time to live bounds what a lost notice could leave behind.
// The idle and absolute session deadlines are checked on every request against the
// cached times, as they are against fresh ones.

export interface CachedPrincipal<Row> {
  row: Row;
  /** When the row was read from the database (ms since the epoch). */
  readAt: number;
}

export interface PrincipalCache<Row> {
  get(sessionId: string, now: number): Row | undefined;
  set(sessionId: string, row: Row, now: number): void;
  delete(sessionId: string): void;
  clear(): void;
  readonly size: number;
}

export const principalCachePolicy = {
  /** How long a read may rely on a principal read from the database. */
  ttlMs: 2000,
  /** Entries kept at most; the oldest go first. */
  maxEntries: 10_000,
} as const;

export function createPrincipalCache<Row>(opts: { ttlMs?: number; maxEntries?: number } = {}): PrincipalCache<Row> {
  const ttlMs = opts.ttlMs ?? principalCachePolicy.ttlMs;
  const maxEntries = opts.maxEntries ?? principalCachePolicy.maxEntries;
  // A Map iterates in insertion order: re-inserting on set keeps the oldest first.
  const entries = new Map<string, CachedPrincipal<Row>>();
  return {
    get(sessionId, now) {
      const hit = entries.get(sessionId);
      if (!hit) return undefined;
      if (now - hit.readAt >= ttlMs || now < hit.readAt) {
        entries.delete(sessionId);
        return undefined;
      }
      return hit.row;
    },
    set(sessionId, row, now) {
      entries.delete(sessionId);
      entries.set(sessionId, { row, readAt: now });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    delete(sessionId) {
      entries.delete(sessionId);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
