// A county's cadence settings: whether the days between dispatches count working days or
// calendar days, per urgency class (kernel.dispatch_day_counting; defaults in cadence.ts),
// and the dispatch and report dates they give on the county's working calendar.
import type { Kysely } from 'kysely';
import { tenantCalendar, yearsAround } from '../calendar/store.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { KernelDatabase, Urgency } from '../db/schema.js';
import { defaultDispatchCounting, firstDispatchAfter, firstReportAfter, nthDispatchDateCounting, urgencies, type DayCounting } from './cadence.js';

/** The county's dispatch-day counting for every urgency class. */
export async function dispatchCountingOf(db: Kysely<KernelDatabase>, tenantId: string): Promise<Record<Urgency, DayCounting>> {
  const rows = await db.selectFrom('kernel.dispatch_day_counting').select(['urgency', 'counting']).where('tenant_id', '=', tenantId).execute();
  const counting = { ...defaultDispatchCounting };
  for (const r of rows) if ((urgencies as readonly string[]).includes(r.urgency)) counting[r.urgency] = r.counting;
  return counting;
}

/**
 * Dates of the cadence for one county, with its counting and calendar read once: the sweep
 * asks for many cases of a county at a time.
 */
export interface CountyCadence {
  /** The kth dispatch date after `from` (default the next). */
  dispatchAfter(from: string, urgency: Urgency, k?: number): IsoDateString;
  /** The first dispatch date after `today`, counting on from the due point `due`. */
  dispatchFollowing(due: string, today: string, urgency: Urgency): IsoDateString;
  /** The first report date after `today`, counting on from the due point `due`. */
  reportFollowing(due: string, today: string, urgency: Urgency): IsoDateString;
}

type IsoDateString = string;

/** Years the sweep's dates may touch: from the year before `around` to the year after. */
const yearsOf = (around: string) => yearsAround(String(Number(around.slice(0, 4)) - 1));

export async function countyCadence(db: Kysely<KernelDatabase>, tenantId: string, around: string): Promise<CountyCadence> {
  const counting = await dispatchCountingOf(db, tenantId);
  const needsCalendar = Object.values(counting).includes('working');
  const calendar: WorkingCalendar | undefined = needsCalendar ? await tenantCalendar(db, tenantId, yearsOf(around)) : undefined;
  const dispatchAfter = (from: string, urgency: Urgency, k = 1) => nthDispatchDateCounting(from, urgency, k, counting[urgency], calendar);
  return {
    dispatchAfter,
    dispatchFollowing: (due, today, urgency) => firstDispatchAfter(due, today, urgency, counting[urgency], calendar),
    reportFollowing: (due, today, urgency) => firstReportAfter(due, today, urgency),
  };
}
