import { describe, expect, it } from 'vitest';
import { documentGrams, gramsAreExact, queryGrams } from './search-grams.js';
import { formatDocNumber } from './numbering.js';
import { canTransition, missingClarities, missingFourFixes, transitions } from './lifecycle.js';

describe('document numbers', () => {
  it('follow the county format with full-width brackets', () => {
    expect(formatDocNumber({ abbr: '示', kindWord: '督', year: 2026, seq: 12 })).toBe('示政法督〔2026〕12号');
  });
});

describe('search grams', () => {
  it('index every character and every adjacent pair', () => {
    expect(documentGrams('土地纠纷').sort()).toEqual(['土', '土地', '地', '地纠', '纠', '纠纷', '纷'].sort());
  });

  it('do not join characters across punctuation', () => {
    expect(documentGrams('拆迁，补偿')).not.toContain('迁补');
  });

  it('turn a two-character query into its one bigram and a longer one into all its bigrams', () => {
    expect(queryGrams('土地')).toEqual(['土地']);
    expect(queryGrams('无法提交')).toEqual(['无法', '法提', '提交']);
    expect(queryGrams('拆')).toEqual(['拆']);
    expect(queryGrams('  ')).toEqual([]);
  });

  it('decide one- and two-character terms on their own and leave longer ones to a substring check', () => {
    expect(gramsAreExact('土地')).toBe(true);
    expect(gramsAreExact('拆')).toBe(true);
    expect(gramsAreExact('征地补偿')).toBe(false);
    expect(gramsAreExact('土地 拆迁')).toBe(false);
  });
});

describe('lifecycle table', () => {
  it('lets a case be assigned only once approved', () => {
    expect(canTransition('assign', 'approved')).toBe(true);
    expect(canTransition('assign', 'registered')).toBe(false);
    expect(canTransition('assign', 'pending_approval')).toBe(false);
  });

  it('sends a returned result back to the unit', () => {
    expect(transitions.returnForRework).toMatchObject({ from: ['submitted'], to: 'in_progress' });
  });

  it('names the missing four fixes', () => {
    expect(missingFourFixes({ leadLeaderId: 'x', handlerName: ' ', resolutionPlan: null, deadline: '2026-12-01', leadUnitId: 'u' })).toEqual(['handlerName', 'resolutionPlan']);
  });

  it('names the missing six clarities', () => {
    expect(missingClarities({ parties: '张某', facts: '……' })).toEqual(['originalHandling', 'complaintReason', 'currentSituation', 'proposedHandling']);
  });
});
