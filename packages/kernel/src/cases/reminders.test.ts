import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import { inDays, registerAndAssign } from './test-helpers.js';
import { sweepReminders } from './reminders.js';

describeEachEngine('cadence reminders', (engine) => {
  let t: TestKernel;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    const sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    caseId = (await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '提醒测试特急件' })).id;
  });
  afterAll(() => t.stop());

  it('raises nothing before a due point', async () => {
    const r = await sweepReminders(t.database.db, inDays(0));
    expect(r.raised).toBe(0);
  });

  it('raises one reminder per due point and recipient, even with two sweepers at once', async () => {
    const day = inDays(1);
    const [a, b] = await Promise.all([sweepReminders(t.database.db, day), sweepReminders(t.database.db, day)]);
    expect(a.raised + b.raised).toBe(2); // the lead leader and the police liaison
    await sweepReminders(t.database.db, day);
    const n = await sql<{ n: number }>`select count(*)::int as n from kernel.notifications where case_id = ${caseId} and title like '%调度%'`.execute(t.database.db);
    expect(n.rows[0]!.n).toBe(2);
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
    await sql`truncate kernel.reminders, kernel.notifications`.execute(t.database.db);
    const day = inDays(400);
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
});
