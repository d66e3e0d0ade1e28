// The database factory: PostgreSQL through `pg` when a URL is given, otherwise PGlite
// persisted in a folder. Both engines return the same JS types for the same columns
// (int8 as number, date as 'YYYY-MM-DD' text, timestamptz as Date) so code and tests
// cannot come to depend on one engine's quirks.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect, type PGliteClient, type PGliteConnections } from './pglite-dialect.js';
import { DATE, INT8, pgliteOptions } from './pglite-options.mjs';
import { PreparedStatements } from './pglite-statements.mjs';
import { PGliteThread } from './pglite-thread.js';
import { preparingPool } from './postgres-statements.js';
import { scopedDialect } from './scoped-dialect.js';
import { statementLogger } from './statement-log.js';
import { withoutDbScope } from './scope.js';
import { dbStrings } from './strings.js';

export type Engine = 'postgres' | 'pglite';

export interface Database<DB = any> {
  db: Kysely<DB>;
  engine: Engine;
  /** Human description without credentials, for logs. */
  describe: string;
  close(): Promise<void>;
  /**
   * PostgreSQL only: LISTEN on `channel` over a connection of its own (outside the pool),
   * calling `onNotify` for each notification and `onState(true|false)` when listening
   * starts or stops; a lost connection is reopened every second until it listens again.
   * Returns the function that stops listening; `close()` stops every listener too.
   */
  listen?(channel: string, onNotify: () => void, onState: (listening: boolean) => void): () => Promise<void>;
  /**
   * PGlite only: the engine's own gzipped tarball of its data folder (`dumpDataDir`),
   * taken between transactions, for backups (`pnpm zhengfa backup`).
   */
  dumpDataDir?(): Promise<Uint8Array>;
  /** How busy the connections are now, for the server's /metrics (PostgreSQL, and PGlite on its own thread). */
  poolStats?(): PoolStats;
}

/**
 * PostgreSQL: the pool's connections (`total`, of which `idle`) and the callers `waiting`
 * for one. PGlite on its own thread has one connection, idle when no transaction holds it
 * and no statement runs; `waiting` is the depth of its queue (statements sent and not yet
 * answered, the running one included).
 */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

const LISTEN_RETRY_MS = 1000;

function listenPostgres(url: string, applicationName: string, channel: string, onNotify: () => void, onState: (listening: boolean) => void): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (stopped) return;
    retry = setTimeout(() => void connect(), LISTEN_RETRY_MS);
    retry.unref();
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, application_name: `${applicationName}-listen` });
    // Errors end the connection; 'end' reports the loss and schedules the next attempt.
    c.on('error', () => {});
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify();
    });
    c.on('end', () => {
      if (client !== c) return;
      client = null;
      onState(false);
      schedule();
    });
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch {
      await c.end().catch(() => {});
      schedule();
      return;
    }
    if (stopped) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    onState(true);
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = null;
    if (c) {
      onState(false);
      await c.end().catch(() => {});
    }
  };
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /**
   * Run DML as named prepared statements on each connection (postgres-statements.ts).
   * Default true; false behind a pooler that cannot carry them.
   */
  preparedStatements?: boolean;
}

export function openPostgres<DB = any>(opts: PostgresOptions): Database<DB> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    application_name: opts.applicationName ?? 'zhengfa',
    types: pgTypes,
    connectionTimeoutMillis: 10_000,
    // Connections stay open once made. pg-pool hands out the client released last, so at a
    // moderate load the ones at the bottom sat idle past its default 10 s, were closed, and
    // were opened again at the next burst: a new backend with empty caches and none of the
    // pool's prepared statements, whose first statements took 100 ms and more at a million
    // matters (shared_buffers 6 GB), while the burst queued behind them. The pool never holds
    // more than `max` either way.
    idleTimeoutMillis: 0,
    // The product's queries are short and index-driven; JIT compilation only adds latency.
    options: '-c jit=off',
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: scopedDialect(new PostgresDialect({ pool: opts.preparedStatements === false ? pool : preparingPool(pool) })), log: statementLogger() });
  const listeners = new Set<() => Promise<void>>();
  return {
    db,
    engine: 'postgres',
    describe: describeUrl(opts.url),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await db.destroy();
    },
    listen(channel, onNotify, onState) {
      const stop = listenPostgres(opts.url, opts.applicationName ?? 'zhengfa', channel, onNotify, onState);
      const tracked = async () => {
        listeners.delete(tracked);
        await stop();
      };
      listeners.add(tracked);
      return tracked;
    },
  };
}

export interface PGliteOptions {
  /** Folder for the data files; omit for an in-memory database. */
  dataDir?: string;
  /** Start from a dump made with `dumpDataDir` (used by test helpers). */
  loadDataDir?: Blob | File;
  /**
   * Run the engine on a worker thread of its own (the server does): statements then no
   * longer block the thread that serves requests. Not with `loadDataDir`.
   */
  ownThread?: boolean;
}

