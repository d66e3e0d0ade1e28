// The PostgreSQL pool as the server uses it (openPostgres).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgres, type Database } from './engine.js';
import { createTestDatabase, onPostgres, type TestDatabase } from './testing.js';

describe.skipIf(!onPostgres())('the PostgreSQL pool', () => {
  let database: TestDatabase;
  let opened: Database;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    opened = openPostgres({ url: database.url!, poolSize: 1 });
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
    await database?.drop();
  });

  const backendPid = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(opened.db)).rows[0]!.pid;

  it('keeps an idle connection open instead of closing it after a quiet spell', async () => {
    // pg-pool closes an idle client with a timer it sets on release (10 s unless told
    // otherwise): the timers are faked from before the release, then a minute passes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let first: number;
    try {
      first = await backendPid();
      vi.advanceTimersByTime(60_000);
    } finally {
      vi.useRealTimers();
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(await backendPid()).toBe(first);
  });

  it('reports its connections and the callers waiting for one', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const trx = opened.db.transaction().execute(async (t) => {
      await sql`select 1`.execute(t);
      await held;
    });
    await new Promise((r) => setTimeout(r, 50));
    const outside = sql`select 2`.execute(opened.db);
    await new Promise((r) => setTimeout(r, 50));
    expect(opened.poolStats!()).toEqual({ total: 1, idle: 0, waiting: 1 });
    release();
    await trx;
    await outside;
    expect(opened.poolStats!()).toEqual({ total: 1, idle: 1, waiting: 0 });
  });
});
