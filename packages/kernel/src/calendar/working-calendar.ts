// Working days per tenant, following China's official calendar: Saturdays, Sundays and
// public holidays are off, except the make-up workdays (调休上班, e.g. a Saturday worked to
// bridge a holiday). The State Council announces each year's arrangement; a tenant's
// administrator maintains it as a list of overrides of the plain weekend rule, seeded from
// `officialCalendarDays(year)`.
//
// Seed library: `chinese-days` (npm, MIT, no dependencies). Compared with the alternatives
// in the registry:
// - chinese-days does exactly this job: it ships the State Council's arrangements from
//   2004 on, each year annotated with the gov.cn notice it was taken from, with holidays
//   and make-up workdays kept as separate tables, and is kept up to date as notices come
//   out (2004–2026 in 1.5.7). The data is shipped inside the package, so it works offline;
//   a year not yet covered returns no days and the administrator enters it.
// - date-holidays (far more downloads) computes holidays from fixed rules: for 2025 it
//   has 1–3 and 6 October off but not the bridged 4–8 October, and no make-up workdays at
//   all, so it cannot tell that Sunday 2025-09-28 was a working day.
// - lunar-typescript / tyme4ts carry the same legal-holiday table but inside a full lunar
//   almanac (1–1.6 MB) behind an encoded string; chinese-days is the smaller, focused one.
// We read the package's data file (dist/chinese-days.json, documented in its README as a
// public artifact: { holidays, workdays, inLieuDays }, each 'YYYY-MM-DD' → 'English,中文,n')
// rather than its functions: those parse a date string as UTC midnight and read it back in
// local time, so on a host west of Greenwich every day comes out one day early.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, assertIsoDate, isWeekend, type IsoDate } from './dates.js';
import { calendarStrings } from '../strings.js';

/** An override of the default weekend rule for one day. */
export type CalendarDay = {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'holiday': a day off (even if a weekday); 'workday': a working day (even if a weekend). */
  kind: 'holiday' | 'workday';
  /** The holiday it belongs to, e.g. 国庆节, also on the make-up workdays for it. */
  name?: string;
};

function assertDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(calendarStrings.invalidDayCount(n));
}

/**
 * A tenant's working calendar: weekends are off and weekdays are worked, unless an
 * override says otherwise. When the same date is overridden twice, the later entry wins,
 * so a tenant's own corrections can follow the official seed:
 * `new WorkingCalendar([...officialCalendarDays(2026), ...tenantOverrides])`.
 */
export class WorkingCalendar {
  readonly #overrides = new Map<IsoDate, CalendarDay>();

  constructor(overrides: Iterable<CalendarDay> = []) {
    for (const day of overrides) {
      assertIsoDate(day.date);
      this.#overrides.set(day.date, { ...day });
    }
  }

  /** The override for `date`, if any. */
  override(date: string): CalendarDay | undefined {
    const day = this.#overrides.get(assertIsoDate(date));
    return day ? { ...day } : undefined;
  }

  /** All overrides, in date order. */
  overrides(): CalendarDay[] {
    return [...this.#overrides.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).map((d) => ({ ...d }));
  }

  /** True when `date` is a working day. */
  isWorkingDay(date: string): boolean {
    const day = this.#overrides.get(assertIsoDate(date));
    if (day) return day.kind === 'workday';
    return !isWeekend(date);
  }

  /**
   * The `n`th working day after `date` (n ≥ 0). The start day itself never counts, worked
   * or not; with n = 0 the start day is returned unchanged.
   */
  addWorkingDays(date: string, n: number): IsoDate {
    assertIsoDate(date);
    assertDayCount(n);
    let current = date;
    let remaining = n;
    while (remaining > 0) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  /**
   * Working days after `a` up to and including `b`, so that
   * `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when `b` is before `a`.
   */
  workingDaysBetween(a: string, b: string): number {
    assertIsoDate(a);
    assertIsoDate(b);
    if (b < a) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) count += 1;
    }
    return count;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** `date` itself when it is a working day, otherwise the next working day. */
  workingDayOnOrAfter(date: string): IsoDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }
}

/** chinese-days labels a day 'English name,中文名,days'; keep the Chinese name. */
function chineseName(label: string): string | undefined {
  const name = label.split(',')[1]?.trim();
  return name ? name : undefined;
}

type OfficialData = { holidays: Record<string, string>; workdays: Record<string, string> };

let officialByYear: Map<number, readonly CalendarDay[]> | undefined;

function officialIndex(): Map<number, readonly CalendarDay[]> {
  if (officialByYear) return officialByYear;
  const data = chineseDays as OfficialData;
  const byYear = new Map<number, CalendarDay[]>();
  const add = (date: string, kind: CalendarDay['kind'], label: string) => {
    const name = chineseName(label);
    const day: CalendarDay = name ? { date, kind, name } : { date, kind };
    const year = Number(date.slice(0, 4));
    const list = byYear.get(year) ?? [];
    list.push(day);
    byYear.set(year, list);
  };
  for (const [date, label] of Object.entries(data.holidays)) add(date, 'holiday', label);
  for (const [date, label] of Object.entries(data.workdays)) add(date, 'workday', label);
  officialByYear = new Map(
    [...byYear].map(([year, list]) => [year, Object.freeze(list.sort((a, b) => (a.date < b.date ? -1 : 1)))]),
  );
  return officialByYear;
}

/**
 * The official arrangement for `year` as overrides, in date order: every public-holiday
 * day off (including those falling on a weekend) and every make-up workday. Empty for a
 * year the data does not cover yet (see `hasOfficialCalendar`): an administrator then
 * enters it by hand.
 */
export function officialCalendarDays(year: number): CalendarDay[] {
  return (officialIndex().get(year) ?? []).map((d) => ({ ...d }));
}

/** True when the bundled official data covers `year`. */
export function hasOfficialCalendar(year: number): boolean {
  return officialCalendarDays(year).length > 0;
}

/** A calendar seeded with the official arrangement of `years`, then the tenant's overrides. */
export function officialWorkingCalendar(years: Iterable<number>, overrides: Iterable<CalendarDay> = []): WorkingCalendar {
  const seed: CalendarDay[] = [];
  for (const year of years) seed.push(...officialCalendarDays(year));
  return new WorkingCalendar([...seed, ...overrides]);
}
