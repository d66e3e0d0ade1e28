// ECharts options for the results page, built from the results procedure's figures. Pure.
import type { ChartOption } from '@zhengfa/ui';

export interface UnitGrades {
  unitName: string;
  grades: { label: string; count: number }[];
}

/** One stacked bar per unit, one series per grade (in the scale's order). */
export function gradeDistribution(units: UnitGrades[], gradeLabels: string[]): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: gradeLabels, top: 0 },
    grid: { left: 40, right: 16, bottom: 32, top: 40, containLabel: true },
    xAxis: { type: 'category', data: units.map((u) => u.unitName) },
    yAxis: { type: 'value', minInterval: 1 },
    series: gradeLabels.map((label, i) => ({ name: label, type: 'bar', stack: 'grades', data: units.map((u) => u.grades[i]?.count ?? 0) })),
  };
}

/** Defect types ranked: a horizontal bar, the most frequent on top (at most `limit`). */
export function defectRanking(defects: { aspect: string; content: string; files: number }[], seriesName: string, limit = 10): ChartOption {
  const top = defects.slice(0, limit).reverse();
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 200, right: 24, bottom: 24, top: 16 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((d) => `${d.aspect}：${d.content}`) },
    series: [{ name: seriesName, type: 'bar', data: top.map((d) => d.files) }],
  };
}
