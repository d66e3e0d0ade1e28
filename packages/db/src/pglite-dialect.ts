// A Kysely dialect for PGlite. PGlite is one connection in one process, so queries and
// transactions are serialised through a mutex: a transaction holds the connection until
// it commits, and other callers wait, exactly as they would for a one-connection pool.
// The engine may run on this thread (PGlite itself) or on a worker thread (PGliteThread),
// which orders statements by connection itself, so no lock is held on this thread.
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { currentDbScope, type DbScope } from './scope.js';

/** What the dialect needs of PGlite: met by PGlite itself and by PGliteThread. */
export interface PGliteClient {
  readonly waitReady: Promise<void>;
  readonly closed: boolean;
  query<R>(sql: string, params?: unknown[], options?: { rowMode?: 'object' }): Promise<{ rows: R[]; affectedRows?: number }>;
  close(): Promise<void>;
}

/** An engine that orders statements by connection itself (PGliteThread): no lock here. */
export interface PGliteConnections {
  readonly waitReady: Promise<void>;
  readonly closed: boolean;
  /** Runs `sql` for connection `conn`; `txn` marks the statements that open and end its transaction. */
  run<R>(conn: number, sql: string, params: readonly unknown[], txn?: 'begin' | 'end', scope?: DbScope): Promise<{ rows: R[]; affectedRows?: number }>;
  /** The connection is handed back; a transaction it left open is rolled back. */
  release(conn: number): Promise<void>;
  close(): Promise<void>;
}

function toQueryResult<R>(result: { rows: R[]; affectedRows?: number }, compiled: CompiledQuery): QueryResult<R> {
  const affected = result.affectedRows;
  return {
    rows: result.rows,
    ...(affected !== undefined && compiled.query.kind !== 'SelectQueryNode' ? { numAffectedRows: BigInt(affected) } : {}),
  };
}

// PGlite has no cursors over the wire; stream by reading the whole result in chunks.
async function* inChunks<R>(result: Promise<QueryResult<R>>, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
  const { rows } = await result;
  for (let i = 0; i < rows.length; i += chunkSize) {
    yield { rows: rows.slice(i, i + chunkSize) };
  }
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return acquired;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGliteClient) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return toQueryResult(await this.pg.query<R>(compiled.sql, compiled.parameters as unknown[], { rowMode: 'object' }), compiled);
  }

  streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return inChunks(this.executeQuery<R>(compiled), chunkSize);
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: PGliteConnection;
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(private readonly pg: PGliteClient) {
    this.#connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    // A fresh wrapper per acquisition so releases cannot cross.
    const conn = Object.create(this.#connection) as PGliteConnection;
    this.#releases.set(conn, release);
    return conn;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel) {
      await conn.executeQuery(CompiledQuery.raw(`begin transaction isolation level ${settings.isolationLevel}`));
    } else {
      await conn.executeQuery(CompiledQuery.raw('begin'));
    }
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    this.#releases.get(conn)?.();
    this.#releases.delete(conn);
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

class PGliteThreadConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(
    private readonly engine: PGliteConnections,
    readonly id: number,
    /** The database scope it was taken under (scope.ts); each statement carries it. */
    readonly scope: DbScope | undefined,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery, txn?: 'begin' | 'end'): Promise<QueryResult<R>> {
    return toQueryResult(await this.engine.run<R>(this.id, compiled.sql, compiled.parameters, txn, this.scope), compiled);
  }

  streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return inChunks(this.executeQuery<R>(compiled), chunkSize);
  }
}

class PGliteThreadDriver implements Driver {
  #next = 1;
  constructor(private readonly engine: PGliteConnections) {}

  async init(): Promise<void> {
    await this.engine.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteThreadConnection(this.engine, this.#next++, currentDbScope());
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = conn as PGliteThreadConnection;
    await c.executeQuery(CompiledQuery.raw(settings.isolationLevel ? `begin transaction isolation level ${settings.isolationLevel}` : 'begin'), 'begin');
    c.inTransaction = true;
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    const c = conn as PGliteThreadConnection;
    c.inTransaction = false;
    await c.executeQuery(CompiledQuery.raw('commit'), 'end');
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    const c = conn as PGliteThreadConnection;
    c.inTransaction = false;
    await c.executeQuery(CompiledQuery.raw('rollback'), 'end');
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    const c = conn as PGliteThreadConnection;
    if (c.inTransaction) {
      c.inTransaction = false;
      await this.engine.release(c.id);
    }
  }

  async destroy(): Promise<void> {
    if (!this.engine.closed) await this.engine.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGliteClient | PGliteConnections) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return 'run' in this.pg ? new PGliteThreadDriver(this.pg) : new PGliteDriver(this.pg);
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
