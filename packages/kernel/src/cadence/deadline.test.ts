import { describe, expect, it } from 'vitest';
import { officialWorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline, dueState, type DeadlineInput } from './deadline.js';

const calendar = officialWorkingCalendar([2025, 2026]);

function natural(start: string, days: number, extra: Partial<DeadlineInput> = {}): DeadlineInput {
  return { start, days, unit: 'natural', pauses: [], ...extra };
}

function working(start: string, days: number, extra: Partial<DeadlineInput> = {}): DeadlineInput {
  return { start, days, unit: 'working', pauses: [], ...extra };
}

describe('computeDeadline in natural days', () => {
  it('ends 60 days after the start day, which itself does not count', () => {
    expect(computeDeadline(natural('2025-03-03', 60), calendar)).toEqual({ dueDate: '2025-05-02', paused: false });
  });

  it('adds a 30-day extension to a 60-day period', () => {
    expect(computeDeadline(natural('2025-03-03', 60, { extensionDays: 30 }), calendar).dueDate).toBe('2025-06-01');
  });

  it('does not need a calendar', () => {
    expect(computeDeadline(natural('2026-01-31', 15)).dueDate).toBe('2026-02-15');
  });

  it('crosses 29 February in a leap year', () => {
    expect(computeDeadline(natural('2028-02-01', 30)).dueDate).toBe('2028-03-02');
  });

  it('counts public holidays like any other day', () => {
    expect(computeDeadline(natural('2025-09-20', 15), calendar).dueDate).toBe('2025-10-05');
  });

  it('moves a last day that falls in a holiday to the next working day when the rule says so', () => {
    const input = natural('2025-09-20', 15, { rollToWorkingDay: true });
    expect(computeDeadline(input, calendar).dueDate).toBe('2025-10-09');
  });

  it('keeps a last day that is already a working day when rolling is asked for', () => {
    const input = natural('2025-09-24', 17, { rollToWorkingDay: true });
    expect(computeDeadline(input, calendar).dueDate).toBe('2025-10-11');
  });

  it('ends on the start day itself for a period of zero days', () => {
    expect(computeDeadline(natural('2025-03-03', 0)).dueDate).toBe('2025-03-03');
  });

  it('pushes the due date later by the days of a hearing once the clock has resumed', () => {
    // Hearing 10–19 March inclusive: 10 days do not count.
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-03-10', to: '2025-03-19' }] });
    expect(computeDeadline(input, calendar)).toEqual({ dueDate: '2025-05-12', paused: false });
  });

  it('counts a one-day pause as one day', () => {
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-03-10', to: '2025-03-10' }] });
    expect(computeDeadline(input).dueDate).toBe('2025-05-03');
  });

  it('has no due date while a pause is still open', () => {
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-03-10', to: null }] });
    expect(computeDeadline(input, calendar)).toEqual({ dueDate: null, paused: true });
  });

  it('is paused when an open pause begins on what would have been the last day', () => {
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-05-02', to: null }] });
    expect(computeDeadline(input)).toEqual({ dueDate: null, paused: true });
  });

  it('keeps the due date when an open pause begins after the period has run out', () => {
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-05-03', to: null }] });
    expect(computeDeadline(input)).toEqual({ dueDate: '2025-05-02', paused: false });
  });

  it('ignores a pause that ended before the start', () => {
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-02-01', to: '2025-02-28' }] });
    expect(computeDeadline(input).dueDate).toBe('2025-05-02');
  });

  it('ignores a closed pause after the period ran out', () => {
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-06-01', to: '2025-06-10' }] });
    expect(computeDeadline(input).dueDate).toBe('2025-05-02');
  });

  it('counts only the part of a pause after the start day', () => {
    // 4 and 5 March are paused; 1–3 March are not in the period anyway.
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-03-01', to: '2025-03-05' }] });
    expect(computeDeadline(input).dueDate).toBe('2025-05-04');
  });

  it('counts overlapping pauses once', () => {
    const input = natural('2025-03-03', 60, {
      pauses: [
        { from: '2025-03-10', to: '2025-03-19' },
        { from: '2025-03-15', to: '2025-03-24' },
      ],
    });
    expect(computeDeadline(input).dueDate).toBe('2025-05-17');
  });

  it('adds up separate pauses', () => {
    const input = natural('2025-03-03', 60, {
      pauses: [
        { from: '2025-03-10', to: '2025-03-12' },
        { from: '2025-04-01', to: '2025-04-02' },
      ],
    });
    expect(computeDeadline(input).dueDate).toBe('2025-05-07');
  });

  it('pauses the extension too', () => {
    const input = natural('2025-03-03', 60, {
      extensionDays: 30,
      pauses: [{ from: '2025-05-20', to: '2025-05-24' }],
    });
    expect(computeDeadline(input).dueDate).toBe('2025-06-06');
  });
});

