import { describe, expect, it } from 'vitest';
import { trendOption } from './trend-chart.js';

describe('trendOption', () => {
  it('labels the months the Chinese way and draws registered and closed as bars', () => {
    const option = trendOption([
      { month: '2026-03', registered: 4, closed: 1 },
      { month: '2026-04', registered: 2, closed: 3 },
    ]) as { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    expect(option.xAxis.data).toEqual(['2026年3月', '2026年4月']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['登记', [4, 2]],
      ['办结', [1, 3]],
    ]);
  });
});
