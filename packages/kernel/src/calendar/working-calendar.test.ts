import { describe, expect, it } from 'vitest';
import {
  hasOfficialCalendar,
  officialCalendarDays,
  officialWorkingCalendar,
  WorkingCalendar,
  type CalendarDay,
} from './working-calendar.js';

function datesOf(days: CalendarDay[], kind: CalendarDay['kind']): string[] {
  return days.filter((d) => d.kind === kind).map((d) => d.date);
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const calendar2025 = officialWorkingCalendar([2025]);

describe('the official calendar seed', () => {
  it('lists the 2025 National Day and Mid-Autumn holiday from 1 to 8 October as days off', () => {
    const holidays = datesOf(officialCalendarDays(2025), 'holiday');
    expect(holidays).toEqual(expect.arrayContaining(range('2025-10-01', '2025-10-08')));
    expect(holidays).not.toContain('2025-10-09');
  });

  it('lists every make-up workday of 2025, Sunday 28 September and Saturday 11 October among them', () => {
    expect(datesOf(officialCalendarDays(2025), 'workday')).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
  });

  it('lists the 2025 Spring Festival holiday from 28 January to 4 February', () => {
    expect(datesOf(officialCalendarDays(2025), 'holiday')).toEqual(
      expect.arrayContaining(range('2025-01-28', '2025-02-04')),
    );
  });

  it('has 28 holiday days in 2025, after the two extra days granted that year', () => {
    expect(datesOf(officialCalendarDays(2025), 'holiday')).toHaveLength(28);
  });

  it('names each day in Chinese after its festival', () => {
    const byDate = new Map(officialCalendarDays(2025).map((d) => [d.date, d]));
    expect(byDate.get('2025-10-01')?.name).toBe('国庆节');
    expect(byDate.get('2025-10-06')?.name).toBe('中秋');
    expect(byDate.get('2025-01-29')?.name).toBe('春节');
    expect(byDate.get('2025-09-28')?.name).toBe('国庆节');
  });

  it('lists the 2026 Spring Festival holiday from 15 to 23 February', () => {
    expect(datesOf(officialCalendarDays(2026), 'holiday')).toEqual(
      expect.arrayContaining(range('2026-02-15', '2026-02-23')),
    );
  });

  it('lists every make-up workday of 2026', () => {
    expect(datesOf(officialCalendarDays(2026), 'workday')).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('lists the 2026 National Day holiday from 1 to 7 October', () => {
    const holidays = datesOf(officialCalendarDays(2026), 'holiday');
    expect(holidays).toEqual(expect.arrayContaining(range('2026-10-01', '2026-10-07')));
    expect(holidays).not.toContain('2026-10-08');
  });

  it('returns the days in date order', () => {
    const dates = officialCalendarDays(2026).map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('only lists make-up workdays that fall on a weekend', () => {
    const workdays = datesOf(officialCalendarDays(2024), 'workday');
    expect(workdays.length).toBeGreaterThan(0);
    for (const date of workdays) expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
  });

  it('says which years the bundled data covers', () => {
    expect(hasOfficialCalendar(2025)).toBe(true);
    expect(hasOfficialCalendar(2026)).toBe(true);
    expect(hasOfficialCalendar(1999)).toBe(false);
  });

  it('returns nothing for a year the data does not cover, leaving it to the administrator', () => {
    expect(officialCalendarDays(1999)).toEqual([]);
    expect(officialCalendarDays(Number.NaN)).toEqual([]);
  });

  it('hands out copies, so a caller editing the list does not change the seed', () => {
    const first = officialCalendarDays(2025);
    first[0]!.kind = 'workday';
    first.pop();
    const second = officialCalendarDays(2025);
    expect(second[0]!.kind).toBe('holiday');
    expect(second).toHaveLength(first.length + 1);
  });
});

describe('WorkingCalendar', () => {
  it('works Monday to Friday and rests at the weekend when nothing is overridden', () => {
    const plain = new WorkingCalendar();
    expect(plain.isWorkingDay('2026-03-02')).toBe(true);
    expect(plain.isWorkingDay('2026-03-06')).toBe(true);
    expect(plain.isWorkingDay('2026-03-07')).toBe(false);
    expect(plain.isWorkingDay('2026-03-08')).toBe(false);
  });

  it('rests on a weekday public holiday', () => {
    expect(calendar2025.isWorkingDay('2025-10-01')).toBe(false);
    expect(calendar2025.isWorkingDay('2025-10-08')).toBe(false);
  });

  it('works on a make-up Saturday', () => {
    expect(calendar2025.isWorkingDay('2025-10-11')).toBe(true);
  });

  it('works on a make-up Sunday', () => {
    expect(calendar2025.isWorkingDay('2025-09-28')).toBe(true);
  });

  it('lets a later override of the same date win, so a tenant can correct the seed', () => {
    const calendar = officialWorkingCalendar([2025], [{ date: '2025-10-11', kind: 'holiday', name: '本县调整' }]);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(false);
    expect(calendar.override('2025-10-11')).toEqual({ date: '2025-10-11', kind: 'holiday', name: '本县调整' });
  });

  it('reports no override for an ordinary day', () => {
    expect(calendar2025.override('2025-10-15')).toBeUndefined();
  });

  it('lists its overrides in date order', () => {
    const calendar = new WorkingCalendar([
      { date: '2026-05-09', kind: 'workday' },
      { date: '2026-05-01', kind: 'holiday' },
    ]);
    expect(calendar.overrides().map((d) => d.date)).toEqual(['2026-05-01', '2026-05-09']);
  });

  it('refuses an override with an impossible date', () => {
    expect(() => new WorkingCalendar([{ date: '2026-02-30', kind: 'holiday' }])).toThrow(/无效/);
  });

  it('refuses to judge an impossible date', () => {
    expect(() => calendar2025.isWorkingDay('2025-13-01')).toThrow(RangeError);
  });

  it('is not changed when the caller later edits the override it was built from', () => {
    const day: CalendarDay = { date: '2026-03-02', kind: 'holiday' };
    const calendar = new WorkingCalendar([day]);
    day.kind = 'workday';
    expect(calendar.isWorkingDay('2026-03-02')).toBe(false);
  });

  it('returns the start day when adding zero working days', () => {
    expect(calendar2025.addWorkingDays('2025-10-04', 0)).toBe('2025-10-04');
  });

  it('skips the whole holiday when adding one working day on its eve', () => {
    expect(calendar2025.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('does not count the start day even when it is a working day', () => {
    expect(calendar2025.addWorkingDays('2025-10-09', 1)).toBe('2025-10-10');
  });

  it('counts a make-up Sunday and a make-up Saturday when adding working days', () => {
    // Fri 26 Sep → Sun 28 (make-up), Mon 29, Tue 30, [1–8 Oct off], Thu 9, Fri 10, Sat 11 (make-up)
    expect(calendar2025.addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
    expect(calendar2025.addWorkingDays('2025-09-26', 6)).toBe('2025-10-11');
  });

  it('adds working days across a year end', () => {
    const calendar = officialWorkingCalendar([2025, 2026]);
    // Wed 31 Dec 2025 → 1–3 Jan off, Sun 4 Jan make-up, Mon 5 Jan
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
  });

  it('refuses a negative number of working days', () => {
    expect(() => calendar2025.addWorkingDays('2025-10-09', -1)).toThrow(/不小于 0 的整数/);
  });

  it('refuses a fractional number of working days', () => {
    expect(() => calendar2025.addWorkingDays('2025-10-09', 1.5)).toThrow(RangeError);
  });

  it('counts the working days after the first date up to and including the second', () => {
    expect(calendar2025.workingDaysBetween('2025-09-30', '2025-10-11')).toBe(3);
  });

  it('counts no working days between a date and itself', () => {
    expect(calendar2025.workingDaysBetween('2025-10-09', '2025-10-09')).toBe(0);
  });

  it('counts negatively when the second date is earlier', () => {
    expect(calendar2025.workingDaysBetween('2025-10-11', '2025-09-30')).toBe(-3);
  });

  it('agrees with addWorkingDays', () => {
    for (const n of [0, 1, 5, 10, 22]) {
      const end = calendar2025.addWorkingDays('2025-09-20', n);
      expect(calendar2025.workingDaysBetween('2025-09-20', end)).toBe(n);
    }
  });

  it('finds the next working day after a holiday', () => {
    expect(calendar2025.nextWorkingDay('2025-10-01')).toBe('2025-10-09');
  });

  it('finds a make-up Saturday as the next working day after a Friday', () => {
    expect(calendar2025.nextWorkingDay('2025-10-10')).toBe('2025-10-11');
  });

  it('finds Monday as the next working day after an ordinary Friday', () => {
    expect(calendar2025.nextWorkingDay('2025-10-17')).toBe('2025-10-20');
  });

  it('gives the same answers whatever the host time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'UTC', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const calendar = officialWorkingCalendar([2025]);
        expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
        expect(calendar.isWorkingDay('2025-10-11')).toBe(true);
        expect(calendar.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('keeps a working day, and moves a day off to the next working day, for the first working day on or after it', () => {
    expect(calendar2025.workingDayOnOrAfter('2025-10-09')).toBe('2025-10-09');
    expect(calendar2025.workingDayOnOrAfter('2025-10-05')).toBe('2025-10-09');
  });
});
