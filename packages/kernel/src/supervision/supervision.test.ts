import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, inDays, orgIdByName, registerAndAssign, startTestKernel, type ActingUser, type TestKernel } from '../testing/index.js';

describeEachEngine('supervision instruments', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  let liaison: ActingUser;
  let caseId: string;
  let policeId: string;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
    caseId = (await registerAndAssign(t, sup, leader, { title: '派出所久拖不决案件督办' })).id;
    policeId = await orgIdByName(t, '示范县公安局');
  });
  afterAll(() => t.stop());

  const draft = (kind: 'warning' | 'guidance', previousId?: string) =>
    sup.caller.supervision.draftInstrument({
      caseId,
      kind,
      recipientOrgId: policeId,
      officerName: '钱某某',
      officerPost: '城关派出所副所长',
      facts: '该案受理后超过法定期限未作出处理决定，当事人多次反映。',
      legalBasis: '《中国共产党政法工作条例》',
      requirement: '立即组织核查，依法作出处理',
      responseDeadline: inDays(10),
      previousId,
    });

  it('walks an instrument from drafting through sign-off, answer and rejection to the next instrument', async () => {
    const { id } = await draft('warning');
    let v = (await sup.caller.supervision.instrument({ id })).version;
    // The unit does not see a draft.
    await expect(liaison.caller.supervision.instrument({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    v = (await sup.caller.supervision.instrumentStep({ id, version: v, step: 'submit' })).version;
    await expect(sup.caller.supervision.instrumentStep({ id, version: v, step: 'sign' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const signed = await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: true });
    expect(signed.status).toBe('issued');
    const issued = await liaison.caller.supervision.instrument({ id });
    expect(issued).toMatchObject({ kindName: '预防警告', statusName: '已发出', recipientName: '示范县公安局' });
    expect(issued.docNo).toMatch(/^示政法监〔\d{4}〕1号$/);
    v = (await liaison.caller.supervision.instrumentStep({ id, version: issued.version, step: 'acknowledge' })).version;
    await expect(liaison.caller.supervision.instrumentStep({ id, version: v, step: 'answer' })).rejects.toThrow('请填写整改（纠正）情况报告');
    v = (await liaison.caller.supervision.instrumentStep({ id, version: v, step: 'answer', answer: '已责令办案民警补充调查。' })).version;
    await expect(sup.caller.supervision.instrumentStep({ id, version: v, step: 'decide', approve: false })).rejects.toThrow('请填写意见');
    v = (await sup.caller.supervision.instrumentStep({ id, version: v, step: 'decide', approve: false, comment: '未说明处理结果和时限' })).version;
    const rejected = await sup.caller.supervision.instrument({ id });
    expect(rejected).toMatchObject({ status: 'rejected', suggestedNext: 'guidance', suggestedNextName: '指导意见书' });
    const next = await draft('guidance', id);
    expect((await sup.caller.supervision.instrument({ id: next.id })).previousId).toBe(id);
    const timeline = (await sup.caller.cases.get({ id: caseId })).timeline.map((e) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['instrument.draft', 'instrument.submit', 'instrument.issue', 'instrument.acknowledge', 'instrument.answer', 'instrument.reject']));
  });

  it('sends a draft back when the leader declines to sign, with the reason', async () => {
    const { id } = await draft('warning');
    const v = (await sup.caller.supervision.instrumentStep({ id, version: 1, step: 'submit' })).version;
    await expect(leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: false })).rejects.toThrow('请填写意见');
    const back = await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: false, comment: '事实部分需补充' });
    expect(back.status).toBe('draft');
  });

  it('lets the office revise a declined draft and refuses to revise an issued one', async () => {
    const { id } = await draft('warning');
    let v = (await sup.caller.supervision.instrumentStep({ id, version: 1, step: 'submit' })).version;
    v = (await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: false, comment: '事实部分需补充' })).version;
    const revised = await sup.caller.supervision.reviseInstrument({
      id,
      version: v,
      kind: 'warning',
      recipientOrgId: policeId,
      facts: '经调阅案卷，该案受理后超过法定期限未作出处理决定。',
      requirement: '立即组织核查，依法作出处理',
      responseDeadline: inDays(10),
    });
    expect((await sup.caller.supervision.instrument({ id })).facts).toContain('经调阅案卷');
    v = (await sup.caller.supervision.instrumentStep({ id, version: revised.version, step: 'submit' })).version;
    v = (await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: true })).version;
    await expect(
      sup.caller.supervision.reviseInstrument({ id, version: v, kind: 'warning', recipientOrgId: policeId, facts: '发出后再修改的尝试内容', requirement: '不应允许', responseDeadline: inDays(10) }),
    ).rejects.toThrow('当前状态为「已发出」');
  });

  it('refuses an escalation that is not above the previous rung or belongs to another case', async () => {
    const { id } = await draft('guidance');
    await expect(draft('warning', id)).rejects.toThrow('升级发出的监督文书须高于上一级文书');
    const otherCase = (await registerAndAssign(t, sup, leader, { title: '另一件督办事项用于校验' })).id;
    await expect(
      sup.caller.supervision.draftInstrument({ caseId: otherCase, kind: 'correction', recipientOrgId: policeId, facts: '跨事项升级的尝试内容说明', requirement: '不应允许', responseDeadline: inDays(5), previousId: id }),
    ).rejects.toThrow('上一级监督文书不属于该事项');
  });

  it('suggests the next instrument when an answer is overdue', async () => {
    const { id } = await draft('warning');
    const v = (await sup.caller.supervision.instrumentStep({ id, version: 1, step: 'submit' })).version;
    await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: true });
    await t.database.db.updateTable('kernel.instruments' as never).set({ response_deadline: inDays(-1) } as never).where('id' as never, '=', id as never).execute();
    expect((await sup.caller.supervision.instrument({ id })).suggestedNextName).toBe('指导意见书');
  });

  it('emits a kernel event at each step for other plugins', async () => {
    const rows = await t.database.db.selectFrom('kernel.outbox' as never).select('name' as never).where('name' as never, 'like', 'kernel.instrument.%' as never).execute();
    const names = new Set((rows as { name: string }[]).map((r) => r.name));
    for (const n of ['kernel.instrument.draft', 'kernel.instrument.issue', 'kernel.instrument.answer', 'kernel.instrument.reject']) expect(names).toContain(n);
  });

  it("hides instruments addressed to another unit from the unit's liaison", async () => {
    const court = await orgIdByName(t, '示范县人民法院');
    const other = await sup.caller.supervision.draftInstrument({ caseId, kind: 'warning', recipientOrgId: court, facts: '法院执行款发放不及时问题需要说明。', requirement: '说明情况', responseDeadline: inDays(5) });
    let v = (await sup.caller.supervision.instrumentStep({ id: other.id, version: 1, step: 'submit' })).version;
    v = (await leader.caller.supervision.instrumentStep({ id: other.id, version: v, step: 'sign', approve: true })).version;
    await expect(liaison.caller.supervision.instrument({ id: other.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const mine = await liaison.caller.supervision.instruments({});
    expect(mine.every((i) => i.recipientName === '示范县公安局')).toBe(true);
    await expect(liaison.caller.supervision.instrumentStep({ id: other.id, version: v, step: 'acknowledge' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  const stepsOf = async (u: ActingUser, instrumentId: string) =>
    (await u.caller.cases.get({ id: caseId })).timeline.filter((e) => (e.data as { instrumentId?: string } | null)?.instrumentId === instrumentId).map((e) => e.type);

  it("keeps the drafting of an instrument out of the unit's case timeline, the leader's reasons for sending it back included", async () => {
    const { id } = await draft('warning');
    const v = (await sup.caller.supervision.instrumentStep({ id, version: 1, step: 'submit' })).version;
    await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: false, comment: '证据尚不充分，暂缓发出' });
    expect(await stepsOf(sup, id)).toEqual(['instrument.draft', 'instrument.submit', 'instrument.signoff.reject']);
    expect(await stepsOf(liaison, id)).toEqual([]);
    expect(JSON.stringify((await liaison.caller.cases.get({ id: caseId })).timeline)).not.toContain('证据尚不充分');
  });

  it('shows the unit an instrument addressed to it in the case timeline from its issue on', async () => {
    const { id } = await draft('warning');
    const v = (await sup.caller.supervision.instrumentStep({ id, version: 1, step: 'submit' })).version;
    await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: true });
    expect(await stepsOf(liaison, id)).toEqual(['instrument.issue']);
  });

  it("keeps an instrument addressed to another unit out of the unit's case timeline", async () => {
    const court = await orgIdByName(t, '示范县人民法院');
    const { id } = await sup.caller.supervision.draftInstrument({ caseId, kind: 'warning', recipientOrgId: court, facts: '法院对相关财产保全申请久拖不决。', requirement: '说明情况', responseDeadline: inDays(5) });
    const v = (await sup.caller.supervision.instrumentStep({ id, version: 1, step: 'submit' })).version;
    await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: true });
    expect(await stepsOf(sup, id)).toEqual(['instrument.draft', 'instrument.submit', 'instrument.issue']);
    expect(await stepsOf(liaison, id)).toEqual([]);
  });

  it('records uses of supervision powers on the case', async () => {
    await sup.caller.supervision.recordPower({ caseId, power: 'file_review', usedOn: inDays(0), targetOrgId: policeId, description: '调阅该案全部案卷材料', result: '发现证据收集不全' });
    const uses = await sup.caller.supervision.powerUses({ caseId });
    expect(uses[0]).toMatchObject({ powerName: '调阅案卷', targetOrgName: '示范县公安局', recordedBy: '陈监督' });
  });
});

