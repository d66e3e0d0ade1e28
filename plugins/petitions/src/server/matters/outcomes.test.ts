import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { apiStrings } from '@zhengfa/plugin-api';
import { matterStrings } from '../strings.js';
import { answered, api, kernelApi, register, routeFully, startWorld, type World } from './test/helpers.js';

describeEachEngine('petitions: outcomes and hardship relief', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
  }, 120_000);
  afterAll(() => w.t.stop());

  it('closes the kernel case when the committee concludes a reported matter as stopped', async () => {
    const r = await register(w);
    const m = await answered(w, r.matterId);
    await api(w.sup).matters.conclude({ id: r.matterId, version: m.version, outcome: 'stopped', note: '信访人表示满意，承诺息访' });
    const after = await api(w.sup).matters.get({ id: r.matterId });
    expect(after.outcomeName).toBe('息访');
    expect(after.status).toBe('concluded');
    expect((await kernelApi(w.sup).get({ id: r.caseId })).status).toBe('closed');
  });

  it('refuses to conclude a matter the unit has not reported on', async () => {
    const r = await register(w);
    const m = await routeFully(w, r.matterId);
    await expect(api(w.sup).matters.conclude({ id: r.matterId, version: m.version, outcome: 'resolved', note: '已化解' })).rejects.toThrow('尚未报送办理结果');
  });

  it('refuses a write-off request for a law-related matter', async () => {
    const r = await register(w, { category: 'law' });
    const m = await api(w.sup).matters.get({ id: r.matterId });
    await expect(api(w.sup).matters.requestWriteOff({ id: r.matterId, version: m.version, reason: '不属于涉法涉诉' })).rejects.toThrow(matterStrings.writeOffLawRelated);
  });

  it('writes off a matter found not law-related once another officer approves, withdrawing its kernel case and stopping its clock', async () => {
    const r = await register(w, { category: 'law' });
    let m = await api(w.sup).matters.get({ id: r.matterId });
    await api(w.sup).matters.setCategory({ id: r.matterId, version: m.version, category: 'other', reason: '经核查属于民事纠纷，不涉法涉诉' });
    m = await api(w.sup).matters.get({ id: r.matterId });
    await api(w.sup).matters.requestWriteOff({ id: r.matterId, version: m.version, reason: '经核查属于民事纠纷，申请核销' });
    m = await api(w.leader).matters.get({ id: r.matterId });
    expect(m.writeOffs).toMatchObject([{ status: 'pending', statusName: '待审批', requestedByName: '陈监督', requestedByMe: false }]);
    expect(m.outcome).toBeNull();
    await api(w.leader).matters.decideWriteOff({ id: r.matterId, version: m.version, approve: true });
    m = await api(w.sup).matters.get({ id: r.matterId });
    expect(m.outcome).toBe('written_off');
    expect(m.outcomeNote).toBe('经核查属于民事纠纷，申请核销');
    expect(m.writeOffs).toMatchObject([{ status: 'approved', decidedByName: '刘书记' }]);
    expect(m.kernel.clocks.find((c: any) => c.key === 'route').stoppedOn).not.toBeNull();
    expect(m.kernel.status).toBe('closed');
  });

  it('refuses to write a matter off in one step, even to a holder of the approval permission', async () => {
    const r = await register(w, { category: 'other' });
    const m = await api(w.leader).matters.get({ id: r.matterId });
    await expect(api(w.leader).matters.conclude({ id: r.matterId, version: m.version, outcome: 'written_off', note: '核销' })).rejects.toThrow(matterStrings.writeOffNeedsRequest);
  });

  it("refuses the requester's own approval of a write-off", async () => {
    const r = await register(w, { category: 'other' });
    let m = await api(w.leader).matters.get({ id: r.matterId });
    await api(w.leader).matters.requestWriteOff({ id: r.matterId, version: m.version, reason: '不属于涉法涉诉' });
    m = await api(w.leader).matters.get({ id: r.matterId });
    await expect(api(w.leader).matters.decideWriteOff({ id: r.matterId, version: m.version, approve: true })).rejects.toThrow(matterStrings.writeOffSelfApproval);
  });

  it('refuses a write-off approval to an officer without the approval permission', async () => {
    const r = await register(w, { category: 'other' });
    let m = await api(w.leader).matters.get({ id: r.matterId });
    await api(w.leader).matters.requestWriteOff({ id: r.matterId, version: m.version, reason: '不属于涉法涉诉' });
    m = await api(w.sup).matters.get({ id: r.matterId });
    await expect(api(w.sup).matters.decideWriteOff({ id: r.matterId, version: m.version, approve: true })).rejects.toThrow(apiStrings.forbidden('审批核销'));
  });

  it('keeps the matter open when the write-off is refused, with the reason', async () => {
    const r = await register(w, { category: 'other' });
    let m = await api(w.sup).matters.get({ id: r.matterId });
    await api(w.sup).matters.requestWriteOff({ id: r.matterId, version: m.version, reason: '不属于涉法涉诉' });
    m = await api(w.leader).matters.get({ id: r.matterId });
    await api(w.leader).matters.decideWriteOff({ id: r.matterId, version: m.version, approve: false, note: '仍有涉法诉求，继续办理' });
    m = await api(w.sup).matters.get({ id: r.matterId });
    expect(m.outcome).toBeNull();
    expect(m.writeOffs).toMatchObject([{ status: 'rejected', decisionNote: '仍有涉法诉求，继续办理' }]);
  });

  it('gives no built-in role the write-off approval, the full personal data or the accusers', async () => {
    const secadmin = await w.t.signIn('secadmin');
    const roles = await secadmin.caller.roles.list();
    for (const role of roles.filter((r) => r.builtin)) {
      expect(role.permissions.filter((p) => ['petitions.writeoff', 'petitions.reveal', 'petitions.accusations'].includes(p)), role.name).toEqual([]);
    }
    expect(roles.find((r) => r.key === 'supervisor')!.permissions).toContain('petitions.register');
  });

  it('refuses to conclude a matter twice', async () => {
    const r = await register(w);
    let m = await answered(w, r.matterId);
    await api(w.sup).matters.conclude({ id: r.matterId, version: m.version, outcome: 'resolved', note: '已化解' });
    m = await api(w.sup).matters.get({ id: r.matterId });
    await expect(api(w.sup).matters.conclude({ id: r.matterId, version: m.version, outcome: 'concluded', note: '终结' })).rejects.toThrow('已经结案');
  });

  it('records relief from request through approval by another person to payment', async () => {
    const r = await register(w);
    const req = await api(w.sup).matters.requestRelief({ matterId: r.matterId, amount: 3000.5, reason: '信访人因病致贫，生活确有困难' });
    await expect(api(w.sup).matters.decideRelief({ id: req.id, version: req.version, approve: true })).rejects.toThrow('申请人以外');
    const d = await api(w.leader).matters.decideRelief({ id: req.id, version: req.version, approve: true, note: '同意救助' });
    await api(w.sup).matters.payRelief({ id: req.id, version: d.version, paidOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) });
    const m = await api(w.sup).matters.get({ id: r.matterId });
    expect(m.relief[0]).toMatchObject({ amount: '3000.50', status: 'paid', statusName: '已发放' });
  });

  it('refuses to pay relief that was not approved', async () => {
    const r = await register(w);
    const req = await api(w.sup).matters.requestRelief({ matterId: r.matterId, amount: 500, reason: '临时困难' });
    await expect(api(w.sup).matters.payRelief({ id: req.id, version: req.version, paidOn: '2026-01-01' })).rejects.toThrow('尚未批准');
  });
});
