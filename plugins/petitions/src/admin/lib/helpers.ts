// Pure helpers of the console pages (unit tested in helpers.test.ts).

/** 集体访: five or more people in one visit. */
export const COLLECTIVE_PERSONS = 5;

export function isCollective(personCount: number | null | undefined): boolean {
  return typeof personCount === 'number' && personCount >= COLLECTIVE_PERSONS;
}

/** A rate in percent ('85.5%'), or the dash when it is undefined (no base). */
export function formatRate(rate: number | null | undefined, none = '—'): string {
  return rate === null || rate === undefined ? none : `${rate.toFixed(1)}%`;
}

export type Trend = 'up' | 'down' | 'flat' | 'none';

/** The direction and size of a year-on-year change in percent. */
export function yoyTrend(change: number | null | undefined): { trend: Trend; percent: string } {
  if (change === null || change === undefined) return { trend: 'none', percent: '' };
  if (change === 0) return { trend: 'flat', percent: '0.0%' };
  return { trend: change > 0 ? 'up' : 'down', percent: `${Math.abs(change).toFixed(1)}%` };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type PeriodPreset = 'thisYear' | 'lastYear' | 'thisQuarter' | 'thisMonth';

/** [from, to] of a preset relative to today ('YYYY-MM-DD'). */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'thisYear':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'lastYear':
      return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` };
    case 'thisMonth':
      return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
    case 'thisQuarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${pad(lastDay(y, first + 2))}` };
    }
  }
}

/** A valid 'YYYY-MM-DD' calendar date. */
export function isIsoDate(value: string | null | undefined): value is string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export interface PetitionerDraft {
  name?: string | null;
  idNumber?: string | null;
  phone?: string | null;
}

export interface RepeatQuery {
  petitioners: { name: string; idNumber?: string; phone?: string }[];
  content: string;
}

/** Content shorter than this is not worth a same-issue search. */
export const MIN_CONTENT_CHARS = 8;

/**
 * What to send to the repeat search while the officer types, or null when nothing is
 * complete enough: a full ID number (18 characters), a name with an 11-digit mobile or a
 * landline, or some content.
 */
export function repeatQuery(petitioners: readonly (PetitionerDraft | undefined | null)[], content: string | null | undefined): RepeatQuery | null {
  const people: RepeatQuery['petitioners'] = [];
  for (const p of petitioners) {
    if (!p) continue;
    const name = (p.name ?? '').trim();
    const idNumber = (p.idNumber ?? '').replace(/\s+/g, '').toUpperCase();
    const phone = (p.phone ?? '').replace(/[\s-]+/g, '');
    const fullId = /^\d{17}[\dX]$/.test(idNumber);
    const fullPhone = /^\d{7,12}$/.test(phone);
    if (!fullId && !(name && fullPhone)) continue;
    people.push({ name: name || '-', ...(fullId ? { idNumber } : {}), ...(name && fullPhone ? { phone: (p.phone ?? '').trim() } : {}) });
  }
  const text = (content ?? '').trim();
  const usable = Array.from(text).length >= MIN_CONTENT_CHARS ? text : '';
  if (people.length === 0 && !usable) return null;
  return { petitioners: people, content: usable };
}

/** A stable key of a repeat query, to skip searching the same thing twice. */
export function repeatQueryKey(q: RepeatQuery | null): string {
  return q ? JSON.stringify(q) : '';
}

/** The query code as the server expects it: upper case, no spaces. */
export function normalizeQueryCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

export function isQueryCode(code: string): boolean {
  return /^[A-Z2-9]{10}$/.test(normalizeQueryCode(code));
}

/** The name of the unit of a statistics row (keys are org ids; null: not recorded). */
export function unitLabel(key: string | null, units: ReadonlyMap<string, string>, unknown: string, other: string): string {
  if (key === null) return unknown;
  return units.get(key) ?? other;
}

/** 'YYYY-MM' of a date. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}