export async function openPGlite<DB = any>(opts: PGliteOptions = {}): Promise<Database<DB>> {
  let dataDir: string | undefined;
  if (opts.dataDir) {
    dataDir = path.resolve(opts.dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  if (opts.ownThread) {
    if (opts.loadDataDir) throw new Error('openPGlite: loadDataDir is not available with ownThread');
    const thread = new PGliteThread(dataDir);
    try {
      await thread.waitReady;
    } catch (err) {
      await thread.close().catch(() => {});
      throw err;
    }
    return {
      ...pgliteDatabase<DB>(thread, dataDir),
      dumpDataDir: () => thread.dumpDataDir(),
      // One connection, busy while a transaction holds it or a statement runs.
      poolStats: () => ({ total: 1, idle: thread.busy ? 0 : 1, waiting: thread.pending }),
    };
  }
  const client = new PGlite({
    ...pgliteOptions(dataDir),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  await client.waitReady;
  const statements = new PreparedStatements(client);
  const engine: PGliteClient = {
    waitReady: client.waitReady,
    get closed() {
      return client.closed;
    },
    query: <R>(sql: string, params: unknown[] = []) => statements.query(sql, params) as Promise<{ rows: R[]; affectedRows?: number }>,
    close: () => client.close(),
  };
  const database = pgliteDatabase<DB>(engine, dataDir);
  return {
    ...database,
    dumpDataDir: async () => {
      // As the connecting role (CHECKPOINT is refused to a database scope's role), and
      // through the dialect, which keeps track of the session's scope.
      await withoutDbScope(() => sql`checkpoint`.execute(database.db));
      return new Uint8Array(await (await client.dumpDataDir('gzip')).arrayBuffer());
    },
    ...({ pglite: client } as object),
  };
}

/**
 * Writes a data folder from a tarball made by `dumpDataDir` (a backup being restored):
 * PGlite unpacks it into the empty folder `dataDir`, starts on it once (replaying its
 * log, as after a crash) and closes.
 */
export async function loadPGliteDataDir(dataDir: string, tarball: Uint8Array): Promise<void> {
  // Read from a file, the tarball is backed by an ordinary ArrayBuffer (never a shared one).
  const database = await openPGlite({ dataDir, loadDataDir: new Blob([tarball as Uint8Array<ArrayBuffer>]) });
  await ping(database.db);
  await database.close();
}

/** The Database over a ready PGlite engine, on this thread or its own. */
function pgliteDatabase<DB>(engine: PGliteClient | PGliteConnections, dataDir: string | undefined): Database<DB> {
  // On this thread every connection is the one session; on its own thread the worker
  // applies each statement's scope itself (pglite-worker.mjs).
  const session = {};
  const dialect = 'run' in engine ? new PGliteDialect(engine) : scopedDialect(new PGliteDialect(engine), () => session);
  // The tenant-key statement log is kept off the engine on its own thread: with Kysely's log
  // hook on it, a write issued while another caller's transaction is open was rolled back
  // with that transaction (pglite-thread.test.ts fails under TENANT_KEY_LOG). Not understood
  // yet; its statements are the same ones the in-process engine and PostgreSQL log.
  const db = new Kysely<DB>({ dialect, log: 'run' in engine ? undefined : statementLogger() });
  return {
    db,
    engine: 'pglite',
    describe: dataDir ? `PGlite (${dataDir})` : 'PGlite (in memory)',
    // Kysely destroys only a driver it has used; the engine must close either way.
    close: async () => {
      await db.destroy();
      if (!engine.closed) await engine.close();
    },
  };
}

/** The PGlite client behind a database opened with openPGlite on this thread, for dumps in tests. */
export function pgliteClientOf(database: Database): PGlite | undefined {
  return (database as unknown as { pglite?: PGlite }).pglite;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** PostgreSQL only: see PostgresOptions.preparedStatements. */
  preparedStatements?: boolean;
}

/** DATABASE_URL set → PostgreSQL; unset → PGlite under `<dataDir>/pglite`, on a thread of its own. */
export async function openDatabase<DB = any>(opts: OpenOptions): Promise<Database<DB>> {
  if (opts.databaseUrl) return openPostgres<DB>({ url: opts.databaseUrl, poolSize: opts.poolSize, preparedStatements: opts.preparedStatements });
  return openPGlite<DB>({ dataDir: path.join(opts.dataDir, 'pglite'), ownThread: true });
}

/** Round-trips a trivial query; throws with the driver's message when the database does not answer. */
export async function ping(db: Kysely<any>): Promise<void> {
  await sql`select 1`.execute(db);
}

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** Validates a DATABASE_URL's shape; returns a Chinese reason or null. */
export function checkDatabaseUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return dbStrings.urlInvalid;
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    return dbStrings.urlProtocol(u.protocol);
  }
  if (!u.hostname) return dbStrings.urlNoHost;
  if (!u.pathname || u.pathname === '/') return dbStrings.urlNoDatabase;
  return null;
}
