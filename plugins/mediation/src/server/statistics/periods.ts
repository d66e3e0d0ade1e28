// Calendar arithmetic and the ratios the reports quote, free of the database so the
// definitions can be read (and tested) in one place.

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

export function yearRange(year: number): { from: string; to: string } {
  return { from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` };
}

/** Rounds half away from zero to one decimal: 66.666… → 66.7, −12.45 → −12.5. */
export function round1(value: number): number {
  const r = Math.round(Math.abs(value) * 10 + 1e-9) / 10;
  return value < 0 ? -r : r;
}

/** A percentage with one decimal; null when the denominator is 0. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return round1((numerator / denominator) * 100);
}

/** Year-on-year change in percent, one decimal: (this − last) / last × 100; null when last year is 0. */
export function yoyChange(current: number, lastYear: number): number | null {
  if (lastYear === 0) return null;
  return round1(((current - lastYear) / lastYear) * 100);
}

/** '+25.0%', '-12.5%', '0.0%', or `empty` for null: how the table prints a change. */
export function formatChange(value: number | null, empty: string): string {
  if (value === null) return empty;
  if (value > 0) return `+${value.toFixed(1)}%`;
  if (value < 0) return `-${Math.abs(value).toFixed(1)}%`;
  return '0.0%';
}

export function formatPercent(value: number | null, empty: string): string {
  return value === null ? empty : `${value.toFixed(1)}%`;
}
