// The cadence sweep: raises one in-app reminder per due point (dispatch date, report date,
// deadline) and recipient (the lead leader and the lead unit's liaisons). The primary key
// of kernel.reminders makes it exactly-once however many sweepers run; the sweep reads
// only open cases that are due (partial indexes on the due dates), so it grows with the
// number of cases due, not the number stored.
//
// A full sweep still reads every open case that is due, including those reminded long ago
// and not yet handled. The server sweeps every minute, so it passes `since`, the last
// complete sweep: only cases whose due date passed after that sweep's date, or that changed
// after it (less a margin for transactions still open then, and for the clocks of several
// servers), can have a due point it did not see. The first sweep of each day is full
// (kernel.ts), which catches anything a change made without touching `updated_at`.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { KernelDatabase, Urgency } from '../db/schema.js';
import { SYSTEM_ACTOR_ID } from '../auth/system-actor.js';
import { countyCadence } from '../cadence/settings.js';
import { caseStrings as s } from '../strings.js';
import { chinaDate } from './dates.js';
import { openStatuses } from './lifecycle.js';
import { userHolds } from './service.js';

export type DueKind = 'dispatch' | 'report' | 'deadline';

const columns: Record<DueKind, 'next_dispatch_on' | 'next_report_on' | 'deadline'> = {
  dispatch: 'next_dispatch_on',
  report: 'next_report_on',
  deadline: 'deadline',
};

export interface SweepReport {
  due: number;
  raised: number;
}

/** What the last complete sweep covered: due points up to `asOf`, of cases as they were at `changedSince`. */
export interface SweepSince {
  /** The date that sweep ran as of (YYYY-MM-DD). */
  asOf: string;
  /** Cases changed at or after this instant are read again, whatever their due date. */
  changedSince: Date;
}

/**
 * How far back a sweep after another reads changed cases: a change committed after that
 * sweep read may carry an `updated_at` from before it (the writer's clock, taken before its
 * commit), and several servers' clocks differ by a little.
 */
export const SWEEP_CHANGE_MARGIN_MS = 10 * 60_000;

/**
 * The `since` of a sweep as of `today` that follows the complete sweep of minute `slot`
 * (minutes since the epoch, as the server claims its runs): undefined, for a full sweep,
 * when there was none or it ran as of another day.
 */
export function sinceSweepOfMinute(slot: number | null, today: string): SweepSince | undefined {
  if (slot === null) return undefined;
  const at = new Date(slot * 60_000);
  const asOf = chinaDate(at);
  if (asOf !== today) return undefined;
  return { asOf, changedSince: new Date(at.getTime() - SWEEP_CHANGE_MARGIN_MS) };
}

/**
 * A due case's key. The sweep reads keys in (tenant, case) order; a read after another starts
 * past the last key that one returned.
 */
export interface DueKey {
  tenant_id: string;
  id: string;
}

/**
 * How many due cases' keys one read of the sweep takes. The sweep reads the keys of the due
 * cases once and then each batch by its keys, because a read of the due cases past a cursor
 * cannot stop at the cursor: no index holds them in (tenant, case) order, so every such read
 * fetches and sorts all of them (at a million matters 17,378 due for dispatch, 13,192 table
 * pages). Read per batch of 2,000, a full sweep of n due cases fetched about n²/4,000 rows;
 * read per 50,000 keys (two short strings each, a few megabytes), it fetches about n once
 * while n stays below that, and n²/100,000 beyond.
 */
export const SWEEP_KEYS_PER_READ = 50_000;

/**
 * The keys, in (tenant, case) order, of up to `limit` open cases due by `kind` as of `today`
 * whose due point has no reminder yet, after `after`; with `since`, only those that may have
 * fallen due or changed after that sweep. Exported so the benchmark can EXPLAIN exactly what
 * the sweep runs.
 */
