// 访调对接 across the two plugins as installed together: the petitions office refers a matter
// with the petitioner's consent, the mediation center receives it as a dispute (once, however
// often the event comes), reports it settled and performed, and the office closes the matter
// as 化解 in one step. The plugins meet only through the kernel's outbox (t.kernel.tick()
// delivers). Also: mediation keeps working for a county that has petitions switched off.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import mediation from '@zhengfa/plugin-mediation';
import petitions from '@zhengfa/plugin-petitions';
import { createTestClock, describeEachEngine, orgIdByName, procedureContext, startTestKernel, type ActingUser, type TestKernel } from '@zhengfa/test-utils';

describeEachEngine('petitions ⇄ mediation through events', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let admin: ActingUser;
  const clock = createTestClock('2026-10-12T02:00:00Z');
  const p = (u: ActingUser) => (u.caller as any).petitions;
  const m = (u: ActingUser) => (u.caller as any).mediation;

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [petitions, mediation], clock });
    sup = await t.signIn('supervisor');
    admin = await t.signIn('admin');
  }, 120_000);
  afterAll(() => t.stop());

  let seq = 0;
  const registerPetition = async (name: string, phone: string, receivedOn = '2026-10-12') => {
    seq += 1;
    return p(sup).matters.register({
      channel: 'visit',
      receivedOn,
      personCount: 3,
      category: 'law',
      content: `反映与邻居因宅基地界址发生纠纷第${seq}起，多次协商未果`,
      demands: '请求依法调处',
      involvedOrgId: await orgIdByName(t, '示范县公安局'),
      petitioners: [{ name, phone, address: '示范县城关镇东街18号' }],
    });
  };
  const disputesOf = async (matterId: string) =>
    (await sql<{ id: string; code: string; source: string; reference_no: string; person_count: number; consent: boolean }>`select id, code, source, reference_no, person_count, consent
      from mediation.disputes where petition_ref = ${matterId}`.execute(t.database.db)).rows;
  /** What the agreement flow emits (another module of the mediation plugin): emitted here as it would. */
  const emitMediation = (name: string, payload: Record<string, unknown>) => procedureContext(sup.ctx, 'mediation.read').events.emit(name, payload);

  it('turns a referred petition into a registered dispute with the petitioner as applicant, phone sealed', async () => {
    const r = await registerPetition('柳青山', '13955550001');
    const before = await p(sup).matters.get({ id: r.matterId });
    await p(sup).matters.referToMediation({ id: r.matterId, version: before.version, consent: true });
    await t.kernel.tick();
    const [d] = await disputesOf(r.matterId);
    expect([d?.source, d?.reference_no, d?.person_count, d?.consent]).toEqual(['petition', before.docNo, 3, true]);
    const shown = await m(sup).disputes.get({ id: d!.id });
    expect([shown.status, shown.receivedOn, shown.triageDueOn, shown.disputeType, shown.petitionRef]).toEqual(['registered', '2026-10-12', '2026-10-15', '其他', r.matterId]);
    expect(shown.parties.map((x: any) => [x.role, x.name, x.phone])).toEqual([['applicant', '柳青山', '139****0001']]);
    const outbox = await sql<{ payload: unknown }>`select payload from kernel.outbox where name = 'petitions.referred_to_mediation'`.execute(t.database.db);
    expect(JSON.stringify(outbox.rows)).not.toContain('13955550001');
    expect((await p(sup).matters.get({ id: r.matterId })).mediation).toMatchObject({ status: 'referred', statusName: '已转入联合调处中心，待调解', canConclude: false });
  });

  it('creates one dispute however often the referral arrives', async () => {
    const r = await registerPetition('韦红梅', '13955550002');
    await p(sup).matters.referToMediation({ id: r.matterId, version: (await p(sup).matters.get({ id: r.matterId })).version, consent: true });
    const [event] = (await sql<{ payload: Record<string, unknown> }>`select payload from kernel.outbox where name = 'petitions.referred_to_mediation' order by id desc limit 1`.execute(t.database.db)).rows;
    await procedureContext(sup.ctx, 'petitions.route').events.emit('petitions.referred_to_mediation', event!.payload);
    await t.kernel.tick();
    expect(await disputesOf(r.matterId)).toHaveLength(1);
  });

  it('refuses a referral without the petitioner’s consent', async () => {
    const r = await registerPetition('卢志强', '13955550003');
    const version = (await p(sup).matters.get({ id: r.matterId })).version;
    await expect(p(sup).matters.referToMediation({ id: r.matterId, version, consent: false })).rejects.toThrow('转入联合调处中心须经信访人同意，请勾选「信访人同意调解」');
  });

  it('records the settlement and the performance on the petition, which the office closes as 化解 in one step', async () => {
    const r = await registerPetition('范文静', '13955550004');
    await p(sup).matters.referToMediation({ id: r.matterId, version: (await p(sup).matters.get({ id: r.matterId })).version, consent: true });
    await t.kernel.tick();
    const [d] = await disputesOf(r.matterId);
    const early = await p(sup).matters.get({ id: r.matterId });
    await expect(p(sup).matters.concludeMediated({ id: r.matterId, version: early.version, outcome: 'resolved' })).rejects.toThrow('联合调处中心尚未反馈该纠纷已达成调解协议，暂不能按调解结果结案');
    await emitMediation('mediation.dispute.settled', { disputeId: d!.id, code: d!.code, petitionRef: r.matterId, settledOn: '2026-10-20' });
    await t.kernel.tick();
    const settled = await p(sup).matters.get({ id: r.matterId });
    expect(settled.mediation).toMatchObject({ status: 'settled', disputeCode: d!.code, settledOn: '2026-10-20', performedOn: null, canConclude: true });
    const waiting = await p(sup).matters.list({ mediationSettled: true, page: 1, pageSize: 20 });
    expect(waiting.items.map((x: { id: string }) => x.id)).toEqual([r.matterId]);
    expect(JSON.stringify(await (sup.caller as any).workbench.todos())).toContain('/petitions/matters?mediationSettled=1');
    await emitMediation('mediation.dispute.performed', { disputeId: d!.id, code: d!.code, petitionRef: r.matterId, performedOn: '2026-11-02' });
    await t.kernel.tick();
    const performed = await p(sup).matters.get({ id: r.matterId });
    expect(performed.mediation).toMatchObject({ status: 'performed', statusName: '调解协议已履行', performedOn: '2026-11-02' });
    await p(sup).matters.concludeMediated({ id: r.matterId, version: performed.version, outcome: 'resolved' });
    const closed = await p(sup).matters.get({ id: r.matterId });
    expect([closed.outcome, closed.outcomeNote, closed.kernel.status, closed.mediation.canConclude]).toEqual(['resolved', `经联合调处中心调解达成协议（${d!.code}），协议已履行`, 'closed', false]);
    expect((await p(sup).matters.list({ mediationSettled: true, page: 1, pageSize: 20 })).total).toBe(0);
  });

  it('keeps intake working for a county that switched petitions off, and passes over the petition’s part of the events', async () => {
    const r = await registerPetition('车晓光', '13955550005');
    await p(sup).matters.referToMediation({ id: r.matterId, version: (await p(sup).matters.get({ id: r.matterId })).version, consent: true });
    await t.kernel.tick();
    const [d] = await disputesOf(r.matterId);
    const modules = await (admin.caller as any).system.modules();
    const row = modules.plugins.find((x: any) => x.id === 'petitions');
    await (admin.caller as any).system.disableModule({ pluginId: 'petitions', version: row.countyVersion });
    try {
      const walkIn = await m(sup).disputes.register({
        source: 'walk_in', receivedOn: '2026-10-12', summary: '相邻两户因排水沟改道发生争执', disputeType: '邻里纠纷', personCount: 2, riskLevel: 'low',
        parties: [{ kind: 'person', role: 'applicant', name: '王建国', phone: '13812345678' }],
      });
      expect(walkIn.code).toMatch(/^调2026-\d{6}$/);
      await emitMediation('mediation.dispute.settled', { disputeId: d!.id, code: d!.code, petitionRef: r.matterId, settledOn: '2026-10-21' });
      await t.kernel.tick();
    } finally {
      const again = (await (admin.caller as any).system.modules()).plugins.find((x: any) => x.id === 'petitions');
      await (admin.caller as any).system.enableModule({ pluginId: 'petitions', version: again.countyVersion });
    }
    await t.kernel.tick();
    expect((await p(sup).matters.get({ id: r.matterId })).mediation).toMatchObject({ status: 'referred', settledOn: null });
  });

  it('sets a referred dispute’s triage deadline on the county’s working calendar, across the National Day holiday and its make-up Saturday', async () => {
    // Referred and received on Wednesday 2026-09-30; three working days: 10-01 to 10-07 are the
    // National Day holiday, so Thursday 10-08, Friday 10-09 and Saturday 10-10 (worked to bridge
    // the holiday). Counting weekdays only would have given Monday 10-05, inside the holiday.
    clock.set('2026-09-30T02:00:00Z');
    try {
      const r = await registerPetition('殷秋实', '13955550006', '2026-09-30');
      await p(sup).matters.referToMediation({ id: r.matterId, version: (await p(sup).matters.get({ id: r.matterId })).version, consent: true });
      await t.kernel.tick();
      const [d] = await disputesOf(r.matterId);
      const shown = await m(sup).disputes.get({ id: d!.id });
      expect([shown.receivedOn, shown.triageDueOn]).toEqual(['2026-09-30', '2026-10-10']);
    } finally {
      clock.set('2026-10-12T02:00:00Z');
    }
  });
});
