// @ts-check
// Prepared statements for PGlite. `pg.query` parses and plans every statement afresh and
// talks to the engine in five protocol calls (parse, describe, bind, describe, execute),
// which costs about 0.4 ms before any work is done; the ledger's statements cost 2.4–2.7 ms
// each that way at 100k matters. Here a statement is parsed once under a name of its own,
// and each later run is one call (bind, describe, execute, sync) that PostgreSQL plans as
// it does any prepared statement: custom plans for the first five runs, then a generic
// plan when that is no dearer. The ledger's statements then cost 1.2–1.6 ms.
//
// Only DML is prepared (select, insert, update, delete, with, values). Anything else runs
// through `pg.query` unchanged, and a statement that may change the schema (anything but
// transaction control and settings) first drops every prepared statement, so no cached
// plan outlives the tables it was made for. Names are kept for the `max` most recently
// used texts; older ones are closed.
//
// Shared by the engine on the server's thread (engine.ts) and on its own thread
// (pglite-worker.mjs); types in pglite-statements.d.mts.
import { parse, protocol } from '@electric-sql/pglite';
import { leadingKeyword, PLAN_KEEPING_KEYWORDS, PREPARED_KEYWORDS, STALE_STATEMENT_CODES } from './statement-kinds.mjs';

export { leadingKeyword };

const { serialize } = protocol;

/** Statement names are unique in the process, so two caches on one engine never collide. */
let lastName = 0;

/** @param {Uint8Array[]} parts */
function concat(parts) {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * @typedef {{ name: string, types: number[] }} Prepared
 * @typedef {{ rows: unknown[], affectedRows?: number }} Result
 * @typedef {import('@electric-sql/pglite').PGlite} PGlite
 */

export class PreparedStatements {
  /** @type {Map<string, Prepared>} */
  #byText = new Map();
  #pg;
  #max;

  /** @param {PGlite} pg @param {{ max?: number }} [options] */
  constructor(pg, options = {}) {
    this.#pg = pg;
    this.#max = options.max ?? 200;
  }

  /** How many statements are prepared now. */
  get size() {
    return this.#byText.size;
  }

  /**
   * Runs one statement with its parameters; rows come back as objects, parsed by the
   * instance's parsers exactly as `pg.query` parses them.
   * @param {string} sql @param {readonly unknown[]} params @returns {Promise<Result>}
   */
  async query(sql, params) {
    const keyword = leadingKeyword(sql);
    if (!PREPARED_KEYWORDS.has(keyword)) {
      if (!PLAN_KEEPING_KEYWORDS.has(keyword)) await this.clear();
      const r = await this.#pg.query(sql, /** @type {unknown[]} */ (params), { rowMode: 'object' });
      return { rows: r.rows, affectedRows: r.affectedRows };
    }
    try {
      return await this.#run(sql, params);
    } catch (err) {
      if (!STALE_STATEMENT_CODES.has(/** @type {{ code?: string }} */ (err)?.code)) throw err;
      // Someone dropped our statements (DISCARD, DEALLOCATE) or a table changed under a
      // plan: start again. Outside a transaction the statement can simply run again.
      await this.clear();
      if (this.#pg.isInTransaction()) throw err;
      return await this.#run(sql, params);
    }
  }

  /** @param {string} sql @param {readonly unknown[]} params @returns {Promise<Result>} */
  async #run(sql, params) {
    const statement = this.#lookup(sql) ?? (await this.#prepare(sql));
    const serializers = /** @type {Record<number, (v: unknown) => string>} */ (this.#pg.serializers);
    const values = params.map((v, i) => {
      if (v === null || v === undefined) return null;
      const serializer = serializers[/** @type {number} */ (statement.types[i])];
      return serializer ? serializer(v) : String(v);
    });
    const messages = await this.#exchange(concat([serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]));
    const [result] = parse.parseResults(messages, this.#pg.parsers, { rowMode: 'object' });
    return { rows: result?.rows ?? [], affectedRows: result?.affectedRows };
  }

  /** The statement prepared for `sql`, now the most recently used. @param {string} sql */
  #lookup(sql) {
    const statement = this.#byText.get(sql);
    if (statement) {
      this.#byText.delete(sql);
      this.#byText.set(sql, statement);
    }
    return statement;
  }

  /** @param {string} sql @returns {Promise<Prepared>} */
  async #prepare(sql) {
    const name = `zf_${++lastName}`;
    const messages = await this.#exchange(concat([serialize.parse({ name, text: sql, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const description = /** @type {{ name: string, dataTypeIDs?: number[] } | undefined} */ (messages.find((m) => m.name === 'parameterDescription'));
    /** @type {Prepared} */
    const statement = { name, types: description?.dataTypeIDs ?? [] };
    this.#byText.set(sql, statement);
    if (this.#byText.size > this.#max) {
      const [oldestText, oldest] = /** @type {[string, Prepared]} */ (this.#byText.entries().next().value);
      this.#byText.delete(oldestText);
      await this.#exchange(concat([serialize.close({ type: 'S', name: oldest.name }), serialize.sync()]), false);
    }
    return statement;
  }

  /**
   * One round of messages ending in Sync, under PGlite's own query lock so it never lands
   * inside another caller's `pg.query` (whose five calls share the unnamed portal).
   * @param {Uint8Array} message @param {boolean} [throwOnError]
   */
  #exchange(message, throwOnError = true) {
    return this.#pg._runExclusiveQuery(() => this.#pg.execProtocolStream(message, { throwOnError }));
  }

  /** Drops every prepared statement (before a schema change, say). */
  async clear() {
    if (this.#byText.size === 0) return;
    this.#byText.clear();
    // Fails only in a transaction that already failed; the old names are never reused.
    await this.#pg.query('deallocate all').catch(() => {});
  }
}
