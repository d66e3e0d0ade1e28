// Dashboard aggregates over the cases a user may see: counts by status, urgency and unit,
// overdue and due this week, the closure rate and a twelve-month trend. One scoped CTE,
// so every figure agrees with the ledger the same filter would show.
import type { AuthedContext } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase, Urgency } from '../db/schema.js';
import { caseStatusNames, urgencyNames } from '../strings.js';
import { chinaDate } from './dates.js';
import { caseStatuses, openStatuses, type CaseStatus } from './lifecycle.js';
import { caseVisible } from './scope.js';

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
  const open = sql.join(openStatuses.map((s) => sql.lit(s)));
  let base = db.selectFrom('kernel.cases as c').where('c.tenant_id', '=', ctx.tenant.id).where(caseVisible(db, ctx.user));
  if (opts.kind) base = base.where('c.kind', '=', opts.kind);

  const [totals, byStatus, byUrgency, byUnit, monthly] = await Promise.all([
    base
      .select([
        sql<number>`count(*)`.as('total'),
        sql<number>`count(*) filter (where c.status in (${open}) and c.deadline < ${today})`.as('overdue'),
        sql<number>`count(*) filter (where c.status in (${open}) and c.deadline >= ${today} and c.deadline <= ${weekEnd})`.as('due_week'),
        sql<number>`count(*) filter (where c.status in (${open}) and c.next_dispatch_on <= ${today})`.as('dispatch_due'),
        sql<number>`count(*) filter (where c.status in ('closed', 'archived'))`.as('closed'),
        sql<number>`count(*) filter (where c.status in ('assigned', 'in_progress', 'submitted', 'closed', 'archived'))`.as('assigned'),
      ])
      .executeTakeFirstOrThrow(),
    base.select(['c.status', sql<number>`count(*)`.as('n')]).groupBy('c.status').execute(),
    base.select(['c.urgency', sql<number>`count(*)`.as('n')]).where('c.status', 'in', openStatuses).groupBy('c.urgency').execute(),
    base
      .innerJoin('kernel.orgs as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_unit_id'))
      .select([
        'u.id',
        'u.name',
        sql<number>`count(*)`.as('total'),
        sql<number>`count(*) filter (where c.status in (${open}))`.as('open'),
        sql<number>`count(*) filter (where c.status in (${open}) and c.deadline < ${today})`.as('overdue'),
        sql<number>`count(*) filter (where c.status in ('closed', 'archived'))`.as('closed'),
      ])
      .groupBy(['u.id', 'u.name'])
      .orderBy(sql`count(*)`, 'desc')
      .limit(30)
      .execute(),
    (() => {
      const months = monthsBack(today, 12);
      const from = `${months[0]}-01`;
      return Promise.all([
        base
          .select([sql<string>`to_char(c.received_on, 'YYYY-MM')`.as('month'), sql<number>`count(*)`.as('n')])
          .where('c.received_on', '>=', from)
          .groupBy(sql`to_char(c.received_on, 'YYYY-MM')`)
          .execute(),
        base
          .select([sql<string>`to_char(c.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM')`.as('month'), sql<number>`count(*)`.as('n')])
          .where('c.closed_at', '>=', sql<Date>`${from}::date`)
          .groupBy(sql`to_char(c.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM')`)
          .execute(),
      ]).then(([reg, closed]) => {
        const r = new Map(reg.map((x) => [x.month, Number(x.n)]));
        const c = new Map(closed.map((x) => [x.month, Number(x.n)]));
        return months.map((m) => ({ month: m, registered: r.get(m) ?? 0, closed: c.get(m) ?? 0 }));
      });
    })(),
  ]);

  const statusCounts = new Map(byStatus.map((r) => [r.status, Number(r.n)]));
  const urgencyCounts = new Map(byUrgency.map((r) => [r.urgency, Number(r.n)]));
  const assigned = Number(totals.assigned);
  const closed = Number(totals.closed);
  return {
    today,
    total: Number(totals.total),
    overdue: Number(totals.overdue),
    dueThisWeek: Number(totals.due_week),
    dispatchDue: Number(totals.dispatch_due),
    closed,
    /** Closed share of the cases that reached a unit, as a percentage with one decimal. */
    closureRate: assigned === 0 ? null : Math.round((closed / assigned) * 1000) / 10,
    byStatus: caseStatuses.map((s: CaseStatus) => ({ status: s, name: caseStatusNames[s], count: statusCounts.get(s) ?? 0 })),
    byUrgency: (['normal', 'urgent', 'critical'] as Urgency[]).map((u) => ({ urgency: u, name: urgencyNames[u], count: urgencyCounts.get(u) ?? 0 })),
    byUnit: byUnit.map((u) => ({ unitId: u.id, name: u.name, total: Number(u.total), open: Number(u.open), overdue: Number(u.overdue), closed: Number(u.closed) })),
    monthly,
  };
}
