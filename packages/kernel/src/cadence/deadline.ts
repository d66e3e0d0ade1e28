// Statutory deadlines (法定期限) with paused clocks. A period starts counting on the day after
// its start date (期间开始之日不计入); days in a pause — e.g. a hearing (听证), whose time does
// not count under the petition regulation — are skipped, so the due date moves later by
// the paused days that fall inside the running period. Natural days count every day;
// working days count only the calendar's working days (public holidays off, make-up
// workdays on). An extension (延期) adds days of the same unit.
import { addDays, assertIsoDate, daysBetween, type IsoDate } from '../calendar/dates.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { calendarStrings, deadlineStrings, scheduleErrorStrings } from '../strings.js';

export type DeadlineUnit = 'natural' | 'working';

/**
 * A stopped clock, both ends inclusive: `from` is the first day not counted, `to` the last
 * (the clock runs again the day after `to`); `to: null` while the pause is still open.
 */
export type DeadlinePause = { from: string; to: string | null };

export type DeadlineInput = {
  /** The day the period starts from (receipt, registration …); it does not itself count. */
  start: string;
  /** The statutory period, e.g. 60 (办理期限) or 5 (working days to object, 异议). */
  days: number;
  unit: DeadlineUnit;
  pauses: DeadlinePause[];
  /** Extra days granted (延期), in the same unit, e.g. up to 30 for petition handling. */
  extensionDays?: number;
  /**
   * When the last day falls on a day off, move it to the next working day (期间届满的最后一日
   * 是法定休假日的，以法定休假日后的第一日为期间届满的日期). Off unless a rule asks for it.
   */
  rollToWorkingDay?: boolean;
};

export type Deadline = {
  /** The last day of the period; null while the clock is paused (an open pause). */
  dueDate: IsoDate | null;
  /** True while an open pause has stopped the clock before the period ran out. */
  paused: boolean;
};

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(calendarStrings.invalidDayCount(n));
}

/** The due date of a statutory period, or null while its clock is paused. */
export function computeDeadline(input: DeadlineInput, calendar?: WorkingCalendar): Deadline {
  const start = assertIsoDate(input.start);
  const extension = input.extensionDays ?? 0;
  assertCount(input.days);
  assertCount(extension);
  if (input.unit !== 'natural' && input.unit !== 'working') throw new RangeError(scheduleErrorStrings.unknownDeadlineUnit(String(input.unit)));
  if ((input.unit === 'working' || input.rollToWorkingDay) && !calendar) {
    throw new TypeError(scheduleErrorStrings.calendarRequired);
  }

  const closed: { from: IsoDate; to: IsoDate }[] = [];
  let openFrom: IsoDate | null = null;
  for (const pause of input.pauses) {
    const from = assertIsoDate(pause.from);
    if (pause.to === null) {
      if (openFrom === null || from < openFrom) openFrom = from;
      continue;
    }
    const to = assertIsoDate(pause.to);
    if (to < from) throw new RangeError(deadlineStrings.pauseEndsBeforeStart(from, to));
    closed.push({ from, to });
  }
  const isPaused = (d: IsoDate) => closed.some((p) => p.from <= d && d <= p.to);
  const counts = (d: IsoDate) => !isPaused(d) && (input.unit === 'natural' || calendar!.isWorkingDay(d));

  let day = start;
  let remaining = input.days + extension;
  while (remaining > 0) {
    day = addDays(day, 1);
    // The clock stopped before the period ran out and has not started again.
    if (openFrom !== null && day >= openFrom) return { dueDate: null, paused: true };
    if (counts(day)) remaining -= 1;
  }
  if (input.rollToWorkingDay && calendar) day = calendar.workingDayOnOrAfter(day);
  // An open pause that begins after the period ran out cannot revive it.
  return { dueDate: day, paused: false };
}

export type DueState = 'ok' | 'dueSoon' | 'dueToday' | 'overdue';

/**
 * How a due date stands on `today`: 'overdue' after it, 'dueToday' on it, 'dueSoon' within
 * `soonDays` natural days before it, 'ok' otherwise.
 */
export function dueState(dueDate: string, today: string, soonDays = 3): DueState {
  assertCount(soonDays);
  const left = daysBetween(today, dueDate);
  if (left < 0) return 'overdue';
  if (left === 0) return 'dueToday';
  if (left <= soonDays) return 'dueSoon';
  return 'ok';
}
