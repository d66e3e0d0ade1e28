import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine } from '@zhengfa/test-utils';
import { messages as m } from '../strings.js';
import { api, chinaMorning, scoredCampaign, startWorld, type Scored, type World } from '../test/world.js';

// Results published on Tuesday 2026-09-29 with 3 working days to object: 09-30 is the first,
// 10-01..10-07 are the National Day holiday, 10-08 the second and 10-09 the third (last) day.
// The police's files: P1 33+30+15+7 = 85 (合格), P2 100 (优秀), P3 20+20+0+5 = 45 (不合格).
describeEachEngine('inspections objections', (engine) => {
  let w: World;
  let c: Scored;

  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-29');
    c = await scoredCampaign(w, {
      police: [
        ['P1', 1, [33, 30, 1, 7]],
        ['P2', 1, [40, 30, 0, 10]],
        ['P3', 1, [20, 20, 4, 5]],
      ],
      procuratorate: [['Q1', 1, [20, 20, 5, 5]]],
    });
  });
  afterAll(() => w.t.stop());

  async function objections(): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from inspections.objections`.execute(w.t.database.db);
    return r.rows[0]!.n;
  }

  it('shows a unit nothing to object to before the results are published', async () => {
    expect(await api(w.liaison).unit.files({ campaignId: c.campaignId })).toEqual({ publishedOn: null, objectionLastDay: null, objectionOpen: false, files: [] });
    await expect(api(w.liaison).unit.object({ fileId: c.ids.P1, reason: '评查扣分依据不足' })).rejects.toThrow(m.notPublished);
    expect(await objections()).toBe(0);
  });

  it('publishes the results with a window that ends on 2026-10-09 across the National Day holiday', async () => {
    const a = api(w.sup);
    const { version } = await a.campaigns.get({ id: c.campaignId });
    expect(await a.campaigns.publish({ id: c.campaignId, version })).toEqual({ version: version + 1, publishedOn: '2026-09-29', objectionLastDay: '2026-10-09' });
  });

  it('shows the committee the publication day and the window’s last day on the campaign', async () => {
    const got = await api(w.sup).campaigns.get({ id: c.campaignId });
    expect([got.resultsPublishedOn, got.objectionDays, got.objectionLastDay]).toEqual(['2026-09-29', 3, '2026-10-09']);
  });

  it('shows the unit its own files with score and grade and the window’s last day', async () => {
    const r = await api(w.liaison).unit.files({ campaignId: c.campaignId });
    expect([r.publishedOn, r.objectionLastDay, r.objectionOpen]).toEqual(['2026-09-29', '2026-10-09', true]);
    expect(r.files.map((f: any) => [f.caseNo, f.finalTotal, f.grade, f.objection])).toEqual([
      ['P1', 85, '合格', null],
      ['P2', 100, '优秀', null],
      ['P3', 45, '不合格', null],
    ]);
  });

  it('accepts an objection on the window’s last day, after the holiday', async () => {
    w.clock.set(chinaMorning('2026-10-09'));
    await api(w.liaison).unit.object({ fileId: c.ids.P1, reason: '第四项卷宗装订已按规定补正，扣分依据不足' });
    await api(w.liaison).unit.object({ fileId: c.ids.P3, reason: '法律文书问题处数认定有误' });
    expect(await objections()).toBe(2);
  });

  it('refuses a second objection on the same file', async () => {
    await expect(api(w.liaison).unit.object({ fileId: c.ids.P1, reason: '再次提出异议' })).rejects.toThrow(m.objectionTwice);
    expect(await objections()).toBe(2);
  });

  it('refuses an objection to another unit’s file as not found', async () => {
    await expect(api(w.liaison).unit.object({ fileId: c.ids.Q1, reason: '代为提出异议' })).rejects.toThrow(m.fileNotFound);
    expect(await objections()).toBe(2);
  });

  it('refuses an objection the day after the window with its own message, and writes nothing', async () => {
    w.clock.set(chinaMorning('2026-10-10'));
    await expect(api(w.liaison).unit.object({ fileId: c.ids.P2, reason: '对评查结果有异议' })).rejects.toThrow('异议期限已于 2026-10-09 届满，不能再提出异议');
    expect((await api(w.liaison).unit.files({ campaignId: c.campaignId })).objectionOpen).toBe(false);
    expect(await objections()).toBe(2);
  });

  it('upholds an objection: the file’s score and grade change with the panel’s reason, audited', async () => {
    const a = api(w.sup);
    const pending = await a.objections.list({ campaignId: c.campaignId });
    expect(pending.map((o: any) => [o.caseNo, o.status, o.scoreBefore, o.filedOn])).toEqual([
      ['P1', 'pending', 85, '2026-10-09'],
      ['P3', 'pending', 45, '2026-10-09'],
    ]);
    const p1 = pending[0];
    expect(await a.objections.decide({ id: p1.id, version: p1.version, outcome: 'upheld', finalTotal: 92, note: '经合议，卷宗装订已补正，改判为92分' })).toEqual({ version: 2 });
    const r = await api(w.liaison).unit.files({ campaignId: c.campaignId });
    const shown = r.files.find((f: any) => f.caseNo === 'P1');
    expect([shown.finalTotal, shown.grade, shown.objection.status, shown.objection.scoreBefore, shown.objection.scoreAfter, shown.objection.decisionNote]).toEqual([
      92,
      '优秀',
      'upheld',
      85,
      92,
      '经合议，卷宗装订已补正，改判为92分',
    ]);
    const audit = await sql<{ detail: any }>`select detail from kernel.audit_log where action = 'inspections.objections.decide' and target_id = ${p1.id}`.execute(w.t.database.db);
    expect(audit.rows.map((x) => [x.detail.scoreBefore, x.detail.scoreAfter, x.detail.outcome])).toEqual([[85, 92, 'upheld']]);
    const results = await a.results.campaign({ campaignId: c.campaignId });
    expect(results.units.map((u: any) => [u.unitName, u.grades.map((g: any) => g.count)])).toEqual([
      ['示范县人民检察院', [0, 0, 1]],
      ['示范县公安局', [2, 0, 1]],
    ]);
  });

  it('dismisses an objection: the score stays and the unit sees why', async () => {
    const a = api(w.sup);
    const p3 = (await a.objections.list({ campaignId: c.campaignId })).find((o: any) => o.caseNo === 'P3');
    await a.objections.decide({ id: p3.id, version: p3.version, outcome: 'dismissed', note: '经合议，法律文书四处瑕疵认定无误' });
    const shown = (await api(w.liaison).unit.files({ campaignId: c.campaignId })).files.find((f: any) => f.caseNo === 'P3');
    expect([shown.finalTotal, shown.grade, shown.objection.status, shown.objection.scoreAfter, shown.objection.decisionNote]).toEqual([45, '不合格', 'dismissed', null, '经合议，法律文书四处瑕疵认定无误']);
  });

  it('refuses to decide an objection twice', async () => {
    const a = api(w.sup);
    const p3 = (await a.objections.list({ campaignId: c.campaignId })).find((o: any) => o.caseNo === 'P3');
    await expect(a.objections.decide({ id: p3.id, version: p3.version, outcome: 'upheld', finalTotal: 60, note: '重新合议' })).rejects.toThrow(m.objectionDecided);
  });

  it('refuses an upheld objection without a score', async () => {
    await expect(api(w.sup).objections.decide({ id: '00000000-0000-4000-8000-000000000000', version: 1, outcome: 'upheld', note: '异议成立' })).rejects.toThrow(m.upheldNeedsScore);
  });
});
