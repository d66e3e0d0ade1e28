// The shared zod building blocks of every procedure's input, kernel and plugins alike.
// Each takes the field's Chinese name and answers every problem with a message naming it
// (请填写「标题」, 「标题」不能超过 100 个字, 「受理日期」2026-02-30 不是存在的日期), so no
// input reaches a service, or the database, in a form that would fail there with a 500:
//
// - text: trims, turns CRLF into LF, strips control characters other than tab and newline
//   (they make generated docx invalid XML) and refuses NUL (PostgreSQL cannot store it);
// - isoDate: real calendar dates only, within a plausible range (from 1990-01-01 to ten
//   years ahead by default; `notFuture` for what has happened, `maxDaysAhead` for deadlines);
// - fileName: text that refuses the bidirectional controls (U+202E …) that disguise an
//   extension;
// - uuid, int, choice, bool, list, dateTime: the rest, with the same messages.
//
// "Today" is the China calendar day of the field clock, read when the input is parsed:
// `setFieldClock` replaces it (tests, or a server whose clock is injected).
import { z } from 'zod';
import { fieldStrings as s } from './field-strings.js';

// ---------------------------------------------------------------------------------------
// Field names: every schema built here remembers its Chinese name, so the error map
// (field-errors.ts) can name the field of any issue, and a test can check that every leaf
// of every procedure's input has one.
// The name is kept in the schema's definition, which zod copies to every schema derived
// from it (`.min()`, `.regex()` …), so a refined field keeps its name too.
const LABEL = 'fieldLabel';

function named<T extends z.ZodType>(schema: T, label: string): T {
  (schema._zod.def as unknown as Record<string, unknown>)[LABEL] = label;
  return schema;
}

/** The Chinese name a schema was built with, looking through optional/nullable/default wrappers. */
export function labelOf(schema: unknown): string | undefined {
  let current: unknown = schema;
  for (let i = 0; i < 8 && current && typeof current === 'object'; i += 1) {
    const def = (current as { _zod?: { def?: Record<string, unknown> & { type?: string; innerType?: unknown; in?: unknown } } })._zod?.def;
    if (!def) return undefined;
    if (typeof def[LABEL] === 'string') return def[LABEL];
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else return undefined;
  }
  return undefined;
}

/** Gives a schema built elsewhere (a refined object, a union) a Chinese name for its messages. */
export function withLabel<T extends z.ZodType>(schema: T, label: string): T {
  return named(schema, label);
}

// ---------------------------------------------------------------------------------------
// Messages

type RawIssue = z.core.$ZodRawIssue;

/** The message naming `label` for any zod issue. `choose`: a missing value reads 请选择「X」. */
export function messageFor(label: string, iss: RawIssue, opts: { choose?: boolean } = {}): string {
  const missing = opts.choose ? s.choose(label) : s.required(label);
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined || iss.input === null) return missing;
      const expected = (iss as { expected?: string }).expected;
      if (expected === 'string') return s.notText(label);
      if (expected === 'number') return s.notNumber(label);
      if (expected === 'int') return s.notInteger(label);
      if (expected === 'boolean') return s.notBoolean(label);
      if (expected === 'array') return s.notList(label);
      if (expected === 'object') return s.notGroup(label);
      return s.malformed(label);
    }
    case 'too_small': {
      const { origin, minimum } = iss as unknown as { origin?: string; minimum: number | bigint };
      const min = Number(minimum);
      if (origin === 'string') return min <= 1 ? missing : s.tooShort(label, min);
      if (origin === 'array' || origin === 'set') return s.tooFew(label, min);
      return s.tooSmall(label, min);
    }
    case 'too_big': {
      const { origin, maximum } = iss as unknown as { origin?: string; maximum: number | bigint };
      const max = Number(maximum);
      if (origin === 'string') return s.tooLong(label, max);
      if (origin === 'array' || origin === 'set') return s.tooMany(label, max);
      return s.tooBig(label, max);
    }
    case 'invalid_value':
    case 'invalid_union':
      return opts.choose ? s.choose(label) : s.malformed(label);
    case 'invalid_format':
      return s.malformed(label);
    case 'not_multiple_of':
      return s.notInteger(label);
    default:
      return s.invalid(label);
  }
}

