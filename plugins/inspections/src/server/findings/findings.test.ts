import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiStrings, sql } from '@zhengfa/plugin-api';
import { addUserWithPermissions, describeEachEngine, userIdByName } from '@zhengfa/test-utils';
import { messages as m, strings as s } from '../strings.js';
import { api, chinaMorning, scoredCampaign, startWorld, type Scored, type World } from '../test/world.js';

// Problems found on the police's files on 2026-10-16 (整改 phase), due on 2026-10-30.
describeEachEngine('inspections findings and rectification', (engine) => {
  let w: World;
  let c: Scored;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-16');
    c = await scoredCampaign(w, {
      police: [
        ['P1', 1, [33, 30, 1, 7]],
        ['P2', 1, [40, 30, 0, 10]],
      ],
      procuratorate: [['Q1', 1, [20, 20, 5, 5]]],
    });
  });
  afterAll(() => w.t.stop());

  function finding(fileId: string | undefined, over: Record<string, unknown> = {}) {
    return {
      fileId,
      scope: 'individual',
      defectType: '法律文书',
      severity: 'general',
      description: '起诉意见书未载明证据来源',
      responsibleName: '李法制',
      deadline: '2026-10-30',
      ...over,
    };
  }

  async function count(table: string): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`inspections.${table}`)}`.execute(w.t.database.db);
    return r.rows[0]!.n;
  }

  async function attributedEvents(): Promise<unknown[]> {
    const r = await sql<{ payload: unknown }>`select payload from kernel.outbox where name = 'inspections.finding.attributed' order by id`.execute(w.t.database.db);
    return r.rows.map((x) => x.payload);
  }

  it('records a problem attributed to a named officer and emits the attribution with its payload', async () => {
    const r = await api(w.sup).findings.create(finding(c.ids.P1, { scope: 'common', severity: 'serious', officerName: '王警官', officerNo: '430001' }));
    ids.p1 = r.id;
    expect(await attributedEvents()).toEqual([
      { findingId: r.id, campaignId: c.campaignId, unitId: w.units.police, officerName: '王警官', officerNo: '430001', defectType: '法律文书', severity: 'serious', foundOn: '2026-10-16' },
    ]);
  });

  it('emits nothing for a problem that names no officer', async () => {
    ids.p2 = (await api(w.sup).findings.create(finding(c.ids.P2, { defectType: '卷宗装订', description: '卷宗目录与页码不符' }))).id;
    ids.q1 = (await api(w.sup).findings.create(finding(c.ids.Q1, { defectType: '证据采信', description: '关键证人证言未质证', deadline: '2026-11-20' }))).id;
    expect(await attributedEvents()).toHaveLength(1);
  });

  it('refuses a defect type outside the county’s list and writes nothing', async () => {
    const before = await count('findings');
    await expect(api(w.sup).findings.create(finding(c.ids.P1, { defectType: '态度问题' }))).rejects.toThrow('「问题类型」「态度问题」不在本县的问题类型清单中');
    expect(await count('findings')).toBe(before);
  });

  it('refuses a deadline before today', async () => {
    await expect(api(w.sup).findings.create(finding(c.ids.P1, { deadline: '2026-10-15' }))).rejects.toThrow(m.deadlineBeforeToday);
  });

  it('names no officer in the committee’s list nor to the unit', async () => {
    const list = await api(w.sup).findings.list({ campaignId: c.campaignId });
    expect(list.map((f: any) => [f.caseNo, f.defectType, f.status, f.attributed, 'officerName' in f])).toEqual([
      ['Q1', '证据采信', 'open', false, false],
      ['P1', '法律文书', 'open', true, false],
      ['P2', '卷宗装订', 'open', false, false],
    ]);
    const mine = await api(w.liaison).unit.findings({ campaignId: c.campaignId });
    expect(mine.map((f: any) => [f.caseNo, f.responsibleName, f.deadline, 'officerName' in f])).toEqual([
      ['P1', '李法制', '2026-10-30', false],
      ['P2', '李法制', '2026-10-30', false],
    ]);
  });

  it('shows the officers only to a committee user holding inspections.personnel', async () => {
    await expect(api(w.sup).personnel.officers({ campaignId: c.campaignId })).rejects.toThrow(apiStrings.forbidden(s.permissions.personnel));
    const hr = await addUserWithPermissions(w.t, { username: 'insp-hr', displayName: '赵人事', orgName: '示范县委政法委', permissions: ['inspections.personnel'] });
    expect((await api(hr).personnel.officers({ campaignId: c.campaignId })).map((o: any) => [o.caseNo, o.officerName, o.officerNo])).toEqual([['P1', '王警官', '430001']]);
  });

  it('offers the unit its problems to rectify on the workbench', async () => {
    const todos = await (w.liaison.caller as any).workbench.todos();
    expect(todos.find((t: any) => t.pluginId === 'inspections').items).toEqual([{ key: 'rectify', label: '待整改的评查问题', count: 2, link: '/inspections', oldest: '2026-10-30' }]);
  });

  it('takes the unit’s rectification report with its evidence, awaiting the re-check', async () => {
    const f = (await api(w.liaison).unit.findings({ campaignId: c.campaignId })).find((x: any) => x.id === ids.p1);
    const pdf = Buffer.from('%PDF-1.4 整改报告').toString('base64');
    const r = await api(w.liaison).unit.reportRectification({ findingId: ids.p1, version: f.version, measures: '已重新制作起诉意见书并组织全局法制培训', attachments: [{ fileName: '整改报告.pdf', mime: 'application/pdf', base64: pdf }] });
    expect(r.version).toBe(f.version + 1);
    const shown = await api(w.sup).findings.get({ id: ids.p1 });
    expect([shown.status, shown.reports.map((x: any) => [x.measures, x.outcome, x.evidence.map((e: any) => [e.fileName, e.mime, e.size])])]).toEqual([
      'reported',
      [['已重新制作起诉意见书并组织全局法制培训', null, [['整改报告.pdf', 'application/pdf', 21]]]],
    ]);
    const file = await api(w.sup).findings.evidence({ id: shown.reports[0].evidence[0].id });
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.4 整改报告');
  });

  it('refuses evidence over 5 MB and writes nothing', async () => {
    const f = (await api(w.liaison).unit.findings({ campaignId: c.campaignId })).find((x: any) => x.id === ids.p2);
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64');
    const before = [await count('rectifications'), await count('evidence')];
    await expect(
      api(w.liaison).unit.reportRectification({ findingId: ids.p2, version: f.version, measures: '已重新装订卷宗', attachments: [{ fileName: '照片.jpg', mime: 'image/jpeg', base64: big }] }),
    ).rejects.toThrow('「整改佐证材料」「照片.jpg」超过 5 MB');
    expect([await count('rectifications'), await count('evidence')]).toEqual(before);
  });

  it('refuses a report on another unit’s problem as not found', async () => {
    await expect(api(w.liaison).unit.reportRectification({ findingId: ids.q1, version: 1, measures: '代为整改', attachments: [] })).rejects.toThrow(m.findingNotFound);
  });

  it('returns a report at the re-check with the reason, which the unit sees', async () => {
    const f = await api(w.sup).findings.get({ id: ids.p1 });
    expect(await api(w.sup).findings.recheck({ id: ids.p1, version: f.version, outcome: 'returned', note: '培训记录未附签到表' })).toEqual({ version: f.version + 1, status: 'returned' });
    const mine = (await api(w.liaison).unit.findings({ campaignId: c.campaignId })).find((x: any) => x.id === ids.p1);
    expect([mine.status, mine.lastRecheckNote]).toEqual(['returned', '培训记录未附签到表']);
  });

  it('refuses a return without a reason', async () => {
    await expect(api(w.sup).findings.recheck({ id: ids.p1, version: 1, outcome: 'returned' })).rejects.toThrow(m.returnNeedsNote);
  });

  it('closes a problem at the re-check of the second report', async () => {
    const f = (await api(w.liaison).unit.findings({ campaignId: c.campaignId })).find((x: any) => x.id === ids.p1);
    const v = (await api(w.liaison).unit.reportRectification({ findingId: ids.p1, version: f.version, measures: '补充培训签到表', attachments: [] })).version;
    expect(await api(w.sup).findings.recheck({ id: ids.p1, version: v, outcome: 'closed' })).toEqual({ version: v + 1, status: 'closed' });
    const shown = await api(w.sup).findings.get({ id: ids.p1 });
    expect([shown.status, shown.closedOn, shown.reports.map((x: any) => x.outcome)]).toEqual(['closed', '2026-10-16', ['returned', 'closed']]);
  });

  it('refuses to send a problem to supervision before its deadline has passed', async () => {
    const f = await api(w.sup).findings.get({ id: ids.p2 });
    const leaderId = await userIdByName(w.t, 'leader');
    await expect(
      api(w.sup).findings.escalate({ id: ids.p2, version: f.version, leadLeaderId: leaderId, handlerName: '陈督办', resolutionPlan: '限期重新装订卷宗并报送', deadline: '2026-11-20' }),
    ).rejects.toThrow('该问题的「整改期限」为 2026-10-30，尚未逾期，不能转督办');
    expect((await api(w.sup).findings.get({ id: ids.p2 })).kernelCaseId).toBeNull();
  });

  it('sends an overdue problem to the kernel as a supervised matter with its four fixes', async () => {
    w.clock.set(chinaMorning('2026-11-02'));
    const a = api(w.sup);
    expect((await a.findings.list({ campaignId: c.campaignId, overdueOnly: true })).map((f: any) => f.caseNo)).toEqual(['P2']);
    const f = await a.findings.get({ id: ids.p2 });
    const leaderId = await userIdByName(w.t, 'leader');
    const r = await a.findings.escalate({ id: ids.p2, version: f.version, leadLeaderId: leaderId, handlerName: '陈督办', resolutionPlan: '限期重新装订卷宗并报送', deadline: '2026-11-20' });
    expect(r).toEqual({ version: f.version + 1, caseId: expect.any(String), docNo: '示政法改〔2026〕1号' });
    const kase = await (w.sup.caller as any).cases.get({ id: r.caseId });
    expect([kase.kind, kase.kindName, kase.title, kase.leadLeaderId, kase.handlerName, kase.resolutionPlan, kase.deadline, kase.leadUnitName, kase.missingFourFixes]).toEqual([
      'rectification',
      '整改督办',
      '逾期未整改：示范县公安局卷宗装订问题',
      leaderId,
      '陈督办',
      '限期重新装订卷宗并报送',
      '2026-11-20',
      '示范县公安局',
      [],
    ]);
    expect((await a.findings.get({ id: ids.p2 })).kernelDocNo).toBe('示政法改〔2026〕1号');
  });

  it('refuses to send the same problem to supervision twice', async () => {
    const f = await api(w.sup).findings.get({ id: ids.p2 });
    const leaderId = await userIdByName(w.t, 'leader');
    await expect(
      api(w.sup).findings.escalate({ id: ids.p2, version: f.version, leadLeaderId: leaderId, handlerName: '陈督办', resolutionPlan: '限期重新装订卷宗并报送', deadline: '2026-11-20' }),
    ).rejects.toThrow(m.alreadyEscalated);
  });

  it('sends a wrongly handled case to the kernel for re-examination (督促复查) in one step', async () => {
    const file = (await api(w.sup).files.list({ campaignId: c.campaignId })).find((x: any) => x.caseNo === 'Q1');
    const r = await api(w.sup).files.superviseRecheck({ fileId: file.id, version: file.version, reason: '关键证人证言未经质证即作为定案依据，督促依法复查' });
    expect(r.docNo).toBe('示政法查〔2026〕1号');
    const kase = await (w.sup.caller as any).cases.get({ id: r.caseId });
    expect([kase.kind, kase.title]).toEqual(['inspection_recheck', '督促复查：示范县人民检察院案件Q1']);
    await expect(api(w.sup).files.superviseRecheck({ fileId: file.id, version: r.version, reason: '再次督促复查' })).rejects.toThrow(m.alreadySupervised);
  });

  it('deducts the county’s points per unrectified problem from each unit in the results', async () => {
    const a = api(w.sup);
    const { version } = await a.settings.get();
    await a.settings.update({ campaignKinds: ['案件质量评查'], unrectifiedDeduction: 2.5, version });
    const r = await a.results.campaign({ campaignId: c.campaignId });
    expect(r.units.map((u: any) => [u.unitName, u.findings, u.unrectified, u.deduction])).toEqual([
      ['示范县人民检察院', 1, 1, 2.5],
      ['示范县公安局', 2, 1, 2.5],
    ]);
  });

  it('offers the committee the overdue problems not yet supervised', async () => {
    const todos = await (w.sup.caller as any).workbench.todos();
    expect(todos.find((t: any) => t.pluginId === 'inspections')).toBeUndefined();
    w.clock.set(chinaMorning('2026-11-23'));
    const later = await (w.sup.caller as any).workbench.todos();
    expect(later.find((t: any) => t.pluginId === 'inspections').items).toEqual([{ key: 'overdue', label: '逾期未整改的评查问题', count: 1, link: '/inspections', oldest: '2026-11-20' }]);
  });
});
