import type { Kysely, Transaction } from 'kysely';

/**
 * Runs `fn` in a transaction: the caller's, when `db` already is one (so a plugin can
 * register a kernel case and its own rows atomically), or a new one.
 */
export function inTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  return db.transaction().execute(fn);
}
