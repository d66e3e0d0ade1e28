import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createTestClock, describeEachEngine, onPostgres, inDays, registerAndAssign, startTestKernel, type TestKernel } from '../testing/index.js';
import { dueCases, dueKeys, SWEEP_CHANGE_MARGIN_MS, sinceSweepOfMinute, sweepReminders } from './reminders.js';
import { chinaDate } from './dates.js';

// The kernel's clock stands on Monday 2026-11-09, 10:00 in China: a 特急件 assigned then is
// due for dispatch the next calendar day, 11-10.
const NOW = new Date('2026-11-09T02:00:00Z');

describeEachEngine('cadence reminders', (engine) => {
  let t: TestKernel;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestKernel({ engine, clock: createTestClock(NOW.toISOString()) });
    const sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    caseId = (await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '提醒测试特急件' })).id;
  });
  afterAll(() => t.stop());

  /** Puts the cases' cadence dates back as they were when it was made (a sweep moves them on). */
  let restoreDates: () => Promise<unknown> = async () => {};
  const cadenceDates = async () => {
    const rows = (await sql<{ id: string; d: string | null; r: string | null }>`select id, next_dispatch_on::text as d, next_report_on::text as r from kernel.cases`.execute(t.database.db)).rows;
    return () =>
      sql`update kernel.cases c set next_dispatch_on = x.d::date, next_report_on = x.r::date
        from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.d)}::text[], ${rows.map((r) => r.r)}::text[]) as x(id, d, r)
        where c.id = x.id`.execute(t.database.db);
  };

  it('raises nothing before a due point', async () => {
    const r = await sweepReminders(t.database.db, '2026-11-09');
    expect(r.raised).toBe(0);
  });

  it('raises one reminder per due point and recipient, even with two sweepers at once', async () => {
    const day = '2026-11-10';
    const [a, b] = await Promise.all([sweepReminders(t.database.db, day), sweepReminders(t.database.db, day)]);
    expect(a.raised + b.raised).toBe(2); // the lead leader and the police liaison
    await sweepReminders(t.database.db, day);
    const n = await sql<{ n: number }>`select count(*)::int as n from kernel.notifications where case_id = ${caseId} and title like '%调度%'`.execute(t.database.db);
    expect(n.rows[0]!.n).toBe(2);
    const due = await sql<{ due_kind: string; due_on: string }>`select distinct due_kind, to_char(due_on, 'YYYY-MM-DD') as due_on from kernel.reminders where case_id = ${caseId}`.execute(t.database.db);
    expect(due.rows).toEqual([{ due_kind: 'dispatch', due_on: '2026-11-10' }]);
  });

  it('reaches the lead leader and the lead unit liaison in their inboxes', async () => {
    const leaderInbox = await (await t.signIn('leader')).caller.notifications.list({});
    expect(leaderInbox.items.some((i) => i.title.includes('应于') && i.caseId === caseId)).toBe(true);
    const liaisonInbox = await (await t.signIn('liaison')).caller.notifications.list({});
    expect(liaisonInbox.items.some((i) => i.title.includes('调度') && i.caseId === caseId)).toBe(true);
  });

  it('raises every due point once when the due cases span many batches', async () => {
    const sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    for (const urgency of ['normal', 'urgent', 'critical', 'normal', 'urgent'] as const) await registerAndAssign(t, sup, leader, { urgency, title: `分批提醒测试件${urgency}` });
    restoreDates = await cadenceDates();
    await sql`truncate kernel.reminders, kernel.notifications`.execute(t.database.db);
    const day = inDays(400, NOW);
    const expected = await sql<{ n: number }>`
      select (count(*) filter (where next_dispatch_on <= ${day}::date) + count(*) filter (where next_report_on <= ${day}::date)
        + count(*) filter (where deadline <= ${day}::date))::int as n
      from kernel.cases where status in ('assigned', 'in_progress', 'submitted')`.execute(t.database.db);
    const r = await sweepReminders(t.database.db, day, 2);
    const points = await sql<{ n: number }>`select count(distinct (case_id, due_kind))::int as n from kernel.reminders where due_kind not like 'clock:%'`.execute(t.database.db);
    expect(expected.rows[0]!.n).toBeGreaterThan(6);
    expect(points.rows[0]!.n).toBe(expected.rows[0]!.n);
    expect(r.due).toBeGreaterThanOrEqual(expected.rows[0]!.n);
    expect((await sweepReminders(t.database.db, day, 2)).raised).toBe(0);
  });

  it('raises every due point once when the keys of the due cases take several reads', async () => {
    await restoreDates();
    await sql`truncate kernel.reminders, kernel.notifications`.execute(t.database.db);
    const day = inDays(400, NOW);
    const once = await sweepReminders(t.database.db, day, 2);
    await restoreDates();
    await sql`truncate kernel.reminders, kernel.notifications`.execute(t.database.db);
    const r = await sweepReminders(t.database.db, day, 2, undefined, 3);
    expect(once.due).toBeGreaterThan(6);
    expect(r).toEqual(once);
    expect((await sweepReminders(t.database.db, day, 2, undefined, 3)).raised).toBe(0);
  });

  it('leaves out of a batch a case whose due date moved after its key was read', async () => {
    await restoreDates();
    await sql`truncate kernel.reminders, kernel.notifications`.execute(t.database.db);
    const day = inDays(400, NOW);
    const keys = await dueKeys(t.database.db, 'dispatch', day).execute();
    expect(keys.length).toBeGreaterThan(1);
    const moved = keys[0]!;
    await sql`update kernel.cases set next_dispatch_on = ${inDays(401, NOW)}::date where tenant_id = ${moved.tenant_id} and id = ${moved.id}`.execute(t.database.db);
    const due = await dueCases(t.database.db, 'dispatch', day, keys).execute();
    expect(due.map((d) => d.id)).toEqual(keys.slice(1).map((k) => k.id));
  });
});

