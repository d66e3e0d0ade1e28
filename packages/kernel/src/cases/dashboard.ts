// Dashboard aggregates over the cases a user may see: counts by status, urgency and unit,
// overdue and due this week, the closure rate and a twelve-month trend. Every figure is
// scoped like the ledger, so it agrees with the ledger the same filter would show.
import type { AuthedContext, SessionUser } from '@zhengfa/plugin-api';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { KernelDatabase, Urgency } from '../db/schema.js';
import { caseStatusNames, urgencyNames } from '../strings.js';
import { chinaDate } from './dates.js';
import { caseStatuses, closedStatuses, openStatuses, unitVisibleStatuses, type CaseStatus } from './lifecycle.js';
import { statusLiterals } from './plan-literals.js';
import { caseVisible } from './scope.js';
import { readMonths, readRollup, tallyMonthsSql, tallyRollupSql, type MonthSqlRow, type RollupSqlRow } from './tallies.js';

function monthsBack(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

export interface DashboardSqlRow {
  rollup: RollupSqlRow[];
  months: MonthSqlRow[];
  dated: { lead_unit_id: string | null; overdue: number; due_week: number; dispatch_due: number }[];
}

/**
 * The dashboard's one statement for a user on a China date: the rollup and the monthly trend
 * from the tallies, and the date-dependent counts of open cases. Exported so the benchmark
 * can EXPLAIN exactly what the dashboard runs.
 */
export function caseDashboardSql(db: Kysely<KernelDatabase>, user: SessionUser, today: string, opts: { kind?: string } = {}): RawBuilder<DashboardSqlRow> {
  const weekEnd = sql<string>`(${today}::date + 7)`;
  const kinds = opts.kind ? [opts.kind] : undefined;
  const months = monthsBack(today, 12);

  // Counts by status, urgency and lead unit, and the monthly trend, come from the
  // denormalised tallies; only the date-dependent figures of open cases (overdue, due this
  // week, dispatch due) are counted from the cases table, through the open-case indexes.
  let openCases = db
    .selectFrom('kernel.cases as c')
    .where('c.tenant_id', '=', user.tenantId)
    .where(caseVisible(user))
    // The open statuses as literals, so that a generic plan (the statement is prepared)
    // still matches the open-case partial indexes and the plan is not redone per request.
    .where(sql<SqlBool>`c.status in (${statusLiterals(openStatuses)})`)
    .where((eb) => eb.or([eb('c.deadline', '<=', weekEnd), eb('c.next_dispatch_on', '<=', today), eb('c.dispatch_owed_since', 'is not', null)]));
  if (opts.kind) openCases = openCases.where('c.kind', '=', opts.kind);

  const datedByUnit = openCases
    .select([
      'c.lead_unit_id',
      sql<string>`count(*) filter (where c.deadline < ${today})`.as('overdue'),
      sql<string>`count(*) filter (where c.deadline >= ${today} and c.deadline <= ${weekEnd})`.as('due_week'),
      sql<string>`count(*) filter (where c.next_dispatch_on <= ${today} or c.dispatch_owed_since is not null)`.as('dispatch_due'),
    ])
    .groupBy('c.lead_unit_id');
  // The three parts in one statement: one round trip and one pooled connection per
  // dashboard instead of three (each part is a few dozen rows, carried as JSON).
  return sql<DashboardSqlRow>`select
      (select coalesce(json_agg(x), '[]'::json) from (${tallyRollupSql(user, { kind: kinds }, { open: openStatuses, closed: closedStatuses, units: 30 })}) as x) as rollup,
      (select coalesce(json_agg(x), '[]'::json) from (${tallyMonthsSql(user, `${months[0]}-01`, { kind: kinds })}) as x) as months,
      (select coalesce(json_agg(x), '[]'::json) from ${datedByUnit} as x) as dated`;
}

export async function caseDashboard(ctx: AuthedContext, opts: { kind?: string } = {}) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  const today = chinaDate(ctx.now());
  const months = monthsBack(today, 12);
  const parts = await caseDashboardSql(db, ctx.user, today, opts).execute(db);
  const { rollup: rollupRows, months: monthSqlRows, dated } = parts.rows[0]!;
  const rollup = readRollup(rollupRows);
  const monthRows = readMonths(monthSqlRows);

  const statusCounts = new Map(rollup.byStatus.map((r) => [r.status, r.n]));
  const urgencyCounts = new Map(rollup.openByUrgency.map((r) => [r.urgency, r.n]));
  const unitOverdue = new Map<string, number>();
  let overdue = 0;
  let dueThisWeek = 0;
  let dispatchDue = 0;
  for (const r of dated) {
    overdue += Number(r.overdue);
    dueThisWeek += Number(r.due_week);
    dispatchDue += Number(r.dispatch_due);
    if (r.lead_unit_id) unitOverdue.set(r.lead_unit_id, Number(r.overdue));
  }

  const total = [...statusCounts.values()].reduce((a, b) => a + b, 0);
  const closed = closedStatuses.reduce((s, st) => s + (statusCounts.get(st) ?? 0), 0);
  const assigned = unitVisibleStatuses.reduce((s, st) => s + (statusCounts.get(st) ?? 0), 0);
  const perMonth = new Map(monthRows.map((m) => [m.month, m]));
  return {
    today,
    total,
    overdue,
    dueThisWeek,
    dispatchDue,
    closed,
    /** Closed share of the cases that reached a unit, as a percentage with one decimal. */
    closureRate: assigned === 0 ? null : Math.round((closed / assigned) * 1000) / 10,
    byStatus: caseStatuses.map((s: CaseStatus) => ({ status: s, name: caseStatusNames[s], count: statusCounts.get(s) ?? 0 })),
    byUrgency: (['normal', 'urgent', 'critical'] as Urgency[]).map((u) => ({ urgency: u, name: urgencyNames[u], count: urgencyCounts.get(u) ?? 0 })),
    byUnit: rollup.topUnits.map((u) => ({ unitId: u.unitId, name: u.name, total: u.total, open: u.open, overdue: unitOverdue.get(u.unitId) ?? 0, closed: u.closed })),
    monthly: months.map((m) => ({ month: m, registered: perMonth.get(m)?.received ?? 0, closed: perMonth.get(m)?.closed ?? 0 })),
  };
}
