import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteOptions } from './pglite-options.mjs';
import { leadingKeyword, PreparedStatements } from './pglite-statements.mjs';

let pg: PGlite;
beforeAll(async () => {
  pg = new PGlite(pgliteOptions(undefined));
  await pg.waitReady;
  await pg.exec(`create table notes (id int8 primary key, body text, tags text[], at timestamptz, doc jsonb, bytes bytea)`);
}, 60_000);
afterAll(async () => {
  await pg?.close();
});

async function preparedNames(): Promise<string[]> {
  return (await pg.query<{ name: string }>(`select name from pg_prepared_statements order by name`)).rows.map((r) => r.name);
}

describe('prepared statements on PGlite', () => {
  it('returns the same rows and values as pg.query for every kind of column and parameter', async () => {
    const statements = new PreparedStatements(pg);
    const text = `select 42::int8 as big, '2026-01-02'::date as day, 3.50::numeric as amount, $1::timestamptz as at,
      $2::jsonb as doc, $3::bytea as bytes, $4::text[] as words, $5::text as nothing, $6::int as n, $7::text as param`;
    const params = [new Date('2026-01-02T03:04:05Z'), { a: [1, '二'] }, new Uint8Array([1, 2, 255]), ['土地', '拆迁'], null, 7, '参数'];
    const plain = await pg.query(text, params, { rowMode: 'object' });
    const prepared = await statements.query(text, params);
    expect(prepared.rows).toEqual(plain.rows);
    expect(prepared.rows[0]).toMatchObject({ big: 42, day: '2026-01-02', words: ['土地', '拆迁'], nothing: null, n: 7 });
  });

  it('prepares a statement once and runs it again by name', async () => {
    const statements = new PreparedStatements(pg);
    await statements.clear();
    const before = (await preparedNames()).length;
    for (let i = 0; i < 8; i++) expect((await statements.query(`select $1::int + 1 as n`, [i])).rows).toEqual([{ n: i + 1 }]);
    expect(statements.size).toBe(1);
    expect((await preparedNames()).length).toBe(before + 1);
  });

  it('reports the number of rows an insert, an update and a delete changed', async () => {
    const statements = new PreparedStatements(pg);
    expect((await statements.query(`insert into notes (id, body) values ($1, $2), ($3, $4)`, [1, 'a', 2, 'b'])).affectedRows).toBe(2);
    expect((await statements.query(`update notes set body = $1 where id in ($2, $3)`, ['c', 1, 2])).affectedRows).toBe(2);
    expect((await statements.query(`delete from notes where id = $1`, [2])).affectedRows).toBe(1);
  });

  it('keeps a database error’s SQLSTATE code and constraint', async () => {
    const statements = new PreparedStatements(pg);
    await statements.query(`insert into notes (id, body) values ($1, $2)`, [100, 'x']);
    await expect(statements.query(`insert into notes (id, body) values ($1, $2)`, [100, 'y'])).rejects.toMatchObject({ code: '23505', constraint: 'notes_pkey' });
  });

  it('does not keep a statement that fails to parse', async () => {
    const statements = new PreparedStatements(pg);
    await expect(statements.query(`select from where $1`, [1])).rejects.toMatchObject({ code: '42601' });
    expect(statements.size).toBe(0);
  });

  it('drops its statements before a schema change, so select * sees a new column', async () => {
    const statements = new PreparedStatements(pg);
    await pg.exec(`create table shapes (id int primary key); insert into shapes values (1)`);
    expect((await statements.query(`select * from shapes where id = $1`, [1])).rows).toEqual([{ id: 1 }]);
    await statements.query(`alter table shapes add column label text default '圆'`, []);
    expect(statements.size).toBe(0);
    expect((await statements.query(`select * from shapes where id = $1`, [1])).rows).toEqual([{ id: 1, label: '圆' }]);
  });

  it('keeps its statements across transaction control and settings', async () => {
    const statements = new PreparedStatements(pg);
    await statements.query(`select $1::int as n`, [1]);
    for (const control of ['begin', 'set local statement_timeout = 1000', 'savepoint s', 'release savepoint s', 'commit']) await statements.query(control, []);
    expect(statements.size).toBe(1);
  });

  it('prepares a statement again when someone else deallocated it', async () => {
    const statements = new PreparedStatements(pg);
    expect((await statements.query(`select $1::text as v`, ['一'])).rows).toEqual([{ v: '一' }]);
    await pg.query('deallocate all');
    expect((await statements.query(`select $1::text as v`, ['二'])).rows).toEqual([{ v: '二' }]);
  });

  it('rolls back a prepared write with its transaction and keeps the statement', async () => {
    const statements = new PreparedStatements(pg);
    await statements.query('begin', []);
    await statements.query(`insert into notes (id, body) values ($1, $2)`, [300, '撤回']);
    await statements.query('rollback', []);
    expect((await statements.query(`select count(*)::int as n from notes where id = $1`, [300])).rows).toEqual([{ n: 0 }]);
    expect((await statements.query(`insert into notes (id, body) values ($1, $2)`, [300, '保留'])).affectedRows).toBe(1);
  });

  it('keeps at most max statements and closes the oldest', async () => {
    await new PreparedStatements(pg).query('deallocate all', []);
    const statements = new PreparedStatements(pg, { max: 3 });
    for (let i = 0; i < 5; i++) await statements.query(`select ${i} + $1::int as n`, [0]);
    expect(statements.size).toBe(3);
    expect((await preparedNames()).length).toBe(3);
    expect((await statements.query(`select 0 + $1::int as n`, [5])).rows).toEqual([{ n: 5 }]);
  });

  it('does not disturb pg.query calls running at the same time', async () => {
    const statements = new PreparedStatements(pg);
    const runs = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? statements.query(`select $1::int * 2 as n`, [i]) : pg.query<{ n: number }>(`select $1::int * 2 as n`, [i], { rowMode: 'object' }),
    );
    expect((await Promise.all(runs)).map((r) => (r.rows[0] as { n: number }).n)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });
});

describe('leadingKeyword', () => {
  it('reads the first keyword past white space, comments and parentheses', () => {
    expect(leadingKeyword('\n  -- the ledger\n/* page */ (SELECT 1)')).toBe('select');
    expect(leadingKeyword('with x as (select 1) select * from x')).toBe('with');
    expect(leadingKeyword('ALTER TABLE t ADD c int')).toBe('alter');
    expect(leadingKeyword('')).toBe('');
  });
});
