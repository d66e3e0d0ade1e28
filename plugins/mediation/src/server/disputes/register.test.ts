import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { messages as m } from '../strings.js';
import { api, disputeInput, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation intake', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-30');
  });
  afterAll(() => w.t.stop());

  it('registers a dispute from each source with codes numbered in order for the year', async () => {
    const a = api(w.sup);
    const sources = ['walk_in', 'petition', 'police', 'court', 'grassroots', 'phone', 'online'];
    const codes: string[] = [];
    for (const source of sources) {
      const r = await a.disputes.register(disputeInput({ source, consent: source === 'petition', referenceNo: source === 'court' ? '（2026）湘0102诉前调1号' : null }));
      codes.push(r.code);
    }
    expect(codes).toEqual(['调2026-000001', '调2026-000002', '调2026-000003', '调2026-000004', '调2026-000005', '调2026-000006', '调2026-000007']);
    const listed = await a.disputes.list();
    expect(listed.map((d: any) => [d.code, d.source]).sort()).toEqual(codes.map((c, i) => [c, sources[i]]));
  });

  it('numbers a dispute received in another year from that year’s own sequence', async () => {
    const r = await api(w.sup).disputes.register(disputeInput({ receivedOn: '2025-12-31' }));
    expect(r.code).toBe('调2025-000001');
  });

  it('seals ID numbers and phones and shows them masked', async () => {
    const a = api(w.sup);
    const { id } = await a.disputes.register(disputeInput());
    const d = await a.disputes.get({ id });
    expect(d.parties.map((p: any) => [p.name, p.idNumber, p.phone])).toEqual([
      ['王建国', '430***********1234', '138****5678'],
      ['李春梅', null, '0731-****3456'],
    ]);
    const stored = await w.t.database.db.selectFrom('mediation.parties' as any).select(['id_number', 'phone'] as any).where('dispute_id' as any, '=', id).execute();
    for (const row of stored as { id_number: string | null; phone: string | null }[]) {
      expect(row.id_number ?? '').not.toContain('1990010');
      expect(row.phone ?? '').not.toContain('5678');
    }
  });

  it('answers a repeated submission with the same dispute and code (idempotent on the client key)', async () => {
    const a = api(w.sup);
    const first = await a.disputes.register(disputeInput({ clientKey: 'intake-form-0001' }));
    const again = await a.disputes.register(disputeInput({ clientKey: 'intake-form-0001' }));
    expect(again).toEqual({ ...first, duplicate: true });
  });

  it('computes the triage deadline across the National Day holiday: registered 2026-09-30, due 2026-10-10', async () => {
    const r = await api(w.sup).disputes.register(disputeInput({ receivedOn: '2026-09-30' }));
    expect(r.triageDueOn).toBe('2026-10-10');
  });

  it('uses the county’s own number of triage days', async () => {
    const settings = await api(w.leader).settings.get();
    expect(settings).toMatchObject({ triageDays: 3, version: 0 });
    await api(w.leader).settings.update({ triageDays: 5, disputeTypes: settings.disputeTypes, version: 0 });
    const r = await api(w.sup).disputes.register(disputeInput({ receivedOn: '2026-09-29' }));
    // 30 Sept, then 8, 9, 10 (make-up workday), 12 October.
    expect(r.triageDueOn).toBe('2026-10-12');
    await api(w.leader).settings.update({ triageDays: 3, disputeTypes: settings.disputeTypes, version: 1 });
  });

  it('accepts a type the county added and refuses one not on its list', async () => {
    const s = await api(w.leader).settings.get();
    await api(w.leader).settings.update({ triageDays: 3, disputeTypes: [...s.disputeTypes, '农村土地承包经营'], version: s.version });
    const ok = await api(w.sup).disputes.register(disputeInput({ disputeType: '农村土地承包经营' }));
    expect(ok.code).toMatch(/^调2026-\d{6}$/);
    await expect(api(w.sup).disputes.register(disputeInput({ disputeType: '宠物纠纷' }))).rejects.toThrow(m.unknownType('宠物纠纷'));
  });

  it('refuses a party without a name, naming the field, and writes nothing (the next code follows on)', async () => {
    const a = api(w.sup);
    const before = (await a.disputes.list()).length;
    const input = disputeInput({ parties: [{ kind: 'person', role: 'applicant', name: '  ' }] });
    await expect(a.disputes.register(input)).rejects.toThrow('请填写「当事人姓名（名称）」');
    expect((await a.disputes.list()).length).toBe(before);
  });

  it('refuses an amount below zero, naming the field, and writes nothing', async () => {
    const a = api(w.sup);
    const before = await a.disputes.list();
    await expect(a.disputes.register(disputeInput({ amount: -1 }))).rejects.toThrow(m.amountNegative);
    const after = await a.disputes.list();
    expect(after.length).toBe(before.length);
    const next = await a.disputes.register(disputeInput());
    const last = Math.max(...before.filter((d: any) => d.code.startsWith('调2026-')).map((d: any) => Number(d.code.slice(6))));
    expect(next.code).toBe(`调2026-${String(last + 1).padStart(6, '0')}`);
  });

  it('refuses a malformed phone naming the party and the field', async () => {
    const input = disputeInput({ parties: [{ kind: 'person', role: 'applicant', name: '王建国', phone: '12345' }] });
    await expect(api(w.sup).disputes.register(input)).rejects.toThrow(m.badPhone(1));
  });

  it('refuses a petition referral without the petitioner’s consent', async () => {
    await expect(api(w.sup).disputes.register(disputeInput({ source: 'petition' }))).rejects.toThrow(m.consentRequired);
  });

  it('refuses a receiving date in the future', async () => {
    await expect(api(w.sup).disputes.register(disputeInput({ receivedOn: '2026-10-01' }))).rejects.toThrow('「受理日期」');
  });

  it('finds a dispute by a party’s name', async () => {
    const a = api(w.sup);
    const { code } = await a.disputes.register(disputeInput({ parties: [{ kind: 'organisation', role: 'respondent', name: '城东建筑劳务有限公司' }], disputeType: '劳动争议、欠薪' }));
    const found = await a.disputes.list({ search: '城东建筑' });
    expect(found.map((d: any) => d.code)).toEqual([code]);
  });
});