describe('the sweep that follows a complete one', () => {
  it('reads from the last complete sweep of the same day, less the margin for changes', () => {
    const slot = Math.floor(Date.parse('2030-06-01T02:00:00Z') / 60_000);
    expect(sinceSweepOfMinute(slot, '2030-06-01')).toEqual({ asOf: '2030-06-01', changedSince: new Date(Date.parse('2030-06-01T02:00:00Z') - SWEEP_CHANGE_MARGIN_MS) });
  });

  it('is a full sweep on the first sweep of a China day, and when none has completed', () => {
    // 15:59 UTC on 31 May is 23:59 in China: a sweep of 1 June after it reads everything.
    expect(sinceSweepOfMinute(Math.floor(Date.parse('2030-05-31T15:59:00Z') / 60_000), '2030-06-01')).toBeUndefined();
    expect(sinceSweepOfMinute(null, '2030-06-01')).toBeUndefined();
  });
});

describeEachEngine('sweeps after a complete sweep', (engine) => {
  let t: TestKernel;
  let sup: Awaited<ReturnType<TestKernel['signIn']>>;
  let leader: Awaited<ReturnType<TestKernel['signIn']>>;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
  });
  afterAll(() => t.stop());

  const reminders = async (caseId: string, kind = 'dispatch') =>
    (await sql<{ n: number }>`select count(*)::int as n from kernel.reminders where case_id = ${caseId} and due_kind = ${kind}`.execute(t.database.db)).rows[0]!.n;
  /** Makes the case look untouched since long ago, its dispatch due on `day`, and forgets its reminders. */
  const dueAndUnchanged = async (caseId: string, day: string) => {
    await sql`update kernel.cases set next_dispatch_on = ${day}::date, updated_at = '2000-01-01' where id = ${caseId}`.execute(t.database.db);
    await sql`delete from kernel.reminders where case_id = ${caseId}`.execute(t.database.db);
  };

  it('does not read again a case that was due before the last sweep and has not changed since', async () => {
    const c = await registerAndAssign(t, sup, leader, { title: '增量提醒测试件一' });
    const day = inDays(2);
    await dueAndUnchanged(c.id, day);
    const since = { asOf: day, changedSince: new Date(Date.now() - SWEEP_CHANGE_MARGIN_MS) };
    expect((await sweepReminders(t.database.db, day, 2000, since)).raised).toBe(0);
    expect(await reminders(c.id)).toBe(0);
    // The full sweep reads it, so the one above left it out on purpose.
    await sweepReminders(t.database.db, day);
    expect(await reminders(c.id)).toBe(2);
  });

  it('raises the due point of a case whose date passed after the last sweep', async () => {
    const c = await registerAndAssign(t, sup, leader, { title: '增量提醒测试件二' });
    const day = inDays(3);
    await dueAndUnchanged(c.id, day);
    await sweepReminders(t.database.db, day, 2000, { asOf: inDays(2), changedSince: new Date(Date.now() - SWEEP_CHANGE_MARGIN_MS) });
    expect(await reminders(c.id)).toBe(2);
  });

  it('raises the new due point of a case changed after the last sweep', async () => {
    const c = await registerAndAssign(t, sup, leader, { title: '增量提醒测试件三', urgency: 'normal' });
    const day = inDays(20);
    await sweepReminders(t.database.db, day);
    const before = await reminders(c.id);
    const sweptAt = new Date();
    // 一般件 → 特急件 moves the next dispatch from 15 days out to tomorrow: a due point the sweep has not seen.
    await sup.caller.cases.changeUrgency({ id: c.id, version: c.version, urgency: 'critical', reason: '矛盾激化，升级为特急件' });
    await sweepReminders(t.database.db, day, 2000, { asOf: day, changedSince: new Date(sweptAt.getTime() - SWEEP_CHANGE_MARGIN_MS) });
    expect(await reminders(c.id)).toBe(before + 2);
  });

  it("the server's sweeps after the first of the day read only what changed since", async () => {
    const c = await registerAndAssign(t, sup, leader, { title: '增量提醒测试件四' });
    const first = new Date('2030-06-01T02:00:00Z');
    const day = chinaDate(first);
    await dueAndUnchanged(c.id, day);
    await t.kernel.tick(first);
    expect(await reminders(c.id)).toBe(2);
    // The sweep moved the dispatch on; due again on the same day, unchanged since long ago.
    await dueAndUnchanged(c.id, day);
    await t.kernel.tick(new Date(first.getTime() + 60_000));
    expect(await reminders(c.id)).toBe(0);
    await sql`update kernel.cases set updated_at = ${new Date(first.getTime() + 90_000)} where id = ${c.id}`.execute(t.database.db);
    await t.kernel.tick(new Date(first.getTime() + 120_000));
    expect(await reminders(c.id)).toBe(2);
  });
});

