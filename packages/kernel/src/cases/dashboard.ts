// Dashboard aggregates over the cases a user may see: counts by status, urgency and unit,
// overdue and due this week, the closure rate and a twelve-month trend. Every figure is
// scoped like the ledger, so it agrees with the ledger the same filter would show.
import type { AuthedContext } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase, Urgency } from '../db/schema.js';
import { caseStatusNames, urgencyNames } from '../strings.js';
import { chinaDate } from './dates.js';
import { caseStatuses, closedStatuses, openStatuses, unitVisibleStatuses, type CaseStatus } from './lifecycle.js';
import { caseVisible } from './scope.js';
import { tallyBreakdown, tallyMonths } from './tallies.js';

function monthsBack(today: string, n: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

export async function caseDashboard(ctx: AuthedContext, opts: { kind?: string } = {}) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  const today = chinaDate();
  const weekEnd = sql<string>`(${today}::date + 7)`;
  const kinds = opts.kind ? [opts.kind] : undefined;
  const months = monthsBack(today, 12);

  // Counts by status, urgency and lead unit, and the monthly trend, come from the
  // denormalised tallies; only the date-dependent figures of open cases (overdue, due this
  // week, dispatch due) are counted from the cases table, through the open-case indexes.
  let openCases = db
    .selectFrom('kernel.cases as c')
    .where('c.tenant_id', '=', ctx.tenant.id)
    .where(caseVisible(db, ctx.user))
    .where('c.status', 'in', openStatuses)
    .where((eb) => eb.or([eb('c.deadline', '<=', weekEnd), eb('c.next_dispatch_on', '<=', today)]));
  if (opts.kind) openCases = openCases.where('c.kind', '=', opts.kind);

  const [breakdown, monthRows, dated] = await Promise.all([
    tallyBreakdown(db, ctx.user, { kind: kinds }),
    tallyMonths(db, ctx.user, `${months[0]}-01`, { kind: kinds }),
    openCases
      .select([
        'c.lead_unit_id',
        sql<string>`count(*) filter (where c.deadline < ${today})`.as('overdue'),
        sql<string>`count(*) filter (where c.deadline >= ${today} and c.deadline <= ${weekEnd})`.as('due_week'),
        sql<string>`count(*) filter (where c.next_dispatch_on <= ${today})`.as('dispatch_due'),
      ])
      .groupBy('c.lead_unit_id')
      .execute(),
  ]);

  const statusCounts = new Map<string, number>();
  const urgencyCounts = new Map<string, number>();
  const units = new Map<string, { total: number; open: number; overdue: number; closed: number }>();
  const unitOf = (id: string) => units.get(id) ?? units.set(id, { total: 0, open: 0, overdue: 0, closed: 0 }).get(id)!;
  for (const r of breakdown) {
    statusCounts.set(r.status, (statusCounts.get(r.status) ?? 0) + r.n);
    const open = openStatuses.includes(r.status as CaseStatus);
    if (open) urgencyCounts.set(r.urgency, (urgencyCounts.get(r.urgency) ?? 0) + r.n);
    if (r.leadUnitId) {
      const u = unitOf(r.leadUnitId);
      u.total += r.n;
      if (open) u.open += r.n;
      if (closedStatuses.includes(r.status as CaseStatus)) u.closed += r.n;
    }
  }
  let overdue = 0;
  let dueThisWeek = 0;
  let dispatchDue = 0;
  for (const r of dated) {
    overdue += Number(r.overdue);
    dueThisWeek += Number(r.due_week);
    dispatchDue += Number(r.dispatch_due);
    if (r.lead_unit_id && units.has(r.lead_unit_id)) unitOf(r.lead_unit_id).overdue += Number(r.overdue);
  }
  const topUnits = [...units.entries()].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0])).slice(0, 30);
  const names = topUnits.length
    ? new Map(
        (await db.selectFrom('kernel.orgs').select(['id', 'name']).where('tenant_id', '=', ctx.tenant.id).where('id', 'in', topUnits.map(([id]) => id)).execute()).map((o) => [
          o.id,
          o.name,
        ]),
      )
    : new Map<string, string>();

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
    byUnit: topUnits.map(([id, u]) => ({ unitId: id, name: names.get(id) ?? '', ...u })),
    monthly: months.map((m) => ({ month: m, registered: perMonth.get(m)?.received ?? 0, closed: perMonth.get(m)?.closed ?? 0 })),
  };
}
