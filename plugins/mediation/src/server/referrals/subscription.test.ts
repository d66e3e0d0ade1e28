import { describe, expect, it } from 'vitest';
import { addWeekdays } from './subscription.js';

describe('the triage deadline of a referred dispute', () => {
  it('counts three weekdays from a Friday to the Wednesday after', () => {
    expect(addWeekdays('2026-10-09', 3)).toBe('2026-10-14');
  });

  it('counts across the turn of the year', () => {
    expect(addWeekdays('2026-12-31', 2)).toBe('2027-01-04');
  });
});
