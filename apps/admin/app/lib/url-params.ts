// Values a loader reads from the address bar: a hand-edited or stale link must be answered
// with a 400 naming the field (地址中的「起始日期」2026-02-30 不是存在的日期), never reach a
// procedure or the database as something that fails there. Pure, unit tested.
import { data } from '@remix-run/server-runtime';
import { strings } from '../strings.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30, 2026-13-01, 0000-01-01 do not). */
export function isRealDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * What is wrong with the address's parameters, naming the field: a date-shaped value that
 * is no date, or text with a NUL. Null when nothing is (malformed values of other shapes are
 * ignored by the parsers, as before).
 */
export function addressProblem(params: URLSearchParams, names: { days?: Record<string, string>; texts?: Record<string, string> }): string | null {
  for (const [param, label] of Object.entries(names.days ?? {})) {
    const v = params.get(param)?.trim();
    if (v && DAY.test(v) && !isRealDay(v)) return strings.error.dayMissing(label, v);
  }
  for (const [param, label] of Object.entries(names.texts ?? {})) {
    if (params.getAll(param).some((v) => v.includes('\u0000'))) return strings.error.nulInAddress(label);
  }
  return null;
}

/** Throws the 400 answer a loader gives for a problem in its address (see addressProblem). */
export function refuseBadAddress(params: URLSearchParams, names: { days?: Record<string, string>; texts?: Record<string, string> }): void {
  const problem = addressProblem(params, names);
  if (problem) throw data({ message: problem }, { status: 400 });
}
