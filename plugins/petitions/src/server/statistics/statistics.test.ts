import { describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import { afterAll, beforeAll, expect, it } from 'vitest';
import petitions from '../index.js';
import { insertMatter, type FixtureMatter } from './test-fixture.js';

// The fixture, with every expected figure worked out by hand below.
//
// 2024 (the period 2024-01-01 … 2024-12-31):
//   A1–A18: one visit of 1 person each                           18 matters, 18 person-visits
//   B1: visit of 12 people, then a repeat visit of 6              1 matter,  18
//   B2: collective visit of 25 people                             1 matter,  25
//   B3: phone call of 3 people, then a repeat letter from 2       1 matter,   5
//   B4: first received in 2023, repeat visit of 23 in 2024        1 matter,  23
//   → 件 = 18 + 4 = 22, 人次 = 18 + 18 + 25 + 5 + 23 = 89
//   visits: 18 + 2 + 1 + 2 + 1 = 24; collective visits (≥5 people): 12, 6, 25, 23 → 4 visits, 66 people; repeat visits: 3
// 2023: B4 (2 people) and L1–L27 (1 person each) → 件 = 28, 人次 = 29
//   同比 件 = (22 − 28) / 28 = −21.43% → −21.4; 人次 = (89 − 29) / 29 = +206.90% → 206.9
// Outside both years (must not count): one visit on 2025-01-01, one on 2022-12-31, and a
// 2024 matter of another county.
//
// Outcomes of the 21 matters first received in 2024 (B4 was received in 2023):
//   A18 written off (核销) in 2024 → leaves the base: received = 20
//   化解 A1–A8 (8); 息访 A9–A12, B1, B2 (6); 终结 A14 (1); A13 息访 only on 2025-02-01 (after the period)
//   settled = 8 + 6 + 1 = 15 → 化解率 = 15 / 20 = 75.0%; 息访率 = 6 / 15 = 40.0%
//   核销 1 (A18), 终结 1 (A14): counts of their own
// Relief (救助) approved in 2024 and not refused: A1 3000.50 (approved 2024-05-01, paid) and
//   500.00 (approved 2024-11-30, not yet paid), A11 1200.00 (approved 2024-08-01, paid)
//   → 4700.50 元, 2 matters, 3 grants; by unit 公安 3500.50 / 1 / 2, 法院 1200.00 / 1 / 1.
//   Not counted: A2's pending request, B2's refused one (2024-06-01), A3's approved 2025-01-05.
// Categories: 涉法 A1–A10; 涉诉 A11–A16, B1; 其他 A17, A18, B2, B3, B4
//   涉法 10 件 10 人次; 涉诉 7 件 24 人次; 其他 5 件 55 人次 (sum 22, 89)
//   2023: 涉法 L1–L15, 涉诉 L16–L27, 其他 B4 → 同比 涉法 (10−15)/15 = −33.3, 涉诉 (7−12)/12 = −41.7, 其他 (5−1)/1 = +400.0
// Channels (of each visit): 来信 A1–A6 + B3's letter: 7 件 8 人次; 来访 A7–A14, B1, B2, B4: 11 件 74 人次;
//   网上 A15–A16: 2 件 2; 电话 A17 + B3's call: 2 件 4; 领导信箱 A18: 1 件 1 (B3 counts under both its channels)
// Units: 公安 (UNIT_A) A1–A10 → 10 件 10 人次; 法院 (UNIT_B) A11–A16, B1 → 7 件 24 人次; none: 5 件 55 人次

const UNIT_A = '11111111-1111-4111-8111-111111111111';
const UNIT_B = '22222222-2222-4222-8222-222222222222';

function fixture(): FixtureMatter[] {
  const out: FixtureMatter[] = [];
  const channelOfA = (i: number) => (i <= 6 ? 'letter' : i <= 14 ? 'visit' : i <= 16 ? 'online' : i === 17 ? 'phone' : 'leader_mailbox') as FixtureMatter['visits'][0]['channel'];
  for (let i = 1; i <= 18; i += 1) {
    const month = String(((i - 1) % 12) + 1).padStart(2, '0');
    const on = `2024-${month}-10`;
    const outcome: Pick<FixtureMatter, 'outcome' | 'outcomeOn'> =
      i <= 8 ? { outcome: 'resolved', outcomeOn: '2024-12-01' }
      : i <= 12 ? { outcome: 'stopped', outcomeOn: '2024-12-01' }
      : i === 13 ? { outcome: 'stopped', outcomeOn: '2025-02-01' }
      : i === 14 ? { outcome: 'concluded', outcomeOn: '2024-12-20' }
      : i === 18 ? { outcome: 'written_off', outcomeOn: '2024-06-01' }
      : {};
    const relief: FixtureMatter['relief'] =
      i === 1 ? [{ amount: 3000.5, status: 'paid', approvedOn: '2024-05-01', paidOn: '2024-05-10' }, { amount: 500, status: 'approved', approvedOn: '2024-11-30' }]
      : i === 2 ? [{ amount: 600, status: 'pending' }]
      : i === 3 ? [{ amount: 999, status: 'approved', approvedOn: '2025-01-05' }]
      : i === 11 ? [{ amount: 1200, status: 'paid', approvedOn: '2024-08-01', paidOn: '2024-08-02' }]
      : [];
    out.push({
      relief,
      category: i <= 10 ? 'law' : i <= 16 ? 'litigation' : 'other',
      unitId: i <= 10 ? UNIT_A : i <= 16 ? UNIT_B : null,
      firstReceivedOn: on,
      visits: [{ on, persons: 1, channel: channelOfA(i) }],
      ...outcome,
    });
  }
  out.push({
    category: 'litigation', unitId: UNIT_B, firstReceivedOn: '2024-03-05', outcome: 'stopped', outcomeOn: '2024-09-01',
    visits: [{ on: '2024-03-05', persons: 12, channel: 'visit' }, { on: '2024-05-06', persons: 6, channel: 'visit', repeat: true }],
  });
  out.push({
    category: 'other', firstReceivedOn: '2024-04-01', outcome: 'stopped', outcomeOn: '2024-10-01', visits: [{ on: '2024-04-01', persons: 25, channel: 'visit' }],
    relief: [{ amount: 800, status: 'rejected', approvedOn: '2024-06-01' }],
  });
  out.push({
    category: 'other', firstReceivedOn: '2024-07-01',
    visits: [{ on: '2024-07-01', persons: 3, channel: 'phone' }, { on: '2024-08-01', persons: 2, channel: 'letter', repeat: true }],
  });
  out.push({
    category: 'other', firstReceivedOn: '2023-11-10',
    visits: [{ on: '2023-11-10', persons: 2, channel: 'visit' }, { on: '2024-06-15', persons: 23, channel: 'visit', repeat: true }],
  });
  for (let i = 1; i <= 27; i += 1) {
    const on = `2023-${String(((i - 1) % 12) + 1).padStart(2, '0')}-20`;
    out.push({ category: i <= 15 ? 'law' : 'litigation', firstReceivedOn: on, visits: [{ on, persons: 1, channel: 'letter' }] });
  }
  out.push({ category: 'law', firstReceivedOn: '2025-01-01', visits: [{ on: '2025-01-01', persons: 40, channel: 'visit' }] });
  out.push({ category: 'law', firstReceivedOn: '2022-12-31', visits: [{ on: '2022-12-31', persons: 40, channel: 'visit' }] });
  return out;
}

describeEachEngine('petition statistics', (engine) => {
  let t: TestKernel;
  let stats: any;

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [petitions] });
    for (const m of fixture()) await insertMatter(t.database.db, t.tenantId, m);
    await insertMatter(t.database.db, '990002', { category: 'law', firstReceivedOn: '2024-05-05', visits: [{ on: '2024-05-05', persons: 50, channel: 'visit' }] });
    const { caller } = await t.signIn('supervisor');
    stats = (caller as any).petitions.statistics;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const year2024 = { from: '2024-01-01', to: '2024-12-31' };

  it('counts 22 matters and 89 person-visits in 2024 against 28 matters in 2023, down 21.4%', async () => {
    const s = await stats.summary(year2024);
    expect(s.total).toMatchObject({ matters: 22, personVisits: 89, lastYearMatters: 28, lastYearPersonVisits: 29, yoyMatters: -21.4, yoyPersonVisits: 206.9 });
    expect(s.lastYearPeriod).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('counts collective visits of five or more people and repeat visits', async () => {
    const s = await stats.summary(year2024);
    expect(s.total).toMatchObject({ visits: 24, collectiveVisits: 4, collectivePersons: 66, repeatVisits: 3 });
  });

  it('computes the resolution rate over matters received less those written off, and the stop rate over those with an outcome', async () => {
    const s = await stats.summary(year2024);
    expect(s.total).toMatchObject({ received: 20, settled: 15, stopped: 6, resolutionRate: 75, stopRate: 40 });
  });

  it('counts write-offs and terminations as figures of their own', async () => {
    const s = await stats.summary(year2024);
    expect(s.total).toMatchObject({ writtenOff: 1, terminated: 1 });
  });

  it('totals the hardship relief granted in the period: amount, matters and grants', async () => {
    const s = await stats.summary(year2024);
    expect(s.total).toMatchObject({ reliefAmount: '4700.50', reliefMatters: 2, reliefTimes: 3 });
  });

  it('totals the hardship relief by involved unit', async () => {
    const s = await stats.summary(year2024);
    const by = Object.fromEntries(s.byUnit.filter((r: any) => r.reliefTimes > 0).map((r: any) => [String(r.key), [r.reliefAmount, r.reliefMatters, r.reliefTimes]]));
    expect(by).toEqual({ [UNIT_A]: ['3500.50', 1, 2], [UNIT_B]: ['1200.00', 1, 1] });
  });

  it('counts relief in the period it was approved in, not the one it was asked for', async () => {
    const s = await stats.summary({ from: '2025-01-01', to: '2025-01-31' });
    expect(s.total).toMatchObject({ reliefAmount: '999.00', reliefMatters: 1, reliefTimes: 1 });
  });

  it('breaks the figures down by category with year-on-year change', async () => {
    const s = await stats.summary(year2024);
    const by = Object.fromEntries(s.byCategory.map((r: any) => [r.key, [r.matters, r.personVisits, r.lastYearMatters, r.yoyMatters]]));
    expect(by).toEqual({ law: [10, 10, 15, -33.3], litigation: [7, 24, 12, -41.7], other: [5, 55, 1, 400] });
  });

  it('breaks the figures down by the channel of each visit', async () => {
    const s = await stats.summary(year2024);
    const by = Object.fromEntries(s.byChannel.map((r: any) => [r.key, [r.matters, r.personVisits]]));
    expect(by).toEqual({ letter: [7, 8], visit: [11, 74], online: [2, 2], phone: [2, 4], leader_mailbox: [1, 1] });
    expect(s.byChannel.map((r: any) => r.key)).toEqual(['letter', 'visit', 'online', 'phone', 'leader_mailbox']);
  });

  it('breaks the figures down by involved unit, returning org ids', async () => {
    const s = await stats.summary(year2024);
    const by = Object.fromEntries(s.byUnit.filter((r: any) => r.matters > 0).map((r: any) => [String(r.key), [r.matters, r.personVisits]]));
    expect(by).toEqual({ [UNIT_A]: [10, 10], [UNIT_B]: [7, 24], null: [5, 55] });
  });

  it('gives a null year-on-year change when the same period last year had no matters', async () => {
    const empty = await stats.summary({ from: '2022-01-01', to: '2022-12-31' });
    expect(empty.total).toMatchObject({ matters: 1, lastYearMatters: 0, yoyMatters: null, resolutionRate: 0 });
  });

  it('compares 29 February with 28 February a year earlier', async () => {
    // February 2024: A2, A14 (months cycle every 12) → 2; February 2023: L2, L14, L26 → 3; (2 − 3) / 3 → −33.3.
    const s = await stats.summary({ from: '2024-02-01', to: '2024-02-29' });
    expect(s.lastYearPeriod).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(s.total).toMatchObject({ matters: 2, lastYearMatters: 3, yoyMatters: -33.3 });
  });

  it('gives a twelve-month series for the chart whose person-visits add up to the year', async () => {
    const m = await stats.monthly({ year: 2024 });
    expect(m.months).toHaveLength(12);
    expect(m.months.reduce((a: number, r: any) => a + r.personVisits, 0)).toBe(89);
    expect(m.months.reduce((a: number, r: any) => a + r.lastYearPersonVisits, 0)).toBe(29);
    // March 2024: A3 (1), A15 (1) and B1's first visit (12) → 3 matters, 14 person-visits, 1 collective visit.
    expect(m.months[2]).toMatchObject({ month: 3, matters: 3, personVisits: 14, collectiveVisits: 1 });
  });

  it('rejects a period whose start is after its end with a Chinese message', async () => {
    await expect(stats.summary({ from: '2024-12-31', to: '2024-01-01' })).rejects.toThrow('「截止日期」不能早于「起始日期」');
  });

  it('rejects a date that does not exist', async () => {
    await expect(stats.summary({ from: '2023-02-29', to: '2023-12-31' })).rejects.toThrow('「起始日期」2023-02-29 不是存在的日期');
  });

  it('refuses a user without the statistics permission', async () => {
    const { caller } = await t.signIn('liaison');
    await expect((caller as any).petitions.statistics.summary(year2024)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
