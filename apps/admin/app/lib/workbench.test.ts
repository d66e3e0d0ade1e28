import { describe, expect, it } from 'vitest';
import { mergeTodos, overdueByUnit, showsCountyOverview, type KernelTodo } from './workbench.js';

const k = (key: string, label: string, count: number, extra: Partial<KernelTodo> = {}): KernelTodo => ({ key, label, count, urgent: 0, link: `/cases?k=${key}`, oldest: null, tone: 'normal', ...extra });

describe('mergeTodos', () => {
  it("puts overdue first, then deadlines, then items holding urgent cases, then the longest waiting, plugins' items among them", () => {
    const { items } = mergeTodos(
      [
        k('inProgress', '待报结', 2, { oldest: '2026-11-20' }),
        k('toAcknowledge', '待签收', 1, { oldest: '2026-12-01', urgent: 1 }),
        k('dueSoon', '临期事项（7日内到期）', 1, { tone: 'warning', oldest: '2026-12-10' }),
        k('overdue', '已超期事项', 3, { tone: 'danger', oldest: '2026-11-30' }),
      ],
      '事项督办',
      [{ pluginId: 'petitions', pluginName: '信访接待', items: [{ key: 'routing', label: '待转送交办', count: 4, link: '/petitions?s=registered', oldest: '2026-11-01' }] }],
    );
    expect(items.map((i) => `${i.source}·${i.label}·${i.count}`)).toEqual([
      '事项督办·已超期事项·3',
      '事项督办·临期事项（7日内到期）·1',
      '事项督办·待签收·1',
      '信访接待·待转送交办·4',
      '事项督办·待报结·2',
    ]);
  });

  it('counts what waits without counting a case twice for its deadline', () => {
    const { total } = mergeTodos([k('overdue', '已超期事项', 3, { tone: 'danger' }), k('inProgress', '待报结', 5), k('dispatchDue', '待调度', 2, { tone: 'warning' })], '事项督办', [
      { pluginId: 'petitions', pluginName: '信访接待', items: [{ key: 'routing', label: '待转送交办', count: 4, link: '/petitions', oldest: null }] },
    ]);
    expect(total).toBe(11);
  });

  it("reports a plugin whose to-dos could not be gathered, apart from the list", () => {
    const { items, failed } = mergeTodos([], '事项督办', [{ pluginId: 'mediation', pluginName: '联合调处', items: [], error: '「联合调处」的待办暂时无法获取' }]);
    expect(items).toEqual([]);
    expect(failed).toEqual([{ pluginId: 'mediation', pluginName: '联合调处', error: '「联合调处」的待办暂时无法获取' }]);
  });
});

describe('overdueByUnit', () => {
  it('lists only units with overdue cases, most overdue first', () => {
    expect(
      overdueByUnit([
        { unitId: 'a', name: '示范县公安局', overdue: 2, open: 10 },
        { unitId: 'b', name: '示范县人民法院', overdue: 0, open: 4 },
        { unitId: 'c', name: '示范县司法局', overdue: 5, open: 6 },
      ]).map((u) => u.name),
    ).toEqual(['示范县司法局', '示范县公安局']);
  });
});

describe('showsCountyOverview', () => {
  it("shows the county's overview to the committee's leader, not to the office or a unit's liaison", () => {
    expect(showsCountyOverview(['cases.read', 'cases.approve', 'supervision.sign'], true)).toBe(true);
    expect(showsCountyOverview(['cases.read', 'cases.assign', 'cases.review'], true)).toBe(false);
    expect(showsCountyOverview(['cases.read', 'cases.handle'], false)).toBe(false);
  });
});
