import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  assertIsoDate,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysOfYear,
  isIsoDate,
  isWeekend,
  todayInChina,
} from './dates.js';

describe('calendar dates', () => {
  it('accepts a real day written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-11-21')).toBe(true);
  });

  it('accepts 29 February in a leap year', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('rejects 29 February in a common year', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
  });

  it('rejects a day that does not exist in its month', () => {
    expect(isIsoDate('2026-04-31')).toBe(false);
  });

  it('rejects other formats', () => {
    expect(isIsoDate('2026/11/21')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('2026-11-21T00:00:00Z')).toBe(false);
    expect(isIsoDate(20261121)).toBe(false);
  });

  it('throws a Chinese message for an invalid date', () => {
    expect(() => assertIsoDate('2026-13-01')).toThrow(/日期「2026-13-01」无效/);
  });

  it('adds days across a month end', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
  });

  it('adds days across a year end', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('subtracts days when given a negative count', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('clamps a month addition at the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('clamps a month addition to 29 February in a leap year', () => {
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('counts days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('2025-10-11')).toBe(6);
    expect(dayOfWeek('2025-09-28')).toBe(0);
    expect(dayOfWeek('2025-10-01')).toBe(3);
  });

  it('treats Saturday and Sunday as the weekend', () => {
    expect(isWeekend('2025-10-11')).toBe(true);
    expect(isWeekend('2025-09-28')).toBe(true);
    expect(isWeekend('2025-10-10')).toBe(false);
  });

  it('orders dates', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareDates('2026-01-10', '2026-01-02')).toBe(1);
  });

  it('gives the day in China for an instant that is still the previous day in UTC', () => {
    expect(todayInChina(new Date('2026-11-20T16:30:00Z'))).toBe('2026-11-21');
  });

  it('gives the day in China for an instant late in the Chinese evening', () => {
    expect(todayInChina(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
  });

  it('lists every day of a leap year', () => {
    const days = daysOfYear(2028);
    expect(days).toHaveLength(366);
    expect(days[0]).toBe('2028-01-01');
    expect(days[59]).toBe('2028-02-29');
    expect(days[365]).toBe('2028-12-31');
  });

  it('lists every day of a common year', () => {
    expect(daysOfYear(2026)).toHaveLength(365);
  });
});
