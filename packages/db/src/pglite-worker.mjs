// @ts-check
// The PGlite engine on a thread of its own, driven by PGliteThread (pglite-thread.ts).
// PGlite runs its statements synchronously on whatever thread owns it; here that thread is
// not the server's, so the server's JavaScript (routing, validation, serialising answers)
// runs while a statement executes.
//
// Statements arrive as soon as they are issued, tagged with the connection that issued
// them, and wait here rather than on the server's thread: the engine never idles while the
// server is busy handing a lock over. PGlite is one backend, so while a connection's
// transaction is open only that connection's statements run; everyone else's wait, in
// order, until it commits or rolls back, as they would for a one-connection pool. DML runs
// as named prepared statements (pglite-statements.mjs).
//
// In:  { id, conn, sql, params, txn?: 'begin' | 'end' } · { id, conn, release: true } · { id, dump: true } · { id, close: true }
// Out: { id, result } or { id, error }, and first { ready: true } or { ready: false, error }.
//
// A dump (for `pnpm zhengfa backup` while the server runs) waits, like any other
// connection's statement, until no transaction is open, then checkpoints and takes PGlite's
// own tarball of the data folder (`dumpDataDir`) before the next statement runs: the copy
// holds every committed transaction and nothing half done. Statements wait meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteOptions } from './pglite-options.mjs';
import { PreparedStatements } from './pglite-statements.mjs';

const port = parentPort;
if (!port) throw new Error('pglite-worker.mjs runs only as a worker thread');

/** A database error as plain data: its message and every own scalar field (code, detail, constraint…). */
function plainError(/** @type {unknown} */ err) {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  /** @type {Record<string, unknown>} */
  const out = { name: err.name, message: err.message };
  for (const [key, value] of Object.entries(err)) {
    if (value === undefined || typeof value === 'function' || (typeof value === 'object' && value !== null)) continue;
    out[key] = value;
  }
  return out;
}

const pg = new PGlite(pgliteOptions(workerData?.dataDir));
const statements = new PreparedStatements(pg);
try {
  await pg.waitReady;
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ ready: false, error: plainError(err) });
  throw err;
}

/** @typedef {{ id: number, conn?: number, sql?: string, params?: unknown[], txn?: 'begin' | 'end', scope?: [string, string], release?: boolean, dump?: boolean, close?: boolean }} Message */

/** @type {Message[]} */
const waiting = [];
/** The connection whose transaction is open, if any. */
let owner = /** @type {number | null} */ (null);
let running = false;
/** The database scope the session has now ('' none; null unknown). */
let appliedScope = /** @type {string | null} */ ('');

/** The next message that may run: the transaction owner's, or with no transaction open the oldest. */
function nextRunnable() {
  const i = owner === null ? (waiting.length ? 0 : -1) : waiting.findIndex((m) => m.conn === owner || m.close);
  return i < 0 ? undefined : waiting.splice(i, 1)[0];
}

async function handle(/** @type {Message} */ msg) {
  if (msg.close) {
    if (!pg.closed) await pg.close();
    port?.postMessage({ id: msg.id, result: null });
    port?.close();
    return;
  }
  if (msg.dump) {
    try {
      // CHECKPOINT needs the connecting role, not a database scope's (db scope.ts).
      if (appliedScope !== '') {
        appliedScope = null;
        await pg.query(`select set_config('role', 'none', false), set_config('zhengfa.tenant_id', '', false)`);
        appliedScope = '';
      }
      await pg.query('checkpoint');
      const tarball = new Uint8Array(await (await pg.dumpDataDir('gzip')).arrayBuffer());
      port?.postMessage({ id: msg.id, result: { dump: tarball } }, [tarball.buffer]);
    } catch (err) {
      port?.postMessage({ id: msg.id, error: plainError(err) });
    }
    return;
  }
  if (msg.release) {
    // A connection handed back with its transaction still open: end it.
    if (owner === msg.conn) {
      owner = null;
      await pg.query('rollback').catch(() => {});
    }
    port?.postMessage({ id: msg.id, result: null });
    return;
  }
  try {
    // The one session goes from connection to connection between statements: give it this
    // statement's database scope (role and county, db scope.ts) when it has another.
    const key = msg.scope ? `${msg.scope[0]}\u0000${msg.scope[1]}` : '';
    if (key !== appliedScope) {
      appliedScope = null;
      await pg.query(`select set_config('role', $1, false), set_config('zhengfa.tenant_id', $2, false)`, msg.scope ?? ['none', '']);
      appliedScope = key;
    }
    const r = await statements.query(/** @type {string} */ (msg.sql), msg.params ?? []);
    if (msg.txn === 'begin') owner = msg.conn ?? null;
    port?.postMessage({ id: msg.id, result: { rows: r.rows, affectedRows: r.affectedRows } });
  } catch (err) {
    port?.postMessage({ id: msg.id, error: plainError(err) });
  } finally {
    // A commit or rollback ends the transaction whatever its outcome (a failed commit rolls back).
    if (msg.txn === 'end' && owner === msg.conn) owner = null;
  }
}

async function pump() {
  if (running) return;
  running = true;
  try {
    for (let msg = nextRunnable(); msg; msg = nextRunnable()) await handle(msg);
  } finally {
    running = false;
  }
}

port.on('message', (/** @type {Message} */ msg) => {
  waiting.push(msg);
  void pump();
});
