// @ts-check
// PGlite's settings, shared by the engine on the server's thread (engine.ts) and on its own
// thread (pglite-worker.mjs), so both return the same JS values for the same columns:
// int8 as number, date and numeric as text. Plain JavaScript because a worker thread's
// entry is loaded without the TypeScript loader (types in pglite-options.d.mts).
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export const INT8 = 20;
export const DATE = 1082;
export const NUMERIC = 1700;

/** @param {string | undefined} dataDir */
export function pgliteOptions(dataDir) {
  return {
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm },
    parsers: {
      [INT8]: (/** @type {string} */ v) => Number(v),
      [DATE]: (/** @type {string} */ v) => v,
      [NUMERIC]: (/** @type {string} */ v) => v,
    },
  };
}
