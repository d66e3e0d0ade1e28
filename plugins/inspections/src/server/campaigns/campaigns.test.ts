import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUserWithPermissions, describeEachEngine } from '@zhengfa/test-utils';
import { api, campaignInput, startWorld, templateInput, threeGrades, type World } from '../test/world.js';

describeEachEngine('inspections campaigns', (engine) => {
  let w: World;
  let templateId: string;
  let scaleId: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-01');
    templateId = (await api(w.sup).templates.create(templateInput())).id;
    scaleId = (await api(w.sup).scales.create(threeGrades)).id;
  });
  afterAll(() => w.t.stop());

  it('creates a campaign with its scope, phases, template and scale', async () => {
    const a = api(w.sup);
    const { id } = await a.campaigns.create(campaignInput([w.units.police, w.units.procuratorate], { templates: [{ unitType: 'any', templateId }], scaleId }));
    const c = await a.campaigns.get({ id });
    expect([c.kind, c.status, c.caseFrom, c.reviewFrom, c.bulletinOn, c.units.map((u: any) => `${u.unitName}/${u.unitType}`)]).toEqual([
      '案件质量评查',
      'planning',
      '2025-07-01',
      '2026-09-16',
      '2026-12-10',
      ['示范县人民检察院/procuratorate', '示范县公安局/police'],
    ]);
  });

  it('answers a double click with the campaign already created', async () => {
    const a = api(w.sup);
    const first = await a.campaigns.create(campaignInput([w.units.court], { title: '执法检查（法院）', clientKey: 'click-0001-abc' }));
    const again = await a.campaigns.create(campaignInput([w.units.court], { title: '执法检查（法院）', clientKey: 'click-0001-abc' }));
    expect([again.id, again.duplicate]).toEqual([first.id, true]);
    expect((await a.campaigns.list()).filter((c: any) => c.title === '执法检查（法院）')).toHaveLength(1);
  });

  it('refuses phases out of order naming both fields, writing nothing', async () => {
    const input = campaignInput([w.units.police], { title: '阶段有误的活动', reviewFrom: '2026-09-10' });
    await expect(api(w.sup).campaigns.create(input)).rejects.toThrow('「抽查评查开始日期」不能早于「自查自纠截止日期」');
    expect((await api(w.sup).campaigns.list()).map((c: any) => c.title)).not.toContain('阶段有误的活动');
  });

  it('refuses a kind that is not on the county’s list', async () => {
    await expect(api(w.sup).campaigns.create(campaignInput([w.units.police], { kind: '突击检查' }))).rejects.toThrow('「检查类型」「突击检查」不在本县的检查类型清单中');
  });

  it('takes a kind the county added to its list', async () => {
    const a = api(w.sup);
    const s = await a.settings.get();
    await a.settings.update({ campaignKinds: [...s.campaignKinds, '突击检查'], version: s.version });
    const { id } = await a.campaigns.create(campaignInput([w.units.police], { kind: '突击检查', title: '办案区突击检查' }));
    expect((await a.campaigns.get({ id })).kind).toBe('突击检查');
  });

  it('refuses a scale whose total differs from the template’s', async () => {
    const other = await api(w.sup).scales.create({ ...threeGrades, name: '百二十分制', total: 120, grades: [{ label: '优秀', minScore: 100, band: 'excellent' }, { label: '不合格', minScore: 0, band: 'fail' }] });
    await expect(api(w.sup).campaigns.create(campaignInput([w.units.police], { templates: [{ unitType: 'any', templateId }], scaleId: other.id }))).rejects.toThrow(
      '「等级标准」的满分 120 分与评查标准的满分 100 分不一致',
    );
  });

  it('moves through the phases in order and refuses a stale version', async () => {
    const a = api(w.sup);
    const { id } = await a.campaigns.create(campaignInput([w.units.justice], { title: '司法行政执法检查' }));
    expect(await a.campaigns.advance({ id, version: 1 })).toEqual({ version: 2, status: 'self_check' });
    await expect(a.campaigns.advance({ id, version: 1 })).rejects.toThrow('该记录已被他人修改，请刷新页面后重试');
    expect((await a.campaigns.advance({ id, version: 2 })).status).toBe('review');
  });

  it('records staff and external members with the confidentiality pledge', async () => {
    const a = api(w.sup);
    const { id } = await a.campaigns.create(campaignInput([w.units.police], { title: '执法监督巡视' }));
    await a.members.add({ campaignId: id, kind: 'staff', userId: w.supId });
    await a.members.add({ campaignId: id, kind: 'staff', name: '王检察', unitId: w.units.procuratorate });
    const lawyer = await a.members.add({ campaignId: id, kind: 'external', role: 'lawyer', name: '赵律师', unitName: '某律师事务所' });
    await a.members.recordPledge({ id: lawyer.id, version: 1, pledgeSignedOn: '2026-08-31' });
    const c = await a.campaigns.get({ id });
    expect(c.members.map((m: any) => [m.kind, m.role, m.name, m.unitName, m.pledgeSignedOn])).toEqual([
      ['staff', null, '陈监督', '示范县委政法委', null],
      ['staff', null, '王检察', '示范县人民检察院', null],
      ['external', 'lawyer', '赵律师', '某律师事务所', '2026-08-31'],
    ]);
  });

  it('leaves the organisation of campaigns to the committee, even for a unit’s user holding the permission', async () => {
    const chief = await addUserWithPermissions(w.t, { username: 'police-chief', displayName: '孙局长', orgName: '示范县公安局', permissions: ['inspections.manage'] });
    await expect(api(chief).campaigns.list()).rejects.toThrow('检查活动由政法委组织，此操作仅限政法委工作人员');
  });

  it('adds a member once on a double click', async () => {
    const a = api(w.sup);
    const { id } = await a.campaigns.create(campaignInput([w.units.police], { title: '人民监督员参加的检查' }));
    const input = { campaignId: id, kind: 'external', role: 'people_supervisor', name: '孙监督员', pledgeSignedOn: '2026-08-30', clientKey: 'member-click-01' };
    const first = await a.members.add(input);
    expect((await a.members.add(input)).id).toBe(first.id);
    expect((await a.campaigns.get({ id })).members).toHaveLength(1);
  });

  it('refuses an external member without a role', async () => {
    const { id } = await api(w.sup).campaigns.create(campaignInput([w.units.police], { title: '外部成员' }));
    await expect(api(w.sup).members.add({ campaignId: id, kind: 'external', name: '钱代表' })).rejects.toThrow('请选择「外部成员身份」');
  });
});

