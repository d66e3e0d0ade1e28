// Statutory clocks on cases: start, pause (e.g. a hearing), resume, extend with approval,
// stop. The due date is recomputed from the start, the period, the pauses and the
// approved extensions on the tenant's working calendar, never edited by hand.
import type { AuthedContext, StatutoryClockDefinition } from '@zhengfa/plugin-api';
import { inTransaction } from '../db/transaction.js';
import { badRequest, forbidden, notFound, versionConflict } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import { tenantCalendar, yearsAround } from '../calendar/store.js';
import { computeDeadline } from '../cadence/deadline.js';
import { chinaDate } from '../cases/dates.js';
import { caseLedByUser, caseVisible } from '../cases/scope.js';
import type { KernelDatabase } from '../db/schema.js';
import { clockStrings as s } from '../strings.js';
import { holdersOf, sendNotices } from '../notifications/recipients.js';

interface ClockRow {
  start_on: string;
  days: number;
  unit: 'natural' | 'working';
  extension_days: number;
  pauses: { from: string; to: string | null; reason: string }[];
}

export async function dueOf(db: Kysely<KernelDatabase>, tenantId: string, clock: ClockRow): Promise<string | null> {
  const calendar = clock.unit === 'working' ? await tenantCalendar(db, tenantId, yearsAround(clock.start_on)) : undefined;
  const r = computeDeadline(
    { start: clock.start_on, days: clock.days, unit: clock.unit, pauses: clock.pauses.map((p) => ({ from: p.from, to: p.to })), extensionDays: clock.extension_days },
    calendar,
  );
  return r.dueDate;
}

/** Starts the statutory clocks of a case kind (inside the caller's transaction). */
export async function startClocks(trx: Kysely<KernelDatabase>, tenantId: string, caseId: string, defs: StatutoryClockDefinition[], startOn: string): Promise<void> {
  for (const d of defs) {
    const clock: ClockRow = { start_on: startOn, days: d.days, unit: d.unit, extension_days: 0, pauses: [] };
    await trx
      .insertInto('kernel.case_clocks')
      .values({
        tenant_id: tenantId,
        case_id: caseId,
        key: d.key,
        name: d.name,
        start_on: startOn,
        days: d.days,
        unit: d.unit,
        max_extension_days: d.maxExtensionDays ?? 0,
        due_on: await dueOf(trx, tenantId, clock),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'case_id', 'key']).doNothing())
      .execute();
  }
}

async function lockClock(trx: Kysely<KernelDatabase>, ctx: AuthedContext, clockId: string, version?: number) {
  const row = await trx
    .selectFrom('kernel.case_clocks as k')
    .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.case_id'))
    .selectAll('k')
    .select(sql<boolean>`${caseLedByUser(trx, ctx.user)}`.as('led_by_user'))
    .where('k.tenant_id', '=', ctx.tenant.id)
    .where('k.id', '=', clockId)
    .where(caseVisible(ctx.user))
    .forUpdate('k')
    .executeTakeFirst();
  if (!row) throw notFound(s.notFound);
  if (version !== undefined && row.version !== version) throw versionConflict();
  return row;
}

async function save(trx: Kysely<KernelDatabase>, ctx: AuthedContext, clock: Awaited<ReturnType<typeof lockClock>>, set: Partial<ClockRow> & { stopped_on?: string | null }) {
  const next = { ...clock, ...set };
  const due = await dueOf(trx, ctx.tenant.id, next);
  const r = await trx
    .updateTable('kernel.case_clocks')
    .set({
      ...(set.pauses ? { pauses: JSON.stringify(set.pauses) } : {}),
      ...(set.extension_days !== undefined ? { extension_days: set.extension_days } : {}),
      ...(set.stopped_on !== undefined ? { stopped_on: set.stopped_on } : {}),
      due_on: due,
      version: sql`version + 1`,
    })
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', clock.id)
    .returning(['version', 'due_on'])
    .executeTakeFirstOrThrow();
  return { version: r.version, dueOn: r.due_on };
}

async function event(trx: Kysely<KernelDatabase>, ctx: AuthedContext, caseId: string, type: string, comment: string, data: Record<string, unknown>) {
  await trx
    .insertInto('kernel.case_events')
    .values({ tenant_id: ctx.tenant.id, case_id: caseId, actor_id: ctx.user.id, actor_name: ctx.user.displayName, actor_org_id: ctx.user.orgId, type, comment, data: JSON.stringify(data), from_status: null, to_status: null })
    .execute();
}

