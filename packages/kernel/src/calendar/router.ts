import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import type { Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import { hasOfficialCalendar, officialCalendarDays } from './working-calendar.js';
import { tenantCalendar } from './store.js';
import { daysOfYear } from './dates.js';
import { cadenceStrings, calendarAdminStrings, fieldNames as n, urgencyNames } from '../strings.js';
import { cadenceByUrgency, urgencies } from '../cadence/cadence.js';
import { dispatchCountingOf } from '../cadence/settings.js';
import { recomputeWorkingClocks } from '../clocks/service.js';

const year = f.withLabel(z.number({ error: calendarAdminStrings.badYear }).int(calendarAdminStrings.badYear).min(2000, calendarAdminStrings.badYear).max(2100, calendarAdminStrings.badYear), n.year);
const date = f.isoDate(n.calendarDate, { min: '2000-01-01', maxDaysAhead: f.DEFAULT_DAYS_AHEAD });

export const calendarRouter = {
  /** A year's days that differ from the plain weekend rule, with where each comes from. */
  year: permissionProcedure('orgs.read')
    .input(z.object({ year }))
    .query(async ({ ctx, input }) => {
      const db = ctx.db as unknown as Kysely<KernelDatabase>;
      const cal = await tenantCalendar(db, ctx.tenant.id, [input.year]);
      const official = new Map(officialCalendarDays(input.year).map((d) => [d.date, d]));
      const corrections = new Map(
        (await db.selectFrom('kernel.calendar_days').select(['date', 'kind', 'name']).where('tenant_id', '=', ctx.tenant.id).where('date', '>=', `${input.year}-01-01`).where('date', '<=', `${input.year}-12-31`).execute()).map((r) => [r.date, r]),
      );
      const days = daysOfYear(input.year)
        .map((d) => ({ date: d, working: cal.isWorkingDay(d), official: official.get(d) ?? null, correction: corrections.get(d) ?? null }))
        .filter((d) => d.official || d.correction);
      return { year: input.year, hasOfficial: hasOfficialCalendar(input.year), days, workingDays: daysOfYear(input.year).filter((d) => cal.isWorkingDay(d)).length };
    }),

  /** Marks a day as a holiday or a working day, or ('official') drops the correction. */
  set: permissionProcedure('calendar.manage')
    .input(z.object({ date, kind: f.choice(n.calendarKind, ['holiday', 'workday', 'official']), name: f.text(n.calendarName, { max: 20 }).default('') }))
    .mutation(async ({ ctx, input }) => {
      const db = ctx.db as unknown as Kysely<KernelDatabase>;
      await db.transaction().execute(async (trx) => {
        if (input.kind === 'official') {
          await trx.deleteFrom('kernel.calendar_days').where('tenant_id', '=', ctx.tenant.id).where('date', '=', input.date).execute();
        } else {
          const kind = input.kind;
          await trx
            .insertInto('kernel.calendar_days')
            .values({ tenant_id: ctx.tenant.id, date: input.date, kind, name: input.name, source: 'admin' })
            .onConflict((oc) => oc.columns(['tenant_id', 'date']).doUpdateSet({ kind, name: input.name, source: 'admin' }))
            .execute();
        }
        // Running working-day clocks not yet due follow the corrected calendar, each on its case's timeline.
        const recalculated = await recomputeWorkingClocks(trx, ctx, input.date, input.kind);
        await ctx.audit.record({ action: 'calendar.set', targetType: 'calendar', targetId: input.date, detail: { kind: input.kind, name: input.name, recalculated } }, { db: trx });
      });
      return { ok: true as const };
    }),

  /** The supervision cadence of each urgency class, with how the county counts dispatch days. */
  cadence: permissionProcedure('orgs.read').query(async ({ ctx }) => {
    const counting = await dispatchCountingOf(ctx.db as unknown as Kysely<KernelDatabase>, ctx.tenant.id);
    return urgencies.map((urgency) => {
      const c = cadenceByUrgency[urgency];
      return {
        urgency,
        urgencyName: urgencyNames[urgency],
        dispatchEvery: c.dispatch.every,
        counting: counting[urgency],
        dispatchLabel: cadenceStrings.dispatchEvery(c.dispatch.every, counting[urgency]),
        reportLabel: cadenceStrings.every(c.report.every, c.report.unit),
      };
    });
  }),

  /** Whether the days between dispatches of an urgency class count working days or calendar days. */
  setDispatchCounting: permissionProcedure('calendar.manage')
    .input(z.object({ urgency: f.choice(n.urgency, urgencies), counting: f.choice(n.dispatchCounting, ['working', 'natural']) }))
    .mutation(async ({ ctx, input }) => {
      const db = ctx.db as unknown as Kysely<KernelDatabase>;
      await db.transaction().execute(async (trx) => {
        const before = (await dispatchCountingOf(trx, ctx.tenant.id))[input.urgency];
        await trx
          .insertInto('kernel.dispatch_day_counting')
          .values({ tenant_id: ctx.tenant.id, urgency: input.urgency, counting: input.counting, updated_by: ctx.user.id, updated_at: ctx.now() })
          .onConflict((oc) => oc.columns(['tenant_id', 'urgency']).doUpdateSet({ counting: input.counting, updated_by: ctx.user.id, updated_at: ctx.now() }))
          .execute();
        await ctx.audit.record(
          { action: 'calendar.dispatchCounting', targetType: 'calendar', targetId: input.urgency, detail: { urgency: input.urgency, from: before, to: input.counting } },
          { db: trx },
        );
      });
      return { ok: true as const };
    }),
};