export function dueKeys(db: Kysely<any>, kind: DueKind, today: string, limit = SWEEP_KEYS_PER_READ, since?: SweepSince, after?: DueKey | null) {
  const k = db as unknown as Kysely<KernelDatabase>;
  const col = columns[kind];
  // The open statuses stay parameters: a plan made without their values cannot use the
  // partial due-date indexes, so PostgreSQL plans each read for its own date and cursor.
  // Literals (as the ledger's) were tried and were no faster (two pairs at 1M).
  let q = k
    .selectFrom('kernel.cases as c')
    .select(['c.tenant_id', 'c.id'])
    .where('c.status', 'in', openStatuses)
    .where(`c.${col}`, '<=', today)
    .where(notRaised(kind));
  if (since && since.asOf <= today) {
    const { asOf, changedSince } = since;
    q = q.where((eb) => eb.or([eb(`c.${col}`, '>', asOf), eb('c.updated_at', '>=', changedSince)]));
  }
  if (after) q = q.where(sql<boolean>`(c.tenant_id, c.id) > (${after.tenant_id}, ${after.id}::uuid)`);
  return q.orderBy('c.tenant_id').orderBy('c.id').limit(limit);
}

/**
 * One batch of the sweep: the cases of `keys` read by their primary key, with what their
 * reminders need, if they are still open, due by `kind` as of `today` and not yet reminded
 * (another sweeper or a change may have come between the read of the keys and this one).
 * Exported so the benchmark can EXPLAIN exactly what the sweep runs.
 */
export function dueCases(db: Kysely<any>, kind: DueKind, today: string, keys: readonly DueKey[]) {
  const k = db as unknown as Kysely<KernelDatabase>;
  const col = columns[kind];
  return k
    .selectFrom('kernel.cases as c')
    .select(['c.tenant_id', 'c.id', 'c.doc_no', 'c.urgency', 'c.lead_leader_id', 'c.lead_unit_id', `c.${col} as due_on`])
    .where(
      sql<boolean>`(c.tenant_id, c.id) in (select * from unnest(${keys.map((x) => x.tenant_id)}::text[], ${keys.map((x) => x.id)}::uuid[]))`,
    )
    .where('c.status', 'in', openStatuses)
    .where(`c.${col}`, '<=', today)
    .where(notRaised(kind))
    .orderBy('c.tenant_id')
    .orderBy('c.id');
}

/**
 * No reminder of the case's current due point by `kind` yet. Due points already raised are
 * skipped when reading, so the sweep the server repeats every minute reads the index of
 * reminders instead of re-inserting (and re-checking) every recipient's row; the insert's
 * conflict check still makes a race raise nothing twice.
 */
function notRaised(kind: DueKind) {
  const col = columns[kind];
  return ({ not, exists, selectFrom }: ExpressionBuilder<KernelDatabase & { c: KernelDatabase['kernel.cases'] }, 'c'>) =>
    not(
      exists(
        selectFrom('kernel.reminders as r')
          .select(sql`1`.as('one'))
          .whereRef('r.tenant_id', '=', 'c.tenant_id')
          .whereRef('r.case_id', '=', 'c.id')
          .where('r.due_kind', '=', kind)
          .whereRef('r.due_on', '=', `c.${col}`),
      ),
    );
}

/**
 * Raises the reminders due as of `today`. With `since`, reads only the cases that may have
 * a due point the sweep described there did not see; without it, every open case that is due.
 * Reminders are raised `batch` cases at a time, each batch in one statement.
 *
 * The three due kinds are swept side by side, each on a connection of its own: their
 * reminders differ in `due_kind`, so they never meet on a key, and a full sweep (the first
 * of each China day) spends its time inserting reminders and notifications in PostgreSQL,
 * which one connection keeps to one core. On PGlite the engine takes one statement at a
 * time, and the kinds simply interleave.
 */
export async function sweepReminders(
  db: Kysely<any>,
  today = chinaDate(),
  batch = 2000,
  since?: SweepSince,
  keysPerRead = SWEEP_KEYS_PER_READ,
): Promise<SweepReport> {
  const k = db as unknown as Kysely<KernelDatabase>;
  // Settled, not raced: when one kind fails, the sweep still returns (with its error) only
  // after the others have finished, so no statement of it outlives the call.
  const outcomes = await Promise.allSettled([
    ...(Object.keys(columns) as DueKind[]).map((kind) => sweepKind(k, kind, today, batch, since, keysPerRead)),
    sweepClocks(k, today, batch),
  ]);
  const report: SweepReport = { due: 0, raised: 0 };
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') throw outcome.reason;
    report.due += outcome.value.due;
    report.raised += outcome.value.raised;
  }
  return report;
}

