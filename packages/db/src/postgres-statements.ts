// Named prepared statements for PostgreSQL. `pg` sends a statement without a name as an
// unnamed one, which PostgreSQL parses, analyses and plans on every run. For the ledger's
// statements at a million matters that planning is about a third of the database's CPU
// per request (the page plans its count, its join and its parties' subquery each time).
// Here each connection prepares a DML text once under a name of its own; later runs bind
// and execute it, and PostgreSQL plans it as any prepared statement: custom plans for the
// first five runs, then a generic plan when that is no dearer. The kernel writes the few
// values a plan depends on (statuses, urgencies, today, page sizes) as literals
// (kernel cases/plan-literals.ts), so those generic plans are the right ones.
//
// The same rules as on PGlite (statement-kinds.mjs): only DML is prepared; a statement
// that may change the schema first drops the connection's prepared statements, and the
// pool's other connections drop theirs before their next statement; a statement that finds
// its prepared statement gone or its plan's result type changed by DDL from outside the
// pool is prepared again and, outside a transaction, run again (inside
// one the error ends the transaction, as any error does). Each connection keeps the `max`
// most recently used texts and deallocates older ones.
//
// Behind a connection pooler that cannot carry prepared statements (PgBouncer before 1.21
// in transaction mode) turn this off: DATABASE_PREPARED_STATEMENTS=false.
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { leadingKeyword, PLAN_KEEPING_KEYWORDS, PREPARED_KEYWORDS, STALE_STATEMENT_CODES } from './statement-kinds.mjs';

export interface PostgresStatementsOptions {
  /** Prepared texts kept per connection (default 100). */
  max?: number;
}

/** What a connection of `pg` exposes that this module relies on. */
interface PgClient {
  query(config: pg.QueryConfig | string, values?: unknown[]): Promise<pg.QueryResult>;
  /** 'I' idle, 'T' in a transaction, 'E' in a failed one (pg ≥ 8.15). */
  getTransactionStatus?(): string | null;
  /** pg's own record of the statements it has parsed on this connection (name → text). */
  connection?: { parsedStatements?: Record<string, string> };
}

/** Counts the statements run through a pool that may have changed the schema. */
interface SchemaGeneration {
  generation: number;
}

/** Statement names are unique in the process, so a name is never reused for another text. */
let lastName = 0;

/** The prepared statements of one connection: text → name, least recently used first. */
class ConnectionStatements {
  readonly names = new Map<string, string>();
  /** The pool's schema generation this connection's statements were prepared under. */
  private generation: number;

  constructor(
    private readonly client: PgClient,
    private readonly max: number,
    private readonly schema: SchemaGeneration,
  ) {
    this.generation = schema.generation;
  }

  async query(text: string, values: readonly unknown[]): Promise<pg.QueryResult> {
    // Another connection of the pool changed the schema since: its plans may be stale here
    // too, and inside a transaction a stale plan cannot be retried, so drop them first.
    if (this.generation !== this.schema.generation) {
      this.generation = this.schema.generation;
      await this.clear();
    }
    // A text this connection already prepared was preparable then and is now: skip the scan.
    if (this.names.has(text)) return this.prepared(text, values);
    const keyword = leadingKeyword(text);
    // A text without parameters may hold several statements (pg sends it over the simple
    // protocol); a prepared statement holds exactly one.
    const preparable = PREPARED_KEYWORDS.has(keyword) && (values.length > 0 || !text.includes(';'));
    if (!preparable) {
      if (PLAN_KEEPING_KEYWORDS.has(keyword)) return this.client.query(text, values as unknown[]);
      await this.clear();
      try {
        return await this.client.query(text, values as unknown[]);
      } finally {
        // Counted once the statement is over. Inside a transaction that is before it commits,
        // which is soon enough: a statement that changes a table's columns holds the table's
        // lock until then, so another connection preparing against it waits and then plans
        // against the committed schema.
        this.generation = ++this.schema.generation;
      }
    }
    return this.prepared(text, values);
  }

  /** Runs a preparable text; a statement gone stale is prepared again once, outside a transaction. */
  private async prepared(text: string, values: readonly unknown[]): Promise<pg.QueryResult> {
    try {
      return await this.run(text, values);
    } catch (err) {
      if (!STALE_STATEMENT_CODES.has((err as { code?: string })?.code ?? '')) throw err;
      await this.clear();
      if (this.inTransaction()) throw err;
      return this.run(text, values);
    }
  }

  private inTransaction(): boolean {
    const status = this.client.getTransactionStatus?.();
    // Unknown (an older pg): assume a transaction, so nothing is ever run twice in one.
    return status !== 'I';
  }

  private async run(text: string, values: readonly unknown[]): Promise<pg.QueryResult> {
    let name = this.names.get(text);
    if (name) {
      this.names.delete(text);
    } else {
      name = `zf_${++lastName}`;
      await this.evictBeyond(this.max - 1);
    }
    this.names.set(text, name);
    return this.client.query({ name, text, values: values as unknown[] });
  }

  /** Deallocates the least recently used statements until at most `keep` remain. */
  private async evictBeyond(keep: number): Promise<void> {
    while (this.names.size > keep) {
      const [text, name] = this.names.entries().next().value as [string, string];
      // In a failed transaction nothing runs; the statement stays until the next chance.
      if (this.client.getTransactionStatus?.() === 'E') return;
      this.names.delete(text);
      await this.client.query(`deallocate ${name}`).catch(() => {});
      delete this.client.connection?.parsedStatements?.[name];
    }
  }

  /** Drops every statement this connection prepared (before a schema change, say). */
  async clear(): Promise<void> {
    if (this.names.size === 0) return;
    const names = [...this.names.values()];
    this.names.clear();
    // Fails only in a failed transaction; the old names are never reused either way.
    await this.client.query('deallocate all').catch(() => {});
    const parsed = this.client.connection?.parsedStatements;
    if (parsed) for (const name of names) delete parsed[name];
  }
}

export interface PreparingPool extends PostgresPool {
  /** The texts prepared on one of the pool's pg clients, least recently used first (for tests). */
  preparedTexts(client: object): string[];
}

/**
 * The pool as Kysely's PostgresDialect takes it, with DML run as named prepared statements
 * on each of its connections. A connection's statements live as long as the connection.
 */
export function preparingPool(pool: pg.Pool, options: PostgresStatementsOptions = {}): PreparingPool {
  const max = options.max ?? 100;
  const statementsOf = new WeakMap<object, ConnectionStatements>();
  const wrappers = new WeakMap<object, PostgresPoolClient>();
  const schema: SchemaGeneration = { generation: 0 };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      // One wrapper per connection, kept as long as it: Kysely and the database scopes
      // (scope.ts) know a connection by this object.
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        const own = new ConnectionStatements(client as unknown as PgClient, max, schema);
        statementsOf.set(client, own);
        wrapper = {
          query(textOrCursor: unknown, values?: ReadonlyArray<unknown>) {
            // A cursor (streamed reads) goes to pg as it is.
            if (typeof textOrCursor !== 'string') return client.query(textOrCursor as never);
            return own.query(textOrCursor, values ?? []) as Promise<PostgresQueryResult<unknown>>;
          },
          release: () => client.release(),
        } as PostgresPoolClient;
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
    preparedTexts: (client) => [...(statementsOf.get(client)?.names.keys() ?? [])],
  };
}
