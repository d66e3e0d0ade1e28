import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, campaignInput, startWorld, templateInput, type World } from '../test/world.js';

describeEachEngine('inspections checklists', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-01');
  });
  afterAll(() => w.t.stop());

  it('keeps a template’s items grouped by aspect with their points', async () => {
    const { id, versionNo } = await api(w.sup).templates.create(templateInput());
    const t = await api(w.sup).templates.get({ id });
    expect([versionNo, t.total, t.items.map((i: any) => `${i.aspect}/${i.kind}/${i.maxPoints}`)]).toEqual([
      1,
      100,
      ['实体/points/40', '程序/points/30', '法律文书/deduction/20', '卷宗装订/points/10', '实体/veto/0'],
    ]);
  });

  it('refuses weights that do not add up to the total naming the field, writing nothing', async () => {
    const items = templateInput().items.map((i) => (i.content === '卷宗装订规范' ? { ...i, maxPoints: 15 } : i));
    await expect(api(w.sup).templates.create(templateInput({ name: '合计有误的标准', items }))).rejects.toThrow('「评查项目」的「分值」合计 105 分，应等于「满分」100 分');
    expect((await api(w.sup).templates.list()).map((t: any) => t.name)).not.toContain('合计有误的标准');
  });

  it('refuses a deduction item without its points per defect', async () => {
    const items = templateInput().items.map((i) => (i.kind === 'deduction' ? { ...i, perDefect: null } : i));
    await expect(api(w.sup).templates.create(templateInput({ name: '倒扣分有误', items }))).rejects.toThrow('第 3 项「评查项目」为倒扣分，请填写「每处扣分」');
  });

  it('writes a new version on revision, and a campaign keeps the version it scores with', async () => {
    const a = api(w.sup);
    const v1 = await a.templates.create(templateInput({ name: '公安执法案卷评查标准', unitType: 'police' }));
    const c = await a.campaigns.create(campaignInput([w.units.police], { templates: [{ unitType: 'police', templateId: v1.id }] }));
    const items = templateInput().items.map((i) => (i.content === '办案程序合法' ? { ...i, content: '办案程序合法、及时' } : i));
    const v2 = await a.templates.revise({ id: v1.id, ...templateInput({ name: '公安执法案卷评查标准', unitType: 'police', items }) });
    expect(v2.versionNo).toBe(2);
    expect((await a.campaigns.get({ id: c.id })).templates.map((t: any) => [t.templateId, t.versionNo])).toEqual([[v1.id, 1]]);
    expect((await a.templates.list()).filter((t: any) => t.name === '公安执法案卷评查标准').map((t: any) => t.versionNo)).toEqual([2]);
    expect((await a.templates.get({ id: v1.id })).items[1].content).toBe('办案程序合法');
  });

  it('refuses to revise a version that is no longer current', async () => {
    const a = api(w.sup);
    const v1 = await a.templates.create(templateInput({ name: '法院案卷评查标准', unitType: 'court' }));
    await a.templates.revise({ id: v1.id, ...templateInput({ name: '法院案卷评查标准', unitType: 'court' }) });
    await expect(a.templates.revise({ id: v1.id, ...templateInput({ name: '法院案卷评查标准', unitType: 'court' }) })).rejects.toThrow('该记录已被他人修改，请刷新页面后重试');
  });
});