/** The sweep of one due kind: its due cases' keys read `keysPerRead` at a time, raised `batch` cases at a time. */
async function sweepKind(k: Kysely<KernelDatabase>, kind: DueKind, today: string, batch: number, since: SweepSince | undefined, keysPerRead: number): Promise<SweepReport> {
  const report: SweepReport = { due: 0, raised: 0 };
  let after: DueKey | null = null;
  for (;;) {
    const keys = await dueKeys(k, kind, today, keysPerRead, since, after).execute();
    for (let i = 0; i < keys.length; i += batch) {
      const due = await dueCases(k, kind, today, keys.slice(i, i + batch)).execute();
      report.due += due.length;
      // `due_on` is never null here: the query asked for due dates up to `today`.
      if (due.length) report.raised += await raiseDue(k, kind, due as DueCase[], today);
    }
    if (keys.length < keysPerRead) return report;
    after = keys.at(-1)!;
  }
}

interface DueCase {
  tenant_id: string;
  id: string;
  doc_no: string;
  urgency: Urgency;
  lead_leader_id: string | null;
  lead_unit_id: string | null;
  due_on: string;
}

/**
 * Raises one batch's reminders (the lead leader and the lead unit's liaisons of each due
 * case) and a notification for each reminder the insert made, in one statement: atomic by
 * itself, and a reminder another sweeper raised first gets no second notification. Rows go
 * as one array per column (insert … select from unnest), so a batch of thousands is one
 * small statement instead of a VALUES list of tens of thousands of parameters.
 */
async function raiseDue(k: Kysely<KernelDatabase>, kind: DueKind, due: DueCase[], today: string): Promise<number> {
  if (kind === 'deadline') return raiseReminders(k, kind, due);
  // A dispatch or report point, once raised, schedules the next one: in the same transaction,
  // so no point is reminded without the cadence moving on, nor moved on unreminded.
  return k.transaction().execute(async (trx) => {
    const n = await raiseReminders(trx, kind, due);
    await moveCadenceOn(trx, kind, due, today);
    return n;
  });
}

/**
 * Moves each case's dispatch or report date from the due point just raised to the first date
 * of its cadence after `today` (on the county's counting and calendar). A case whose date
 * changed meanwhile (a dispatch recorded, another sweeper) is left as it is. The version is not
 * bumped: the cadence moving on is not an edit a form in hand conflicts with.
 */
async function moveCadenceOn(trx: Kysely<KernelDatabase>, kind: 'dispatch' | 'report', due: DueCase[], today: string): Promise<void> {
  const col = columns[kind];
  const byTenant = new Map<string, DueCase[]>();
  for (const d of due) {
    const list = byTenant.get(d.tenant_id);
    if (list) list.push(d);
    else byTenant.set(d.tenant_id, [d]);
  }
  const moves: { tenant_id: string; id: string; due_on: string; next_on: string }[] = [];
  for (const [tenantId, cases] of byTenant) {
    const cadence = await countyCadence(trx, tenantId, today);
    for (const d of cases) {
      const next = kind === 'dispatch' ? cadence.dispatchFollowing(d.due_on, today, d.urgency) : cadence.reportFollowing(d.due_on, today, d.urgency);
      moves.push({ tenant_id: d.tenant_id, id: d.id, due_on: d.due_on, next_on: next });
    }
  }
  if (moves.length === 0) return;
  // A raised dispatch point stays owed until a dispatch meeting is recorded (recordDispatch).
  const owed = kind === 'dispatch' ? sql`, dispatch_owed_since = coalesce(c.dispatch_owed_since, m.due_on)` : sql``;
  await sql`
    update kernel.cases c set ${sql.ref(col)} = m.next_on ${owed}
    from unnest(${moves.map((m) => m.tenant_id)}::text[], ${moves.map((m) => m.id)}::uuid[], ${moves.map((m) => m.due_on)}::date[], ${moves.map((m) => m.next_on)}::date[])
      as m(tenant_id, id, due_on, next_on)
    where c.tenant_id = m.tenant_id and c.id = m.id and ${sql.ref(`c.${col}`)} = m.due_on`.execute(trx);
}

