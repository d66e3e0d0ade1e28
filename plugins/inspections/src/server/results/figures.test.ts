import { describe, expect, it } from 'vitest';
import { gradeOf } from '../scales/grading.js';
import { figuresOf, type DecidedFile } from './figures.js';

const three = [
  { label: '优秀', minScore: 90, band: 'excellent' as const },
  { label: '合格', minScore: 60, band: 'good' as const },
  { label: '不合格', minScore: 0, band: 'fail' as const },
];

function files(scores: number[]): DecidedFile[] {
  return scores.map((s) => ({ unitId: 'u', volumes: 1, finalTotal: s, finalVetoed: false }));
}

describe('campaign figures', () => {
  it('gives the county bulletin’s pass rate: 20 excellent and 98 qualified of 120 is 98.3%', () => {
    const f = figuresOf(files([...Array(20).fill(95), ...Array(98).fill(75), 40, 30]), three);
    expect([f.files, f.grades.map((g) => g.count), f.passRate, f.excellentRate, f.combinedRate]).toEqual([120, [20, 98, 2], 98.3, 16.7, 98.3]);
  });

  it('answers 0 for every rate when nothing was reviewed', () => {
    expect(figuresOf([], three)).toEqual({ files: 0, volumes: 0, grades: [{ label: '优秀', band: 'excellent', count: 0 }, { label: '合格', band: 'good', count: 0 }, { label: '不合格', band: 'fail', count: 0 }], passRate: 0, excellentRate: 0, combinedRate: 0 });
  });

  it('grades a score on the threshold itself up, and a veto to the lowest grade', () => {
    expect([gradeOf(three, 90, false).label, gradeOf(three, 89.9, false).label, gradeOf(three, 100, true).label]).toEqual(['优秀', '合格', '不合格']);
  });
});
