import { describe, expect, it } from 'vitest';
import { effectPeriod, periodEnd, sanctionKinds, type SanctionKind } from './periods.js';

// Every kind decided on 2026-03-15: the period counts from the decision date itself, so its
// last day is the day before the same date `months` later.
const decided = '2026-03-15';
const expected: Record<SanctionKind, string | null | 'permanent'> = {
  talk_reminder: null,
  criticism: null,
  self_examination: null,
  admonishment: '2026-09-14',
  reassignment: '2027-03-14',
  gov_warning: '2026-09-14',
  demerit: '2027-03-14',
  major_demerit: '2027-09-14',
  demotion: '2028-03-14',
  dismissal_from_post: '2028-03-14',
  expulsion: 'permanent',
  party_warning: '2027-03-14',
  party_serious_warning: '2027-09-14',
  party_post_removal: '2028-03-14',
  party_probation: '2027-03-14',
  party_expulsion: '2031-03-14',
};

describe('sanction effect periods', () => {
  for (const kind of sanctionKinds) {
    it(`ends the effect of ${kind} decided on 2026-03-15 on ${String(expected[kind])}`, () => {
      const p = effectPeriod(kind, decided);
      const want = expected[kind];
      if (want === 'permanent') expect(p).toEqual({ months: null, effectiveUntil: null, permanent: true });
      else expect(p.effectiveUntil).toBe(want);
    });
  }

  it('gives 留党察看 of two years a period through 2028-03-14', () => {
    expect(effectPeriod('party_probation', decided, { probationYears: 2 })).toEqual({ months: 24, effectiveUntil: '2028-03-14', permanent: false });
  });

  it('uses the county’s own months for a kind when it set them', () => {
    expect(effectPeriod('gov_warning', decided, { countyMonths: 9 })).toEqual({ months: 9, effectiveUntil: '2026-12-14', permanent: false });
  });

  it('ends a period whose corresponding date does not exist on the last day of that month', () => {
    expect(periodEnd('2026-08-31', 6)).toBe('2027-02-28');
    expect(periodEnd('2027-08-31', 6)).toBe('2028-02-29');
    expect(periodEnd('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('ends a period starting on the first of a month on the last day of the month before', () => {
    expect(periodEnd('2026-03-01', 12)).toBe('2027-02-28');
    expect(periodEnd('2026-12-01', 1)).toBe('2026-12-31');
  });
});
