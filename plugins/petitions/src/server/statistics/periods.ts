// Calendar arithmetic and the ratios the reports quote, kept free of the database so the
// definitions can be read (and tested) in one place.

/** A calendar date 'YYYY-MM-DD' that exists (2025-02-29 does not). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `years` years away; 29 February becomes 28 February in a common year. */
export function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const year = y + years;
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, daysInMonth(year, m)))}`;
}

/** First and last day of a month (month 1–12). */
export function monthRange(year: number, month: number): { from: string; to: string } {
  return { from: `${pad(year, 4)}-${pad(month)}-01`, to: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}` };
}

export function yearRange(year: number): { from: string; to: string } {
  return { from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` };
}

/** Rounds half away from zero to one decimal: 21.428… → 21.4, −21.45 → −21.5. */
export function round1(value: number): number {
  const r = Math.round(Math.abs(value) * 10 + 1e-9) / 10;
  return value < 0 ? -r : r;
}

/**
 * Year-on-year change in percent, one decimal: (this − last) / last × 100.
 * 22 this year against 28 last year → −21.4. Null when last year is 0 (no base to compare).
 */
export function yoyChange(current: number, lastYear: number): number | null {
  if (lastYear === 0) return null;
  return round1(((current - lastYear) / lastYear) * 100);
}

/** A percentage with one decimal; null when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return round1((numerator / denominator) * 100);
}

/** '−21.4%', '+5.0%', '—' for null: how the summary table prints a change. */
export function formatChange(value: number | null, empty: string): string {
  if (value === null) return empty;
  if (value > 0) return `+${value.toFixed(1)}%`;
  if (value < 0) return `-${Math.abs(value).toFixed(1)}%`;
  return '0.0%';
}

export function formatPercent(value: number | null, empty: string): string {
  return value === null ? empty : `${value.toFixed(1)}%`;
}
