import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from './engine.js';
import { preparingPool } from './postgres-statements.js';
import { createTestDatabase, onPostgres, type TestDatabase } from './testing.js';

describe.skipIf(!onPostgres())('prepared statements on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    await pool.query(`create table notes (id int8 primary key, body text, tags text[], at timestamptz, doc jsonb)`);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  /** One connection of a new preparing pool over `pool`, the raw pg client behind it, and what it has prepared. */
  async function connection(max?: number) {
    const raw = await pool.connect();
    // Statements an earlier test's pool left on this connection.
    await raw.query('deallocate all');
    raw.release();
    // pg hands the most recently released idle client out first: the preparing pool's next connection is `raw`.
    const preparing = preparingPool(pool, { max });
    const conn = await preparing.connect();
    return { conn, raw, release: () => conn.release(), prepared: () => preparing.preparedTexts(raw) };
  }

  /** Runs `statement` on a connection of its own, outside the pools (a schema change made elsewhere). */
  async function onAnotherConnection(statement: string): Promise<void> {
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query(statement);
    } finally {
      await other.end();
    }
  }

  async function preparedOn(conn: { query: (s: string, p: unknown[]) => Promise<{ rows: unknown[] }> }): Promise<string[]> {
    const r = await conn.query(`show server_version`, []);
    expect(r.rows.length).toBe(1);
    return ((await conn.query(`select statement from pg_prepared_statements order by prepare_time`, [])).rows as { statement: string }[]).map((x) => x.statement);
  }

  it('returns the same rows and values as an unnamed statement', async () => {
    const { conn, release } = await connection();
    try {
      const text = `select 42::int8 as big, $1::timestamptz as at, $2::jsonb as doc, $3::text[] as words, $4::text as nothing, $5::int as n`;
      const params = [new Date('2026-01-02T03:04:05Z'), JSON.stringify({ a: [1, '二'] }), ['土地', '拆迁'], null, 7];
      const plain = await pool.query(text, params);
      const prepared = await conn.query(text, params);
      expect(prepared.rows).toEqual(plain.rows);
    } finally {
      release();
    }
  });

  it('prepares a text once per connection and runs it again by name', async () => {
    const { conn, release, prepared } = await connection();
    try {
      for (let i = 0; i < 8; i++) expect((await conn.query(`select $1::int + 1 as n`, [i])).rows).toEqual([{ n: i + 1 }]);
      expect((await preparedOn(conn)).filter((s) => s === 'select $1::int + 1 as n')).toHaveLength(1);
      expect(prepared()).toContain('select $1::int + 1 as n');
    } finally {
      release();
    }
  });

  it('keeps a failed write’s SQLSTATE and constraint, and the statement stays usable', async () => {
    const { conn, release } = await connection();
    try {
      const insert = `insert into notes (id, body) values ($1, $2)`;
      await conn.query(insert, [1, '一']);
      await expect(conn.query(insert, [1, '重复'])).rejects.toMatchObject({ code: '23505', constraint: 'notes_pkey' });
      await conn.query(insert, [2, '二']);
      expect((await conn.query(`select body from notes where id = any($1::int8[]) order by id`, [[1, 2]])).rows).toEqual([{ body: '一' }, { body: '二' }]);
    } finally {
      release();
    }
  });

  it('rolls back a prepared write with its transaction', async () => {
    const { conn, release } = await connection();
    try {
      await conn.query('begin', []);
      await conn.query(`insert into notes (id, body) values ($1, $2)`, [10, '回滚']);
      await conn.query('rollback', []);
      expect((await conn.query(`select count(*)::int as n from notes where id = $1`, [10])).rows).toEqual([{ n: 0 }]);
    } finally {
      release();
    }
  });

  it('drops the connection’s statements before a statement that may change the schema', async () => {
    const { conn, release, prepared } = await connection();
    try {
      await conn.query(`select $1::text as a`, ['x']);
      expect(prepared().length).toBeGreaterThan(0);
      await conn.query(`create index notes_body_idx on notes (body)`, []);
      expect(prepared()).toEqual([]);
      expect((await preparedOn(conn)).filter((s) => !s.includes('pg_prepared_statements'))).toEqual([]);
    } finally {
      release();
    }
  });

  it('runs a statement again when another connection changed the columns it reads', async () => {
    const { conn, release } = await connection();
    try {
      await pool.query(`create table shapes (id int primary key)`);
      await pool.query(`insert into shapes values (1)`);
      const text = `select * from shapes where id = $1`;
      expect((await conn.query(text, [1])).rows).toEqual([{ id: 1 }]);
      await onAnotherConnection(`alter table shapes add column name text default '新列'`);
      expect((await conn.query(text, [1])).rows).toEqual([{ id: 1, name: '新列' }]);
    } finally {
      release();
    }
  });

  it('inside a transaction, reports a changed plan instead of running the statement twice, and recovers after it', async () => {
    const { conn, release } = await connection();
    try {
      await pool.query(`create table shapes_tx (id int primary key)`);
      await pool.query(`insert into shapes_tx values (1)`);
      const text = `select * from shapes_tx where id = $1`;
      await conn.query(text, [1]);
      await onAnotherConnection(`alter table shapes_tx add column name text default '新列'`);
      await conn.query('begin', []);
      await expect(conn.query(text, [1])).rejects.toMatchObject({ code: '0A000' });
      await conn.query('rollback', []);
      expect((await conn.query(text, [1])).rows).toEqual([{ id: 1, name: '新列' }]);
    } finally {
      release();
    }
  });

  it("drops a connection's statements when another connection of the pool changed the schema, so a transaction does not meet a stale plan", async () => {
    await pool.query(`create table shapes_pool (id int primary key)`);
    await pool.query(`insert into shapes_pool values (1)`);
    const preparing = preparingPool(pool);
    const first = await preparing.connect();
    const second = await preparing.connect();
    try {
      const text = `select * from shapes_pool where id = $1`;
      await first.query(text, [1]);
      await second.query(`alter table shapes_pool add column name text default '新列'`, []);
      await first.query('begin', []);
      expect((await first.query(text, [1])).rows).toEqual([{ id: 1, name: '新列' }]);
      await first.query('commit', []);
    } finally {
      first.release();
      second.release();
    }
  });

  it('prepares again when someone else deallocated the statements', async () => {
    const { conn, raw, release } = await connection();
    try {
      const text = `select $1::int * 2 as n`;
      await conn.query(text, [2]);
      await raw.query('deallocate all');
      expect((await conn.query(text, [3])).rows).toEqual([{ n: 6 }]);
    } finally {
      release();
    }
  });

  it('keeps only the most recently used texts, deallocating the others', async () => {
    const { conn, raw, release, prepared } = await connection(3);
    try {
      for (let i = 0; i < 5; i++) await conn.query(`select $1::int + ${i} as n`, [1]);
      expect(prepared()).toEqual([`select $1::int + 2 as n`, `select $1::int + 3 as n`, `select $1::int + 4 as n`]);
      const onServer = (await raw.query(`select statement from pg_prepared_statements`)).rows.map((r: { statement: string }) => r.statement);
      expect(onServer.sort()).toEqual([`select $1::int + 2 as n`, `select $1::int + 3 as n`, `select $1::int + 4 as n`]);
    } finally {
      release();
    }
  });

  it('runs a text of several statements without parameters unprepared', async () => {
    const { conn, release, prepared } = await connection();
    try {
      await conn.query(`select 1 as a; select 2 as b`, []);
      expect(prepared()).not.toContain(`select 1 as a; select 2 as b`);
    } finally {
      release();
    }
  });

  it('serves Kysely through openPostgres, and can be turned off', async () => {
    for (const preparedStatements of [true, false]) {
      const db = openPostgres({ url: database.url!, poolSize: 1, preparedStatements });
      try {
        for (let i = 0; i < 3; i++) await sql`select ${i}::int as n`.execute(db.db);
        const r = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement = 'select $1::int as n'`.execute(db.db);
        expect(r.rows[0]!.n).toBe(preparedStatements ? 1 : 0);
      } finally {
        await db.close();
      }
    }
  });
});