const errorFor =
  (label: string, opts: { choose?: boolean } = {}) =>
  (iss: RawIssue) =>
    messageFor(label, iss, opts);

// ---------------------------------------------------------------------------------------
// Text

/** Control characters other than tab and newline, C1 controls, non-characters and lone surrogates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STRIPPED = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it may be stored and printed: CRLF and CR become LF; control characters but tab and newline go. NUL stays (it is refused). */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(STRIPPED, '');
}

export interface TextOptions {
  /** Fewest characters after trimming (default 0: an empty string is accepted). */
  min?: number;
  /** Most characters after trimming. */
  max: number;
}

/** A string field: trimmed and cleaned (see cleanText); NUL refused; length checked after cleaning. */
export function text(label: string, opts: TextOptions) {
  const min = opts.min ?? 0;
  let schema = z
    .string({ error: errorFor(label) })
    .refine((v) => !v.includes('\u0000'), { error: s.nul(label), abort: true })
    .overwrite(cleanText)
    .trim();
  if (min > 0) schema = schema.min(min, { error: min <= 1 ? s.required(label) : s.tooShort(label, min) });
  return named(schema.max(opts.max, { error: s.tooLong(label, opts.max) }), label);
}

/** Optional text where an empty answer means "none": '' and absent become null. */
export function optionalText(label: string, opts: { max: number }) {
  return text(label, { max: opts.max })
    .nullish()
    .transform((v) => (v ? v : null));
}

/** A password: kept exactly as typed (never trimmed or cleaned), length checked. */
export function secret(label: string, opts: { min?: number; max: number }) {
  let schema = z.string({ error: errorFor(label) });
  if (opts.min !== undefined && opts.min > 0) schema = schema.min(opts.min, { error: s.required(label) });
  return named(schema.max(opts.max, { error: s.tooLong(label, opts.max) }), label);
}

/** Bidirectional formatting characters: an RTL override makes "gpj.exe" read as "exe.jpg". */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** A file name: text without bidirectional controls, at most 200 characters. */
export function fileName(label: string, opts: { max?: number } = {}) {
  const max = opts.max ?? 200;
  return named(
    z
      .string({ error: errorFor(label) })
      .refine((v) => !v.includes('\u0000'), { error: s.nul(label), abort: true })
      .refine((v) => !BIDI.test(v), { error: s.bidi(label), abort: true })
      .overwrite(cleanText)
      .trim()
      .min(1, { error: s.required(label) })
      .max(max, { error: s.tooLong(label, max) }),
    label,
  );
}

/** True when a file name holds a bidirectional control character. */
export function hasBidiControl(value: string): boolean {
  return BIDI.test(value);
}

// ---------------------------------------------------------------------------------------
// Identifiers, numbers, choices

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record's id (a UUID, any version). A missing one reads 请选择「X」. */
export function uuid(label: string) {
  return named(z.string({ error: errorFor(label, { choose: true }) }).regex(UUID, { error: s.malformed(label) }), label);
}

/** An integer within [min, max] (safe integers only). */
export function int(label: string, opts: { min?: number; max?: number } = {}) {
  // Range first, so 1e308 reads "不能大于 N" rather than "应为整数".
  let schema = z.number({ error: errorFor(label) });
  if (opts.min !== undefined) schema = schema.min(opts.min, { error: s.tooSmall(label, opts.min) });
  if (opts.max !== undefined) schema = schema.max(opts.max, { error: s.tooBig(label, opts.max) });
  return named(schema.int({ error: s.notInteger(label) }), label);
}

/** A row's version for optimistic concurrency. */
export function version(label = '版本号') {
  return int(label, { min: 1, max: 2_147_483_647 });
}

/** One of the given values; anything else reads 请选择「X」. */
export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return named(z.enum(values, { error: errorFor(label, { choose: true }) }), label);
}

export function bool(label: string) {
  return named(z.boolean({ error: errorFor(label) }), label);
}

