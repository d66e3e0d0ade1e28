// Supervision cadence by urgency (督办节奏): how often a case is dispatched (调度) and how
// often its progress is reported (通报).
//   一般件 normal   — dispatch every 15 days, report monthly
//   急件   urgent   — dispatch every 5 days,  report every 15 days
//   特急件 critical — dispatch daily,         report weekly
// Intervals are natural days. "Monthly" is the same day of the next month, clamped at the
// end of a shorter month (2026-01-31 → 2026-02-28). To avoid drift when stepping month by
// month (31 Jan → 28 Feb → 28 Mar), count the kth occurrence from the original anchor with
// `nthDispatchDate` / `nthReportDate` (31 Jan → 28 Feb → 31 Mar).
import { addDays, addMonths, assertIsoDate, daysBetween, type IsoDate } from '../calendar/dates.js';
import type { Urgency } from '../db/schema.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { computeDeadline } from './deadline.js';
import { cadenceStrings, calendarStrings, scheduleErrorStrings } from '../strings.js';

export type { Urgency };

/** Every urgency class, least urgent first. */
export const urgencies = ['normal', 'urgent', 'critical'] as const satisfies readonly Urgency[];

/** A repeat interval in natural days or calendar months. */
export type CadenceInterval = { unit: 'day' | 'month'; every: number };

export type Cadence = { dispatch: CadenceInterval; report: CadenceInterval };

const cadenceTable: Record<Urgency, Cadence> = {
  normal: { dispatch: { unit: 'day', every: 15 }, report: { unit: 'month', every: 1 } },
  urgent: { dispatch: { unit: 'day', every: 5 }, report: { unit: 'day', every: 15 } },
  critical: { dispatch: { unit: 'day', every: 1 }, report: { unit: 'day', every: 7 } },
};
for (const cadence of Object.values(cadenceTable)) {
  Object.freeze(cadence.dispatch);
  Object.freeze(cadence.report);
  Object.freeze(cadence);
}

/** The cadence table from the supervision rules (frozen). */
export const cadenceByUrgency: Readonly<Record<Urgency, Readonly<Cadence>>> = Object.freeze(cadenceTable);

/** True for 'normal', 'urgent' and 'critical'. */
export function isUrgency(value: unknown): value is Urgency {
  return typeof value === 'string' && (urgencies as readonly string[]).includes(value);
}

function cadenceOf(urgency: Urgency): Readonly<Cadence> {
  const cadence = isUrgency(urgency) ? cadenceByUrgency[urgency] : undefined;
  if (!cadence) throw new RangeError(scheduleErrorStrings.unknownUrgency(String(urgency)));
  return cadence;
}

/** `date` moved on by `times` repeats of `interval`, counted from `date` itself (no drift). */
export function addInterval(date: IsoDate, interval: CadenceInterval, times = 1): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(times) || times < 0) throw new RangeError(calendarStrings.invalidDayCount(times));
  const steps = interval.every * times;
  return interval.unit === 'month' ? addMonths(date, steps) : addDays(date, steps);
}

/** The dispatch meeting due after one at (or a case opened on) `from`. */
export function nextDispatchDate(from: string, urgency: Urgency): IsoDate {
  return addInterval(from, cadenceOf(urgency).dispatch);
}

/** The progress report due after one at (or a case opened on) `from`. */
export function nextReportDate(from: string, urgency: Urgency): IsoDate {
  return addInterval(from, cadenceOf(urgency).report);
}

/** The kth dispatch date counted from `anchor` (k = 0 is the anchor itself). */
export function nthDispatchDate(anchor: string, urgency: Urgency, k: number): IsoDate {
  return addInterval(anchor, cadenceOf(urgency).dispatch, k);
}

/** The kth report date counted from `anchor` (k = 0 is the anchor itself); monthly reports do not drift. */
export function nthReportDate(anchor: string, urgency: Urgency, k: number): IsoDate {
  return addInterval(anchor, cadenceOf(urgency).report, k);
}

export type CadenceSchedule = {
  urgency: Urgency;
  from: IsoDate;
  nextDispatch: IsoDate;
  nextReport: IsoDate;
  /** e.g. 每 15 天 */
  dispatchLabel: string;
  /** e.g. 每月 */
  reportLabel: string;
};

/** Both next dates for a case of `urgency`, with the cadence in words for display. */
export function cadenceSchedule(from: string, urgency: Urgency): CadenceSchedule {
  const cadence = cadenceOf(urgency);
  return {
    urgency,
    from: assertIsoDate(from),
    nextDispatch: nextDispatchDate(from, urgency),
    nextReport: nextReportDate(from, urgency),
    dispatchLabel: cadenceStrings.every(cadence.dispatch.every, cadence.dispatch.unit),
    reportLabel: cadenceStrings.every(cadence.report.every, cadence.report.unit),
  };
}

/** How the days between dispatches are counted: working days (the calendar's) or calendar days. */
export type DayCounting = 'working' | 'natural';

/** A county's counting until its administrator changes it: working days for 一般件 and 急件, calendar days for 特急件. */
export const defaultDispatchCounting: Readonly<Record<Urgency, DayCounting>> = Object.freeze({ normal: 'working', urgent: 'working', critical: 'natural' });

/**
 * The kth dispatch date after `from` (k ≥ 1), counting `every` days of the cadence as
 * working days of `calendar` or as calendar days.
 */
export function nthDispatchDateCounting(from: string, urgency: Urgency, k: number, counting: DayCounting, calendar?: WorkingCalendar): IsoDate {
  const { dispatch } = cadenceOf(urgency);
  if (counting === 'natural') return addInterval(from, dispatch, k);
  return computeDeadline({ start: from, days: dispatch.every * k, unit: 'working', pauses: [] }, calendar).dueDate!;
}

/**
 * The first dispatch date after `today`, counted on from the due point `due` the cadence last
 * reached, skipping any a stopped sweep has already let pass. Calendar days jump straight
 * there; working days step on period by period (one pass over the days between).
 */
export function firstDispatchAfter(due: string, today: string, urgency: Urgency, counting: DayCounting, calendar?: WorkingCalendar): IsoDate {
  const { dispatch } = cadenceOf(urgency);
  if (counting === 'natural') return firstAfter(today, (k) => addInterval(due, dispatch, k), Math.floor(daysBetween(due, today) / dispatch.every));
  let d = assertIsoDate(due);
  do d = nthDispatchDateCounting(d, urgency, 1, counting, calendar);
  while (d <= today);
  return d;
}

/**
 * The first report date after `today`, counted from the due point `due` the cadence last
 * reached (counted from it, so monthly reports do not drift: 31 Jan → 28 Feb → 31 Mar).
 */
export function firstReportAfter(due: string, today: string, urgency: Urgency): IsoDate {
  const { report } = cadenceOf(urgency);
  const days = daysBetween(due, today);
  // A first k no later than the answer: a month has at most 31 days.
  const guess = report.unit === 'month' ? Math.floor(days / 31 / report.every) : Math.floor(days / report.every);
  return firstAfter(today, (k) => addInterval(due, report, k), guess);
}

/** nth(k) for the first k ≥ max(1, from) whose date is after `today` (nth grows with k). */
function firstAfter(today: string, nth: (k: number) => IsoDate, from: number): IsoDate {
  for (let k = Math.max(1, from); ; k += 1) {
    const d = nth(k);
    if (d > today) return d;
  }
}