describe.skipIf(!onPostgres())('the sweep of the due kinds on PostgreSQL', () => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine: 'postgres' });
  });
  afterAll(() => t?.stop());

  const reminders = async (caseId: string, kind: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from kernel.reminders where case_id = ${caseId} and due_kind = ${kind}`.execute(t.database.db)).rows[0]!.n;

  it('raises the other kinds while one kind waits, because the kinds are swept side by side', async () => {
    const sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    const c = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '并行提醒测试件' });
    const day = inDays(400);
    // Another transaction holds the key of the case's dispatch reminder (uncommitted), so
    // the dispatch kind's insert waits for it; the deadline kind's must not.
    let hold!: () => void;
    const holding = new Promise<void>((resolve) => (hold = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const blocker = t.database.db.transaction().execute(async (trx) => {
      await sql`insert into kernel.reminders (tenant_id, case_id, due_kind, due_on, user_id)
        select tenant_id, id, 'dispatch', next_dispatch_on, lead_leader_id from kernel.cases where id = ${c.id}`.execute(trx);
      hold();
      await released;
      throw new Error('rolled back on purpose');
    });
    await holding;
    const sweep = sweepReminders(t.database.db, day);
    try {
      await vi.waitFor(async () => expect(await reminders(c.id, 'deadline')).toBe(2), { timeout: 5000, interval: 50 });
      expect(await reminders(c.id, 'dispatch')).toBe(0);
    } finally {
      release();
      await blocker.catch(() => {});
      await sweep;
    }
    expect(await reminders(c.id, 'dispatch')).toBe(2);
  });
});
