// A dialect whose connections take the caller's database scope (scope.ts) when they are
// handed out: for drivers whose connection is the caller's alone until released
// (PostgreSQL's pool, PGlite on this thread).
import type { DatabaseConnection, Dialect, Driver, Kysely, TransactionSettings } from 'kysely';
import { applyScopeQuery, currentDbScope, scopeKey } from './scope.js';

class ScopedDriver implements Driver {
  readonly savepoint?: Driver['savepoint'];
  readonly rollbackToSavepoint?: Driver['rollbackToSavepoint'];
  readonly releaseSavepoint?: Driver['releaseSavepoint'];
  /** The scope each session has now, by the object standing for that session. */
  readonly #applied = new WeakMap<object, string>();

  constructor(
    private readonly inner: Driver,
    private readonly sessionOf: (conn: DatabaseConnection) => object,
  ) {
    if (inner.savepoint) this.savepoint = inner.savepoint.bind(inner);
    if (inner.rollbackToSavepoint) this.rollbackToSavepoint = inner.rollbackToSavepoint.bind(inner);
    if (inner.releaseSavepoint) this.releaseSavepoint = inner.releaseSavepoint.bind(inner);
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = currentDbScope();
    const conn = await this.inner.acquireConnection();
    const session = this.sessionOf(conn);
    const key = scopeKey(scope);
    // A session not seen yet may have any settings: apply them.
    if (this.#applied.get(session) !== key) {
      try {
        await conn.executeQuery(applyScopeQuery(scope));
      } catch (err) {
        // The session's settings are unknown now; apply them again next time.
        this.#applied.delete(session);
        await this.inner.releaseConnection(conn);
        throw err;
      }
      this.#applied.set(session, key);
    }
    return conn;
  }

  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(conn, settings);
  }
  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(conn);
  }
  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(conn);
  }
  releaseConnection(conn: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(conn);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * Wraps `dialect` so each connection takes the current scope. `sessionOf` names the
 * database session behind a connection (its own object when each connection is a session;
 * one shared object when all connections share one session).
 */
export function scopedDialect(dialect: Dialect, sessionOf: (conn: DatabaseConnection) => object = (c) => c): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new ScopedDriver(dialect.createDriver(), sessionOf),
    createIntrospector: (db: Kysely<any>) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
