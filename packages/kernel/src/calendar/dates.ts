// Plain calendar dates ('YYYY-MM-DD') as used by deadlines, cadences and the working
// calendar. A date here names a day in China (UTC+8, no daylight saving since 1991), not an
// instant: arithmetic is done by dayjs in UTC so that the host's own time zone and its
// daylight-saving jumps can never shift a day.
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { calendarStrings } from '../strings.js';

dayjs.extend(utc);

/** A calendar day in China, written 'YYYY-MM-DD'. */
export type IsoDate = string;

/** China Standard Time, UTC+8, in minutes. */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar day written 'YYYY-MM-DD' (2025-02-29 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = dayjs.utc(value);
  // dayjs rolls 2025-02-30 over to 2025-03-02; a round trip catches that.
  return d.isValid() && d.format('YYYY-MM-DD') === value;
}

/** Throws a RangeError (message in Chinese) unless `value` is a real 'YYYY-MM-DD' day. */
export function assertIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(calendarStrings.invalidDate(String(value)));
  return value;
}

function parse(value: string): Dayjs {
  return dayjs.utc(assertIsoDate(value));
}

function format(d: Dayjs): IsoDate {
  return d.format('YYYY-MM-DD');
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return format(parse(date).add(n, 'day'));
}

/**
 * `date` plus `n` calendar months, keeping the day of the month and clamping it at the end
 * of a shorter month: 2026-01-31 + 1 month = 2026-02-28, 2028-01-31 + 1 month = 2028-02-29.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  return format(parse(date).add(n, 'month'));
}

/** Whole days from `a` to `b`: positive when `b` is later, 0 when the same day. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return parse(b).diff(parse(a), 'day');
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return parse(date).day();
}

/** True for Saturday and Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** -1, 0 or 1, ordering two dates (valid 'YYYY-MM-DD' strings sort as text). */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The day it is in China at the instant `now` (defaults to the current time). */
export function todayInChina(now: Date | number = Date.now()): IsoDate {
  return dayjs(now).utcOffset(CHINA_UTC_OFFSET_MINUTES).format('YYYY-MM-DD');
}

/** Every day of `year`, 1 January to 31 December. */
export function daysOfYear(year: number): IsoDate[] {
  const first = dayjs.utc(`${String(year).padStart(4, '0')}-01-01`);
  const count = first.add(1, 'year').diff(first, 'day');
  return Array.from({ length: count }, (_, i) => format(first.add(i, 'day')));
}
