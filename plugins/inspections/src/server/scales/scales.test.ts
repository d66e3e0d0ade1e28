import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, fourGrades, startWorld, threeGrades, type World } from '../test/world.js';

describeEachEngine('inspections grade scales', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-01');
  });
  afterAll(() => w.t.stop());

  it('keeps a 3-grade and a 4-grade scale as data', async () => {
    await api(w.sup).scales.create(threeGrades);
    await api(w.sup).scales.create(fourGrades);
    const scales = await api(w.sup).scales.list();
    expect(scales.map((s: any) => [s.name, s.total, s.grades.map((g: any) => `${g.label}≥${g.minScore}`).join(' ')])).toEqual([
      ['三级（优秀/合格/不合格）', 100, '优秀≥90 合格≥60 不合格≥0'],
      ['四级（优质/合格/基本合格/不合格）', 100, '优质≥90 合格≥80 基本合格≥60 不合格≥0'],
    ]);
  });

  it('refuses a threshold above the scale’s total naming the field, writing nothing', async () => {
    const grades = [{ label: '达标', minScore: 120, band: 'excellent' }, { label: '不达标', minScore: 0, band: 'fail' }];
    await expect(api(w.sup).scales.create({ name: '设施达标', total: 100, grades })).rejects.toThrow('「等级」「达标」的「最低分」应在 0 至 100 分之间');
    expect((await api(w.sup).scales.list()).map((s: any) => s.name)).not.toContain('设施达标');
  });

  it('refuses thresholds that are not strictly decreasing', async () => {
    const grades = [{ label: '优秀', minScore: 80, band: 'excellent' }, { label: '合格', minScore: 80, band: 'good' }, { label: '不合格', minScore: 0, band: 'fail' }];
    await expect(api(w.sup).scales.create({ name: '有误的标准', total: 100, grades })).rejects.toThrow('「等级」「合格」的「最低分」应低于上一等级');
  });

  it('refuses a lowest grade that does not start at 0', async () => {
    const grades = [{ label: '达标', minScore: 80, band: 'excellent' }, { label: '不达标', minScore: 10, band: 'fail' }];
    await expect(api(w.sup).scales.create({ name: '有误的标准二', total: 100, grades })).rejects.toThrow('「等级」最后一级的「最低分」应为 0');
  });

  it('keeps pass/fail for facilities', async () => {
    const { id } = await api(w.sup).scales.create({ name: '达标/不达标', total: 100, grades: [{ label: '达标', minScore: 80, band: 'excellent' }, { label: '不达标', minScore: 0, band: 'fail' }] });
    expect((await api(w.sup).scales.list()).find((s: any) => s.id === id).grades.map((g: any) => g.label)).toEqual(['达标', '不达标']);
  });

  it('leaves scales to the committee', async () => {
    await expect(api(w.liaison).scales.list()).rejects.toThrow('您没有「组织专项检查与案件质量评查」权限');
  });
});