async function raiseReminders(k: Kysely<KernelDatabase>, kind: DueKind, due: DueCase[]): Promise<number> {
  const unitIds = [...new Set(due.map((d) => d.lead_unit_id).filter((x): x is string => Boolean(x)))];
  const liaisons = unitIds.length
    ? await k
        .selectFrom('kernel.users as u')
        .select(['u.tenant_id', 'u.id', 'u.org_id'])
        .where('u.org_id', 'in', unitIds)
        .where('u.disabled', '=', false)
        .where(userHolds('cases.handle'))
        .execute()
    : [];
  const rows: { tenant_id: string; case_id: string; user_id: string; due_on: string }[] = [];
  for (const d of due) {
    const recipients = new Set<string>();
    if (d.lead_leader_id) recipients.add(d.lead_leader_id);
    for (const l of liaisons) if (l.tenant_id === d.tenant_id && l.org_id === d.lead_unit_id) recipients.add(l.id);
    for (const user_id of recipients) rows.push({ tenant_id: d.tenant_id, case_id: d.id, user_id, due_on: d.due_on });
  }
  if (rows.length === 0) return 0;
  const title = { dispatch: s.reminderDispatch, report: s.reminderReport, deadline: s.reminderDeadline }[kind];
  const result = await sql<{ n: number }>`
    with due (tenant_id, case_id, title) as (
      select * from unnest(${due.map((d) => d.tenant_id)}::text[], ${due.map((d) => d.id)}::uuid[], ${due.map((d) => title(d.doc_no, d.due_on))}::text[])
    ), raised as (
      insert into kernel.reminders (tenant_id, case_id, due_kind, due_on, user_id)
      select r.tenant_id, r.case_id, ${kind}, r.due_on, r.user_id
      from unnest(${rows.map((r) => r.tenant_id)}::text[], ${rows.map((r) => r.case_id)}::uuid[], ${rows.map((r) => r.due_on)}::date[], ${rows.map((r) => r.user_id)}::uuid[])
        as r(tenant_id, case_id, due_on, user_id)
      on conflict do nothing
      returning tenant_id, case_id, user_id
    ), notified as (
      insert into kernel.notifications (tenant_id, user_id, title, link, case_id)
      select r.tenant_id, r.user_id, d.title, '/cases/' || r.case_id, r.case_id
      from raised r join due d on d.tenant_id = r.tenant_id and d.case_id = r.case_id
      returning 1
    )
    select count(*)::int as n from notified`.execute(k);
  return result.rows[0]!.n;
}

/** Statutory clocks (kernel.case_clocks) that are due: one reminder per clock and recipient. */
async function sweepClocks(k: Kysely<KernelDatabase>, today: string, batch: number): Promise<SweepReport> {
  const report: SweepReport = { due: 0, raised: 0 };
  let after: string | null = null;
  for (;;) {
    let q = k
      .selectFrom('kernel.case_clocks as t')
      .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 't.tenant_id').onRef('c.id', '=', 't.case_id'))
      .select(['t.tenant_id', 't.id as clock_id', 't.key', 't.name', 't.due_on', 'c.id', 'c.doc_no', 'c.lead_leader_id', 'c.lead_unit_id', 'c.registered_by'])
      .where('t.stopped_on', 'is', null)
      .where('t.due_on', '<=', today);
    if (after) q = q.where('t.id', '>', after);
    const due = await q.orderBy('t.id').limit(batch).execute();
    if (due.length === 0) return report;
    after = due.at(-1)!.clock_id;
    report.due += due.length;
    await k.transaction().execute(async (trx) => {
      const rows = due.flatMap((d) =>
        [...new Set([d.lead_leader_id, d.registered_by].filter((x): x is string => Boolean(x) && x !== SYSTEM_ACTOR_ID))].map((user_id) => ({
          tenant_id: d.tenant_id,
          case_id: d.id,
          due_kind: `clock:${d.key}`,
          due_on: d.due_on!,
          user_id,
        })),
      );
      if (rows.length === 0) return;
      const raised = await trx.insertInto('kernel.reminders').values(rows).onConflict((oc) => oc.doNothing()).returning(['tenant_id', 'case_id', 'due_kind', 'due_on', 'user_id']).execute();
      if (raised.length === 0) return;
      const byCase = new Map(due.map((d) => [`${d.id}:clock:${d.key}`, d]));
      await trx
        .insertInto('kernel.notifications')
        .values(
          raised.map((r) => {
            const d = byCase.get(`${r.case_id}:${r.due_kind}`)!;
            return { tenant_id: r.tenant_id, user_id: r.user_id, title: s.reminderClock(d.doc_no, d.name, r.due_on), link: `/cases/${r.case_id}`, case_id: r.case_id };
          }),
        )
        .execute();
      report.raised += raised.length;
    });
    if (due.length < batch) return report;
  }
}
