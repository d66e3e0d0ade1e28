// Grading a decided score on a scale: the first grade (from the highest) whose minimum the
// score reaches; a veto gives the lowest grade. Pure, so results recompute on any scale.
import { badRequest } from '@zhengfa/plugin-api';
import { oneDecimal, tenths } from '../points.js';
import { fieldNames as n, messages as m } from '../strings.js';

export const bands = ['excellent', 'good', 'pass', 'fail'] as const;
export type Band = (typeof bands)[number];

export interface Grade {
  label: string;
  minScore: number;
  band: Band;
}

export interface Scale {
  id: string;
  name: string;
  total: number;
  grades: Grade[];
  version: number;
}

export function gradeOf(grades: Grade[], total: number, vetoed: boolean): Grade {
  const lowest = grades[grades.length - 1]!;
  if (vetoed) return lowest;
  const t = tenths(total);
  return grades.find((g) => t >= tenths(g.minScore)) ?? lowest;
}

/**
 * Checks a scale's grades: labels distinct, minimums inside 0..total with one decimal and
 * strictly decreasing, the last at 0 and the only one of the fail band. Refuses naming the field.
 */
export function checkGrades(total: number, grades: Grade[]): Grade[] {
  oneDecimal(total, n.total);
  if (tenths(total) <= 0) throw badRequest(m.totalPositive);
  const labels = new Set<string>();
  let previous = Number.POSITIVE_INFINITY;
  const out = grades.map((g, i) => {
    if (labels.has(g.label)) throw badRequest(m.gradeLabelsDuplicate(g.label));
    labels.add(g.label);
    const min = oneDecimal(g.minScore, n.gradeMin);
    if (min < 0 || tenths(min) > tenths(total)) throw badRequest(m.gradeOutside(g.label, total));
    if (tenths(min) >= previous) throw badRequest(m.gradesOrder(g.label));
    previous = tenths(min);
    const last = i === grades.length - 1;
    if (g.band === 'fail' && !last) throw badRequest(m.failNotLast);
    return { label: g.label, minScore: min, band: g.band };
  });
  const lowest = out[out.length - 1]!;
  if (lowest.minScore !== 0) throw badRequest(m.lowestGradeMin);
  if (lowest.band !== 'fail') throw badRequest(m.lowestGradeFail);
  return out;
}
