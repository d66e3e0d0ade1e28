import { describe, expect, it } from 'vitest';
import {
  addInterval,
  cadenceByUrgency,
  cadenceSchedule,
  firstDispatchAfter,
  firstReportAfter,
  isUrgency,
  nthDispatchDateCounting,
  nextDispatchDate,
  nextReportDate,
  nthDispatchDate,
  nthReportDate,
  urgencies,
  type Urgency,
} from './cadence.js';
import { officialWorkingCalendar } from '../calendar/working-calendar.js';

describe('the cadence table', () => {
  it('lists the three urgency classes from least to most urgent', () => {
    expect(urgencies).toEqual(['normal', 'urgent', 'critical']);
  });

  it('dispatches ordinary, urgent and extra-urgent cases every 15, 5 and 1 days', () => {
    expect(cadenceByUrgency.normal.dispatch).toEqual({ unit: 'day', every: 15 });
    expect(cadenceByUrgency.urgent.dispatch).toEqual({ unit: 'day', every: 5 });
    expect(cadenceByUrgency.critical.dispatch).toEqual({ unit: 'day', every: 1 });
  });

  it('reports ordinary, urgent and extra-urgent cases monthly, every 15 days and weekly', () => {
    expect(cadenceByUrgency.normal.report).toEqual({ unit: 'month', every: 1 });
    expect(cadenceByUrgency.urgent.report).toEqual({ unit: 'day', every: 15 });
    expect(cadenceByUrgency.critical.report).toEqual({ unit: 'day', every: 7 });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(cadenceByUrgency)).toBe(true);
    expect(Object.isFrozen(cadenceByUrgency.normal)).toBe(true);
  });

  it('recognises only the three urgency classes', () => {
    expect(isUrgency('critical')).toBe(true);
    expect(isUrgency('CRITICAL')).toBe(false);
    expect(isUrgency('特急件')).toBe(false);
    expect(isUrgency(undefined)).toBe(false);
  });
});

describe('ordinary cases (一般件)', () => {
  it('are dispatched 15 days later, across a month end', () => {
    expect(nextDispatchDate('2026-01-31', 'normal')).toBe('2026-02-15');
  });

  it('are dispatched 15 days later, across 29 February in a leap year', () => {
    expect(nextDispatchDate('2028-02-20', 'normal')).toBe('2028-03-06');
  });

  it('are dispatched 15 days later, across a year end', () => {
    expect(nextDispatchDate('2026-12-25', 'normal')).toBe('2027-01-09');
  });

  it('are reported on the same day next month', () => {
    expect(nextReportDate('2026-03-15', 'normal')).toBe('2026-04-15');
  });

  it('are reported on 28 February when the month before ended on the 31st in a common year', () => {
    expect(nextReportDate('2026-01-31', 'normal')).toBe('2026-02-28');
  });

  it('are reported on 29 February when the month before ended on the 31st in a leap year', () => {
    expect(nextReportDate('2028-01-31', 'normal')).toBe('2028-02-29');
  });

  it('are reported on 30 April after 31 March', () => {
    expect(nextReportDate('2026-03-31', 'normal')).toBe('2026-04-30');
  });

  it('are reported in January of the next year after a December report', () => {
    expect(nextReportDate('2026-12-31', 'normal')).toBe('2027-01-31');
  });

  it('are reported on the 29th of March after a leap day', () => {
    expect(nextReportDate('2028-02-29', 'normal')).toBe('2028-03-29');
  });
});

describe('urgent cases (急件)', () => {
  it('are dispatched 5 days later, across the end of February in a common year', () => {
    expect(nextDispatchDate('2026-02-26', 'urgent')).toBe('2026-03-03');
  });

  it('are dispatched 5 days later, across 29 February in a leap year', () => {
    expect(nextDispatchDate('2028-02-26', 'urgent')).toBe('2028-03-02');
  });

  it('are dispatched 5 days later, across a year end', () => {
    expect(nextDispatchDate('2026-12-29', 'urgent')).toBe('2027-01-03');
  });

  it('are reported 15 days later, across the end of February in a common year', () => {
    expect(nextReportDate('2026-02-20', 'urgent')).toBe('2026-03-07');
  });

  it('are reported 15 days later, across 29 February in a leap year', () => {
    expect(nextReportDate('2028-02-20', 'urgent')).toBe('2028-03-06');
  });

  it('are reported 15 days later, not half a month later, from the 31st', () => {
    expect(nextReportDate('2026-01-31', 'urgent')).toBe('2026-02-15');
  });
});

describe('extra-urgent cases (特急件)', () => {
  it('are dispatched the next day, onto 29 February in a leap year', () => {
    expect(nextDispatchDate('2028-02-28', 'critical')).toBe('2028-02-29');
  });

  it('are dispatched the next day, onto 1 March in a common year', () => {
    expect(nextDispatchDate('2026-02-28', 'critical')).toBe('2026-03-01');
  });

  it('are dispatched the next day, across a year end', () => {
    expect(nextDispatchDate('2026-12-31', 'critical')).toBe('2027-01-01');
  });

  it('are reported a week later, across 29 February in a leap year', () => {
    expect(nextReportDate('2028-02-25', 'critical')).toBe('2028-03-03');
  });

  it('are reported a week later, across the end of February in a common year', () => {
    expect(nextReportDate('2026-02-25', 'critical')).toBe('2026-03-04');
  });

  it('are reported a week later, across a year end', () => {
    expect(nextReportDate('2026-12-28', 'critical')).toBe('2027-01-04');
  });
});

