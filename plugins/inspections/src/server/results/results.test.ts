import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, campaignInput, fourGrades, sheet, startWorld, templateInput, threeGrades, toReview, type World } from '../test/world.js';

// The hand-computed fixture: the police's 4 files (7 volumes) and the procuratorate's 2 (3
// volumes), each scored once on the 100-point checklist:
//   P1 40+30+20+10 = 100   P2 38+28+15+9 = 90   P3 33+25+10+10 = 78   P4 100 with the veto
//   Q1 33+30+15+7 = 85     Q2 20+20+0+5 = 45
// 3-grade (优秀 ≥90, 合格 ≥60): 优秀 P1 P2, 合格 P3 Q1, 不合格 P4 (veto) Q2.
// 4-grade (优质 ≥90, 合格 ≥80, 基本合格 ≥60): 优质 P1 P2, 合格 Q1, 基本合格 P3, 不合格 P4 Q2.
describeEachEngine('inspections results', (engine) => {
  let w: World;
  let campaignId: string;
  let fourId: string;

  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-20');
    const a = api(w.sup);
    const template = await a.templates.create(templateInput());
    const items = (await a.templates.get({ id: template.id })).items;
    const three = await a.scales.create(threeGrades);
    fourId = (await a.scales.create(fourGrades)).id;
    campaignId = (await a.campaigns.create(campaignInput([w.units.police, w.units.procuratorate], { templates: [{ unitType: 'any', templateId: template.id }], scaleId: three.id }))).id;
    const fixture = {
      police: [
        ['P1', 2, [40, 30, 0, 10]],
        ['P2', 1, [38, 28, 1, 9]],
        ['P3', 1, [33, 25, 2, 10]],
        ['P4', 3, [40, 30, 0, 10, true]],
      ],
      procuratorate: [
        ['Q1', 1, [33, 30, 1, 7]],
        ['Q2', 2, [20, 20, 5, 5]],
      ],
    } as const;
    for (const [unit, rows] of Object.entries(fixture)) {
      const unitId = w.units[unit as 'police' | 'procuratorate'];
      await a.files.register({ campaignId, unitId, files: rows.map(([caseNo, volumes]) => ({ caseNo, caseType: '刑事', volumes })) });
    }
    // A candidate never sampled counts nowhere.
    await a.files.register({ campaignId, unitId: w.units.police, files: [{ caseNo: 'P9', caseType: '刑事', volumes: 5 }] });
    await toReview(a, campaignId);
    const ids = Object.fromEntries((await a.files.list({ campaignId })).map((f: any) => [f.caseNo, f.id]));
    const member = (await a.members.add({ campaignId, kind: 'staff', userId: w.supId })).id;
    for (const [unit, rows] of Object.entries(fixture)) {
      await a.sampling.target({ campaignId, unitId: w.units[unit as 'police' | 'procuratorate'], caseNos: rows.map(([no]) => no), reason: '随机抽取后补录' });
      for (const [caseNo, , score] of rows) {
        const assignmentId = (await a.scoring.assign({ fileId: ids[caseNo], memberId: member, role: 'first' })).id;
        await a.scoring.submit({ assignmentId, version: 1, scores: sheet(items, [...score] as [number, number, number, number, boolean?]) });
      }
    }
  });
  afterAll(() => w.t.stop());

  it('gives the campaign’s figures on the 3-grade scale', async () => {
    const r = await api(w.sup).results.campaign({ campaignId });
    expect(r.overall).toEqual({
      files: 6,
      volumes: 10,
      grades: [
        { label: '优秀', band: 'excellent', count: 2 },
        { label: '合格', band: 'good', count: 2 },
        { label: '不合格', band: 'fail', count: 2 },
      ],
      passRate: 66.7,
      excellentRate: 33.3,
      combinedRate: 66.7,
    });
  });

  it('gives each unit’s figures', async () => {
    const r = await api(w.sup).results.campaign({ campaignId });
    expect(r.units.map((u: any) => [u.unitName, u.sampled, u.files, u.volumes, u.grades.map((g: any) => g.count), u.passRate, u.excellentRate, u.combinedRate])).toEqual([
      ['示范县人民检察院', 2, 2, 3, [0, 1, 1], 50, 0, 50],
      ['示范县公安局', 4, 4, 7, [2, 1, 1], 75, 50, 75],
    ]);
  });

  it('ranks the defect types by the files that lost points on them', async () => {
    const r = await api(w.sup).results.campaign({ campaignId });
    expect(r.defects.map((d: any) => [d.aspect, d.content, d.files])).toEqual([
      ['实体', '事实认定清楚，证据确实充分', 4],
      ['法律文书', '法律文书制作规范', 4],
      ['程序', '办案程序合法', 3],
      ['卷宗装订', '卷宗装订规范', 3],
      ['实体', '存在错案', 1],
    ]);
  });

  it('regrades every file when the campaign switches to the 4-grade scale', async () => {
    const a = api(w.sup);
    const { version } = await a.campaigns.get({ id: campaignId });
    await a.campaigns.setScale({ id: campaignId, version, scaleId: fourId });
    const r = await a.results.campaign({ campaignId });
    expect([r.scale, r.overall.grades.map((g: any) => `${g.label}${g.count}`), r.overall.passRate, r.overall.excellentRate, r.overall.combinedRate]).toEqual([
      '四级（优质/合格/基本合格/不合格）',
      ['优质2', '合格1', '基本合格1', '不合格2'],
      66.7,
      33.3,
      50,
    ]);
    expect(r.units.map((u: any) => [u.unitName, u.combinedRate])).toEqual([
      ['示范县人民检察院', 50],
      ['示范县公安局', 50],
    ]);
    expect((await a.files.list({ campaignId, unitId: w.units.police, sampledOnly: true })).map((f: any) => `${f.caseNo}:${f.grade}`)).toEqual([
      'P1:优质',
      'P2:优质',
      'P3:基本合格',
      'P4:不合格',
    ]);
  });

  it('shows a unit’s liaison only its own unit', async () => {
    const r = await api(w.liaison).unit.results({ campaignId });
    expect(r.units.map((u: any) => [u.unitName, u.files])).toEqual([['示范县公安局', 4]]);
    // P2 lost points on items 1–4, P3 on items 1–3, P4 on the veto.
    expect(r.defects.map((d: any) => `${d.aspect}${d.files}`)).toEqual(['实体2', '程序2', '法律文书2', '卷宗装订1', '实体1']);
  });
});
