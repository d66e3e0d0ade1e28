// Matters per month of a year against the year before, and person-visits as a line (the kit's Chart).
import { Chart, type ChartOption } from '@zhengfa/ui';
import { useMemo } from 'react';
import type { MonthFigures } from '../lib/api.js';
import { strings } from '../strings.js';

const s = strings.statistics;

export function monthlyOption(year: number, months: readonly Pick<MonthFigures, 'month' | 'matters' | 'lastYearMatters' | 'personVisits'>[]): ChartOption {
  const names = [s.thisYearSeries(year), s.lastYearSeries(year - 1), s.personsSeries(year)];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 'center', data: names },
    grid: { left: 40, right: 40, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => s.monthLabel(m.month)) },
    yAxis: [
      { type: 'value', minInterval: 1, name: s.matters },
      { type: 'value', minInterval: 1, name: s.personVisits },
    ],
    color: ['#b71c1c', '#bfbfbf', '#1677ff'],
    series: [
      { name: names[0], type: 'bar', barMaxWidth: 18, data: months.map((m) => m.matters) },
      { name: names[1], type: 'bar', barMaxWidth: 18, data: months.map((m) => m.lastYearMatters) },
      { name: names[2], type: 'line', yAxisIndex: 1, data: months.map((m) => m.personVisits) },
    ],
  };
}

export function MonthlyChart({ year, months, height = 300 }: { year: number; months: readonly MonthFigures[]; height?: number }) {
  const option = useMemo(() => monthlyOption(year, months), [year, months]);
  return <Chart option={option} height={height} testId="monthly-chart" />;
}
