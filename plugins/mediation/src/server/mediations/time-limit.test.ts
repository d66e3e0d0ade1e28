import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { sql } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { accepted, api, chinaMorning, committee, mediating, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation time limit', (engine) => {
  let w: World;
  let orgId: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-10');
    ({ orgId } = await committee(w, '城关镇人民调解委员会', ['张调解']));
  });
  afterAll(() => w.t.stop());

  it('falls due 30 calendar days after acceptance, across the National Day holiday: accepted 2026-09-28, due 2026-10-28', async () => {
    const d = await mediating(w, orgId, { receivedOn: '2026-09-25' });
    await accepted(w, d, '2026-09-28');
    const shown = await api(w.sup).disputes.get({ id: d.id });
    expect([shown.acceptedOn, shown.mediationDueOn, shown.mediationOverdue]).toEqual(['2026-09-28', '2026-10-28', false]);
  });

  it('extends the limit by the days the parties agreed, again by a new due date, each extension recorded', async () => {
    const d = await mediating(w, orgId, { receivedOn: '2026-09-25' });
    let version = await accepted(w, d, '2026-09-28');
    const first = await api(w.sup).mediations.extend({ disputeId: d.id, version, reason: '需等待房屋安全鉴定结果', agreedOn: '2026-10-09', days: 15 });
    expect(first).toEqual({ version: version + 1, mediationDueOn: '2026-11-12' });
    version = first.version;
    const second = await api(w.sup).mediations.extend({ disputeId: d.id, version, reason: '申请人外出务工，双方同意延后', agreedOn: '2026-10-10', newDueOn: '2026-11-30' });
    expect(second).toEqual({ version: version + 1, mediationDueOn: '2026-11-30' });
    const v = await api(w.sup).mediations.get({ disputeId: d.id });
    expect(v.extensions.map((e: any) => [e.previousDueOn, e.newDueOn, e.reason, e.agreedOn])).toEqual([
      ['2026-10-28', '2026-11-12', '需等待房屋安全鉴定结果', '2026-10-09'],
      ['2026-11-12', '2026-11-30', '申请人外出务工，双方同意延后', '2026-10-10'],
    ]);
    expect((await api(w.sup).disputes.get({ id: d.id })).mediationDueOn).toBe('2026-11-30');
  });

  it('audits each extension with the due dates before and after it', async () => {
    const d = await mediating(w, orgId);
    const version = await accepted(w, d, '2026-10-08');
    await api(w.sup).mediations.extend({ disputeId: d.id, version, reason: '双方同意延长', agreedOn: '2026-10-09', days: 7 });
    const r = await sql<{ detail: unknown }>`select detail from kernel.audit_log
      where action = 'mediation.mediations.extend' and target_id = ${d.id} and outcome = 'success'`.execute(w.t.database.db);
    expect(r.rows.map((row) => row.detail)).toEqual([{ previousDueOn: '2026-11-07', newDueOn: '2026-11-14', reason: '双方同意延长', agreedOn: '2026-10-09' }]);
  });

  it('refuses an extension giving both a new date and a number of days, writing nothing', async () => {
    const d = await mediating(w, orgId);
    const version = await accepted(w, d, '2026-10-08');
    const input = { disputeId: d.id, version, reason: '双方同意延长', agreedOn: '2026-10-10', days: 10, newDueOn: '2026-11-30' };
    await expect(api(w.sup).mediations.extend(input)).rejects.toThrow(m.extensionEitherDateOrDays);
    const v = await api(w.sup).mediations.get({ disputeId: d.id });
    expect([v.mediationDueOn, v.extensions, v.version]).toEqual(['2026-11-07', [], version]);
  });

  it('refuses a new due date not later than the current one, writing nothing', async () => {
    const d = await mediating(w, orgId);
    const version = await accepted(w, d, '2026-10-08');
    const input = { disputeId: d.id, version, reason: '双方同意延长', agreedOn: '2026-10-10', newDueOn: '2026-11-07' };
    await expect(api(w.sup).mediations.extend(input)).rejects.toThrow(m.extensionNotLater('2026-11-07'));
    expect((await api(w.sup).mediations.get({ disputeId: d.id })).extensions).toEqual([]);
  });

  it('refuses to extend a mediation not yet accepted', async () => {
    const d = await mediating(w, orgId);
    await expect(api(w.sup).mediations.extend({ disputeId: d.id, version: d.version, reason: '双方同意延长', agreedOn: '2026-10-10', days: 10 })).rejects.toThrow(m.notAccepted);
  });

  it('refuses an extension without its reason, naming the field', async () => {
    const d = await mediating(w, orgId);
    await expect(api(w.sup).mediations.extend({ disputeId: d.id, version: d.version, reason: '', agreedOn: '2026-10-10', days: 10 })).rejects.toThrow('请填写「延长理由」');
  });

  it('uses the county’s own number of mediation days', async () => {
    const s = await api(w.leader).settings.get();
    await api(w.leader).settings.update({ triageDays: s.triageDays, mediationDays: 45, disputeTypes: s.disputeTypes, version: s.version });
    const d = await mediating(w, orgId);
    const r = await api(w.sup).mediations.accept({ disputeId: d.id, version: d.version, acceptedOn: '2026-10-10', consents: Object.values(d.parties).map((partyId) => ({ partyId, consentedOn: '2026-10-10' })) });
    expect(r.mediationDueOn).toBe('2026-11-24');
    const after = await api(w.leader).settings.get();
    await api(w.leader).settings.update({ triageDays: after.triageDays, mediationDays: 30, disputeTypes: after.disputeTypes, version: after.version });
  });

  it('refuses a county limit over 365 days naming the field', async () => {
    const s = await api(w.leader).settings.get();
    await expect(api(w.leader).settings.update({ triageDays: 3, mediationDays: 366, disputeTypes: s.disputeTypes, version: s.version })).rejects.toThrow('「调解期限（日）」不能大于 365');
  });

  it('shows a mediation past its due date as overdue in the list and filters the ones falling due', async () => {
    const d = await mediating(w, orgId, { receivedOn: '2026-09-25', summary: '期限测试：楼上漏水致楼下天花板受损' });
    await accepted(w, d, '2026-09-28');
    w.clock.set(chinaMorning('2026-10-26'));
    try {
      const soon = await api(w.sup).disputes.list({ mediationDue: 'soon', search: '期限测试' });
      expect(soon.map((x: any) => [x.code, x.mediationDueOn, x.mediationOverdue])).toEqual([[d.code, '2026-10-28', false]]);
      w.clock.set(chinaMorning('2026-10-29'));
      const overdue = await api(w.sup).disputes.list({ mediationDue: 'overdue', search: '期限测试' });
      expect(overdue.map((x: any) => [x.code, x.mediationOverdue])).toEqual([[d.code, true]]);
      expect(await api(w.sup).disputes.list({ mediationDue: 'soon', search: '期限测试' })).toEqual([]);
    } finally {
      w.clock.set(chinaMorning('2026-10-10'));
    }
  });
});