describeEachEngine('inspections self-checks', (engine) => {
  let w: World;
  let id: string;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-05');
    id = (await api(w.sup).campaigns.create(campaignInput([w.units.police, w.units.procuratorate]))).id;
  });
  afterAll(() => w.t.stop());

  it('lets a unit’s liaison report its own self-check and see only its own unit', async () => {
    await api(w.liaison).unit.reportSelfCheck({ campaignId: id, unitId: w.units.police, filesChecked: 120, problemsFound: 15, problemsFixed: 12, version: 0 });
    expect((await api(w.liaison).unit.selfChecks({ campaignId: id })).map((s: any) => [s.unitName, s.filesChecked, s.problemsFound, s.problemsFixed, s.version])).toEqual([
      ['示范县公安局', 120, 15, 12, 1],
    ]);
    expect((await api(w.sup).selfChecks.list({ campaignId: id })).map((s: any) => [s.unitName, s.filesChecked])).toEqual([
      ['示范县人民检察院', null],
      ['示范县公安局', 120],
    ]);
  });

  it('refuses a liaison reporting for another unit', async () => {
    await expect(api(w.liaison).unit.reportSelfCheck({ campaignId: id, unitId: w.units.procuratorate, filesChecked: 1, problemsFound: 0, problemsFixed: 0, version: 0 })).rejects.toThrow(
      '只能填报本单位的自查情况',
    );
  });

  it('refuses more problems fixed than found', async () => {
    await expect(api(w.sup).selfChecks.report({ campaignId: id, unitId: w.units.procuratorate, filesChecked: 10, problemsFound: 2, problemsFixed: 3, version: 0 })).rejects.toThrow(
      '「已整改问题数」不能大于「发现问题数」',
    );
  });

  it('lists for a liaison only the campaigns covering their unit', async () => {
    await api(w.sup).campaigns.create(campaignInput([w.units.court], { title: '法院专项检查' }));
    expect((await api(w.liaison).unit.campaigns()).map((c: any) => c.title)).toEqual(['2026年度案件质量评查']);
  });
});
