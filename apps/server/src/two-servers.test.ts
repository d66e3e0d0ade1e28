// Two real server processes (`pnpm start` twice, each on its own port) on one PostgreSQL
// database (issue 29): a session made on either is valid on the other until it is ended on
// either; registrations through both at once are numbered without a gap or a repeat. That
// jobs run once per slot, reminders are raised once per due point and events reach each
// subscriber once while processes race is proved tick by tick, with a controlled clock and
// a connection pool per process, in packages/kernel/src/two-processes.test.ts (the server's
// own loop sweeps reminders once a minute, too slow to race here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDatabase } from '@zhengfa/db/testing';
import { createKernel, DEMO_PASSWORD } from '@zhengfa/kernel';
import { writeProbeSummary, testVault } from '@zhengfa/test-utils';
import { loadInstalledPlugins } from './plugins.js';
import { signInOverHttp, startServerProcess, stopGracefully, trpc, type ServerProcess } from './testing/server-process.js';

async function until<T>(what: string, probe: () => Promise<T | undefined | false | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe.skipIf(!onPostgres())('two server processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  const dirs: string[] = [];
  let servers: [ServerProcess, ServerProcess];
  const figures = { sessions: 0, registrations: 0 };
  let held = 0;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    const kernel = createKernel({ vault: testVault(), database: db, plugins: await loadInstalledPlugins() });
    await kernel.migrate();
    await kernel.prepare();
    await kernel.seedDemo();
    const start = () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'zf-two-servers-'));
      dirs.push(dir);
      return startServerProcess({ DATABASE_URL: db.url!, DATA_DIR: dir });
    };
    servers = [await start(), await start()];
  }, 180_000);

  afterAll(async () => {
    writeProbeSummary(
      'two-servers-postgres',
      `two servers [postgres]: ${figures.sessions} sessions used across processes, ${figures.registrations} registrations through both numbered without a gap; ${held === 2 ? 'all held' : `${2 - held} of 2 broke`}`,
    );
    for (const s of servers ?? []) await stopGracefully(s);
    await db?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 60_000);

  it('accepts a session made on either server on the other, until it is ended on either', async () => {
    const [one, two] = servers;
    for (const [made, other] of [
      [one, two],
      [two, one],
    ] as const) {
      const cookie = await signInOverHttp(made.url, 'liaison', DEMO_PASSWORD);
      expect(await trpc(other.url, 'auth.me', null, { cookie, query: true })).toMatchObject({ ok: true, data: { user: { username: 'liaison' } } });
      expect(await trpc(other.url, 'notifications.markRead', { ids: [] }, { cookie })).toMatchObject({ ok: true });
      // Ended on the other server: the one that made it refuses it from the next write on,
      // and its reads follow as soon as the change's notice arrives.
      expect(await trpc(other.url, 'auth.signOut', {}, { cookie })).toMatchObject({ ok: true });
      expect(await trpc(made.url, 'notifications.markRead', { ids: [] }, { cookie })).toMatchObject({ ok: false, status: 401, code: 'UNAUTHORIZED' });
      await until('the sign-out to reach the reads', async () => {
        const me = await trpc(made.url, 'auth.me', null, { cookie, query: true });
        return me.ok && me.data === null;
      }, 5_000);
      figures.sessions += 1;
    }
    held += 1;
  }, 60_000);

  it('numbers registrations made through both servers at once without a gap or a repeat', async () => {
    const cookies = await Promise.all(servers.map((s) => signInOverHttp(s.url, 'supervisor', DEMO_PASSWORD)));
    const perWriter = 8;
    const answers = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (w) => {
        const server = servers[w % 2]!;
        const out: { id: string; docNo: string }[] = [];
        for (let i = 0; i < perWriter; i++) {
          const r = await trpc(server.url, 'cases.register', { title: `两台服务器同时登记的第${w}-${i}件`, source: 'letter' }, { cookie: cookies[w % 2] });
          if (!r.ok) throw new Error(`registration refused: ${r.status} ${r.message}`);
          out.push(r.data);
        }
        return out;
      }),
    );
    const registered = answers.flat();
    expect(new Set(registered.map((r) => r.docNo)).size).toBe(registered.length);
    const year = Number(chinaToday().slice(0, 4));
    const r = await sql<{ n: number; lowest: number; highest: number; last_no: number }>`
      select count(*)::int as n, min(c.doc_seq) as lowest, max(c.doc_seq) as highest, dc.last_no
      from kernel.doc_counters dc join kernel.cases c on c.tenant_id = dc.tenant_id and c.kind = dc.kind and c.doc_year = dc.year
      where dc.kind = 'supervision' and dc.year = ${year} group by dc.last_no`.execute(db.db);
    expect(r.rows).toEqual([{ n: registered.length, lowest: 1, highest: registered.length, last_no: registered.length }]);
    figures.registrations = registered.length;
    held += 1;
  }, 120_000);
});
