// Reading the denormalised case counts (migration 0006): compacted counters plus the
// deltas not folded in yet. The committee reads the tenant's counters (scope null); a unit
// user reads the counters of its own organisation's scope, which count every case led by
// or assigned for cooperation to a unit of its subtree once, restricted to the statuses a
// unit sees (cases/scope.ts).
import type { SessionUser } from '@zhengfa/plugin-api';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { KernelDatabase, Urgency } from '../db/schema.js';
import { unitVisibleStatuses } from './lifecycle.js';
import { statusLiterals, urgencyLiterals } from './plan-literals.js';

export interface TallyFilter {
  kind?: readonly string[];
  status?: readonly string[];
  urgency?: readonly Urgency[];
}

export interface TallyRow {
  status: string;
  urgency: string;
  leadUnitId: string | null;
  n: number;
}

export interface MonthRow {
  month: string;
  received: number;
  closed: number;
}

function list(values: readonly string[]): RawBuilder<unknown> {
  return sql.join(values.map((v) => sql`${v}`));
}

/** Conditions on a counter table for what the user may see, narrowed by the filter. */
function counterWhere(user: SessionUser, f: TallyFilter, extra: RawBuilder<unknown>[] = []): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`tenant_id = ${user.tenantId}`, ...extra];
  if (user.committee) parts.push(sql`scope_org_id is null`);
  // Statuses and urgencies as literals, as the ledger spells them (plan-literals.ts).
  else parts.push(sql`scope_org_id = ${user.orgId}::uuid`, sql`status in (${statusLiterals(unitVisibleStatuses)})`);
  if (f.kind?.length) parts.push(sql`kind in (${list(f.kind)})`);
  if (f.status?.length) parts.push(sql`status in (${statusLiterals(f.status)})`);
  if (f.urgency?.length) parts.push(sql`urgency in (${urgencyLiterals(f.urgency)})`);
  return sql.join(parts, sql` and `);
}

/** Visible cases per (status, urgency, lead unit). */
export async function tallyBreakdown(db: Kysely<KernelDatabase>, user: SessionUser, f: TallyFilter = {}): Promise<TallyRow[]> {
  const where = counterWhere(user, f);
  const r = await sql<{ status: string; urgency: string; lead_unit_id: string | null; n: string }>`
    select status, urgency, lead_unit_id, sum(n) as n from (
      select status, urgency, lead_unit_id, n from kernel.case_tallies where ${where}
      union all
      select status, urgency, lead_unit_id, n from kernel.case_tally_deltas where ${where}
    ) as t group by status, urgency, lead_unit_id having sum(n) <> 0`.execute(db);
  return r.rows.map((x) => ({ status: x.status, urgency: x.urgency, leadUnitId: x.lead_unit_id, n: Number(x.n) }));
}

export interface TallyRollup {
  byStatus: { status: string; n: number }[];
  /** Counts of open cases (`open` statuses) per urgency. */
  openByUrgency: { urgency: string; n: number }[];
  /** The `units` lead units with the most cases, with their names. */
  topUnits: { unitId: string; name: string; total: number; open: number; closed: number }[];
}

export interface RollupSqlRow {
  dim: 'status' | 'urgency' | 'unit';
  key: string;
  n: string | number;
  open: string | number | null;
  closed: string | number | null;
  name: string | null;
}

export interface RollupOptions {
  open: readonly string[];
  closed: readonly string[];
  units: number;
}

/**
 * The dashboard's figures from the tallies as one query: visible cases per status, open
 * cases per urgency, and the lead units with the most cases (named), so only a few dozen
 * rows leave the database instead of every (kind, status, urgency, unit) counter. The
 * dashboard embeds it in its own single statement; `readRollup` turns its rows around.
 */
