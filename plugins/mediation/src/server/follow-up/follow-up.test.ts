import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine, procedureContext } from '@zhengfa/test-utils';
import { outcomeMessages as om } from '../strings.js';
import { committeeOf, mediating, writtenAgreement } from '../test/outcomes.js';
import { api, chinaMorning, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation follow-up', (engine) => {
  let w: World;
  let committee: string;
  let leaderId: string;
  let police: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-30');
    committee = await committeeOf(w);
    leaderId = (await (w.sup.caller as any).users.list({ roleKey: 'leader' })).items[0].id;
    police = (await procedureContext(w.sup.ctx, 'mediation.escalate').kernel.orgs.list()).find((o) => o.name === '示范县公安局')!.id;
  });
  afterAll(() => w.t.stop());

  /** Agreed on 2026-09-30: 李春梅 pays 1500.00 by 2026-10-20, 王建国 restores the ditch by 2026-10-31. Version 3. */
  async function agreed(): Promise<{ id: string; code: string; obligations: string[] }> {
    w.clock.set(chinaMorning('2026-09-30'));
    const d = await mediating(w, committee);
    await api(w.sup).outcomes.settle(writtenAgreement(d, '2026-09-30'));
    const o = await api(w.sup).outcomes.get({ disputeId: d.id });
    return { id: d.id, code: d.code, obligations: o.obligations.map((x: any) => x.id) };
  }

  const visit = (disputeId: string, version: number, obligationId: string | null, visitedOn: string, result: string) => ({
    disputeId,
    version,
    obligationId,
    visitedOn,
    method: 'phone',
    visitor: '张调解员',
    result,
    note: '电话询问申请人',
  });

  it('records a return visit that found an obligation partly performed, with litigation as the route open', async () => {
    const a = api(w.sup);
    const d = await agreed();
    w.clock.set(chinaMorning('2026-10-21'));
    expect((await a.followUp.visit(visit(d.id, 3, d.obligations[0]!, '2026-10-21', 'partial'))).version).toBe(4);
    const o = await a.outcomes.get({ disputeId: d.id });
    expect(o.obligations.map((x: any) => [x.position, x.performance, x.followUpDue, x.remedies])).toEqual([
      [1, 'partial', true, ['litigation']],
      [2, 'pending', false, []],
    ]);
    expect(o.followUps).toEqual([
      { id: expect.any(String), obligationId: d.obligations[0], visitedOn: '2026-10-21', method: 'phone', visitor: '张调解员', result: 'partial', note: '电话询问申请人' },
    ]);
  });

  it('closes the dispute once every obligation was found performed, and announces it', async () => {
    const a = api(w.sup);
    const d = await agreed();
    w.clock.set(chinaMorning('2026-11-02'));
    await a.followUp.visit(visit(d.id, 3, d.obligations[0]!, '2026-10-21', 'full'));
    await a.followUp.visit(visit(d.id, 4, d.obligations[1]!, '2026-11-02', 'full'));
    expect(await a.followUp.close({ disputeId: d.id, version: 5 })).toEqual({ version: 6, status: 'closed', closedOn: '2026-11-02' });
    const o = await a.outcomes.get({ disputeId: d.id });
    expect([o.status, o.agreement.closedOn, o.obligations.map((x: any) => x.performance)]).toEqual(['closed', '2026-11-02', ['full', 'full']]);
    const r = await sql<{ payload: unknown }>`select payload from kernel.outbox where name = 'mediation.dispute.performed' and payload->>'disputeId' = ${d.id}`.execute(w.t.database.db);
    expect(r.rows.map((x) => x.payload)).toEqual([{ disputeId: d.id, code: d.code, petitionRef: null, performedOn: '2026-11-02' }]);
  });

  it('refuses to close while an obligation is not found fully performed', async () => {
    const a = api(w.sup);
    const d = await agreed();
    w.clock.set(chinaMorning('2026-10-21'));
    await a.followUp.visit(visit(d.id, 3, d.obligations[0]!, '2026-10-21', 'full'));
    await expect(a.followUp.close({ disputeId: d.id, version: 4 })).rejects.toThrow('第 2 项「履行义务」尚未回访确认全部履行，不能结案');
    expect((await a.outcomes.get({ disputeId: d.id })).status).toBe('agreed');
  });

  it('refuses to close an agreement nobody followed up', async () => {
    const a = api(w.sup);
    const d = await mediating(w, committee);
    const r = await a.outcomes.settle({ disputeId: d.id, version: d.version, form: 'oral', agreedOn: '2026-09-30', terms: '双方当场和解。', obligations: [] });
    await expect(a.followUp.close({ disputeId: d.id, version: r.version })).rejects.toThrow('尚未记录履行回访（「回访日期」），不能结案');
  });

  it('closes an oral agreement without obligations after one return visit on the whole', async () => {
    const a = api(w.sup);
    w.clock.set(chinaMorning('2026-10-08'));
    const d = await mediating(w, committee);
    const r = await a.outcomes.settle({ disputeId: d.id, version: d.version, form: 'oral', agreedOn: '2026-09-30', terms: '双方当场和解。', obligations: [] });
    await a.followUp.visit(visit(d.id, r.version, null, '2026-10-08', 'full'));
    expect((await a.followUp.close({ disputeId: d.id, version: r.version + 1 })).status).toBe('closed');
  });

  it('refuses a visit on an obligation of another dispute', async () => {
    const one = await agreed();
    const two = await agreed();
    await expect(api(w.sup).followUp.visit(visit(one.id, 3, two.obligations[0]!, '2026-09-30', 'none'))).rejects.toThrow('「履行义务」不存在，请重新选择');
  });

  it('refuses a visit dated before the agreement', async () => {
    const d = await agreed();
    await expect(api(w.sup).followUp.visit(visit(d.id, 3, d.obligations[0]!, '2026-09-29', 'none'))).rejects.toThrow('「回访日期」不能早于协议日期（2026-09-30）');
  });

  const fourFixes = (disputeId: string, version: number, obligationId: string) => ({
    disputeId,
    version,
    obligationId,
    urgency: 'normal',
    leadLeaderId: leaderId,
    handlerName: '陈承办',
    resolutionPlan: '由城关派出所督促李春梅限期支付剩余赔偿款',
    deadline: '2026-11-30',
    leadUnitId: police,
  });

  it('escalates an obligation a return visit found unperformed to a kernel matter with its four fixes, the follow-up going on', async () => {
    const a = api(w.sup);
    const d = await agreed();
    w.clock.set(chinaMorning('2026-10-22'));
    await a.followUp.visit(visit(d.id, 3, d.obligations[0]!, '2026-10-22', 'none'));
    const r = await a.followUp.escalate(fourFixes(d.id, 4, d.obligations[0]!));
    expect(r).toEqual({ version: 5, caseId: expect.any(String), docNo: expect.stringMatching(/^示政法调〔2026〕\d+号$/) });
    const kase = await (w.sup.caller as any).cases.get({ id: r.caseId });
    expect([kase.kind, kase.title, kase.handlerName, kase.deadline, kase.leadUnitName, kase.missingFourFixes]).toEqual([
      'dispute',
      `调解协议未履行：${d.code} 第 1 项履行义务`,
      '陈承办',
      '2026-11-30',
      '示范县公安局',
      [],
    ]);
    const o = await a.outcomes.get({ disputeId: d.id });
    expect(o.status).toBe('agreed');
    expect(o.obligations.map((x: any) => [x.position, x.performance, x.remedies, x.escalation])).toEqual([
      [1, 'none', ['litigation'], { caseId: r.caseId, docNo: r.docNo, escalatedOn: '2026-10-22' }],
      [2, 'pending', [], null],
    ]);
  });

  it('refuses to escalate an obligation no return visit found unperformed, writing nothing', async () => {
    const a = api(w.sup);
    const d = await agreed();
    const cases = async () => (await sql<{ n: number }>`select count(*)::int as n from kernel.cases where kind = 'dispute'`.execute(w.t.database.db)).rows[0]!.n;
    const before = await cases();
    await expect(a.followUp.escalate(fourFixes(d.id, 3, d.obligations[1]!))).rejects.toThrow(om.obligationNotUnperformed(2));
    expect(await cases()).toBe(before);
    expect((await a.outcomes.get({ disputeId: d.id })).version).toBe(3);
  });

  it('refuses to escalate the same obligation twice', async () => {
    const a = api(w.sup);
    const d = await agreed();
    w.clock.set(chinaMorning('2026-10-22'));
    await a.followUp.visit(visit(d.id, 3, d.obligations[0]!, '2026-10-22', 'partial'));
    const r = await a.followUp.escalate(fourFixes(d.id, 4, d.obligations[0]!));
    await expect(a.followUp.escalate(fourFixes(d.id, 5, d.obligations[0]!))).rejects.toThrow(om.obligationAlreadyEscalated(1, r.docNo));
  });
});