describe('counting occurrences from an anchor', () => {
  it('returns the anchor itself as the zeroth report', () => {
    expect(nthReportDate('2026-01-31', 'normal', 0)).toBe('2026-01-31');
  });

  it('keeps monthly reports on the anchor day after a short month instead of drifting', () => {
    expect(nthReportDate('2026-01-31', 'normal', 1)).toBe('2026-02-28');
    expect(nthReportDate('2026-01-31', 'normal', 2)).toBe('2026-03-31');
    expect(nextReportDate(nextReportDate('2026-01-31', 'normal'), 'normal')).toBe('2026-03-28');
  });

  it('reaches 29 February on the 13th monthly report from a 31 January anchor', () => {
    expect(nthReportDate('2027-01-31', 'normal', 13)).toBe('2028-02-29');
  });

  it('counts dispatch dates in whole intervals', () => {
    expect(nthDispatchDate('2026-01-01', 'urgent', 3)).toBe('2026-01-16');
    expect(nthDispatchDate('2026-01-01', 'critical', 59)).toBe('2026-03-01');
  });

  it('refuses a negative occurrence number', () => {
    expect(() => nthDispatchDate('2026-01-01', 'normal', -1)).toThrow(RangeError);
  });

  it('adds an interval several times at once', () => {
    expect(addInterval('2026-01-31', { unit: 'month', every: 1 }, 3)).toBe('2026-04-30');
    expect(addInterval('2026-01-31', { unit: 'day', every: 7 }, 2)).toBe('2026-02-14');
  });
});

describe('cadenceSchedule', () => {
  it('gives both next dates for an ordinary case', () => {
    expect(cadenceSchedule('2026-01-31', 'normal')).toMatchObject({
      urgency: 'normal',
      from: '2026-01-31',
      nextDispatch: '2026-02-15',
      nextReport: '2026-02-28',
    });
  });

  it('gives both next dates for an urgent case', () => {
    expect(cadenceSchedule('2028-02-26', 'urgent')).toMatchObject({
      nextDispatch: '2028-03-02',
      nextReport: '2028-03-12',
    });
  });

  it('gives both next dates for an extra-urgent case', () => {
    expect(cadenceSchedule('2028-02-28', 'critical')).toMatchObject({
      nextDispatch: '2028-02-29',
      nextReport: '2028-03-06',
    });
  });

  it('describes each cadence in Chinese', () => {
    const labels = (u: Urgency) => {
      const s = cadenceSchedule('2026-01-01', u);
      return [s.dispatchLabel, s.reportLabel];
    };
    expect(labels('normal')).toEqual(['每 15 天', '每月']);
    expect(labels('urgent')).toEqual(['每 5 天', '每 15 天']);
    expect(labels('critical')).toEqual(['每天', '每周']);
  });

  it('refuses an impossible start date', () => {
    expect(() => cadenceSchedule('2026-02-29', 'normal')).toThrow(/无效/);
  });

  it('refuses an unknown urgency with a Chinese message', () => {
    expect(() => nextDispatchDate('2026-01-01', 'slow' as Urgency)).toThrow(/紧急程度「slow」无效/);
  });
});

describe('the cadence counted on from a due point', () => {
  const calendar = officialWorkingCalendar([2026]);

  it('counts five working days of an urgent case across the National Day holiday to the make-up Saturday', () => {
    expect(nthDispatchDateCounting('2026-09-28', 'urgent', 1, 'working', calendar)).toBe('2026-10-10');
  });

  it('counts fifteen working days of an ordinary case from 28 September to 23 October', () => {
    expect(nthDispatchDateCounting('2026-09-28', 'normal', 1, 'working', calendar)).toBe('2026-10-23');
  });

  it('schedules the working-day dispatch after the one just due', () => {
    expect(firstDispatchAfter('2026-10-10', '2026-10-10', 'urgent', 'working', calendar)).toBe('2026-10-16');
  });

  it('skips the working-day dispatches a late sweep let pass', () => {
    expect(firstDispatchAfter('2026-09-28', '2026-10-20', 'urgent', 'working', calendar)).toBe('2026-10-23');
  });

  it('jumps a daily calendar-day cadence due long ago to the day after today', () => {
    expect(firstDispatchAfter('2024-01-01', '2026-10-05', 'critical', 'natural')).toBe('2026-10-06');
  });

  it('keeps a monthly report on the day of the month it was due, without drifting after February', () => {
    expect(firstReportAfter('2026-01-31', '2026-01-31', 'normal')).toBe('2026-02-28');
    expect(firstReportAfter('2026-01-31', '2026-03-15', 'normal')).toBe('2026-03-31');
  });

  it('schedules the weekly report of a critical case a week after the one just due', () => {
    expect(firstReportAfter('2026-10-05', '2026-10-05', 'critical')).toBe('2026-10-12');
  });
});
