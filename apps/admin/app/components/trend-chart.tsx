// The monthly trend (registered and closed per month) as an ECharts bar chart. ECharts needs the DOM, so it is imported and
// drawn only in the browser; the server renders an empty, sized box.
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { strings } from '../strings.js';

export interface TrendPoint {
  month: string;
  registered: number;
  closed: number;
}

/** `2026-03` → `2026年3月`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return y && m ? `${y}年${Number(m)}月` : month;
}

export function TrendChart({ data, height = 300 }: { data: readonly TrendPoint[]; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void import('./echarts-line.js').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
      c.setOption({
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
  }, [data]);
  return (
    <div style={{ position: 'relative', height }} data-testid="trend-chart">
      <div ref={box} style={{ width: '100%', height }} />
      {ready ? null : (
        <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Spin tip={strings.cases.chartLoading}>
            <div style={{ width: 120, height: 40 }} />
          </Spin>
        </div>
      )}
    </div>
  );
}
