// The parts of ECharts console charts draw (bar and line charts with grid, tooltip and legend
// on canvas), registered once; imported dynamically by chart.tsx so it stays out of the
// server render and of pages without charts.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
