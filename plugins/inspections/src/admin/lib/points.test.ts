import { describe, expect, it } from 'vitest';
import { byAspect, gradeFor, itemsTotal, sheetTotal } from './points.js';

const grades = [
  { label: '优秀', minScore: 90 },
  { label: '合格', minScore: 60 },
  { label: '不合格', minScore: 0 },
];

describe('the checklist editor total', () => {
  it('adds the maximum points in tenths, leaving veto items out', () => {
    expect(itemsTotal([{ kind: 'points', maxPoints: 0.1 }, { kind: 'points', maxPoints: 0.2 }, { kind: 'deduction', maxPoints: 99.7 }, { kind: 'veto', maxPoints: 0 }])).toBe(100);
  });

  it('groups items by aspect in first-seen order', () => {
    expect(byAspect([{ aspect: '立案', n: 1 }, { aspect: '结案', n: 2 }, { aspect: '立案', n: 3 }])).toEqual([
      { aspect: '立案', items: [{ aspect: '立案', n: 1 }, { aspect: '立案', n: 3 }] },
      { aspect: '结案', items: [{ aspect: '结案', n: 2 }] },
    ]);
  });
});

describe('the score sheet total', () => {
  const items = [
    { id: 'a', kind: 'points' as const, maxPoints: 40, perDefect: null },
    { id: 'b', kind: 'deduction' as const, maxPoints: 60, perDefect: 2.5 },
    { id: 'c', kind: 'veto' as const, maxPoints: 0, perDefect: null },
  ];

  it('adds the points given and the deductions taken from the maximum', () => {
    expect(sheetTotal(items, { a: { points: 35.5 }, b: { defects: 3 } })).toEqual({ total: 88, vetoed: false });
  });

  it('never deducts below zero', () => {
    expect(sheetTotal(items, { a: { points: 40 }, b: { defects: 100 } })).toEqual({ total: 40, vetoed: false });
  });

  it('flags a triggered veto item', () => {
    expect(sheetTotal(items, { a: { points: 40 }, b: { defects: 0 }, c: { vetoed: true } })).toEqual({ total: 100, vetoed: true });
  });
});

describe('the grade of a total', () => {
  it('is the first grade whose minimum the total reaches', () => {
    expect(gradeFor(grades, 89.9, false)).toBe('合格');
  });

  it('is the lowest grade when vetoed', () => {
    expect(gradeFor(grades, 100, true)).toBe('不合格');
  });
});
