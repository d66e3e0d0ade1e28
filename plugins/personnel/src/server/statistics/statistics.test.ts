import { addUserWithPermissions, createTestClock, describeEachEngine, orgIdByName, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import { afterAll, beforeAll, expect, it } from 'vitest';
import plugin from '../index.js';
import { auditRows } from '../test/officers.js';
import { personnel } from '../test/helpers.js';

const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

// The hand-built fixture. The county's minimum is set to 16 class hours. Sessions of one
// committee course: S1 2026-03-10 (8 h), S2 2026-04-14 (8 h), S3 2026-05-12 (4 h) and S4
// 2025-12-10 (8 h, before the period).
//   GA1 (police): present at S1, S2, S3              → 20 h in the first half-year
//   GA2 (police): present at S1 and S4, absent at S2 →  8 h
//   GA3 (police, retired): present at S1             → not measured
//   FY1 (court): absent at S1, present at S2 and S3  → 12 h
//   FY2 (court, seconded): excused at S1, present at S4 → 0 h
// Discipline: clues GA1 complaint 2026-02-01 and report 2026-03-01, FY1 petition 2026-03-05,
// GA2 complaint 2025-12-20 (before the period); outcomes GA1 记过 2026-04-01, GA2 谈话提醒
// 2026-04-02, FY1 警告 2026-05-01, FY1 记过 2025-12-15 (before the period).
describeEachEngine('personnel statistics page figures', (engine) => {
  let t: TestKernel;
  const clock = createTestClock('2026-07-01T02:00:00Z');
  let sup: any;
  let staff: any;
  let staffId: string;
  const officers: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [plugin], clock });
    sup = personnel((await t.signIn('supervisor')).caller);
    const s = await addUserWithPermissions(t, { username: 'jijian', displayName: '纪检', orgName: '示范县委政法委', permissions: ['personnel.discipline'] });
    staff = personnel(s.caller);
    staffId = s.id;
    await sup.training.setRequiredHours({ hours: 16, version: 0 });
    const police = await orgIdByName(t, '示范县公安局');
    const court = await orgIdByName(t, '示范县人民法院');
    for (const [no, unitId, status] of [
      ['GA1', police, 'serving'],
      ['GA2', police, 'serving'],
      ['GA3', police, 'retired'],
      ['FY1', court, 'serving'],
      ['FY2', court, 'seconded'],
    ] as const) {
      officers[no] = (await sup.officers.create({ unitId, name: `干警${no}`, officerNo: no, status })).id;
    }
    const courseId = (await sup.training.courses.create({ unitId: null, kind: 'rotation', title: '政法干警集中轮训' })).id;
    const session = async (day: string, hours: number) => (await sup.training.sessions.create({ courseId, startsAt: at(day, '09:00'), endsAt: at(day, '17:00'), classHours: hours })).id as string;
    const [s1, s2, s3, s4] = [await session('2026-03-10', 8), await session('2026-04-14', 8), await session('2026-05-12', 4), await session('2025-12-10', 8)];
    const mark = (sessionId: string, entries: [string, string][]) => sup.training.sessions.recordAttendance({ sessionId, entries: entries.map(([no, status]) => ({ officerId: officers[no], status })) });
    await mark(s1!, [['GA1', 'present'], ['GA2', 'present'], ['GA3', 'present'], ['FY1', 'absent'], ['FY2', 'excused']]);
    await mark(s2!, [['GA1', 'present'], ['GA2', 'absent'], ['FY1', 'present']]);
    await mark(s3!, [['GA1', 'present'], ['FY1', 'present']]);
    await mark(s4!, [['GA2', 'present'], ['FY2', 'present']]);

    const c1 = await staff.clues.create({ officerId: officers.GA1, source: 'complaint', receivedOn: '2026-02-01', summary: '投诉一' });
    await staff.clues.create({ officerId: officers.GA1, source: 'report', receivedOn: '2026-03-01', summary: '举报二' });
    await staff.clues.create({ officerId: officers.FY1, source: 'petition', receivedOn: '2026-03-05', summary: '信访三' });
    await staff.clues.create({ officerId: officers.GA2, source: 'complaint', receivedOn: '2025-12-20', summary: '去年的线索' });
    await staff.sanctions.decide({ officerId: officers.GA1, clueId: c1.id, form: 2, kind: 'demerit', decidedOn: '2026-04-01', reason: '违纪' });
    await staff.sanctions.decide({ officerId: officers.GA2, form: 1, kind: 'talk_reminder', decidedOn: '2026-04-02', reason: '提醒' });
    await staff.sanctions.decide({ officerId: officers.FY1, form: 2, kind: 'gov_warning', decidedOn: '2026-05-01', reason: '警告' });
    await staff.sanctions.decide({ officerId: officers.FY1, form: 2, kind: 'demerit', decidedOn: '2025-12-15', reason: '去年的处分' });
  }, 180_000);
  afterAll(() => t.stop());

  const row = (u: { unitName: string; officers: number; attended: number; hours: number; averageHours: number; completed: number; completionRate: number }) => [
    u.unitName,
    u.officers,
    u.attended,
    u.hours,
    u.averageHours,
    u.completed,
    u.completionRate,
  ];

  it('credits by unit only the sessions of the period the officers attended, against the county’s minimum', async () => {
    const r = await sup.statistics.training({ from: '2026-01-01', to: '2026-06-30' });
    expect(r.required).toBe(16);
    expect(r.units.map(row)).toEqual([
      ['示范县公安局', 2, 2, 28, 14, 1, 50],
      ['示范县人民法院', 2, 1, 12, 6, 0, 0],
    ]);
    expect(r.totals).toEqual({ officers: 4, attended: 3, hours: 40, averageHours: 10, completed: 1, completionRate: 25 });
  });

  it('counts the sessions held on the first and the last day of the period', async () => {
    const r = await sup.statistics.training({ from: '2026-03-10', to: '2026-04-14' });
    expect(r.units.map(row)).toEqual([
      ['示范县公安局', 2, 2, 24, 12, 1, 50],
      ['示范县人民法院', 2, 1, 8, 4, 0, 0],
    ]);
  });

  it('shows a unit’s liaison only the units of its own scope', async () => {
    const liaison = personnel((await t.signIn('liaison')).caller);
    const r = await liaison.statistics.training({ from: '2026-01-01', to: '2026-06-30' });
    expect(r.units.map(row)).toEqual([['示范县公安局', 2, 2, 28, 14, 1, 50]]);
  });

  it('counts clues by source and outcomes by kind and unit for the period, and audits the read', async () => {
    const r = await staff.statistics.discipline({ from: '2026-01-01', to: '2026-06-30' });
    expect(r.units.map((u: any) => [u.unitName, u.clues, u.cluesBySource, u.sanctions, u.sanctionsByKind])).toEqual([
      ['示范县公安局', 2, { complaint: 1, report: 1 }, 2, { demerit: 1, talk_reminder: 1 }],
      ['示范县人民法院', 1, { petition: 1 }, 1, { gov_warning: 1 }],
    ]);
    expect(r.totals).toEqual({ clues: 3, cluesBySource: { complaint: 1, report: 1, petition: 1 }, sanctions: 3, sanctionsByKind: { demerit: 1, talk_reminder: 1, gov_warning: 1 } });
    expect((await auditRows(t, 'personnel.statistics.discipline')).map((x) => [x.actor_id, x.detail])).toEqual([[staffId, { from: '2026-01-01', to: '2026-06-30' }]]);
  });

  it('refuses the discipline figures to a user without the discipline permission', async () => {
    await expect(sup.statistics.discipline({ from: '2026-01-01', to: '2026-06-30' })).rejects.toThrow('您没有「纪律作风（问题线索、处分、错案追究、三个规定记录人身份）」权限');
  });

  it('refuses a period that ends before it begins, naming the field', async () => {
    await expect(sup.statistics.training({ from: '2026-06-30', to: '2026-01-01' })).rejects.toThrow('「截止日期」不能早于「起始日期」');
  });
});
