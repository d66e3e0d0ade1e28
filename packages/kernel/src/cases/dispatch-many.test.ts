import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addUserWithPermissions, createTestClock, describeEachEngine, registerAndAssign, startTestKernel, userIdByName, type ActingUser, type TestKernel } from '../testing/index.js';

// 批量催办 (cases.dispatchMany): one dispatch on each selected open matter, all or none.
// The kernel's clock stands on Monday 2026-11-02 at 10:00 in China (no holiday that month).
const START = '2026-11-02T02:00:00Z';
const NOTE = '调度会集中催办，要求本周内报送进展';

describeEachEngine('batch urging on the ledger', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  let liaison: ActingUser;
  beforeAll(async () => {
    t = await startTestKernel({ engine, clock: createTestClock(START) });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
  }, 240_000);
  afterAll(() => t.stop());

  const dispatchesOf = async (caseId: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from kernel.dispatch_records where case_id = ${caseId}`.execute(t.database.db)).rows[0]!.n;
  const auditedDispatchesOf = async (caseId: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log where action = 'cases.dispatch' and target_id = ${caseId}`.execute(t.database.db)).rows[0]!.n;
  /** The 催办 notices a user holds on a case (the assignment notice left aside). */
  const urgeNoticesOf = async (username: string, caseId: string) =>
    (
      await sql<{ title: string }>`select title from kernel.notifications where user_id = ${await userIdByName(t, username)} and case_id = ${caseId} and title like '%被催办%'`.execute(
        t.database.db,
      )
    ).rows.map((r) => r.title);

  it('records one dispatch on each selected matter, moves each next dispatch date on and audits each', async () => {
    const a = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '批量催办的急件' });
    const b = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '批量催办的特急件' });
    const r = await sup.caller.cases.dispatchMany({ ids: [a.id, b.id], heldOn: '2026-11-02', summary: NOTE });
    // 急件: five working days after 11-02; 特急件: the next calendar day.
    expect(r).toEqual({
      urged: 2,
      unchanged: 0,
      items: [
        { id: a.id, docNo: a.docNo, nextDispatchOn: '2026-11-09', urged: true },
        { id: b.id, docNo: b.docNo, nextDispatchOn: '2026-11-03', urged: true },
      ],
    });
    expect([await dispatchesOf(a.id), await dispatchesOf(b.id)]).toEqual([1, 1]);
    expect([await auditedDispatchesOf(a.id), await auditedDispatchesOf(b.id)]).toEqual([1, 1]);
    const page = await sup.caller.cases.get({ id: a.id });
    expect(page).toMatchObject({ lastDispatchOn: '2026-11-02', nextDispatchOn: '2026-11-09' });
    expect(page.dispatches).toMatchObject([{ heldOn: '2026-11-02', summary: NOTE }]);
  });

  it("tells the lead unit's liaison of each urged matter once, naming the note and the next dispatch date, and no other unit's user", async () => {
    await addUserWithPermissions(t, { username: 'court-handler', displayName: '王承办', orgName: '示范县人民法院', permissions: ['cases.read', 'cases.handle'] });
    const a = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '催办通知的急件' });
    const b = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '催办通知的特急件' });
    await sup.caller.cases.dispatchMany({ ids: [a.id, b.id], heldOn: '2026-11-02', summary: NOTE });
    expect(await urgeNoticesOf('liaison', a.id)).toEqual([`事项 ${a.docNo}（催办通知的急件）被催办：调度会集中催办，要求本周内报送进展；下次调度日期 2026-11-09，请抓紧办理`]);
    expect(await urgeNoticesOf('liaison', b.id)).toEqual([`事项 ${b.docNo}（催办通知的特急件）被催办：调度会集中催办，要求本周内报送进展；下次调度日期 2026-11-03，请抓紧办理`]);
    expect([await urgeNoticesOf('court-handler', a.id), await urgeNoticesOf('court-handler', b.id)]).toEqual([[], []]);
  });

  it("tells the lead unit's liaison of a single recorded dispatch, and no other unit's user", async () => {
    const a = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '单件调度通知事项' });
    await sup.caller.cases.dispatch({ id: a.id, heldOn: '2026-11-02', summary: '听取公安局汇报，要求三日内约谈' });
    expect(await urgeNoticesOf('liaison', a.id)).toEqual([`事项 ${a.docNo}（单件调度通知事项）被催办：听取公安局汇报，要求三日内约谈；下次调度日期 2026-11-09，请抓紧办理`]);
    expect(await urgeNoticesOf('court-handler', a.id)).toEqual([]);
  });

  it('writes nothing twice when the same batch is sent again', async () => {
    const a = await registerAndAssign(t, sup, leader, { title: '重复提交的催办事项' });
    await sup.caller.cases.dispatchMany({ ids: [a.id], heldOn: '2026-11-02', summary: NOTE });
    const again = await sup.caller.cases.dispatchMany({ ids: [a.id, a.id], heldOn: '2026-11-02', summary: NOTE });
    expect(again).toMatchObject({ urged: 0, unchanged: 1 });
    expect([await dispatchesOf(a.id), await auditedDispatchesOf(a.id)]).toEqual([1, 1]);
    expect(await urgeNoticesOf('liaison', a.id)).toEqual([`事项 ${a.docNo}（重复提交的催办事项）被催办：调度会集中催办，要求本周内报送进展；下次调度日期 2026-11-09，请抓紧办理`]);
  });

  it('refuses a batch holding an archived matter with a message naming it, and urges none of the batch', async () => {
    const open = await registerAndAssign(t, sup, leader, { title: '仍在办理的事项' });
    const done = await registerAndAssign(t, sup, leader, { title: '已归档的事项' });
    let v = done.version;
    v = (await liaison.caller.cases.transition({ id: done.id, version: v, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: done.id, version: v, action: 'submitResult', report: '已全部补发到位' })).version;
    v = (await sup.caller.cases.transition({ id: done.id, version: v, action: 'review', comment: '同意办结' })).version;
    await sup.caller.cases.transition({ id: done.id, version: v, action: 'archive' });
    await expect(sup.caller.cases.dispatchMany({ ids: [open.id, done.id], heldOn: '2026-11-02', summary: NOTE })).rejects.toThrow(
      `事项 ${done.docNo} 当前为「已归档」，不在办理中，不能催办；本批事项均未催办`,
    );
    expect([await dispatchesOf(open.id), await auditedDispatchesOf(open.id)]).toEqual([0, 0]);
    expect(await urgeNoticesOf('liaison', open.id)).toEqual([]);
    expect((await sup.caller.cases.get({ id: open.id })).lastDispatchOn).toBeNull();
  });

  it("refuses a unit user who may urge another unit's matter, and urges none of the batch", async () => {
    const own = await registerAndAssign(t, sup, leader, { unit: '示范县公安局', title: '公安局承办的催办事项' });
    const other = await registerAndAssign(t, sup, leader, { unit: '示范县人民法院', title: '法院承办的催办事项' });
    const unitUrger = await addUserWithPermissions(t, { username: 'police-urger', displayName: '刘督促', orgName: '示范县公安局', permissions: ['cases.read', 'cases.urge'] });
    await expect(unitUrger.caller.cases.dispatchMany({ ids: [own.id, other.id], heldOn: '2026-11-02', summary: NOTE })).rejects.toThrow(
      '所选第 2 件事项不存在，或不在您的查看范围内；本批事项均未催办',
    );
    expect([await dispatchesOf(own.id), await dispatchesOf(other.id)]).toEqual([0, 0]);
    expect([await urgeNoticesOf('liaison', own.id), await urgeNoticesOf('liaison', other.id)]).toEqual([[], []]);
  });
});
