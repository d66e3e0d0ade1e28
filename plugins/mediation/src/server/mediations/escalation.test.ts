import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, procedureContext } from '@zhengfa/test-utils';
import { sql } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { api, committee, mediating, startWorld, type InMediation, type World } from '../test/world.js';

describeEachEngine('escalation of a major dispute', (engine) => {
  let w: World;
  let orgId: string;
  let leaderId: string;
  let units: Record<string, string>;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-10');
    ({ orgId } = await committee(w, '城关镇人民调解委员会', ['张调解']));
    leaderId = (await (w.sup.caller as any).users.list({ roleKey: 'leader' })).items[0].id;
    units = Object.fromEntries((await procedureContext(w.sup.ctx, 'mediation.escalate').kernel.orgs.list()).map((o) => [o.name, o.id]));
  });
  afterAll(() => w.t.stop());

  function fourFixes(d: InMediation, over: Record<string, unknown> = {}) {
    return {
      disputeId: d.id,
      version: d.version,
      urgency: 'urgent',
      leadLeaderId: leaderId,
      handlerName: '陈承办',
      handlerPhone: '13900001111',
      resolutionPlan: '由县公安局牵头，会同城关镇核实欠薪数额，组织劳资双方协商，限期兑付',
      deadline: '2026-11-10',
      leadUnitId: units['示范县公安局'],
      ...over,
    };
  }

  async function disputeCases(): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from kernel.cases where kind = 'dispute'`.execute(w.t.database.db);
    return r.rows[0]!.n;
  }

  async function escalatedEvents(): Promise<unknown[]> {
    const r = await sql<{ payload: unknown }>`select payload from kernel.outbox where name = 'mediation.dispute.escalated' order by id`.execute(w.t.database.db);
    return r.rows.map((row) => row.payload);
  }

  it('escalates a high-risk dispute to a kernel case with its four fixes in one step, and the dispute shows the case', async () => {
    const d = await mediating(w, orgId, { riskLevel: 'high', disputeType: '劳动争议、欠薪', summary: '某建筑工地三十余名农民工反映工程款拖欠' });
    const r = await api(w.sup).mediations.escalate(fourFixes(d));
    expect(r).toEqual({ version: d.version + 1, status: 'escalated', caseId: expect.any(String), docNo: '示政法调〔2026〕1号' });
    const kase = await (w.sup.caller as any).cases.get({ id: r.caseId });
    expect({
      kind: kase.kind,
      kindName: kase.kindName,
      title: kase.title,
      urgency: kase.urgency,
      leadLeaderId: kase.leadLeaderId,
      handlerName: kase.handlerName,
      resolutionPlan: kase.resolutionPlan,
      deadline: kase.deadline,
      leadUnitName: kase.leadUnitName,
      missingFourFixes: kase.missingFourFixes,
      // Names and roles only (masked on the kernel's page); ID numbers and phones stay sealed here.
      parties: kase.parties.map((p: any) => [p.role, p.name, p.idNumber ?? null, p.phone ?? null]).sort(),
    }).toEqual({
      kind: 'dispute',
      kindName: '矛盾纠纷',
      title: `重大矛盾纠纷：劳动争议、欠薪（${d.code}）`,
      urgency: 'urgent',
      leadLeaderId: leaderId,
      handlerName: '陈承办',
      resolutionPlan: '由县公安局牵头，会同城关镇核实欠薪数额，组织劳资双方协商，限期兑付',
      deadline: '2026-11-10',
      leadUnitName: '示范县公安局',
      missingFourFixes: [],
      parties: [
        ['申请人', '王**', null, null],
        ['被申请人', '李**', null, null],
      ],
    });
    const shown = await api(w.sup).disputes.get({ id: d.id });
    expect([shown.status, shown.kernelCaseId, shown.kernelCaseDocNo]).toEqual(['escalated', r.caseId, '示政法调〔2026〕1号']);
    expect((await api(w.sup).mediations.get({ disputeId: d.id })).escalation).toEqual({ caseId: r.caseId, docNo: '示政法调〔2026〕1号', escalatedOn: '2026-10-10', flagReason: null });
    expect(await escalatedEvents()).toEqual([{ disputeId: d.id, code: d.code, caseId: r.caseId, docNo: '示政法调〔2026〕1号', leadUnitId: units['示范县公安局'] }]);
  });

  it('escalates a dispute involving five persons or more though its risk level is not 重大', async () => {
    const d = await mediating(w, orgId, { riskLevel: 'medium', personCount: 5 });
    expect((await api(w.sup).mediations.escalate(fourFixes(d))).status).toBe('escalated');
  });

  it('escalates a dispute the center flags as major, keeping the reason', async () => {
    const d = await mediating(w, orgId, { riskLevel: 'low', personCount: 2 });
    const r = await api(w.sup).mediations.escalate(fourFixes(d, { flagReason: '一方扬言采取极端行为，需县级领导包案' }));
    expect((await api(w.sup).mediations.get({ disputeId: d.id })).escalation.flagReason).toBe('一方扬言采取极端行为，需县级领导包案');
    expect(r.status).toBe('escalated');
  });

  it('refuses to escalate an ordinary dispute without the reason for flagging it, writing nothing', async () => {
    const d = await mediating(w, orgId, { riskLevel: 'medium', personCount: 4 });
    const [cases, events] = [await disputeCases(), await escalatedEvents()];
    await expect(api(w.sup).mediations.escalate(fourFixes(d))).rejects.toThrow(m.notHighRisk);
    expect([await disputeCases(), (await escalatedEvents()).length]).toEqual([cases, events.length]);
    const shown = await api(w.sup).disputes.get({ id: d.id });
    expect([shown.status, shown.version, shown.kernelCaseId]).toEqual(['mediating', d.version, null]);
  });

  it('rolls the kernel case back with the dispute when the kernel refuses the four fixes', async () => {
    const d = await mediating(w, orgId, { riskLevel: 'high' });
    const cases = await disputeCases();
    await expect(api(w.sup).mediations.escalate(fourFixes(d, { leadUnitId: '0b7f7a52-3c1e-4d7a-9a55-6a2c1f3e9d10' }))).rejects.toThrow('承办单位不存在或已停用');
    expect(await disputeCases()).toBe(cases);
    const shown = await api(w.sup).disputes.get({ id: d.id });
    expect([shown.status, shown.version, shown.kernelCaseId]).toEqual(['mediating', d.version, null]);
  });

  it('refuses to escalate a dispute twice', async () => {
    const d = await mediating(w, orgId, { riskLevel: 'high' });
    const { version } = await api(w.sup).mediations.escalate(fourFixes(d));
    await expect(api(w.sup).mediations.escalate(fourFixes(d, { version }))).rejects.toThrow(m.notInMediation('已升级督办'));
  });

  it('refuses an escalation without the resolution plan, naming the field', async () => {
    const d = await mediating(w, orgId, { riskLevel: 'high' });
    await expect(api(w.sup).mediations.escalate(fourFixes(d, { resolutionPlan: '' }))).rejects.toThrow('「化解方案」至少 4 个字');
  });

  it('leaves escalation to whoever holds its permission', async () => {
    const d = await mediating(w, orgId, { riskLevel: 'high' });
    await expect(api(w.leader).mediations.escalate(fourFixes(d))).rejects.toThrow('您没有「重大矛盾纠纷升级督办」权限');
  });
});