describeEachEngine('coordination meetings', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  let liaison: ActingUser;
  let caseA: string;
  let caseB: string;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
    caseA = (await registerAndAssign(t, sup, leader, { title: '土地权属争议涉及多部门' })).id;
    caseB = (await registerAndAssign(t, sup, leader, { title: '执行款分配争议', unit: '示范县人民法院' })).id;
  });
  afterAll(() => t.stop());

  it('takes a meeting to consensus, signs the opinion and collects each unit acknowledgement and execution report', async () => {
    const police = await orgIdByName(t, '示范县公安局');
    const town = await orgIdByName(t, '城关镇党委政府');
    const { id } = await sup.caller.supervision.scheduleMeeting({ title: '城关镇土地权属争议协调会', scheduledAt: new Date(), place: '县委政法委三楼会议室', orgIds: [police, town], caseIds: [caseA] });
    let m = await sup.caller.supervision.meeting({ id });
    m = { ...m, version: (await sup.caller.supervision.holdMeeting({ id, version: m.version, minutes: '各单位陈述意见，形成一致意见。', attendance: [{ orgId: police, attended: true, attendees: '张联络' }, { orgId: town, attended: true }] })).version };
    await expect(sup.caller.supervision.concludeMeeting({ id, version: m.version, outcome: 'consensus' })).rejects.toThrow('请填写协调意见');
    const v = (await sup.caller.supervision.concludeMeeting({ id, version: m.version, outcome: 'consensus', opinion: '一、由城关镇牵头组织勘界；二、公安局维护现场秩序。' })).version;
    // Before signing, the unit sees the meeting but not the opinion, and cannot acknowledge.
    expect((await liaison.caller.supervision.meeting({ id })).opinion).toBeNull();
    await expect(liaison.caller.supervision.acknowledgeOpinion({ id })).rejects.toThrow('协调意见尚未签发');
    const signed = await leader.caller.supervision.signOpinion({ id, version: v });
    expect(signed.docNo).toMatch(/^示政法协〔\d{4}〕1号$/);
    await liaison.caller.supervision.acknowledgeOpinion({ id });
    await liaison.caller.supervision.reportExecution({ id, report: '已派员维护勘界现场秩序。' });
    const after = await sup.caller.supervision.meeting({ id });
    expect(after.orgs.find((o) => o.orgId === police)).toMatchObject({ executionReport: '已派员维护勘界现场秩序。' });
    expect(after.orgs.find((o) => o.orgId === police)!.acknowledgedAt).not.toBeNull();
    expect(after.orgs.find((o) => o.orgId === town)!.acknowledgedAt).toBeNull();
  });

  it('refuses to record a meeting before its scheduled day', async () => {
    const court = await orgIdByName(t, '示范县人民法院');
    const { id } = await sup.caller.supervision.scheduleMeeting({ title: '下周召开的协调会', scheduledAt: new Date(Date.now() + 7 * 86_400_000), place: '', orgIds: [court], caseIds: [caseB] });
    await expect(sup.caller.supervision.holdMeeting({ id, version: 1, minutes: '提前记录的会议纪要', attendance: [] })).rejects.toThrow('尚未到召开时间');
  });

  it('records an escalation when no consensus is reached', async () => {
    const court = await orgIdByName(t, '示范县人民法院');
    const justice = await orgIdByName(t, '示范县司法局');
    const { id } = await sup.caller.supervision.scheduleMeeting({ title: '执行款分配争议协调会', scheduledAt: new Date(), place: '', orgIds: [court, justice], caseIds: [caseB] });
    const held = await sup.caller.supervision.holdMeeting({ id, version: 1, minutes: '各方意见分歧较大。', attendance: [] });
    await sup.caller.supervision.concludeMeeting({ id, version: held.version, outcome: 'no_consensus', escalation: 'higher_committee', note: '提请市委政法委协调' });
    const m = await sup.caller.supervision.meeting({ id });
    expect(m).toMatchObject({ status: 'escalated', statusName: '未达成一致', escalationName: '提请上级政法委协调' });
  });

  it("keeps a meeting the unit was not invited to out of its case's timeline", async () => {
    const town = await orgIdByName(t, '城关镇党委政府');
    const { id } = await sup.caller.supervision.scheduleMeeting({ title: '仅邀请城关镇的内部协调会', scheduledAt: new Date(), place: '', orgIds: [town], caseIds: [caseA] });
    const meetingEvents = async (u: ActingUser) => (await u.caller.cases.get({ id: caseA })).timeline.filter((e) => (e.data as { meetingId?: string } | null)?.meetingId === id).map((e) => e.type);
    expect(await meetingEvents(sup)).toEqual(['meeting.schedule']);
    expect(await meetingEvents(liaison)).toEqual([]);
  });

  it("keeps a meeting the unit was not invited to out of the unit's sight", async () => {
    const list = await liaison.caller.supervision.meetings({});
    expect(list.map((m) => m.title)).toEqual(['城关镇土地权属争议协调会']);
  });

  it('computes the yearly figures from the meetings and their cases', async () => {
    // Resolve the first meeting's case.
    const lia = liaison;
    let d = await sup.caller.cases.get({ id: caseA });
    let v = (await lia.caller.cases.transition({ id: caseA, version: d.version, action: 'acknowledge' })).version;
    v = (await lia.caller.cases.transition({ id: caseA, version: v, action: 'submitResult', report: '已勘界，争议化解' })).version;
    await sup.caller.cases.transition({ id: caseA, version: v, action: 'review' });
    d = await sup.caller.cases.get({ id: caseA });
    expect(d.status).toBe('closed');
    const year = Number(inDays(0).slice(0, 4));
    expect(await sup.caller.supervision.meetingFigures({ year })).toEqual({ year, meetingsHeld: 2, casesCoordinated: 2, casesResolved: 1 });
  });
});
