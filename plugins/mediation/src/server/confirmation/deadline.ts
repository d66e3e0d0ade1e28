// The last day to apply for judicial confirmation (司法确认): 30 days from the day the written
// agreement took effect (the day itself not counted). When that day is not a working day on the
// county's calendar (a weekend or an official holiday), the period ends on the next working day
// (民事诉讼法 期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期).
import type { AuthedContext, Kysely } from '@zhengfa/plugin-api';
import { addDays } from '../outcomes/dates.js';

export const CONFIRMATION_DAYS = 30;

export async function confirmationDueOn(ctx: AuthedContext, effectiveOn: string, db: Kysely<any>): Promise<string> {
  let due = addDays(effectiveOn, CONFIRMATION_DAYS);
  // A holiday run is at most a few weeks long; the bound only guards a broken calendar.
  for (let i = 0; i < 60 && !(await ctx.kernel.calendar.isWorkingDay(due, { db })); i += 1) due = addDays(due, 1);
  return due;
}
