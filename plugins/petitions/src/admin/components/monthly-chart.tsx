// Matters per month of a year against the year before, and person-visits as a line.
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MonthFigures } from '../lib/api.js';
import { strings } from '../strings.js';

const s = strings.statistics;

export function MonthlyChart({ year, months, height = 300 }: { year: number; months: readonly MonthFigures[]; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void import('./echarts.js').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
      const names = [s.thisYearSeries(year), s.lastYearSeries(year - 1), s.personsSeries(year)];
      c.setOption({
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
      });
      chart = c;
      window.addEventListener('resize', onResize);
      setReady(true);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [year, months]);
  return (
    <div style={{ position: 'relative', height }} data-testid="monthly-chart">
      <div ref={box} style={{ width: '100%', height }} />
      {ready ? null : (
        <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Spin />
        </div>
      )}
    </div>
  );
}
