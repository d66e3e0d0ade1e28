import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPGliteDataDir, openPGlite, type Database } from './engine.js';

// One worker for most tests: starting PGlite costs a second or more.
let threaded: Database;
beforeAll(async () => {
  threaded = await openPGlite({ ownThread: true });
  await sql`create table t (id int8 primary key, note text)`.execute(threaded.db);
}, 60_000);
afterAll(async () => {
  await threaded?.close();
});

const sample = sql<Record<string, unknown>>`
  select 42::int8 as big, '2026-01-02'::date as day, 3.50::numeric as amount,
         '2026-01-02T03:04:05Z'::timestamptz as at, '{"a":[1,"二"]}'::jsonb as doc,
         '\\x0102ff'::bytea as bytes, array['土地','拆迁']::text[] as words, null::text as nothing,
         true as yes, 1.5::float8 as ratio, ${'参数'}::text as param`;

describe('PGlite on its own thread', () => {
  it('returns the same values as PGlite on the calling thread', async () => {
    const here = await openPGlite();
    try {
      const [mine, theirs] = await Promise.all([sample.execute(here.db), sample.execute(threaded.db)]);
      expect(theirs.rows).toEqual(mine.rows);
      expect(theirs.rows[0]!.at).toBeInstanceOf(Date);
      expect(theirs.rows[0]!.big).toBe(42);
      expect(theirs.rows[0]!.day).toBe('2026-01-02');
    } finally {
      await here.close();
    }
  }, 60_000);

  it('keeps a database error’s SQLSTATE code and constraint', async () => {
    await sql`insert into t (id, note) values (1, 'one')`.execute(threaded.db);
    const err = await sql`insert into t (id, note) values (1, 'again')`.execute(threaded.db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect((err as Error).message).toContain('duplicate key');
  });

  it('fails a statement whose parameter cannot cross to the thread, and goes on', async () => {
    await expect(sql`select ${{ toString: () => '1' } as unknown as number}::int as n`.execute(threaded.db)).rejects.toThrow();
    expect((await sql<{ n: number }>`select 1::int as n`.execute(threaded.db)).rows).toEqual([{ n: 1 }]);
  });

  it('reports the number of rows a statement changed', async () => {
    await sql`insert into t (id, note) values (10, 'a'), (11, 'b')`.execute(threaded.db);
    const r = await threaded.db.updateTable('t' as never).set({ note: 'c' } as never).where('id' as never, 'in', [10, 11] as never).executeTakeFirst();
    expect(Number(r.numUpdatedRows)).toBe(2);
  });

  it('rolls a failed transaction back and keeps a committed one', async () => {
    await threaded.db.transaction().execute(async (trx) => {
      await sql`insert into t (id, note) values (20, 'kept')`.execute(trx);
    });
    const failed = threaded.db.transaction().execute(async (trx) => {
      await sql`insert into t (id, note) values (21, 'lost')`.execute(trx);
      throw new Error('refused');
    });
    await expect(failed).rejects.toThrow('refused');
    const rows = await sql<{ id: number }>`select id from t where id in (20, 21) order by id`.execute(threaded.db);
    expect(rows.rows).toEqual([{ id: 20 }]);
  });

  it('makes other callers wait until an open transaction ends', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const trx = threaded.db.transaction().execute(async (t) => {
      await sql`insert into t (id, note) values (30, 'inside')`.execute(t);
      await held;
    });
    // Let the transaction take the connection before the outside read is queued.
    await new Promise((r) => setTimeout(r, 50));
    const outside = sql<{ n: number }>`select count(*)::int8 as n from t where id = 30`.execute(threaded.db);
    release();
    await trx;
    expect((await outside).rows[0]!.n).toBe(1);
  });

  it('does not let another caller’s write join a transaction that rolls back', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const trx = threaded.db.transaction().execute(async (t) => {
      await sql`insert into t (id, note) values (40, 'rolled back')`.execute(t);
      await held;
      throw new Error('refused');
    });
    await new Promise((r) => setTimeout(r, 50));
    // Issued while the transaction is open: one backend, so it must wait, not join it.
    const outside = sql`insert into t (id, note) values (41, 'kept')`.execute(threaded.db);
    release();
    await expect(trx).rejects.toThrow('refused');
    await outside;
    const rows = await sql<{ id: number }>`select id from t where id in (40, 41) order by id`.execute(threaded.db);
    expect(rows.rows).toEqual([{ id: 41 }]);
  });

  it('keeps its data in the folder after it is closed and opened again', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'zf-pglite-thread-'));
    try {
      const first = await openPGlite({ dataDir: dir, ownThread: true });
      await sql`create table kept (note text)`.execute(first.db);
      await sql`insert into kept values ('留存')`.execute(first.db);
      await first.close();
      const second = await openPGlite({ dataDir: dir, ownThread: true });
      try {
        expect((await sql<{ note: string }>`select note from kept`.execute(second.db)).rows).toEqual([{ note: '留存' }]);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('dumps its data folder only once an open transaction has ended, with that transaction in it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const trx = threaded.db.transaction().execute(async (t) => {
      await sql`insert into t (id, note) values (50, 'committed before the dump')`.execute(t);
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    let dumped = false;
    const dump = threaded.dumpDataDir!().then((bytes) => {
      dumped = true;
      return bytes;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(dumped).toBe(false);
    release();
    await trx;
    const tarball = await dump;
    const dir = await mkdtemp(path.join(tmpdir(), 'zf-pglite-dump-'));
    try {
      await loadPGliteDataDir(dir, tarball);
      const loaded = await openPGlite({ dataDir: dir });
      try {
        expect((await sql<{ note: string }>`select note from t where id = 50`.execute(loaded.db)).rows).toEqual([{ note: 'committed before the dump' }]);
      } finally {
        await loaded.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reports its one connection busy while a transaction holds it, and the statements queued for it', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const trx = threaded.db.transaction().execute(async (t) => {
      await sql`select 1`.execute(t);
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    const outside = [sql`select 1`.execute(threaded.db), sql`select 2`.execute(threaded.db), sql`select 3`.execute(threaded.db)];
    await new Promise((r) => setTimeout(r, 50));
    expect(threaded.poolStats!()).toEqual({ total: 1, idle: 0, waiting: 3 });
    release();
    await trx;
    await Promise.all(outside);
    expect(threaded.poolStats!()).toEqual({ total: 1, idle: 1, waiting: 0 });
  });

  it('refuses statements once closed', async () => {
    const db = await openPGlite({ ownThread: true });
    await db.close();
    await expect(sql`select 1`.execute(db.db)).rejects.toThrow();
  }, 60_000);
});
