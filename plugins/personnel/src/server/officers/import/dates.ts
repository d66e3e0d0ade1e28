// Dates as rosters write them: full dates in every spelling (2008-07-01, 2008/7/1, 2008.7.1,
// 2008年7月1日, 20080701, an Excel date cell or serial) and — as 参加工作时间 usually is —
// the year and month only (2008.07, 2008-07, 2008/7, 2008年7月, 200807), read as the month's
// first day. A numeric cell 2008.1 is read as October: Excel kept 2008.10 as the number 2008.1.
import { isRealDate } from '@zhengfa/plugin-api';
import type { CellValue } from './sheet.js';

export type DateResult = { date: string; monthOnly: boolean } | { invalid: 'format' | 'impossible' } | null;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials from 1950-01-01 to 2099-12-31: a smaller number is not a date. */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73050;

const pad = (n: number) => String(n).padStart(2, '0');

function fromSerial(n: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(n) * 86400000).toISOString().slice(0, 10);
}

function yearMonth(y: number, m: number): DateResult {
  if (y < 1900 || y > 2100 || m < 1 || m > 12) return { invalid: 'impossible' };
  return { date: `${y}-${pad(m)}-01`, monthOnly: true };
}

export function parseRosterDate(v: CellValue | undefined): DateResult {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return parseRosterDate(String(v));
    if (Number.isInteger(v) && v >= 190001 && v <= 210012) return parseRosterDate(String(v));
    if (!Number.isInteger(v) && v >= 1900 && v < 2101) {
      // 2008.07 → 2008.07, 2008.1 → 2008.10 (a number keeps no trailing zero).
      const [y, frac = ''] = v.toFixed(2).split('.');
      return yearMonth(Number(y), Number(frac));
    }
    if (v >= SERIAL_MIN && v <= SERIAL_MAX) return { date: fromSerial(v), monthOnly: false };
    return { invalid: 'format' };
  }
  const t = v.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  if (/^\d{5}(\.\d+)?$/.test(t)) return parseRosterDate(Number(t));
  const full =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T]\d{1,2}[:时]\d{1,2}(?:[:分]\d{1,2}秒?)?分?)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (full) {
    const iso = `${full[1]}-${pad(Number(full[2]))}-${pad(Number(full[3]))}`;
    return isRealDate(iso) ? { date: iso, monthOnly: false } : { invalid: 'impossible' };
  }
  const month = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (month) return yearMonth(Number(month[1]), Number(month[2]));
  return { invalid: 'format' };
}