export function tallyRollupSql(user: SessionUser, f: TallyFilter, opts: RollupOptions): RawBuilder<RollupSqlRow> {
  const where = counterWhere(user, f);
  const open = statusLiterals(opts.open);
  const closed = statusLiterals(opts.closed);
  // One pass over the counters with three grouping sets (per status, per urgency, per lead
  // unit) instead of three aggregates over a materialised union: about 30 % less time for
  // the rollup of a large county's 1,487 counters (pgbench; bench NOTES.md, fourteenth pass).
  // grouping() tells the sets apart: 3 = by status, 5 = by urgency, 6 = by lead unit.
  return sql<RollupSqlRow>`
    with g as (
      select grouping(status, urgency, lead_unit_id) as g, status, urgency, lead_unit_id, sum(n) as n,
        coalesce(sum(n) filter (where status in (${open})), 0) as open,
        coalesce(sum(n) filter (where status in (${closed})), 0) as closed
      from (
        select status, urgency, lead_unit_id, n from kernel.case_tallies where ${where}
        union all
        select status, urgency, lead_unit_id, n from kernel.case_tally_deltas where ${where}
      ) as t
      group by grouping sets ((status), (urgency), (lead_unit_id))
    ), units as (
      select lead_unit_id, n, open, closed from g
      where g = 6 and lead_unit_id is not null and n <> 0
      order by n desc, lead_unit_id limit ${sql.lit(Math.trunc(opts.units))}
    )
    select 'status' as dim, status as key, n, null::numeric as open, null::numeric as closed, null::text as name from g where g = 3 and n <> 0
    union all
    select 'urgency', urgency, open, null, null, null from g where g = 5 and open <> 0
    union all
    select 'unit', u.lead_unit_id::text, u.n, u.open, u.closed, o.name
      from units as u left join kernel.orgs as o on o.tenant_id = ${user.tenantId} and o.id = u.lead_unit_id`;
}

export function readRollup(rows: readonly RollupSqlRow[]): TallyRollup {
  const out: TallyRollup = { byStatus: [], openByUrgency: [], topUnits: [] };
  for (const x of rows) {
    if (x.dim === 'status') out.byStatus.push({ status: x.key, n: Number(x.n) });
    else if (x.dim === 'urgency') out.openByUrgency.push({ urgency: x.key, n: Number(x.n) });
    else out.topUnits.push({ unitId: x.key, name: x.name ?? '', total: Number(x.n), open: Number(x.open), closed: Number(x.closed) });
  }
  out.topUnits.sort((a, b) => b.total - a.total || a.unitId.localeCompare(b.unitId));
  return out;
}

/** The rollup (`tallyRollupSql`) as a statement of its own. */
export async function tallyRollup(db: Kysely<KernelDatabase>, user: SessionUser, f: TallyFilter, opts: RollupOptions): Promise<TallyRollup> {
  return readRollup((await tallyRollupSql(user, f, opts).execute(db)).rows);
}

/** The SQL (a scalar subquery) of how many visible cases match kinds, statuses and urgencies. */
export function tallyCountSql(user: SessionUser, f: TallyFilter): RawBuilder<number> {
  const where = counterWhere(user, f);
  return sql<number>`(select coalesce(sum(n), 0) from (
      select n from kernel.case_tallies where ${where}
      union all
      select n from kernel.case_tally_deltas where ${where}
    ) as t)`;
}

/** How many visible cases match a filter of kinds, statuses and urgencies. */
export async function tallyCount(db: Kysely<KernelDatabase>, user: SessionUser, f: TallyFilter): Promise<number> {
  const r = await sql<{ n: string }>`select ${tallyCountSql(user, f)} as n`.execute(db);
  return Number(r.rows[0]!.n);
}

export interface MonthSqlRow {
  month: string;
  received: string | number;
  closed: string | number;
}

/** Visible cases received and closed per month (China time), from `from` (YYYY-MM-01) on, as a query. */
export function tallyMonthsSql(user: SessionUser, from: string, f: TallyFilter = {}): RawBuilder<MonthSqlRow> {
  const where = counterWhere(user, f, [sql`month >= ${from}::date`]);
  return sql<MonthSqlRow>`
    select to_char(month, 'YYYY-MM') as month, sum(received) as received, sum(closed) as closed from (
      select month, received, closed from kernel.case_month_tallies where ${where}
      union all
      select month, received, closed from kernel.case_month_tally_deltas where ${where}
    ) as t group by month`;
}

export function readMonths(rows: readonly MonthSqlRow[]): MonthRow[] {
  return rows.map((x) => ({ month: x.month, received: Number(x.received), closed: Number(x.closed) }));
}

/** Folds the deltas into the counters (the kernel's background tick calls this). */
export async function compactCaseTallies(db: Kysely<any>): Promise<void> {
  await sql`select kernel.compact_case_tallies()`.execute(db);
}

/** Recomputes every counter from the cases table; only while nothing else writes cases. */
export async function rebuildCaseTallies(db: Kysely<any>): Promise<void> {
  await sql`select kernel.rebuild_case_tallies()`.execute(db);
}
