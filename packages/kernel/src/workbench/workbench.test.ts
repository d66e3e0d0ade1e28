import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestClock, describeEachEngine, inDays, orgIdByName, startTestKernel, userIdByName, type ActingUser, type TestKernel } from '../testing/index.js';

/** label → count of the kernel's to-dos, in the order the workbench shows them. */
async function todos(u: ActingUser): Promise<[string, number][]> {
  return (await u.caller.workbench.kernelTodos()).map((i) => [i.label, i.count]);
}

describeEachEngine('the workbench', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  let liaison: ActingUser;
  let caseId: string;
  let docNo: string;
  let version: number;
  beforeAll(async () => {
    t = await startTestKernel({ engine, clock: createTestClock('2026-12-07T02:00:00Z') });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
  });
  afterAll(() => t.stop());

  const step = async (u: ActingUser, action: 'submitForApproval' | 'approve' | 'assign' | 'acknowledge' | 'submitResult' | 'review', extra: { report?: string } = {}) => {
    version = (await u.caller.cases.transition({ id: caseId, version, action, ...extra })).version;
  };

  it('shows a fresh county nothing waiting', async () => {
    expect(await todos(sup)).toEqual([]);
    expect(await todos(leader)).toEqual([]);
    expect(await todos(liaison)).toEqual([]);
  });

  it('lists a registered case for the office to submit, then for the leader to approve, then for the office to assign', async () => {
    const r = await sup.caller.cases.register({ title: '工作台测试事项', summary: '群众反映征地补偿款未足额发放', source: 'visit', urgency: 'urgent', isKey: false, parties: [] });
    caseId = r.id;
    docNo = r.docNo;
    version = (await sup.caller.cases.get({ id: caseId })).version;
    expect(await todos(sup)).toEqual([['待提交立项审批', 1]]);
    await step(sup, 'submitForApproval');
    expect(await todos(sup)).toEqual([]);
    expect(await todos(leader)).toEqual([['待审批（立项）', 1]]);
    const item = (await leader.caller.workbench.kernelTodos())[0]!;
    expect(item).toMatchObject({ link: '/cases?status=pending_approval&sort=registeredAt&dir=asc', urgent: 1, oldest: '2026-12-07' });
    await step(leader, 'approve');
    expect(await todos(leader)).toEqual([]);
    expect(await todos(sup)).toEqual([['待交办', 1]]);
  });

  it("lists the assigned case for the unit's liaison to acknowledge, then to report on", async () => {
    version = (
      await sup.caller.cases.setFourFixes({
        id: caseId,
        version,
        leadLeaderId: await userIdByName(t, 'leader'),
        handlerName: '李承办',
        resolutionPlan: '约谈当事人，核实补偿款发放情况',
        deadline: inDays(5, t.kernel.clock.now()),
        leadUnitId: await orgIdByName(t, '示范县公安局'),
        cooperatingUnitIds: [],
      })
    ).version;
    await step(sup, 'assign');
    // Due within 7 days: 临期 first, for the unit and for the office that urges it.
    expect(await todos(liaison)).toEqual([['临期事项（7日内到期）', 1], ['待签收', 1]]);
    expect(await todos(sup)).toEqual([['临期事项（7日内到期）', 1]]);
    await step(liaison, 'acknowledge');
    expect(await todos(liaison)).toEqual([['临期事项（7日内到期）', 1], ['待报结', 1]]);
  });

  it('puts an overdue case first', async () => {
    await sql`update kernel.cases set deadline = '2026-12-01' where id = ${caseId}`.execute(t.database.db);
    expect(await todos(liaison)).toEqual([['已超期事项', 1], ['待报结', 1]]);
    expect((await liaison.caller.workbench.kernelTodos())[0]).toMatchObject({ link: '/cases?overdue=1&sort=deadline&dir=asc', oldest: '2026-12-01', tone: 'danger' });
  });

  it('lists a submitted result for the office to review, and not for the leader', async () => {
    await step(liaison, 'submitResult', { report: '补偿款已足额发放' });
    expect(await todos(liaison)).toEqual([['已超期事项', 1]]);
    expect(await todos(sup)).toEqual([['已超期事项', 1], ['待审核（已报结）', 1]]);
    expect(await todos(leader)).toEqual([['已超期事项', 1]]);
    await step(sup, 'review');
    expect(await todos(sup)).toEqual([]);
  });

  it('lists an instrument for the leader to sign, then for the unit to acknowledge and answer, then for the office to review', async () => {
    const { id } = await sup.caller.supervision.draftInstrument({
      caseId,
      kind: 'warning',
      recipientOrgId: await orgIdByName(t, '示范县公安局'),
      officerName: '钱某某',
      officerPost: '城关派出所副所长',
      facts: '该案受理后超过法定期限未作出处理决定。',
      legalBasis: '《中国共产党政法工作条例》',
      requirement: '立即组织核查，依法作出处理',
      responseDeadline: inDays(10, t.kernel.clock.now()),
    });
    let v = (await sup.caller.supervision.instrumentStep({ id, version: 1, step: 'submit' })).version;
    expect(await todos(leader)).toEqual([['监督文书待签批', 1]]);
    v = (await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: true })).version;
    expect(await todos(leader)).toEqual([]);
    expect(await todos(liaison)).toEqual([['监督文书待签收', 1]]);
    v = (await liaison.caller.supervision.instrumentStep({ id, version: v, step: 'acknowledge' })).version;
    expect(await todos(liaison)).toEqual([['监督文书待书面回复', 1]]);
    await liaison.caller.supervision.instrumentStep({ id, version: v, step: 'answer', answer: '已责令办案民警补充调查。' });
    expect(await todos(liaison)).toEqual([]);
    expect(await todos(sup)).toEqual([['文书回复待审查', 1]]);
  });

  it('lists a meeting invitation for the invited unit and the chair, and not for a unit not invited', async () => {
    await sup.caller.supervision.scheduleMeeting({
      title: '城关镇土地权属争议协调会',
      scheduledAt: new Date('2026-12-09T02:00:00Z'),
      place: '县委政法委三楼会议室',
      chairId: await userIdByName(t, 'leader'),
      orgIds: [await orgIdByName(t, '示范县公安局')],
      caseIds: [caseId],
    });
    expect(await todos(liaison)).toEqual([['协调会邀请', 1]]);
    expect(await todos(leader)).toEqual([['协调会邀请', 1]]);
    expect((await liaison.caller.workbench.kernelTodos())[0]!.oldest).toBe('2026-12-09');
  });

  it('follows a case, lists it under 我的关注, and stops following it', async () => {
    expect(await liaison.caller.workbench.following({ caseId })).toBe(false);
    await liaison.caller.workbench.follow({ caseId, follow: true });
    await liaison.caller.workbench.follow({ caseId, follow: true });
    expect(await liaison.caller.workbench.following({ caseId })).toBe(true);
    expect(await liaison.caller.workbench.follows()).toEqual([
      { id: caseId, docNo, title: '工作台测试事项', status: 'closed', statusName: '已办结', urgency: 'urgent', urgencyName: '急件', deadline: '2026-12-01', overdue: false },
    ]);
    await liaison.caller.workbench.follow({ caseId, follow: false });
    expect(await liaison.caller.workbench.follows()).toEqual([]);
    const audit = await sql<{ action: string }>`select action from kernel.audit_log where target_id = ${caseId} and action like 'cases.%follow' order by seq`.execute(t.database.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['cases.follow', 'cases.unfollow']);
  });

  it('refuses to follow a case the user may not see, naming it as not found', async () => {
    const other = await sup.caller.cases.register({ title: '尚未交办的事项', summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: [] });
    await expect(liaison.caller.workbench.follow({ caseId: other.id, follow: true })).rejects.toThrow('事项不存在，或不在您的查看范围内');
  });

  it("shows the latest steps on the unit's cases as recent activity, newest first", async () => {
    const activity = await liaison.caller.workbench.activity();
    expect(activity.map((a) => `${a.actorName} ${a.typeName}`)).toEqual([
      '陈监督 审核通过',
      '张联络 报送办理结果',
      '张联络 签收',
      '陈监督 交办',
      '刘书记 立项',
      '陈监督 提交立项审批',
      '陈监督 登记',
    ]);
  });

  it("gathers the day's notifications into a digest, grouped, with the unread counted", async () => {
    const d = await liaison.caller.notifications.digest({});
    expect(d).toMatchObject({ day: '2026-12-07', previousDay: '2026-12-06', nextDay: null, total: 3, unread: 3 });
    expect(d.groups.map((g) => [g.label, g.count])).toEqual([['事项', 1], ['监督文书', 1], ['协调会', 1]]);
    expect(d.groups[0]!.items[0]!.title).toBe(`新交办事项 ${docNo}：工作台测试事项，请签收`);
    const before = await liaison.caller.notifications.digest({ day: '2026-12-06' });
    expect(before).toMatchObject({ total: 0, nextDay: '2026-12-07', groups: [] });
  });
  it('counts under 待签收 only the cases the unit leads, as the ledger behind the link lists them, not those it cooperates on', async () => {
    const assignTo = async (title: string, leadUnit: string, cooperating: string[]) => {
      const r = await sup.caller.cases.register({ title, summary: '群众反映邻里宅基地纠纷', source: 'visit', urgency: 'normal', isKey: false, parties: [] });
      let v = (await sup.caller.cases.transition({ id: r.id, version: 1, action: 'submitForApproval' })).version;
      v = (await leader.caller.cases.transition({ id: r.id, version: v, action: 'approve' })).version;
      v = (
        await sup.caller.cases.setFourFixes({
          id: r.id,
          version: v,
          leadLeaderId: await userIdByName(t, 'leader'),
          handlerName: '赵承办',
          resolutionPlan: '实地调查，组织双方调解',
          deadline: inDays(30, t.kernel.clock.now()),
          leadUnitId: await orgIdByName(t, leadUnit),
          cooperatingUnitIds: await Promise.all(cooperating.map((o) => orgIdByName(t, o))),
        })
      ).version;
      await sup.caller.cases.transition({ id: r.id, version: v, action: 'assign' });
    };
    await assignTo('司法局牵头、派出所配合的事项', '示范县司法局', ['城关派出所']);
    await assignTo('公安局牵头的事项', '示范县公安局', []);
    const item = (await liaison.caller.workbench.kernelTodos()).find((i) => i.key === 'toAcknowledge')!;
    expect(item).toMatchObject({ count: 1, link: '/cases?status=assigned&lead=mine&sort=deadline&dir=asc' });
    const ledger = (filter: { ledByMe?: boolean }) => liaison.caller.cases.ledger({ status: ['assigned'], ...filter, sort: 'deadline', dir: 'asc', page: 1, pageSize: 20 });
    expect((await ledger({ ledByMe: true })).items.map((r) => r.title)).toEqual(['公安局牵头的事项']);
    expect((await ledger({ ledByMe: true })).total).toBe(1);
    expect((await ledger({})).total).toBe(2);
  });
});
