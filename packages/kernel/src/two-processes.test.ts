// Two server processes on one PostgreSQL database (issue 29): two kernels, each with its own
// connection pool (what a second process is to the database), tick side by side over the
// same minutes. Jobs run once per slot, reminders are raised once per due point and
// recipient, every event reaches each subscriber once, and a session made on either
// process is valid on both until it ends on either.
//
// Counted through what committed: the probe plugins write one row per delivery and per job
// run into tables without a unique key, so a second delivery or run would show as a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPostgres, type Database } from '@zhengfa/db';
import { definePlugin } from '@zhengfa/plugin-api';
import { onPostgres, registerAndAssign, startTestKernel, writeProbeSummary, type TestKernel, testVault } from './testing/index.js';
import { createKernel, type Kernel } from './kernel.js';
import { SESSION_COOKIE } from './auth/sessions.js';
import { DEMO_PASSWORD } from './seed/demo.js';
import { KERNEL_VERSION } from './version.js';

/** A plugin that records each delivery of the kernel's registration event and each run of its job. */
function probePlugin(id: string) {
  const schema = sql.id(id);
  return definePlugin({
    id,
    name: `探针${id}`,
    version: '1.0.0',
    kernel: `^${KERNEL_VERSION}`,
    migrations: {
      '0001_probe': {
        async up(db) {
          await sql`create schema ${schema}`.execute(db);
          await sql`create table ${schema}.deliveries (event_id bigint not null, at timestamptz not null default now())`.execute(db);
          await sql`create table ${schema}.job_runs (slot_at timestamptz not null)`.execute(db);
        },
      },
    },
    subscriptions: {
      'kernel.case.registered': async (event, ctx) => {
        await sql`insert into ${schema}.deliveries (event_id) values (${event.id})`.execute(ctx.db);
      },
    },
    jobs: [
      {
        name: 'minute',
        everySeconds: 60,
        async run(ctx) {
          await sql`insert into ${schema}.job_runs (slot_at) values (${ctx.now})`.execute(ctx.db);
        },
      },
    ],
  });
}

const contextOn = (kernel: Kernel, cookie: string) =>
  kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${cookie}`, 'user-agent': 'vitest' }), method: 'POST', ip: '127.0.0.1' });

async function signInOn(kernel: Kernel, username: string): Promise<string> {
  const responseHeaders = new Headers();
  const ctx = await kernel.createContext({ headers: new Headers({ 'user-agent': 'vitest' }), ip: '127.0.0.1', responseHeaders });
  await kernel.createCaller(ctx).auth.signIn({ username, password: DEMO_PASSWORD });
  return new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(responseHeaders.get('set-cookie') ?? '')![1]!;
}

const count = async (t: TestKernel, query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(t.database.db)).rows[0]!.n;

describe.skipIf(!onPostgres())('two server processes on one PostgreSQL database', () => {
  const plugins = [probePlugin('probe_a'), probePlugin('probe_b')];
  let t: TestKernel;
  let second: Kernel;
  let secondDb: Database;
  const figures = { slots: 0, events: 0, duePoints: 0, reminders: 0, sessions: 0 };
  let held = 0;

  /** Both processes tick at `now` at the same moment, as their background loops do. */
  const tickBoth = (now: Date) => Promise.all([t.kernel.tick(now), second.tick(now)]);

  beforeAll(async () => {
    t = await startTestKernel({ engine: 'postgres', plugins });
    secondDb = openPostgres({ url: t.database.url!, poolSize: 8, applicationName: 'zhengfa-second-process' });
    second = createKernel({ vault: testVault(), database: secondDb, plugins });
  });
  afterAll(async () => {
    writeProbeSummary(
      'two-processes-postgres',
      `two processes [postgres]: ${figures.slots} job slots × 2 jobs, ${figures.events} events × 2 subscribers, ${figures.duePoints} due points → ${figures.reminders} reminders, ${figures.sessions} sessions across processes; ${held === 4 ? 'all held' : `${4 - held} of 4 broke`}`,
    );
    await secondDb?.close();
    await t?.stop();
  });

  it('runs each job once per slot while both processes tick', async () => {
    const start = Date.UTC(2030, 0, 7, 1, 0, 0);
    const slots = 12;
    for (let i = 0; i < slots; i++) {
      // Twice within each minute's slot, both processes at once.
      await tickBoth(new Date(start + i * 60_000 + 5_000));
      await tickBoth(new Date(start + i * 60_000 + 35_000));
    }
    for (const id of ['probe_a', 'probe_b']) {
      const runs = await sql<{ slot: string; n: number }>`select date_trunc('minute', slot_at)::text as slot, count(*)::int as n from ${sql.id(id)}.job_runs group by 1 order by 1`.execute(t.database.db);
      expect(runs.rows).toHaveLength(slots);
      expect(runs.rows.every((r) => r.n === 1)).toBe(true);
    }
    figures.slots = slots;
    held += 1;
  });

  it('delivers every event once to each subscriber while both processes deliver', async () => {
    const sup = await t.signIn('supervisor');
    const registrations = 40;
    for (let i = 0; i < registrations; i++) await sup.caller.cases.register({ title: `两个进程下登记的第${i + 1}件事项`, source: 'letter' });
    const events = await count(t, sql<{ n: number }>`select count(*)::int as n from kernel.outbox where name = 'kernel.case.registered'`);
    expect(events).toBeGreaterThanOrEqual(registrations);
    // Both processes read the same pending events at once and race to claim each one.
    for (let round = 0; round < 20; round++) await tickBoth(new Date());
    for (const id of ['probe_a', 'probe_b']) {
      const r = await sql<{ n: number; distinct: number }>`select count(*)::int as n, count(distinct event_id)::int as distinct from ${sql.id(id)}.deliveries`.execute(t.database.db);
      expect(r.rows[0]).toEqual({ n: events, distinct: events });
    }
    figures.events = events;
    held += 1;
  });

  it('raises each reminder once per due point and recipient while both processes sweep', async () => {
    const sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    const cases = 5;
    const ids: string[] = [];
    for (let i = 0; i < cases; i++) ids.push((await registerAndAssign(t, sup, leader, { urgency: 'critical', title: `两个进程下督办的特急件${i + 1}` })).id);
    // A critical case is dispatched daily: tomorrow each has one due point, for the lead
    // leader and the police liaison. Both processes sweep through five minutes of it.
    const tomorrow = Date.now() + 86_400_000;
    for (let minute = 0; minute < 5; minute++) await tickBoth(new Date(tomorrow + minute * 60_000));
    const reminders = await count(t, sql<{ n: number }>`select count(*)::int as n from kernel.notifications where case_id = any(${sql.val(ids)}::uuid[]) and title like '%调度%'`);
    expect(reminders).toBe(cases * 2);
    figures.duePoints = cases;
    figures.reminders = reminders;
    held += 1;
  });

  it('accepts a session made on either process on the other, until it ends on either', async () => {
    // Made on the first, used and ended on the second.
    const first = (await t.signIn('liaison')).cookie;
    expect((await contextOn(second, first)).user?.username).toBe('liaison');
    await second.createCaller(await contextOn(second, first)).auth.signOut();
    expect((await contextOn(t.kernel, first)).user).toBeNull();
    // Made on the second, used and ended on the first.
    const made = await signInOn(second, 'leader');
    expect((await contextOn(t.kernel, made)).user?.username).toBe('leader');
    await t.kernel.createCaller(await contextOn(t.kernel, made)).auth.signOut();
    expect((await contextOn(second, made)).user).toBeNull();
    figures.sessions = 2;
    held += 1;
  });
});
