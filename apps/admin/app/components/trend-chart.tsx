// The monthly trend (registered and closed per month) as a bar chart (the kit's Chart).
import { Chart, monthLabel, type ChartOption } from '@zhengfa/ui';
import { useMemo } from 'react';
import { strings } from '../strings.js';

export interface TrendPoint {
  month: string;
  registered: number;
  closed: number;
}

export function trendOption(data: readonly TrendPoint[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 'center', data: [strings.cases.monthlyRegistered, strings.cases.monthlyClosed] },
    grid: { left: 40, right: 20, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: data.map((d) => monthLabel(d.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    color: ['#b71c1c', '#389e0d'],
    series: [
      { name: strings.cases.monthlyRegistered, type: 'bar', barMaxWidth: 18, data: data.map((d) => d.registered) },
      { name: strings.cases.monthlyClosed, type: 'bar', barMaxWidth: 18, data: data.map((d) => d.closed) },
    ],
  };
}

export function TrendChart({ data, height = 300 }: { data: readonly TrendPoint[]; height?: number }) {
  const option = useMemo(() => trendOption(data), [data]);
  return <Chart option={option} height={height} testId="trend-chart" />;
}
