// Every workflow step of the kernel tells exactly the people who must act next (issue 34):
// the holders of the next step's permission, in its scope, never the one who took the step.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addUserWithPermissions, createTestClock, describeEachEngine, inDays, orgIdByName, startTestKernel, userIdByName, type ActingUser, type TestKernel } from '../testing/index.js';

const supervisorPermissions = ['orgs.read', 'users.read', 'cases.read', 'cases.register', 'cases.assign', 'cases.urge', 'cases.review', 'cases.archive', 'supervision.instruments', 'supervision.meetings'];

describeEachEngine('who is told of each step', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  let liaison: ActingUser;
  let justiceLiaison: ActingUser;
  beforeAll(async () => {
    t = await startTestKernel({ engine, clock: createTestClock('2026-12-07T02:00:00Z') });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
    // A second officer of the supervision office, and the justice bureau's liaison.
    await addUserWithPermissions(t, { username: 'sun', displayName: '孙督查', orgName: '示范县委政法委', permissions: supervisorPermissions });
    justiceLiaison = await addUserWithPermissions(t, { username: 'zhou', displayName: '周联络', orgName: '示范县司法局', permissions: ['orgs.read', 'users.read', 'cases.read', 'cases.handle'] });
  });
  afterAll(() => t.stop());

  // Each step is judged by the notifications it alone wrote.
  beforeEach(async () => {
    await sql`update kernel.notifications set read_at = now() where read_at is null`.execute(t.database.db);
  });

  /** Who received an unread notification since the last step, by display name, with the title. */
  async function told(): Promise<string[]> {
    const r = await sql<{ who: string; title: string }>`select u.display_name as who, n.title from kernel.notifications n
      join kernel.users u on u.tenant_id = n.tenant_id and u.id = n.user_id where n.read_at is null`.execute(t.database.db);
    await sql`update kernel.notifications set read_at = now() where read_at is null`.execute(t.database.db);
    // Sorted by code point here, not by the database's collation (which differs by engine).
    return r.rows.map((x) => `${x.who}：${x.title}`).sort();
  }

  async function registered(title: string) {
    const r = await sup.caller.cases.register({ title, summary: '群众反映征地补偿款未足额发放', source: 'visit', urgency: 'urgent', isKey: false, parties: [] });
    return { id: r.id, docNo: r.docNo, version: (await sup.caller.cases.get({ id: r.id })).version };
  }

  async function assigned(title: string) {
    const c = await registered(title);
    let v = (await sup.caller.cases.transition({ id: c.id, version: c.version, action: 'submitForApproval' })).version;
    v = (await leader.caller.cases.transition({ id: c.id, version: v, action: 'approve' })).version;
    v = (
      await sup.caller.cases.setFourFixes({
        id: c.id,
        version: v,
        leadLeaderId: await userIdByName(t, 'leader'),
        handlerName: '李承办',
        resolutionPlan: '约谈当事人，核实补偿款发放情况',
        deadline: inDays(30, t.kernel.clock.now()),
        leadUnitId: await orgIdByName(t, '示范县公安局'),
        cooperatingUnitIds: [],
      })
    ).version;
    v = (await sup.caller.cases.transition({ id: c.id, version: v, action: 'assign' })).version;
    await told();
    return { ...c, version: v };
  }

  it('tells the leader, who approves, that a case was submitted for approval', async () => {
    const c = await registered('立项审批通知事项');
    await sup.caller.cases.transition({ id: c.id, version: c.version, action: 'submitForApproval' });
    expect(await told()).toEqual([`刘书记：事项 ${c.docNo}（立项审批通知事项）已提交立项审批，请审批`]);
  });

  it('tells the supervision office, who assigns, that a case was approved', async () => {
    const c = await registered('同意立项通知事项');
    const v = (await sup.caller.cases.transition({ id: c.id, version: c.version, action: 'submitForApproval' })).version;
    await told();
    await leader.caller.cases.transition({ id: c.id, version: v, action: 'approve' });
    expect(await told()).toEqual([
      `孙督查：事项 ${c.docNo}（同意立项通知事项）已同意立项，请落实四定一包并交办`,
      `陈监督：事项 ${c.docNo}（同意立项通知事项）已同意立项，请落实四定一包并交办`,
    ]);
  });

  it("tells the lead unit's liaison, who acknowledges, that a case was assigned, and nobody of other units", async () => {
    const c = await registered('交办通知事项');
    let v = (await sup.caller.cases.transition({ id: c.id, version: c.version, action: 'submitForApproval' })).version;
    v = (await leader.caller.cases.transition({ id: c.id, version: v, action: 'approve' })).version;
    v = (
      await sup.caller.cases.setFourFixes({
        id: c.id,
        version: v,
        leadLeaderId: await userIdByName(t, 'leader'),
        handlerName: '李承办',
        resolutionPlan: '约谈当事人',
        deadline: inDays(30, t.kernel.clock.now()),
        leadUnitId: await orgIdByName(t, '示范县公安局'),
        cooperatingUnitIds: [await orgIdByName(t, '示范县司法局')],
      })
    ).version;
    await told();
    await sup.caller.cases.transition({ id: c.id, version: v, action: 'assign' });
    expect(await told()).toEqual([`张联络：新交办事项 ${c.docNo}：交办通知事项，请签收`]);
  });

  it('tells the liaison of the unit above a lead unit that has none of its own, whose 待签收 counts the case', async () => {
    const c = await registered('派出所承办通知事项');
    let v = (await sup.caller.cases.transition({ id: c.id, version: c.version, action: 'submitForApproval' })).version;
    v = (await leader.caller.cases.transition({ id: c.id, version: v, action: 'approve' })).version;
    v = (
      await sup.caller.cases.setFourFixes({
        id: c.id,
        version: v,
        leadLeaderId: await userIdByName(t, 'leader'),
        handlerName: '李承办',
        resolutionPlan: '约谈当事人',
        deadline: inDays(30, t.kernel.clock.now()),
        leadUnitId: await orgIdByName(t, '城关派出所'),
        cooperatingUnitIds: [],
      })
    ).version;
    await told();
    await sup.caller.cases.transition({ id: c.id, version: v, action: 'assign' });
    expect(await told()).toEqual([`张联络：新交办事项 ${c.docNo}：派出所承办通知事项，请签收`]);
  });

  it('tells nobody when the unit acknowledges a case or reports progress: the next step is its own', async () => {
    const c = await assigned('签收无需通知事项');
    const v = (await liaison.caller.cases.transition({ id: c.id, version: c.version, action: 'acknowledge' })).version;
    await liaison.caller.cases.transition({ id: c.id, version: v, action: 'reportProgress', comment: '已约谈当事人' });
    expect(await told()).toEqual([]);
  });

  it('tells the officer who assigned the case, who reviews it, that its result was submitted, and not the leader', async () => {
    const c = await assigned('报结审核通知事项');
    const v = (await liaison.caller.cases.transition({ id: c.id, version: c.version, action: 'acknowledge' })).version;
    await liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '补偿款已足额发放' });
    expect(await told()).toEqual([`陈监督：事项 ${c.docNo}（报结审核通知事项）已报送办理结果，请审核`]);
  });

  it("tells the unit's liaison that a result was returned for rework", async () => {
    const c = await assigned('退回重办通知事项');
    let v = (await liaison.caller.cases.transition({ id: c.id, version: c.version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '已处理' })).version;
    await told();
    await sup.caller.cases.transition({ id: c.id, version: v, action: 'returnForRework', comment: '未附发放凭证' });
    expect(await told()).toEqual([`张联络：事项 ${c.docNo}（退回重办通知事项）被退回重办，请重新办理并报结`]);
  });

  it('tells the rest of the office, who archive, that a case was closed, not the reviewer, and then tells the unit when it is reopened', async () => {
    const c = await assigned('办结归档通知事项');
    let v = (await liaison.caller.cases.transition({ id: c.id, version: c.version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '已办理' })).version;
    await told();
    v = (await sup.caller.cases.transition({ id: c.id, version: v, action: 'review', comment: '同意办结' })).version;
    expect(await told()).toEqual([`孙督查：事项 ${c.docNo}（办结归档通知事项）已审核办结，请立卷归档`]);
    await sup.caller.cases.transition({ id: c.id, version: v, action: 'reopen', comment: '当事人再次反映' });
    expect(await told()).toEqual([`张联络：事项 ${c.docNo}（办结归档通知事项）已重新打开，请继续办理`]);
  });

  it("tells the new unit's liaison of a transfer, and not the unit that gave it up", async () => {
    const c = await assigned('转办通知事项');
    await sup.caller.cases.transition({ id: c.id, version: c.version, action: 'transfer', toUnitId: await orgIdByName(t, '示范县司法局'), comment: '属司法局职责' });
    expect(await told()).toEqual([`周联络：新交办事项 ${c.docNo}：转办通知事项，请签收`]);
    const inbox = await justiceLiaison.caller.notifications.list({});
    expect(inbox.items[0]!.link).toBe(`/cases/${c.id}`);
  });

  it('tells nobody when a case never assigned is withdrawn, or a closed one archived', async () => {
    const w = await registered('撤销无需通知事项');
    await sup.caller.cases.transition({ id: w.id, version: w.version, action: 'withdraw', comment: '不属于监督范围' });
    const c = await assigned('归档无需通知事项');
    let v = (await liaison.caller.cases.transition({ id: c.id, version: c.version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '已办理' })).version;
    v = (await sup.caller.cases.transition({ id: c.id, version: v, action: 'review' })).version;
    await told();
    await sup.caller.cases.transition({ id: c.id, version: v, action: 'archive' });
    expect(await told()).toEqual([]);
  });

  it("walks an instrument: the leader signs, the drafter hears of a refusal and of the unit's answer, the unit receives it", async () => {
    const c = await assigned('监督文书通知事项');
    const { id } = await sup.caller.supervision.draftInstrument({
      caseId: c.id,
      kind: 'warning',
      recipientOrgId: await orgIdByName(t, '示范县公安局'),
      officerName: '钱某某',
      officerPost: '城关派出所副所长',
      facts: '该案受理后超过法定期限未作出处理决定。',
      legalBasis: '《中国共产党政法工作条例》',
      requirement: '立即组织核查，依法作出处理',
      responseDeadline: inDays(10, t.kernel.clock.now()),
    });
    expect(await told()).toEqual([]);
    let v = (await sup.caller.supervision.instrumentStep({ id, version: 1, step: 'submit' })).version;
    expect(await told()).toEqual(['刘书记：预防警告已提交签批，请签批']);
    v = (await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: false, comment: '事实部分需补充' })).version;
    expect(await told()).toEqual(['陈监督：预防警告未获签批，请按意见修改后重新提交']);
    v = (await sup.caller.supervision.instrumentStep({ id, version: v, step: 'submit' })).version;
    await told();
    v = (await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: true })).version;
    expect(await told()).toEqual(['张联络：收到预防警告，请签收并按期书面回复']);
    v = (await liaison.caller.supervision.instrumentStep({ id, version: v, step: 'acknowledge' })).version;
    expect(await told()).toEqual([]);
    v = (await liaison.caller.supervision.instrumentStep({ id, version: v, step: 'answer', answer: '已责令办案民警补充调查。' })).version;
    expect(await told()).toEqual(['陈监督：受文单位已书面回复预防警告，请审查回复']);
    await sup.caller.supervision.instrumentStep({ id, version: v, step: 'decide', approve: true });
    expect(await told()).toEqual([]);
  });

  it("invites the units' liaisons and the chair to a meeting, asks the leader to sign its opinion, and sends the signed opinion to the units", async () => {
    const c = await assigned('协调会通知事项');
    const police = await orgIdByName(t, '示范县公安局');
    const justice = await orgIdByName(t, '示范县司法局');
    const { id } = await sup.caller.supervision.scheduleMeeting({
      title: '城关镇土地权属争议协调会',
      scheduledAt: new Date('2026-12-07T01:30:00Z'),
      place: '县委政法委三楼会议室',
      chairId: await userIdByName(t, 'leader'),
      orgIds: [police, justice],
      caseIds: [c.id],
    });
    expect(await told()).toEqual([
      '刘书记：协调会邀请：「城关镇土地权属争议协调会」，2026年12月7日 09:30，县委政法委三楼会议室',
      '周联络：协调会邀请：「城关镇土地权属争议协调会」，2026年12月7日 09:30，县委政法委三楼会议室',
      '张联络：协调会邀请：「城关镇土地权属争议协调会」，2026年12月7日 09:30，县委政法委三楼会议室',
    ]);
    const held = await sup.caller.supervision.holdMeeting({ id, version: 1, minutes: '各单位陈述意见，形成一致意见。', attendance: [] });
    const v = (await sup.caller.supervision.concludeMeeting({ id, version: held.version, outcome: 'consensus', opinion: '由城关镇牵头组织勘界。' })).version;
    expect(await told()).toEqual(['刘书记：协调会「城关镇土地权属争议协调会」已达成一致意见，请签发协调意见']);
    const { docNo } = await leader.caller.supervision.signOpinion({ id, version: v });
    expect(await told()).toEqual([`周联络：协调意见 ${docNo} 已签发，请签收并报告执行情况`, `张联络：协调意见 ${docNo} 已签发，请签收并报告执行情况`]);
  });
});
