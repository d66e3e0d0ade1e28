// The parts of ECharts the console draws (line charts with grid, tooltip and legend on
// canvas), registered once; imported dynamically so it stays out of the server render
// and of pages without charts.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
