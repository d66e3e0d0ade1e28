import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { messages as m } from '../strings.js';
import { api, chinaMorning, disputeInput, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation triage', (engine) => {
  let w: World;
  let committee: string;
  let department: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-30');
    committee = (await api(w.sup).organisations.create({ kind: 'township', name: '城关镇人民调解委员会' })).id;
    department = (await api(w.sup).organisations.create({ kind: 'administrative', name: '县市场监督管理局消费纠纷调解', department: '县市场监督管理局' })).id;
  });
  afterAll(() => w.t.stop());

  async function registered(): Promise<string> {
    return (await api(w.sup).disputes.register(disputeInput())).id;
  }

  it('sends a dispute to mediation here by the chosen committee and records the hand-off', async () => {
    const a = api(w.sup);
    const id = await registered();
    expect(await a.disputes.triage({ disputeId: id, version: 1, route: 'mediate', orgId: committee })).toEqual({ version: 2, status: 'mediating', triagedOn: '2026-09-30' });
    const d = await a.disputes.get({ id });
    expect(d.handoffs).toEqual([{ route: 'mediate', orgName: '城关镇人民调解委员会', reason: null, recordedOn: '2026-09-30', id: expect.any(String), recordedBy: expect.any(String), acknowledged: false, acknowledgedBy: null }]);
  });

  it('hands a dispute to a department’s administrative mediation', async () => {
    const id = await registered();
    expect((await api(w.sup).disputes.triage({ disputeId: id, version: 1, route: 'administrative', orgId: department })).status).toBe('handed_off');
    expect((await api(w.sup).disputes.get({ id })).handoffs[0].orgName).toBe('县市场监督管理局消费纠纷调解');
  });

  it('guides a dispute to arbitration and another to litigation', async () => {
    const a = api(w.sup);
    const one = await registered();
    const two = await registered();
    expect((await a.disputes.triage({ disputeId: one, version: 1, route: 'arbitration' })).status).toBe('guided');
    expect((await a.disputes.triage({ disputeId: two, version: 1, route: 'litigation' })).status).toBe('guided');
    expect((await a.disputes.get({ id: two })).handoffs.map((h: any) => h.route)).toEqual(['litigation']);
  });

  it('returns a dispute to the petitions office with the reason', async () => {
    const id = await registered();
    expect((await api(w.sup).disputes.triage({ disputeId: id, version: 1, route: 'petitions', reason: '属于信访事项，需由信访部门依法办理' })).status).toBe('returned');
    expect((await api(w.sup).disputes.get({ id })).handoffs[0].reason).toBe('属于信访事项，需由信访部门依法办理');
  });

  it('declines a dispute with its reason', async () => {
    const id = await registered();
    expect((await api(w.sup).disputes.triage({ disputeId: id, version: 1, route: 'decline', reason: '已向人民法院起诉并已立案' })).status).toBe('declined');
  });

  it('refuses to decline without a reason, writing nothing', async () => {
    const id = await registered();
    await expect(api(w.sup).disputes.triage({ disputeId: id, version: 1, route: 'decline' })).rejects.toThrow(m.reasonRequired);
    const d = await api(w.sup).disputes.get({ id });
    expect([d.status, d.version, d.handoffs]).toEqual(['registered', 1, []]);
  });

  it('refuses mediation by an unknown organisation, writing nothing', async () => {
    const id = await registered();
    await expect(api(w.sup).disputes.triage({ disputeId: id, version: 1, route: 'mediate', orgId: '0b7f7a52-3c1e-4d7a-9a55-6a2c1f3e9d10' })).rejects.toThrow(m.orgNotFound);
    const d = await api(w.sup).disputes.get({ id });
    expect([d.status, d.handoffs]).toEqual(['registered', []]);
  });

  it('refuses people’s mediation by a department', async () => {
    const id = await registered();
    await expect(api(w.sup).disputes.triage({ disputeId: id, version: 1, route: 'mediate', orgId: department })).rejects.toThrow(m.notPeoplesCommittee);
  });

  it('refuses administrative mediation by a committee', async () => {
    const id = await registered();
    await expect(api(w.sup).disputes.triage({ disputeId: id, version: 1, route: 'administrative', orgId: committee })).rejects.toThrow(m.notAdministrative);
  });

  it('refuses to triage a dispute twice', async () => {
    const id = await registered();
    await api(w.sup).disputes.triage({ disputeId: id, version: 1, route: 'arbitration' });
    await expect(api(w.sup).disputes.triage({ disputeId: id, version: 2, route: 'litigation' })).rejects.toThrow(m.alreadyTriaged('已引导'));
  });

  it('refuses a stale version', async () => {
    const id = await registered();
    await expect(api(w.sup).disputes.triage({ disputeId: id, version: 3, route: 'arbitration' })).rejects.toThrow(m.versionConflict);
  });

  it('lists a dispute not triaged as overdue only after its deadline day (due 2026-10-10)', async () => {
    const a = api(w.sup);
    const { code } = await a.disputes.register(disputeInput({ summary: '超期测试：两户宅基地界址争议' }));
    w.clock.set(chinaMorning('2026-10-10'));
    expect((await a.disputes.list({ overdue: true })).map((d: any) => d.code)).not.toContain(code);
    w.clock.set(chinaMorning('2026-10-11'));
    const overdue = await a.disputes.list({ overdue: true });
    expect(overdue.find((d: any) => d.code === code)).toMatchObject({ triageDueOn: '2026-10-10', overdue: true, status: 'registered' });
    w.clock.set(chinaMorning('2026-09-30'));
  });

  it('records the receiving side’s acknowledgement of a hand-off once', async () => {
    const a = api(w.sup);
    const id = await registered();
    await a.disputes.triage({ disputeId: id, version: 1, route: 'administrative', orgId: department });
    const [handoff] = (await a.disputes.get({ id })).handoffs;
    expect(await a.disputes.acknowledgeHandoff({ handoffId: handoff.id, receivedBy: '市场监管局 张科长' })).toEqual({ acknowledged: true });
    expect((await a.disputes.get({ id })).handoffs[0]).toMatchObject({ acknowledged: true, acknowledgedBy: '市场监管局 张科长' });
    await expect(a.disputes.acknowledgeHandoff({ handoffId: handoff.id, receivedBy: '张科长' })).rejects.toThrow(m.alreadyAcknowledged);
  });
});
