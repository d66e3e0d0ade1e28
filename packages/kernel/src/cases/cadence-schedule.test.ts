import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestClock, describeEachEngine, registerAndAssign, startTestKernel, type ActingUser, type TestClock, type TestKernel } from '../testing/index.js';

// The kernel's clock starts on Monday 2026-09-28 at 10:00 in China, the working day before the
// National Day holiday (10-01..10-07 off; Saturday 10-10 a make-up workday). By default a county
// counts dispatch days as working days for 一般件 and 急件 and as calendar days for 特急件.
const START = '2026-09-28T02:00:00Z';

describeEachEngine('supervision cadence on the kernel clock', (engine) => {
  let t: TestKernel;
  let clock: TestClock;
  let sup: ActingUser;
  let leader: ActingUser;
  beforeAll(async () => {
    clock = createTestClock(START);
    t = await startTestKernel({ engine, clock });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
  });
  afterAll(() => t.stop());

  /** Moves the clock to 10:00 China time of `day` and runs the background pass as of then. */
  const tickOn = async (day: string) => {
    clock.set(`${day}T02:00:00Z`);
    await t.kernel.tick();
  };
  const raised = async (caseId: string) =>
    (
      await sql<{ due_kind: string; due_on: string }>`select distinct due_kind, to_char(due_on, 'YYYY-MM-DD') as due_on from kernel.reminders
        where case_id = ${caseId} and due_kind in ('dispatch', 'report') order by due_on, due_kind`.execute(t.database.db)
    ).rows.map((r) => `${r.due_kind} ${r.due_on}`);

  it('dates the first dispatch of an urgent case five working days after assignment, across the holiday', async () => {
    const c = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '急件节奏测试一' });
    const d = await sup.caller.cases.get({ id: c.id });
    expect(d.nextDispatchOn).toBe('2026-10-10');
    expect(d.nextReportOn).toBe('2026-10-13');
  });

  it('dates the first dispatch of a critical case the next calendar day, holiday or not', async () => {
    clock.set('2026-09-30T02:00:00Z');
    const c = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '特急件节奏测试' });
    const d = await sup.caller.cases.get({ id: c.id });
    expect(d.nextDispatchOn).toBe('2026-10-01');
    expect(d.nextReportOn).toBe('2026-10-07');
    clock.set(START);
  });

  it('recomputes the dispatch date in working days when the urgency changes to 一般件', async () => {
    const c = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '改为一般件的事项' });
    await sup.caller.cases.changeUrgency({ id: c.id, version: c.version, urgency: 'normal', reason: '情况缓和' });
    // Fifteen working days from 09-28: 09-29, 09-30, 10-08 … 10-10, 10-12 … 10-16, 10-19 … 10-23.
    expect((await sup.caller.cases.get({ id: c.id })).nextDispatchOn).toBe('2026-10-23');
  });

  it('moves the dispatch date on from a recorded dispatch meeting in working days', async () => {
    const c = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '调度记录测试事项' });
    const r = await sup.caller.cases.dispatch({ id: c.id, heldOn: '2026-09-27', summary: '听取公安局汇报，要求三日内约谈' });
    // Sunday 09-27: 09-28, 09-29, 09-30, 10-08, 10-09.
    expect(r.nextDispatchOn).toBe('2026-10-09');
    const d = await sup.caller.cases.get({ id: c.id });
    expect(d.lastDispatchOn).toBe('2026-09-27');
  });

  it('runs an urgent case through three dispatch and report periods, each reminder scheduling the next', async () => {
    clock.set(START);
    const c = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '急件三个周期' });
    const dates = async () => {
      const d = await sup.caller.cases.get({ id: c.id });
      return [d.nextDispatchOn, d.nextReportOn];
    };
    expect(await dates()).toEqual(['2026-10-10', '2026-10-13']);

    // Period 1: the dispatch falls due on the make-up Saturday; its reminder schedules the next.
    await tickOn('2026-10-09');
    expect(await raised(c.id)).toEqual([]);
    await tickOn('2026-10-10');
    sup = await t.signIn('supervisor');
    expect(await dates()).toEqual(['2026-10-16', '2026-10-13']);
    await tickOn('2026-10-13');
    sup = await t.signIn('supervisor');
    expect(await dates()).toEqual(['2026-10-16', '2026-10-28']);

    // Period 2: the dispatch reminder moves on a week; the unit reports on 10-20, which sets the
    // next report fifteen days after the report, not after the old due date.
    await tickOn('2026-10-16');
    clock.set('2026-10-20T02:00:00Z');
    sup = await t.signIn('supervisor');
    const liaison = await t.signIn('liaison');
    const v = (await liaison.caller.cases.transition({ id: c.id, version: (await sup.caller.cases.get({ id: c.id })).version, action: 'acknowledge' })).version;
    await liaison.caller.cases.transition({ id: c.id, version: v, action: 'reportProgress', comment: '已约谈当事人，补偿款正在核算' });
    expect(await dates()).toEqual(['2026-10-23', '2026-11-04']);

    // Period 3.
    await tickOn('2026-10-23');
    await tickOn('2026-10-30');
    await tickOn('2026-11-04');
    sup = await t.signIn('supervisor');
    expect(await dates()).toEqual(['2026-11-06', '2026-11-19']);
    expect(await raised(c.id)).toEqual([
      'dispatch 2026-10-10',
      'report 2026-10-13',
      'dispatch 2026-10-16',
      'dispatch 2026-10-23',
      'dispatch 2026-10-30',
      'report 2026-11-04',
    ]);
  });

  it('schedules the next point after today when the sweep ran late, without reminding the points missed', async () => {
    clock.set(START);
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    const c = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '特急件漏扫' });
    // Daily dispatches from 09-29, weekly reports from 10-05; the first sweep runs on 10-05.
    await tickOn('2026-10-05');
    sup = await t.signIn('supervisor');
    const d = await sup.caller.cases.get({ id: c.id });
    expect([d.nextDispatchOn, d.nextReportOn]).toEqual(['2026-10-06', '2026-10-12']);
    expect(await raised(c.id)).toEqual(['dispatch 2026-09-29', 'report 2026-10-05']);
  });

  it('shows each urgency class with its cadence and how its dispatch days are counted', async () => {
    expect(await sup.caller.calendar.cadence()).toEqual([
      { urgency: 'normal', urgencyName: '一般件', dispatchEvery: 15, counting: 'working', dispatchLabel: '每 15 个工作日', reportLabel: '每月' },
      { urgency: 'urgent', urgencyName: '急件', dispatchEvery: 5, counting: 'working', dispatchLabel: '每 5 个工作日', reportLabel: '每 15 天' },
      { urgency: 'critical', urgencyName: '特急件', dispatchEvery: 1, counting: 'natural', dispatchLabel: '每天（含节假日）', reportLabel: '每周' },
    ]);
  });

  it('refuses to change the dispatch day counting to a user who does not maintain the calendar', async () => {
    await expect(sup.caller.calendar.setDispatchCounting({ urgency: 'urgent', counting: 'natural' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '您没有「维护工作日历」权限，请联系安全管理员分配',
    });
    expect((await sup.caller.calendar.cadence())[1]!.counting).toBe('working');
  });

  it('counts 急件 dispatch days in calendar days once the system administrator says so, and audits the change', async () => {
    clock.set(START);
    const admin = await t.signIn('admin');
    await admin.caller.calendar.setDispatchCounting({ urgency: 'urgent', counting: 'natural' });
    expect((await admin.caller.calendar.cadence())[1]).toMatchObject({ counting: 'natural', dispatchLabel: '每 5 天（含节假日）' });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    const c = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '急件按自然日调度' });
    expect((await sup.caller.cases.get({ id: c.id })).nextDispatchOn).toBe('2026-10-03');
    const audit = await sql<{ detail: unknown }>`select detail from kernel.audit_log where action = 'calendar.dispatchCounting' order by seq desc limit 1`.execute(t.database.db);
    expect(audit.rows[0]!.detail).toEqual({ urgency: 'urgent', from: 'working', to: 'natural' });
    await admin.caller.calendar.setDispatchCounting({ urgency: 'urgent', counting: 'working' });
  });

  it('keeps a case due for dispatch after its raised reminder moves the date on, until a dispatch is recorded', async () => {
    // After the days the tests above swept: a 特急件 registered on Monday 11-09 is due the next day.
    clock.set('2026-11-09T02:00:00Z');
    const c = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '欠调度的特急件' });
    const due = async () => (await sup.caller.cases.ledger({ dispatchDue: true, keyword: '欠调度的特急件', page: 1, pageSize: 20 })).items.map((i) => [i.nextDispatchOn, i.dispatchOverdue]);
    expect(await due()).toEqual([]);

    await tickOn('2026-11-10');
    sup = await t.signIn('supervisor');
    expect(await due()).toEqual([['2026-11-11', true]]);

    await sup.caller.cases.dispatch({ id: c.id, heldOn: '2026-11-10', summary: '听取汇报，要求一周内化解' });
    expect(await due()).toEqual([]);
    clock.set(START);
  });

  it('owes no dispatch from before its closing once a closed case is reopened', async () => {
    clock.set('2026-11-16T02:00:00Z');
    const c = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '重办的特急件' });
    await tickOn('2026-11-17');
    sup = await t.signIn('supervisor');
    const liaison = await t.signIn('liaison');
    const due = async () => (await sup.caller.cases.ledger({ dispatchDue: true, keyword: '重办的特急件', page: 1, pageSize: 20 })).items.map((i) => [i.nextDispatchOn, i.dispatchOverdue]);
    expect(await due()).toEqual([['2026-11-18', true]]);

    let v = (await liaison.caller.cases.transition({ id: c.id, version: (await sup.caller.cases.get({ id: c.id })).version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '已化解' })).version;
    v = (await sup.caller.cases.transition({ id: c.id, version: v, action: 'review' })).version;
    await sup.caller.cases.transition({ id: c.id, version: v, action: 'reopen', comment: '当事人再次反映' });
    expect(await due()).toEqual([]);
    clock.set(START);
  });
});
