import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, auditRows, insertOfficer, startWorld, type World } from '../test/officers.js';

describeEachEngine('personnel discipline statistics', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
    const police = await insertOfficer(w.t, { name: '甲警', officerNo: 'P001' });
    const police2 = await insertOfficer(w.t, { name: '乙警', officerNo: 'P002' });
    const court = await insertOfficer(w.t, { name: '丙官', officerNo: 'P003', unit: '示范县人民法院' });
    const s = api(w.staff);
    const c1 = await s.clues.create({ officerId: police, source: 'complaint', receivedOn: '2026-02-01', summary: '投诉一' });
    await s.clues.create({ officerId: police2, source: 'report', receivedOn: '2026-03-01', summary: '举报二' });
    const c3 = await s.clues.create({ officerId: court, source: 'petition', receivedOn: '2026-03-05', summary: '信访三' });
    await s.clues.create({ officerId: court, source: 'petition', receivedOn: '2025-12-20', summary: '去年的线索' });
    await s.clues.transfer({ id: c3.id, version: 1, to: '示范县纪委监委', on: '2026-03-06' });
    await s.sanctions.decide({ officerId: police, clueId: c1.id, form: 2, kind: 'demerit', decidedOn: '2026-04-01', reason: '违纪' });
    await s.sanctions.decide({ officerId: police2, form: 1, kind: 'talk_reminder', decidedOn: '2026-04-02', reason: '提醒' });
    await s.sanctions.decide({ officerId: court, form: 2, kind: 'gov_warning', decidedOn: '2025-12-15', reason: '去年的处分（影响期至2026年6月14日）' });
  }, 180_000);
  afterAll(() => w.t.stop());

  it('counts clues, transfers, decisions by form and sanctions in force by unit', async () => {
    const r = await api(w.staff).sanctions.statistics({ from: '2026-01-01', to: '2026-06-01' });
    expect(r.units.map((u: { unitName: string; clues: number; transferred: number; byForm: number[]; inForce: number }) => [u.unitName, u.clues, u.transferred, u.byForm, u.inForce])).toEqual([
      ['示范县公安局', 2, 0, [1, 1, 0, 0], 1],
      ['示范县人民法院', 1, 1, [0, 0, 0, 0], 1],
    ]);
    expect(r.totals).toEqual({ clues: 3, transferred: 1, byForm: [1, 1, 0, 0], inForce: 2 });
    expect((await auditRows(w.t, 'personnel.sanctions.statistics')).map((x) => [x.actor_id, x.detail])).toEqual([[w.staff.id, { from: '2026-01-01', to: '2026-06-01' }]]);
  });

  it('refuses a period that ends before it begins, naming the field', async () => {
    await expect(api(w.staff).sanctions.statistics({ from: '2026-06-01', to: '2026-01-01' })).rejects.toThrow('「截止日期」不能早于「起始日期」');
  });
});
