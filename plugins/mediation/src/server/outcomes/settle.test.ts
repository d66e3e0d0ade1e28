import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine } from '@zhengfa/test-utils';
import { committeeOf, mediating, writtenAgreement } from '../test/outcomes.js';
import { api, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation outcomes: agreement and termination', (engine) => {
  let w: World;
  let committee: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-30');
    committee = await committeeOf(w);
  });
  afterAll(() => w.t.stop());

  async function count(table: string, disputeId: string): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`mediation.${table}`)} where dispute_id = ${disputeId}`.execute(w.t.database.db);
    return r.rows[0]!.n;
  }

  it('records a written agreement with its obligations and signatures and marks the dispute agreed', async () => {
    const a = api(w.sup);
    const d = await mediating(w, committee);
    expect(await a.outcomes.settle(writtenAgreement(d, '2026-09-30'))).toEqual({ version: 3, status: 'agreed', effectiveOn: '2026-09-30', confirmationDueOn: '2026-10-30' });
    const o = await a.outcomes.get({ disputeId: d.id });
    expect(o.status).toBe('agreed');
    expect(o.agreement).toMatchObject({
      form: 'written',
      agreedOn: '2026-09-30',
      effectiveOn: '2026-09-30',
      signatures: [
        { partyName: '王建国', signedOn: '2026-09-30' },
        { partyName: '李春梅', signedOn: '2026-09-30' },
      ],
      confirmation: { state: 'open', dueOn: '2026-10-30', daysLeft: 30, appliedOn: null, ruling: null },
    });
    expect(o.obligations.map((x: any) => [x.position, x.obligorName, x.content, x.amount, x.dueOn, x.performance])).toEqual([
      [1, '李春梅', '一次性支付菜地损失赔偿款', '1500.00', '2026-10-20', 'pending'],
      [2, '王建国', '配合恢复排水沟原走向', null, '2026-10-31', 'pending'],
    ]);
  });

  it('takes a written agreement to effect on the day its last party signed', async () => {
    const d = await mediating(w, committee, { receivedOn: '2026-09-20' });
    w.clock.set('2026-09-30T02:00:00Z');
    const r = await api(w.sup).outcomes.settle(
      writtenAgreement(d, '2026-09-25', {
        signatures: [
          { partyId: d.parties[0], signedOn: '2026-09-25' },
          { partyId: d.parties[1], signedOn: '2026-09-28' },
        ],
      }),
    );
    // 2026-09-28 + 30 days = 2026-10-28, a Wednesday.
    expect([r.effectiveOn, r.confirmationDueOn]).toEqual(['2026-09-28', '2026-10-28']);
  });

  it('records an oral agreement with its content, for which no judicial confirmation runs', async () => {
    const a = api(w.sup);
    const d = await mediating(w, committee);
    const r = await a.outcomes.settle({ disputeId: d.id, version: d.version, form: 'oral', agreedOn: '2026-09-30', terms: '李春梅当场向王建国赔礼道歉，双方和好。', obligations: [] });
    expect(r).toEqual({ version: 3, status: 'agreed', effectiveOn: null, confirmationDueOn: null });
    const o = await a.outcomes.get({ disputeId: d.id });
    expect(o.agreement).toMatchObject({ form: 'oral', terms: '李春梅当场向王建国赔礼道歉，双方和好。', signatures: [], confirmation: { state: 'not_applicable', dueOn: null, daysLeft: null } });
  });

  it('refuses an obligation due before the agreement date and writes nothing', async () => {
    const a = api(w.sup);
    const d = await mediating(w, committee);
    const input = writtenAgreement(d, '2026-09-30');
    input.obligations[1]!.dueOn = '2026-09-29';
    await expect(a.outcomes.settle(input)).rejects.toThrow('第 2 项履行义务的「履行期限」不能早于协议日期（2026-09-30）');
    const o = await a.outcomes.get({ disputeId: d.id });
    expect([o.status, o.version, o.agreement, o.obligations]).toEqual(['mediating', 2, null, []]);
    expect([await count('agreements', d.id), await count('obligations', d.id), await count('agreement_signatures', d.id)]).toEqual([0, 0, 0]);
    const audit = await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log where action = 'mediation.disputes.settle' and target_id = ${d.id}`.execute(w.t.database.db);
    expect(audit.rows[0]!.n).toBe(0);
  });

  it('refuses a written agreement a party has not signed', async () => {
    const d = await mediating(w, committee);
    await expect(api(w.sup).outcomes.settle(writtenAgreement(d, '2026-09-30', { signatures: [{ partyId: d.parties[0], signedOn: '2026-09-30' }] }))).rejects.toThrow(
      '书面调解协议须由全部当事人签名，「签名记录」缺少：李春梅',
    );
    expect(await count('agreements', d.id)).toBe(0);
  });

  it('refuses an obligation of someone who is not a party to the dispute', async () => {
    const d = await mediating(w, committee);
    const other = await mediating(w, committee);
    const input = writtenAgreement(d, '2026-09-30');
    input.obligations[0]!.obligorPartyId = other.parties[1];
    await expect(api(w.sup).outcomes.settle(input)).rejects.toThrow('第 1 项履行义务的「义务人」不是本纠纷的当事人');
  });

  it('refuses an amount with more than two decimals', async () => {
    const d = await mediating(w, committee);
    const input = writtenAgreement(d, '2026-09-30');
    input.obligations[0]!.amount = 1500.005;
    await expect(api(w.sup).outcomes.settle(input)).rejects.toThrow('第 1 项履行义务的「金额（元）」最多保留两位小数');
  });

  it('refuses a stale version', async () => {
    const d = await mediating(w, committee);
    await expect(api(w.sup).outcomes.settle(writtenAgreement(d, '2026-09-30', { version: 1 }))).rejects.toThrow('该记录已被他人修改，请刷新后重试');
  });

  it('refuses an outcome for a dispute that is not under mediation', async () => {
    const a = api(w.sup);
    const d = await mediating(w, committee);
    await a.outcomes.settle(writtenAgreement(d, '2026-09-30'));
    await expect(a.outcomes.settle(writtenAgreement(d, '2026-09-30', { version: 3 }))).rejects.toThrow('该「纠纷」当前状态为“已达成协议”，只有调解中的纠纷才能记录调解结果');
  });

  it('announces the settlement with the petitions office’s reference of a dispute it referred', async () => {
    const d = await mediating(w, committee, { source: 'petition', consent: true, referenceNo: '示信转〔2026〕17号' });
    // As the referral subscription records it: the petitions matter the dispute came from.
    await sql`update mediation.disputes set petition_ref = '5b0d7a3e-2f4c-4d8e-9a51-1c6f0e2b7d93' where id = ${d.id}`.execute(w.t.database.db);
    await api(w.sup).outcomes.settle(writtenAgreement(d, '2026-09-30'));
    const r = await sql<{ payload: unknown }>`select payload from kernel.outbox where name = 'mediation.dispute.settled' and payload->>'disputeId' = ${d.id}`.execute(w.t.database.db);
    expect(r.rows.map((x) => x.payload)).toEqual([{ disputeId: d.id, code: d.code, petitionRef: '5b0d7a3e-2f4c-4d8e-9a51-1c6f0e2b7d93', settledOn: '2026-09-30' }]);
  });

  it('ends a mediation without agreement with the reason and the routes still open', async () => {
    const a = api(w.sup);
    const d = await mediating(w, committee);
    expect(await a.outcomes.terminate({ disputeId: d.id, version: d.version, terminatedOn: '2026-09-30', reason: '被申请人明确表示拒绝继续调解', routes: ['litigation', 'arbitration'] })).toEqual({
      version: 3,
      status: 'terminated',
    });
    const o = await a.outcomes.get({ disputeId: d.id });
    expect([o.status, o.termination]).toEqual(['terminated', { terminatedOn: '2026-09-30', reason: '被申请人明确表示拒绝继续调解', routes: ['litigation', 'arbitration'] }]);
  });

  it('refuses to end a mediation telling no route', async () => {
    const d = await mediating(w, committee);
    await expect(api(w.sup).outcomes.terminate({ disputeId: d.id, version: d.version, terminatedOn: '2026-09-30', reason: '当事人拒绝调解', routes: [] })).rejects.toThrow('请至少选择一项「告知的其他解决途径」');
  });

  it('refuses an outcome to a user who may not record one', async () => {
    const d = await mediating(w, committee);
    await expect(api(w.leader).outcomes.settle(writtenAgreement(d, '2026-09-30'))).rejects.toThrow('您没有「记录调解结果、司法确认与履行回访」权限，请联系安全管理员分配');
  });
});
