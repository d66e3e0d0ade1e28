// @ts-check
// Which statements run as named prepared statements, on either engine (pglite-statements.mjs,
// postgres-statements.ts): DML is prepared; transaction control and settings run as they
// are and keep the prepared statements; anything else may change the schema, so a
// connection drops its prepared statements before running it.

/** The first keyword of a statement, past white space and comments. */
export function leadingKeyword(/** @type {string} */ sql) {
  const m = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*([a-z]+)/i.exec(sql);
  return m ? /** @type {string} */ (m[1]).toLowerCase() : '';
}

/** Keywords of the statements that are prepared. */
export const PREPARED_KEYWORDS = new Set(['select', 'insert', 'update', 'delete', 'with', 'values', 'table']);

/** Statements that cannot change what a cached plan refers to. */
export const PLAN_KEEPING_KEYWORDS = new Set(['begin', 'start', 'commit', 'end', 'rollback', 'abort', 'savepoint', 'release', 'set', 'reset', 'show']);

/**
 * SQLSTATEs after which a connection's prepared statements are dropped and the statement
 * may run again: a statement vanished (26000: DISCARD or DEALLOCATE by someone else), a
 * plan's result type changed under it (0A000: a table it reads gained or lost a column),
 * or a name is taken that the cache thought free (42P05).
 */
export const STALE_STATEMENT_CODES = new Set(['26000', '0A000', '42P05']);