describe('computeDeadline in working days', () => {
  it('skips a holiday and counts the make-up Saturday when counting 5 working days', () => {
    // Tue 30 Sep 2025 → [1–8 Oct off] Thu 9, Fri 10, Sat 11 (make-up), Mon 13, Tue 14
    expect(computeDeadline(working('2025-09-30', 5), calendar)).toEqual({ dueDate: '2025-10-14', paused: false });
  });

  it('counts a make-up Sunday before a holiday', () => {
    // Fri 26 Sep → Sun 28 (make-up), Mon 29, Tue 30, Thu 9 Oct, Fri 10 Oct
    expect(computeDeadline(working('2025-09-26', 5), calendar).dueDate).toBe('2025-10-10');
  });

  it('skips paused working days', () => {
    // Thu 9 Oct → Fri 10, [Sat 11 – Mon 13 paused], Tue 14, Wed 15, Thu 16, Fri 17
    const input = working('2025-10-09', 5, { pauses: [{ from: '2025-10-11', to: '2025-10-13' }] });
    expect(computeDeadline(input, calendar).dueDate).toBe('2025-10-17');
  });

  it('adds extension days as working days', () => {
    expect(computeDeadline(working('2025-09-30', 5, { extensionDays: 2 }), calendar).dueDate).toBe('2025-10-16');
  });

  it('has no due date while a pause is still open', () => {
    const input = working('2025-09-30', 5, { pauses: [{ from: '2025-10-10', to: null }] });
    expect(computeDeadline(input, calendar)).toEqual({ dueDate: null, paused: true });
  });

  it('counts the 2026 Spring Festival make-up Saturdays', () => {
    // Fri 13 Feb 2026 → Sat 14 (make-up), [15–23 off], Tue 24, Wed 25
    expect(computeDeadline(working('2026-02-13', 3), calendar).dueDate).toBe('2026-02-25');
  });

  it('needs a calendar', () => {
    expect(() => computeDeadline(working('2025-09-30', 5))).toThrow(/工作日历/);
  });
});

describe('computeDeadline input checks', () => {
  it('refuses a pause that ends before it begins', () => {
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-03-10', to: '2025-03-09' }] });
    expect(() => computeDeadline(input)).toThrow('暂停期间的结束日期 2025-03-09 早于开始日期 2025-03-10');
  });

  it('refuses a negative period', () => {
    expect(() => computeDeadline(natural('2025-03-03', -1))).toThrow(RangeError);
  });

  it('refuses a negative extension', () => {
    expect(() => computeDeadline(natural('2025-03-03', 60, { extensionDays: -5 }))).toThrow(RangeError);
  });

  it('refuses an impossible start date', () => {
    expect(() => computeDeadline(natural('2025-02-29', 60))).toThrow(/无效/);
  });

  it('refuses an impossible pause date', () => {
    const input = natural('2025-03-03', 60, { pauses: [{ from: '2025-03-32', to: null }] });
    expect(() => computeDeadline(input)).toThrow(/无效/);
  });

  it('refuses an unknown unit', () => {
    const input = { ...natural('2025-03-03', 60), unit: 'weeks' } as unknown as DeadlineInput;
    expect(() => computeDeadline(input)).toThrow(/期限单位「weeks」无效/);
  });
});

describe('dueState', () => {
  it('is ok more than three days ahead', () => {
    expect(dueState('2026-03-10', '2026-03-06')).toBe('ok');
  });

  it('is due soon three days ahead', () => {
    expect(dueState('2026-03-10', '2026-03-07')).toBe('dueSoon');
  });

  it('is due soon the day before', () => {
    expect(dueState('2026-03-10', '2026-03-09')).toBe('dueSoon');
  });

  it('is due today on the due date', () => {
    expect(dueState('2026-03-10', '2026-03-10')).toBe('dueToday');
  });

  it('is overdue the day after', () => {
    expect(dueState('2026-03-10', '2026-03-11')).toBe('overdue');
  });

  it('measures due-soon across a month end', () => {
    expect(dueState('2026-03-01', '2026-02-27')).toBe('dueSoon');
  });

  it('takes a custom due-soon window', () => {
    expect(dueState('2026-03-10', '2026-03-03', 7)).toBe('dueSoon');
    expect(dueState('2026-03-10', '2026-03-02', 7)).toBe('ok');
  });

  it('never says due soon with a zero-day window', () => {
    expect(dueState('2026-03-10', '2026-03-09', 0)).toBe('ok');
  });

  it('refuses an impossible date', () => {
    expect(() => dueState('2026-02-30', '2026-02-01')).toThrow(/无效/);
  });
});
