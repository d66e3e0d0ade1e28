import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, orgIdByName } from '@zhengfa/test-utils';
import { api, insertOfficer, rowCount, startWorld, type World } from '../test/officers.js';

describeEachEngine('personnel commendations and assessments', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
  }, 120_000);
  afterAll(() => w.t.stop());

  it('commends the three tens: an officer, a unit and a case, and lists them by year', async () => {
    const officerId = await insertOfficer(w.t, { name: '岳飞', officerNo: 'M001' });
    const unitId = await orgIdByName(w.t, '示范县人民检察院');
    await api(w.political).commendations.award({ kind: 'best_officer', officerId, title: '2025年度十佳政法干警', awardedOn: '2026-01-20', awardedBy: '示范县委政法委' });
    await api(w.political).commendations.award({ kind: 'best_unit', unitId, title: '2025年度十佳政法单位', awardedOn: '2026-01-20' });
    await api(w.political).commendations.award({ kind: 'best_case', caseRef: '示检刑〔2025〕9号', title: '2025年度十佳案件', awardedOn: '2026-01-21' });
    const list = await api(w.political).commendations.list({ year: 2026 });
    expect(list.map((c: { kind: string; officerName: string | null; title: string }) => [c.kind, c.officerName, c.title])).toEqual([
      ['best_case', null, '2025年度十佳案件'],
      ['best_unit', null, '2025年度十佳政法单位'],
      ['best_officer', '岳飞', '2025年度十佳政法干警'],
    ]);
  });

  it('refuses a best officer without the officer and writes nothing', async () => {
    const before = await rowCount(w.t, 'commendations');
    await expect(api(w.political).commendations.award({ kind: 'best_officer', title: '十佳政法干警', awardedOn: '2026-01-20' })).rejects.toThrow('十佳政法干警须选择「干警」');
    expect(await rowCount(w.t, 'commendations')).toBe(before);
  });

  it('refuses a best unit without the unit', async () => {
    await expect(api(w.political).commendations.award({ kind: 'best_unit', title: '十佳政法单位', awardedOn: '2026-01-20' })).rejects.toThrow('十佳政法单位须选择「单位」');
  });

  it('refuses a commendation of an officer dismissed from service, with its own message', async () => {
    const officerId = await insertOfficer(w.t, { name: '秦桧', officerNo: 'M002' });
    await api(w.staff).sanctions.decide({ officerId, form: 3, kind: 'expulsion', decidedOn: '2026-02-01', reason: '严重违纪违法' });
    await expect(api(w.political).commendations.award({ kind: 'merit', officerId, title: '嘉奖', awardedOn: '2026-05-01' })).rejects.toThrow('该干警受到开除处分，不得表彰奖励');
  });

  it('records one grade per officer and period', async () => {
    const officerId = await insertOfficer(w.t, { name: '杨业', officerNo: 'M003' });
    await api(w.political).assessments.record({ officerId, period: '2026-Q1', grade: 'excellent', assessedOn: '2026-04-08' });
    await api(w.political).assessments.record({ officerId, period: '2025', grade: 'competent', assessedOn: '2026-01-08' });
    await expect(api(w.political).assessments.record({ officerId, period: '2026-Q1', grade: 'competent', assessedOn: '2026-04-09' })).rejects.toThrow('该干警2026-Q1的考核等次已评定');
    expect((await api(w.political).assessments.list({ officerId })).map((a: { period: string; grade: string }) => [a.period, a.grade])).toEqual([
      ['2026-Q1', 'excellent'],
      ['2025', 'competent'],
    ]);
  });

  it('refuses a malformed assessment period naming the field', async () => {
    const officerId = await insertOfficer(w.t, { name: '杨延昭', officerNo: 'M004' });
    await expect(api(w.political).assessments.record({ officerId, period: '2026Q1', grade: 'competent', assessedOn: '2026-04-08' })).rejects.toThrow(
      '「考核期」应为年度（如 2026）或季度（如 2026-Q1）',
    );
  });
});
