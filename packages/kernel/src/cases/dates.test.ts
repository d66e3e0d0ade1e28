import { describe, expect, it } from 'vitest';
import { chinaDate } from './dates.js';

describe('chinaDate', () => {
  it('gives the next calendar day in China from 16:00 UTC on', () => {
    expect(chinaDate(new Date('2026-11-21T15:59:59.999Z'))).toBe('2026-11-21');
    expect(chinaDate(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });

  it('agrees with the time-zone database for every hour of a year', () => {
    const tz = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3600_000) {
      if (chinaDate(new Date(t)) !== tz.format(t)) expect.fail(`differs at ${new Date(t).toISOString()}`);
    }
  });
});
