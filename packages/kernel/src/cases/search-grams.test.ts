import { describe, expect, it } from 'vitest';
import { substringOperator } from './search-grams.js';

describe('substringOperator', () => {
  it('confirms a Chinese term with LIKE', () => {
    expect(substringOperator('征地补偿')).toBe('like');
  });

  it('confirms a term of digits and punctuation with LIKE', () => {
    expect(substringOperator('〔2026〕12号')).toBe('like');
  });

  it('confirms a term with a Latin letter with ILIKE', () => {
    expect(substringOperator('etc扣费')).toBe('ilike');
  });

  it('confirms a term with a full-width letter with ILIKE', () => {
    expect(substringOperator('ＥＴＣ扣费')).toBe('ilike');
  });

  it('confirms a term with a Greek or Cyrillic letter with ILIKE', () => {
    expect(substringOperator('Ωмир')).toBe('ilike');
  });
});
