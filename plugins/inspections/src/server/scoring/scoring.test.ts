import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { addUserWithPermissions, describeEachEngine, type ActingUser } from '@zhengfa/test-utils';
import { api, campaignInput, sheet, startWorld, templateInput, threeGrades, toReview, type World } from '../test/world.js';

describeEachEngine('inspections scoring', (engine) => {
  let w: World;
  let policeReviewer: ActingUser & { id: string };
  let courtReviewer: ActingUser & { id: string };
  let campaignId: string;
  let items: { id: string }[];
  const m: Record<string, string> = {};
  const files: Record<string, string> = {};

  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-20');
    policeReviewer = await addUserWithPermissions(w.t, { username: 'reviewer-police', displayName: '周警官', orgName: '示范县公安局', permissions: ['inspections.review'] });
    courtReviewer = await addUserWithPermissions(w.t, { username: 'reviewer-court', displayName: '吴法官', orgName: '示范县人民法院', permissions: ['inspections.review'] });
    const a = api(w.sup);
    const template = await a.templates.create(templateInput());
    items = (await a.templates.get({ id: template.id })).items;
    const scale = await a.scales.create(threeGrades);
    campaignId = (
      await a.campaigns.create(campaignInput([w.units.police, w.units.procuratorate], { templates: [{ unitType: 'any', templateId: template.id }], scaleId: scale.id, doubleScoring: true, margin: 5 }))
    ).id;
    const nos = ['J1', 'J2', 'J3', 'J4', 'J5', 'J6'];
    await a.files.register({ campaignId, unitId: w.units.procuratorate, files: nos.map((caseNo) => ({ caseNo, caseType: '刑事', volumes: 1 })) });
    await a.files.register({ campaignId, unitId: w.units.police, files: [{ caseNo: 'P1', caseType: '刑事', volumes: 1 }] });
    await toReview(a, campaignId);
    for (const f of await a.files.list({ campaignId })) files[f.caseNo] = f.id;
    await a.sampling.manual({ campaignId, unitId: w.units.procuratorate, fileIds: nos.map((n) => files[n]) });
    await a.sampling.manual({ campaignId, unitId: w.units.police, fileIds: [files.P1] });
    m.sup = (await a.members.add({ campaignId, kind: 'staff', userId: w.supId })).id;
    m.police = (await a.members.add({ campaignId, kind: 'staff', userId: policeReviewer.id })).id;
    m.court = (await a.members.add({ campaignId, kind: 'staff', userId: courtReviewer.id })).id;
    m.lawyer = (await a.members.add({ campaignId, kind: 'external', role: 'lawyer', name: '赵律师', pledgeSignedOn: '2026-09-01' })).id;
    m.deputy = (await a.members.add({ campaignId, kind: 'external', role: 'npc_deputy', name: '钱代表' })).id;
  });
  afterAll(() => w.t.stop());

  async function assign(file: string, member: string, role: string): Promise<string> {
    return (await api(w.sup).scoring.assign({ fileId: files[file], memberId: m[member], role })).id;
  }

  it('refuses a reviewer from the reviewed unit (cross review), assigning nobody', async () => {
    await expect(assign('P1', 'police', 'first')).rejects.toThrow('交叉评查：评查人不能评查本单位的案卷');
    const r = await sql<{ n: number }>`select count(*)::int as n from inspections.assignments where file_id = ${files.P1}`.execute(w.t.database.db);
    expect(r.rows[0]!.n).toBe(0);
  });

  it('refuses an external member who has not signed the confidentiality pledge', async () => {
    await expect(assign('P1', 'deputy', 'first')).rejects.toThrow('该外部成员尚未签署保密承诺，请先登记「保密承诺签署日期」');
  });

  it('averages two blind scores within the margin', async () => {
    const first = await assign('J1', 'sup', 'first');
    const second = await assign('J1', 'court', 'second');
    expect(await api(w.sup).scoring.submit({ assignmentId: first, version: 1, scores: sheet(items, [38, 28, 1, 9]) })).toEqual({ total: 90, vetoed: false, outcome: 'awaiting' });
    const blind = await api(courtReviewer).scoring.sheet({ assignmentId: second });
    expect([blind.scores, blind.file.caseNo, blind.items.length]).toEqual([[], 'J1', 5]);
    expect(await api(courtReviewer).scoring.submit({ assignmentId: second, version: 1, scores: sheet(items, [37, 27, 1, 8]) })).toEqual({ total: 87, vetoed: false, outcome: 'decided' });
    const f = (await api(w.sup).files.list({ campaignId })).find((x: any) => x.caseNo === 'J1');
    expect([f.finalTotal, f.finalSource, f.grade, f.state]).toEqual([88.5, 'average', '合格', 'decided']);
  });

  it('sends two scores further apart than the margin to a third reviewer, whose score decides', async () => {
    const first = await assign('J2', 'sup', 'first');
    const second = await assign('J2', 'court', 'second');
    await expect(assign('J2', 'police', 'arbiter')).rejects.toThrow('该案卷两名评查人分差未超过阈值，不需要第三评查人');
    await api(w.sup).scoring.submit({ assignmentId: first, version: 1, scores: sheet(items, [40, 30, 0, 10]) });
    expect((await api(courtReviewer).scoring.submit({ assignmentId: second, version: 1, scores: sheet(items, [34, 25, 2, 9]) })).outcome).toBe('disputed');
    const third = await assign('J2', 'police', 'arbiter');
    expect(await api(policeReviewer).scoring.submit({ assignmentId: third, version: 1, scores: sheet(items, [38, 28, 1, 8]) })).toEqual({ total: 89, vetoed: false, outcome: 'decided' });
    const f = (await api(w.sup).files.list({ campaignId })).find((x: any) => x.caseNo === 'J2');
    expect([f.finalTotal, f.finalSource, f.grade]).toEqual([89, 'arbiter', '合格']);
  });

  it('lets the panel decide a disputed file with its note', async () => {
    const first = await assign('J3', 'sup', 'first');
    const second = await assign('J3', 'court', 'second');
    await api(w.sup).scoring.submit({ assignmentId: first, version: 1, scores: sheet(items, [40, 30, 0, 10]) });
    await api(courtReviewer).scoring.submit({ assignmentId: second, version: 1, scores: sheet(items, [40, 30, 0, 10, true]) });
    const before = (await api(w.sup).files.list({ campaignId })).find((x: any) => x.caseNo === 'J3');
    expect([before.state, before.sheetTotals]).toEqual([
      'disputed',
      [
        { role: 'first', total: 100, vetoed: false },
        { role: 'second', total: 100, vetoed: true },
      ],
    ]);
    await api(w.sup).scoring.panel({ fileId: files.J3, version: before.version, finalTotal: 92, vetoed: false, note: '经合议，不构成错案' });
    const f = (await api(w.sup).files.list({ campaignId })).find((x: any) => x.caseNo === 'J3');
    expect([f.finalTotal, f.finalSource, f.grade]).toEqual([92, 'panel', '优秀']);
  });

  it('refuses a score above the item’s points naming the field, writing nothing', async () => {
    const first = await assign('J4', 'sup', 'first');
    await expect(api(w.sup).scoring.submit({ assignmentId: first, version: 1, scores: sheet(items, [41, 30, 0, 10]) })).rejects.toThrow(
      '「第 1 项 事实认定清楚，证据确实充分」的「得分」不能超过该项分值 40 分',
    );
    const s = await api(w.sup).scoring.sheet({ assignmentId: first });
    expect([s.submitted, s.scores, s.version]).toEqual([false, [], 1]);
  });

  it('refuses a sheet that leaves an item unscored', async () => {
    const first = await assign('J5', 'sup', 'first');
    await expect(api(w.sup).scoring.submit({ assignmentId: first, version: 1, scores: sheet(items, [40, 30, 0, 10]).slice(0, 4) })).rejects.toThrow('请为「第 5 项 存在错案」评分');
  });

  it('refuses to score a task assigned to someone else', async () => {
    const second = await assign('J5', 'court', 'second');
    await expect(api(policeReviewer).scoring.submit({ assignmentId: second, version: 1, scores: sheet(items, [40, 30, 0, 10]) })).rejects.toThrow('只能为分配给自己的评查任务打分');
  });

  it('lets committee staff enter the paper sheet of an external member', async () => {
    const first = await assign('J6', 'lawyer', 'first');
    expect((await api(w.sup).scoring.submit({ assignmentId: first, version: 1, scores: sheet(items, [30, 20, 3, 5]) })).total).toBe(60);
  });

  it('refuses to change the campaign’s template once a sheet was submitted', async () => {
    const a = api(w.sup);
    const other = await a.templates.create(templateInput({ name: '另一评查标准' }));
    const c = await a.campaigns.get({ id: campaignId });
    const input = { ...campaignInput([w.units.police, w.units.procuratorate]), scaleId: c.scaleId, doubleScoring: true, margin: 5, templates: [{ unitType: 'any', templateId: other.id }] };
    await expect(a.campaigns.update({ id: campaignId, version: c.version, ...input })).rejects.toThrow('已有评查打分，不能更换「评查标准」');
    expect((await a.campaigns.get({ id: campaignId })).templates.map((t: any) => t.name)).toEqual(['案件质量评查标准（通用）']);
  });

  it('lists a reviewer’s own tasks', async () => {
    expect((await api(courtReviewer).scoring.mine()).map((x: any) => [x.caseNo, x.role, x.submitted]).sort()).toEqual([
      ['J1', 'second', true],
      ['J2', 'second', true],
      ['J3', 'second', true],
      ['J5', 'second', false],
    ]);
  });
});