/** A list of `item`, with its own name for "too many" and "too few". */
export function list<T extends z.ZodType>(label: string, item: T, opts: { min?: number; max: number }) {
  let schema = z.array(item, { error: errorFor(label) });
  if (opts.min !== undefined && opts.min > 0) schema = schema.min(opts.min, { error: s.tooFew(label, opts.min) });
  return named(schema.max(opts.max, { error: s.tooMany(label, opts.max) }), label);
}

// ---------------------------------------------------------------------------------------
// Dates

/** The earliest date any field accepts: nothing this product records happened before it. */
export const EARLIEST_DATE = '1990-01-01';
/** How far ahead a date may lie when nothing narrower is said (filters, plans): ten years. */
export const DEFAULT_DAYS_AHEAD = 3653;
/** How far ahead a deadline may lie: two years. */
export const DEADLINE_DAYS_AHEAD = 731;

let fieldClock: () => Date = () => new Date();

/** Replaces the clock that "today" is read from when input is parsed (null: the system clock). */
export function setFieldClock(now: (() => Date) | null): void {
  fieldClock = now ?? (() => new Date());
}

/** The China calendar day (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Today in China by the field clock. */
export function fieldToday(): string {
  return chinaDay(fieldClock());
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30, 2026-13-01 and 0000-01-01 do not). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export interface DateRange {
  /** The date has happened: not after today (a receipt, a meeting held, a payment). */
  notFuture?: boolean;
  /** Otherwise: at most this many days after today (default DEFAULT_DAYS_AHEAD). */
  maxDaysAhead?: number;
  /** The earliest date accepted (default EARLIEST_DATE). */
  min?: string;
  /** Today, as YYYY-MM-DD (default: the field clock's day). */
  today?: string;
}

/**
 * What is wrong with a date field's value, as the message naming the field, or null when it
 * is a real date in the plausible range. Services use it for dates that reach them without
 * a procedure (a plugin calling the kernel, an import).
 */
export function dateProblem(value: string, label: string, range: DateRange = {}): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return s.dateFormat(label);
  if (!isRealDate(value)) return s.dateMissing(label, value);
  const min = range.min ?? EARLIEST_DATE;
  if (value < min) return s.dateBefore(label, min);
  const today = range.today ?? fieldToday();
  if (range.notFuture) return value > today ? s.dateFuture(label, today) : null;
  const max = addDays(today, range.maxDaysAhead ?? DEFAULT_DAYS_AHEAD);
  return value > max ? s.dateAfter(label, max) : null;
}

/** A calendar date 'YYYY-MM-DD' within a plausible range (see DateRange), checked when parsed. */
export function isoDate(label: string, range: Omit<DateRange, 'today'> = {}) {
  return named(
    z
      .string({ error: errorFor(label) })
      .trim()
      .check((ctx) => {
        const problem = dateProblem(ctx.value, label, range);
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value, continue: false });
      }),
    label,
  );
}

/**
 * An instant (a Date, or a string Date can read such as an ISO timestamp) whose China day
 * lies within the same plausible range as isoDate's.
 */
export function dateTime(label: string, range: Omit<DateRange, 'today'> = {}) {
  return named(
    z.union([z.date(), z.string().max(40)], { error: errorFor(label) }).transform((value, ctx) => {
      const at = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(at.getTime())) {
        ctx.issues.push({ code: 'custom', message: s.dateTimeFormat(label), input: value });
        return z.NEVER;
      }
      // Beyond years 1000–9999 the day has no YYYY-MM-DD form; it is out of range either way.
      const day = Math.abs(at.getTime()) < 2.5e14 ? chinaDay(at) : null;
      const problem =
        day && /^\d{4}-\d{2}-\d{2}$/.test(day)
          ? dateProblem(day, label, range)
          : at.getTime() < 0
            ? s.dateBefore(label, range.min ?? EARLIEST_DATE)
            : s.dateAfter(label, addDays(fieldToday(), range.notFuture ? 0 : (range.maxDaysAhead ?? DEFAULT_DAYS_AHEAD)));
      if (problem) {
        ctx.issues.push({ code: 'custom', message: problem, input: value });
        return z.NEVER;
      }
      return at;
    }),
    label,
  );
}
