import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { committeeOf, mediating, writtenAgreement, type Mediating } from '../test/outcomes.js';
import { api, chinaMorning, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation judicial confirmation', (engine) => {
  let w: World;
  let committee: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-05');
    committee = await committeeOf(w);
  });
  afterAll(() => w.t.stop());

  /** A written agreement signed by both parties on `day` (the clock set to that day). */
  async function agreedOn(day: string, dueOn = '2026-10-20'): Promise<Mediating & { version: number }> {
    w.clock.set(chinaMorning(day));
    const d = await mediating(w, committee, { receivedOn: day });
    const r = await api(w.sup).outcomes.settle(writtenAgreement(d, day, { obligations: [{ obligorPartyId: d.parties[1], content: '支付赔偿款', amount: 1500, dueOn }] }));
    return { ...d, version: r.version };
  }

  it('ends the period on the first working day after the National Day holiday when day 30 falls in it', async () => {
    // 2026-09-05 + 30 days = 2026-10-05, in the holiday (1–7 October); 2026-10-08 is worked.
    const d = await agreedOn('2026-09-05');
    const o = await api(w.sup).outcomes.get({ disputeId: d.id });
    expect(o.agreement.confirmation).toMatchObject({ state: 'open', dueOn: '2026-10-08', daysLeft: 33 });
  });

  it('keeps day 30 when it is a make-up working Saturday', async () => {
    // 2026-09-10 + 30 days = Saturday 2026-10-10, worked to bridge the National Day holiday.
    const d = await agreedOn('2026-09-10');
    expect((await api(w.sup).outcomes.get({ disputeId: d.id })).agreement.confirmation.dueOn).toBe('2026-10-10');
  });

  it('moves day 30 off a weekend to the Monday', async () => {
    // 2026-11-05 + 30 days = Saturday 2026-12-05.
    const d = await agreedOn('2026-11-05', '2026-12-31');
    expect((await api(w.sup).outcomes.get({ disputeId: d.id })).agreement.confirmation.dueOn).toBe('2026-12-07');
  });

  it('records the joint application and the court’s confirmation, after which an unperformed obligation may be enforced', async () => {
    const a = api(w.sup);
    const d = await agreedOn('2026-09-05');
    w.clock.set(chinaMorning('2026-09-21'));
    expect(await a.confirmation.application({ disputeId: d.id, version: d.version, appliedOn: '2026-09-21', court: '示例县人民法院' })).toEqual({ version: 4 });
    w.clock.set(chinaMorning('2026-09-30'));
    expect(await a.confirmation.ruling({ disputeId: d.id, version: 4, ruling: 'confirmed', ruledOn: '2026-09-30', rulingNo: '（2026）湘0102民特12号' })).toEqual({ version: 5 });
    w.clock.set(chinaMorning('2026-10-21'));
    const o = await a.outcomes.get({ disputeId: d.id });
    expect(o.agreement.confirmation).toEqual({
      state: 'confirmed',
      dueOn: '2026-10-08',
      daysLeft: null,
      appliedOn: '2026-09-21',
      court: '示例县人民法院',
      ruling: 'confirmed',
      ruledOn: '2026-09-30',
      rulingNo: '（2026）湘0102民特12号',
    });
    expect(o.obligations.map((x: any) => [x.dueOn, x.performance, x.followUpDue, x.remedies])).toEqual([['2026-10-20', 'pending', true, ['enforcement']]]);
  });

  it('accepts an application on the last day of the period', async () => {
    const d = await agreedOn('2026-09-05');
    w.clock.set(chinaMorning('2026-10-08'));
    expect(await api(w.sup).confirmation.application({ disputeId: d.id, version: d.version, appliedOn: '2026-10-08', court: '示例县人民法院' })).toEqual({ version: 4 });
  });

  it('refuses an application after the period ended and shows the period as lapsed', async () => {
    const a = api(w.sup);
    const d = await agreedOn('2026-09-05');
    w.clock.set(chinaMorning('2026-10-09'));
    await expect(a.confirmation.application({ disputeId: d.id, version: d.version, appliedOn: '2026-10-09', court: '示例县人民法院' })).rejects.toThrow(
      '「申请日期」已超过司法确认的申请期限（2026-10-08）',
    );
    expect((await a.outcomes.get({ disputeId: d.id })).agreement.confirmation).toMatchObject({ state: 'lapsed', appliedOn: null, daysLeft: -1 });
  });

  it('refuses an application for an oral agreement', async () => {
    w.clock.set(chinaMorning('2026-09-30'));
    const d = await mediating(w, committee, { receivedOn: '2026-09-30' });
    const r = await api(w.sup).outcomes.settle({ disputeId: d.id, version: d.version, form: 'oral', agreedOn: '2026-09-30', terms: '双方当场和解。', obligations: [] });
    await expect(api(w.sup).confirmation.application({ disputeId: d.id, version: r.version, appliedOn: '2026-09-30', court: '示例县人民法院' })).rejects.toThrow(
      '口头调解协议不能申请司法确认（「协议形式」须为书面调解协议）',
    );
  });

  it('refuses a ruling before any application', async () => {
    const d = await agreedOn('2026-09-05');
    await expect(api(w.sup).confirmation.ruling({ disputeId: d.id, version: d.version, ruling: 'rejected', ruledOn: '2026-09-05', rulingNo: '（2026）湘0102民特13号' })).rejects.toThrow(
      '尚未登记司法确认申请，不能登记「裁定结果」',
    );
  });

  it('offers litigation, not enforcement, for an unperformed obligation of an agreement the court did not confirm', async () => {
    const a = api(w.sup);
    const d = await agreedOn('2026-09-05');
    w.clock.set(chinaMorning('2026-09-07'));
    await a.confirmation.application({ disputeId: d.id, version: d.version, appliedOn: '2026-09-07', court: '示例县人民法院' });
    await a.confirmation.ruling({ disputeId: d.id, version: d.version + 1, ruling: 'rejected', ruledOn: '2026-09-07', rulingNo: '（2026）湘0102民特14号' });
    w.clock.set(chinaMorning('2026-10-21'));
    const o = await a.outcomes.get({ disputeId: d.id });
    expect([o.agreement.confirmation.state, o.obligations[0].remedies]).toEqual(['rejected', ['litigation']]);
  });
});
