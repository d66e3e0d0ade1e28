import { describe, expect, it } from 'vitest';
import { isBroadTerm } from './queries.js';

describe('isBroadTerm', () => {
  it('treats a term with more matches than the search cap as broad', () => {
    expect(isBroadTerm(1001, 1000, 20, 1_000_000)).toBe(true);
  });

  it('treats a term as broad in a small county once walking the order index reads fewer rows than the matches', () => {
    // 13,600 cases, first page: walking reads ~20 × 13,600 / 600 ≈ 450 rows < 600 matches.
    expect(isBroadTerm(600, 1000, 20, 13_600)).toBe(true);
    expect(isBroadTerm(150, 1000, 20, 13_600)).toBe(false);
  });

  it('keeps a rare term on the gram index in a large county', () => {
    expect(isBroadTerm(800, 1000, 20, 110_000)).toBe(false);
  });
});