export async function pauseClock(ctx: AuthedContext, input: { clockId: string; version: number; from: string; reason: string }) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  return inTransaction(db, async (trx) => {
    const clock = await lockClock(trx, ctx, input.clockId, input.version);
    if (clock.stopped_on) throw badRequest(s.stopped);
    if (clock.pauses.some((p) => p.to === null)) throw badRequest(s.alreadyPaused);
    if (input.from < clock.start_on) throw badRequest(s.pauseBeforeStart);
    const r = await save(trx, ctx, clock, { pauses: [...clock.pauses, { from: input.from, to: null, reason: input.reason }] });
    await event(trx, ctx, clock.case_id, 'clock.pause', input.reason, { clock: clock.key, from: input.from });
    await ctx.audit.record({ action: 'cases.clock.pause', targetType: 'case', targetId: clock.case_id, detail: { clock: clock.key, from: input.from } }, { db: trx });
    return r;
  });
}

export async function resumeClock(ctx: AuthedContext, input: { clockId: string; version: number; lastPausedDay: string }) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  return inTransaction(db, async (trx) => {
    const clock = await lockClock(trx, ctx, input.clockId, input.version);
    const open = clock.pauses.findIndex((p) => p.to === null);
    if (open < 0) throw badRequest(s.notPaused);
    if (input.lastPausedDay < clock.pauses[open]!.from) throw badRequest(s.resumeBeforePause);
    const pauses = clock.pauses.map((p, i) => (i === open ? { ...p, to: input.lastPausedDay } : p));
    const r = await save(trx, ctx, clock, { pauses });
    await event(trx, ctx, clock.case_id, 'clock.resume', '', { clock: clock.key, lastPausedDay: input.lastPausedDay, dueOn: r.dueOn });
    await ctx.audit.record({ action: 'cases.clock.resume', targetType: 'case', targetId: clock.case_id, detail: { clock: clock.key } }, { db: trx });
    return r;
  });
}

async function docNoOf(trx: Kysely<KernelDatabase>, tenantId: string, caseId: string): Promise<string> {
  const c = await trx.selectFrom('kernel.cases').select('doc_no').where('tenant_id', '=', tenantId).where('id', '=', caseId).executeTakeFirstOrThrow();
  return c.doc_no;
}

export async function requestExtension(ctx: AuthedContext, input: { clockId: string; days: number; reason: string }) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  return inTransaction(db, async (trx) => {
    const clock = await lockClock(trx, ctx, input.clockId);
    // The handling unit asks for its own time: a cooperating unit never does it for the lead.
    if (!ctx.user.committee && !clock.led_by_user) throw forbidden(s.extensionLeadUnitOnly);
    if (clock.stopped_on) throw badRequest(s.stopped);
    const pending = await trx.selectFrom('kernel.clock_extensions').select('id').where('tenant_id', '=', ctx.tenant.id).where('clock_id', '=', clock.id).where('status', '=', 'pending').executeTakeFirst();
    if (pending) throw badRequest(s.extensionPending);
    if (clock.extension_days + input.days > clock.max_extension_days) throw badRequest(s.extensionTooLong(clock.name, clock.max_extension_days - clock.extension_days));
    const { id } = await trx
      .insertInto('kernel.clock_extensions')
      .values({ tenant_id: ctx.tenant.id, clock_id: clock.id, days: input.days, reason: input.reason, requested_by: ctx.user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await event(trx, ctx, clock.case_id, 'clock.extension.request', input.reason, { clock: clock.key, days: input.days });
    // The committee's approvers decide it (cases.approve).
    const docNo = await docNoOf(trx, ctx.tenant.id, clock.case_id);
    const approvers = await holdersOf(trx, ctx.tenant.id, { committee: true }, ['cases.approve']);
    await sendNotices(trx, { tenantId: ctx.tenant.id, actorId: ctx.user.id, at: ctx.now() }, [{ users: approvers, title: s.extensionRequestedNotice(docNo, clock.name, input.days), link: `/cases/${clock.case_id}`, caseId: clock.case_id }]);
    await ctx.audit.record({ action: 'cases.clock.extension.request', targetType: 'case', targetId: clock.case_id, detail: { clock: clock.key, days: input.days } }, { db: trx });
    return { id };
  });
}

export async function decideExtension(ctx: AuthedContext, input: { extensionId: string; approve: boolean; comment: string }) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  return inTransaction(db, async (trx) => {
    // Only an extension of a case the approver sees exists for them: its state is not told to anyone else.
    const ext = await trx
      .selectFrom('kernel.clock_extensions as e')
      .innerJoin('kernel.case_clocks as k', (j) => j.onRef('k.tenant_id', '=', 'e.tenant_id').onRef('k.id', '=', 'e.clock_id'))
      .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'k.tenant_id').onRef('c.id', '=', 'k.case_id'))
      .selectAll('e')
      .where('e.tenant_id', '=', ctx.tenant.id)
      .where('e.id', '=', input.extensionId)
      .where(caseVisible(ctx.user))
      .forUpdate('e')
      .executeTakeFirst();
    if (!ext) throw notFound(s.extensionNotFound);
    if (ext.status !== 'pending') throw badRequest(s.extensionDecided);
    const clock = await lockClock(trx, ctx, ext.clock_id);
    await trx
      .updateTable('kernel.clock_extensions')
      .set({ status: input.approve ? 'approved' : 'rejected', decided_by: ctx.user.id, decided_at: new Date(), decision_comment: input.comment })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', ext.id)
      .execute();
    const r = input.approve ? await save(trx, ctx, clock, { extension_days: clock.extension_days + ext.days }) : { version: clock.version, dueOn: clock.due_on };
    await event(trx, ctx, clock.case_id, input.approve ? 'clock.extension.approve' : 'clock.extension.reject', input.comment, { clock: clock.key, days: ext.days, dueOn: r.dueOn });
    // Whoever asked goes on with the new (or the old) deadline.
    const docNo = await docNoOf(trx, ctx.tenant.id, clock.case_id);
    await sendNotices(trx, { tenantId: ctx.tenant.id, actorId: ctx.user.id, at: ctx.now() }, [{ users: [ext.requested_by], title: s.extensionDecidedNotice(docNo, clock.name, input.approve), link: `/cases/${clock.case_id}`, caseId: clock.case_id }]);
    await ctx.audit.record({ action: 'cases.clock.extension.decide', targetType: 'case', targetId: clock.case_id, detail: { clock: clock.key, approve: input.approve, days: ext.days } }, { db: trx });
    return r;
  });
}

