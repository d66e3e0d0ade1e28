// The figures of the center for any period. Definitions (the reports quote these, so they
// are fixed here and printed under the annual table):
//
// - Period: [from, to], calendar dates inclusive, compared on the dispute's `received_on`.
// - 件 (disputes): disputes received in the period; 人次 (persons): the sum of their
//   `person_count`.
// - Triage (分流): the disputes of the period by the route they were triaged to; those not
//   yet triaged count as 待分流.
// - Settled (调解成功): status 达成协议 (agreed) or 结案 (closed, after the follow-up of an
//   agreement). Not settled (调解不成): 终止调解 (terminated) or 当事人撤回 (withdrawn).
//   Concluded (已办结) = settled + not settled; 调解成功率 = settled ÷ concluded, in percent
//   with one decimal, null when nothing concluded. Statuses are those of today: a past
//   period's rates move while its disputes are still being mediated.
// - 同比 (year-on-year): 件 and 人次 of [from − 1 year, to − 1 year] (29 February → 28
//   February); change = (this − last) ÷ last × 100, one decimal; null when last is 0.
// - By source, type: the dispute's own; by organisation: the organisation it was triaged to
//   (mediate or administrative), disputes without one under 未指定调解组织; with each
//   organisation its active mediators on the roster (mediators are assigned to disputes by
//   the session flow; until then the roster is what exists).
import { sql, type Kysely } from '@zhengfa/plugin-api';
import { sources } from '../disputes/register.js';
import { routes } from '../disputes/triage.js';
import { percent, shiftYears, yoyChange } from './periods.js';

export interface Period {
  from: string;
  to: string;
}

export interface FigureRow {
  key: string | null;
  disputes: number;
  persons: number;
  settled: number;
  notSettled: number;
  concluded: number;
  /** settled ÷ concluded, percent with one decimal; null when nothing concluded. */
  successRate: number | null;
}

export interface Summary extends FigureRow {
  lastYear: { disputes: number; persons: number };
  yoyDisputes: number | null;
  yoyPersons: number | null;
  bySource: FigureRow[];
  byType: FigureRow[];
  byOrganisation: (FigureRow & { name: string | null; mediators: number })[];
  /** Triage results: disputes of the period by route; `key` null: not yet triaged. */
  byRoute: { key: string | null; disputes: number; persons: number }[];
}

type Grouping = 'none' | 'source' | 'type' | 'organisation' | 'route';

// Fixed SQL fragments (never user input) for each grouping.
const keyOf: Record<Grouping, ReturnType<typeof sql.raw>> = {
  none: sql.raw('null::text'),
  source: sql.raw('d.source'),
  type: sql.raw('d.dispute_type'),
  organisation: sql.raw('d.route_org_id::text'),
  route: sql.raw('d.route'),
};

export async function figureRows(db: Kysely<any>, tenantId: string, p: Period, grouping: Grouping): Promise<FigureRow[]> {
  const r = await sql<{ key: string | null; disputes: number; persons: number; settled: number; not_settled: number }>`
    select ${keyOf[grouping]} as key,
      count(*)::int as disputes,
      coalesce(sum(d.person_count), 0)::int as persons,
      (count(*) filter (where d.status in ('agreed', 'closed')))::int as settled,
      (count(*) filter (where d.status in ('terminated', 'withdrawn')))::int as not_settled
    from mediation.disputes d
    where d.tenant_id = ${tenantId} and d.received_on between ${p.from}::date and ${p.to}::date
    ${grouping === 'none' ? sql`` : sql`group by 1`}`.execute(db);
  const rows = r.rows.map((row) => {
    const settled = Number(row.settled);
    const notSettled = Number(row.not_settled);
    return { key: row.key, disputes: Number(row.disputes), persons: Number(row.persons), settled, notSettled, concluded: settled + notSettled, successRate: percent(settled, settled + notSettled) };
  });
  if (grouping === 'none') return rows.filter((row) => row.disputes > 0);
  // Most disputes first, then by key in code-point order (the same on every database collation).
  return rows.sort((a, b) => b.disputes - a.disputes || ((a.key ?? '\uffff') < (b.key ?? '\uffff') ? -1 : (a.key ?? '\uffff') > (b.key ?? '\uffff') ? 1 : 0));
}

const zero = (key: string | null): FigureRow => ({ key, disputes: 0, persons: 0, settled: 0, notSettled: 0, concluded: 0, successRate: null });

/** Rows in a fixed order of keys (every source, every route …), with zeros for the missing ones. */
function inOrder(rows: FigureRow[], keys: readonly (string | null)[]): FigureRow[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return keys.map((k) => byKey.get(k) ?? zero(k));
}

export async function summary(db: Kysely<any>, tenantId: string, p: Period): Promise<Summary> {
  const last = { from: shiftYears(p.from, -1), to: shiftYears(p.to, -1) };
  const [total, lastTotal, bySource, byType, byOrg, byRoute, orgs] = await Promise.all([
    figureRows(db, tenantId, p, 'none'),
    figureRows(db, tenantId, last, 'none'),
    figureRows(db, tenantId, p, 'source'),
    figureRows(db, tenantId, p, 'type'),
    figureRows(db, tenantId, p, 'organisation'),
    figureRows(db, tenantId, p, 'route'),
    sql<{ id: string; name: string; mediators: number }>`select o.id, o.name,
        (select count(*)::int from mediation.mediators x where x.tenant_id = o.tenant_id and x.org_id = o.id and x.active) as mediators
      from mediation.organisations o where o.tenant_id = ${tenantId}`.execute(db),
  ]);
  const t = total[0] ?? zero(null);
  const lt = lastTotal[0] ?? zero(null);
  const names = new Map(orgs.rows.map((o) => [o.id, o]));
  return {
    ...t,
    lastYear: { disputes: lt.disputes, persons: lt.persons },
    yoyDisputes: yoyChange(t.disputes, lt.disputes),
    yoyPersons: yoyChange(t.persons, lt.persons),
    bySource: inOrder(bySource, sources),
    byType,
    byOrganisation: byOrg.map((row) => ({ ...row, name: row.key ? (names.get(row.key)?.name ?? null) : null, mediators: row.key ? Number(names.get(row.key)?.mediators ?? 0) : 0 })),
    byRoute: inOrder(byRoute, [...routes, null]).map((row) => ({ key: row.key, disputes: row.disputes, persons: row.persons })),
  };
}
