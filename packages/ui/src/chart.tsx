// An ECharts chart for console pages. ECharts needs the DOM, so it is imported and drawn only
// in the browser (and only on pages with a chart); the server renders an empty, sized box
// with a spinner. The page builds the option (series, axes, colours); this draws it, resizes
// it with the window and disposes it.
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { uiStrings } from './strings.js';

/** An ECharts option object (see echarts.apache.org): bar and line series, grid, tooltip, legend. */
export type ChartOption = Record<string, unknown>;

export function Chart({ option, height = 300, testId }: { option: ChartOption; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void import('./echarts.js').then(({ echarts }) => {
      if (disposed || !box.current) return;
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
      c.setOption(option);
      chart = c;
      window.addEventListener('resize', onResize);
      setReady(true);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);
  return (
    <div style={{ position: 'relative', height }} data-testid={testId}>
      <div ref={box} style={{ width: '100%', height }} />
      {ready ? null : (
        <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Spin tip={uiStrings.chartLoading}>
            <div style={{ width: 120, height: 40 }} />
          </Spin>
        </div>
      )}
    </div>
  );
}

/** `2026-03` → `2026年3月`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return y && m ? `${y}年${Number(m)}月` : month;
}