export async function stopClock(trx: Kysely<KernelDatabase>, tenantId: string, caseId: string, key: string, on = chinaDate()): Promise<void> {
  await trx.updateTable('kernel.case_clocks').set({ stopped_on: on }).where('tenant_id', '=', tenantId).where('case_id', '=', caseId).where('key', '=', key).where('stopped_on', 'is', null).execute();
}

export async function clocksOf(db: Kysely<KernelDatabase>, tenantId: string, caseId: string) {
  const clocks = await db.selectFrom('kernel.case_clocks').selectAll().where('tenant_id', '=', tenantId).where('case_id', '=', caseId).orderBy('start_on').orderBy('key').execute();
  const ids = clocks.map((c) => c.id);
  const exts = ids.length
    ? await db.selectFrom('kernel.clock_extensions').selectAll().where('tenant_id', '=', tenantId).where('clock_id', 'in', ids).orderBy('requested_at').execute()
    : [];
  return clocks.map((c) => ({
    id: c.id,
    key: c.key,
    name: c.name,
    startOn: c.start_on,
    days: c.days,
    unit: c.unit,
    extensionDays: c.extension_days,
    maxExtensionDays: c.max_extension_days,
    pauses: c.pauses,
    paused: c.pauses.some((p) => p.to === null),
    dueOn: c.due_on,
    stoppedOn: c.stopped_on,
    version: c.version,
    extensions: exts.filter((e) => e.clock_id === c.id).map((e) => ({ id: e.id, days: e.days, reason: e.reason, status: e.status, requestedAt: e.requested_at, decidedAt: e.decided_at, comment: e.decision_comment })),
  }));
}

/**
 * After the administrator corrected the working calendar on `date`: recomputes the due date of
 * every running working-day clock of the county that is not yet due (due after today) and whose
 * period spans `date`, and writes each change to its case's timeline, naming the old and the
 * new due date. Runs in the correction's transaction. Returns the number of clocks moved.
 */
export async function recomputeWorkingClocks(trx: Kysely<KernelDatabase>, ctx: AuthedContext, date: string, kind: 'holiday' | 'workday' | 'official'): Promise<number> {
  const today = chinaDate(ctx.now());
  const clocks = await trx
    .selectFrom('kernel.case_clocks')
    .selectAll()
    .where('tenant_id', '=', ctx.tenant.id)
    .where('unit', '=', 'working')
    .where('stopped_on', 'is', null)
    .where('due_on', '>', today)
    .where('start_on', '<', date)
    .where('due_on', '>=', date)
    .orderBy('case_id')
    .orderBy('key')
    .forUpdate()
    .execute();
  let moved = 0;
  for (const clock of clocks) {
    const due = await dueOf(trx, ctx.tenant.id, clock);
    if (due === clock.due_on) continue;
    await trx.updateTable('kernel.case_clocks').set({ due_on: due, version: sql`version + 1` }).where('tenant_id', '=', ctx.tenant.id).where('id', '=', clock.id).execute();
    const comment = s.recalculated(clock.name, date, s.calendarChange[kind], clock.due_on!, due ?? '');
    await event(trx, ctx, clock.case_id, 'clock.recalculate', comment, { clock: clock.key, date, kind, from: clock.due_on, to: due });
    moved += 1;
  }
  return moved;
}
