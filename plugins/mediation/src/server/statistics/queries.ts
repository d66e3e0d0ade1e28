// The figures of the center for any period. Definitions (the reports quote these, so they
// are fixed here and printed under the annual table):
//
// - Period: [from, to], calendar dates inclusive.
// - 件 (disputes): disputes received in the period (`received_on`); 人次 (persons): the sum
//   of their `person_count`.
// - Triage (分流): the disputes received in the period by the route they were triaged to;
//   those not yet triaged count as 待分流.
// - Settled (调解成功) and not settled (调解不成) are counted by the date the mediation ended,
//   whenever the dispute was received: settled on the agreement's date (协议日期, written or
//   oral; a later 回访结案 does not move it), not settled on the termination's date (终止调解)
//   or the date a party refused or withdrew (当事人撤回). A past period's figures therefore
//   stay as they were when it ended: a dispute settled next year counts next year.
//   Concluded (已办结) = settled + not settled; 调解成功率 = settled ÷ concluded, in percent
//   with one decimal, null when nothing concluded.
// - Judicial confirmation (司法确认): joint applications dated in the period (申请), and rulings
//   dated in the period that confirmed the agreement (确认).
// - 履行率 (performance rate): of the obligations due in the period, those a return visit found
//   fully performed ÷ all of them, percent with one decimal; null when none fell due.
// - 同比 (year-on-year): 件 and 人次 of [from − 1 year, to − 1 year] (29 February → 28
//   February); change = (this − last) ÷ last × 100, one decimal; null when last is 0.
// - By source, type: the dispute's own; by organisation: the organisation it was triaged to
//   (mediate or administrative), disputes without one under 未指定调解组织, with each
//   organisation its active mediators on the roster; by mediator: the mediators assigned to
//   the dispute and not released (a mediator replaced after declaring a conflict does not
//   count; a dispute with two mediators counts for each), every active mediator listed.
// - By seconded unit (派驻单位): the unit of the seconded staff member who received the
//   dispute at the window (受理人员), as the staff roster records it today; disputes with no
//   receiver recorded under 未记录受理人员 (last); every unit with active staff listed, with
//   its active staff.
// - By month (the trend): each calendar month the period touches ('YYYY-MM', only its days
//   within the period counted): 件 and 人次 by the month received, settled and not settled
//   by the month the mediation ended, as above.
// - 移交转办 (transferred): hand-offs recorded in the period to a department's administrative
//   mediation (移交) or back to the petitions office (转办), whenever the dispute was received;
//   guidance to arbitration or litigation is not a transfer.
// - 电话督促 (urged by phone): disputes with at least one phone urging dated in the period
//   (件), and the number of those calls (次).
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

export interface MediatorRow extends FigureRow {
  name: string;
  orgName: string;
}

export interface UnitRow extends FigureRow {
  /** The unit's staff seconded to the center and active today. */
  staff: number;
}

export interface MonthRow {
  /** 'YYYY-MM' */
  month: string;
  disputes: number;
  persons: number;
  settled: number;
  notSettled: number;
}

/** The months [from, to] touches, 'YYYY-MM', in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

export async function monthRows(db: Kysely<any>, tenantId: string, p: Period): Promise<MonthRow[]> {
  const r = await sql<{ month: string; disputes: number; persons: number; settled: number; not_settled: number }>`
    with e as (
      select d.received_on, d.person_count, (a.dispute_id is not null) as by_agreement,
        coalesce(a.agreed_on, t.terminated_on, d.withdrawn_on) as ended_on
      from mediation.disputes d
      left join mediation.agreements a on a.tenant_id = d.tenant_id and a.dispute_id = d.id
      left join mediation.terminations t on t.tenant_id = d.tenant_id and t.dispute_id = d.id
      where d.tenant_id = ${tenantId}
    ), received as (
      select to_char(received_on, 'YYYY-MM') as month, count(*)::int as disputes, sum(person_count)::int as persons
      from e where received_on between ${p.from}::date and ${p.to}::date group by 1
    ), ended as (
      select to_char(ended_on, 'YYYY-MM') as month, (count(*) filter (where by_agreement))::int as settled,
        (count(*) filter (where not by_agreement))::int as not_settled
      from e where ended_on between ${p.from}::date and ${p.to}::date group by 1
    )
    select coalesce(r.month, x.month) as month, coalesce(r.disputes, 0) as disputes, coalesce(r.persons, 0) as persons,
      coalesce(x.settled, 0) as settled, coalesce(x.not_settled, 0) as not_settled
    from received r full join ended x on x.month = r.month`.execute(db);
  const byMonth = new Map(r.rows.map((row) => [row.month, row]));
  return monthsOf(p).map((month) => {
    const row = byMonth.get(month);
    return { month, disputes: Number(row?.disputes ?? 0), persons: Number(row?.persons ?? 0), settled: Number(row?.settled ?? 0), notSettled: Number(row?.not_settled ?? 0) };
  });
}

export interface Summary extends FigureRow {
  confirmationsApplied: number;
  confirmationsConfirmed: number;
  obligationsDue: number;
  obligationsPerformed: number;
  /** obligationsPerformed ÷ obligationsDue, percent with one decimal; null when none fell due. */
  performanceRate: number | null;
  /** Hand-offs to a department (移交) or back to the petitions office (转办) recorded in the period. */
  transferred: number;
  /** Disputes urged by phone in the period (件), and the calls (次). */
  urgedByPhone: number;
  phoneUrgings: number;
  lastYear: { disputes: number; persons: number };
  yoyDisputes: number | null;
  yoyPersons: number | null;
  bySource: FigureRow[];
  byType: FigureRow[];
  byOrganisation: (FigureRow & { name: string | null; mediators: number })[];
  /** Every active mediator, and any other with figures in the period; `key` the mediator's id. */
  byMediator: MediatorRow[];
  /** By the receiver's seconded unit (`key` the unit's name), every unit with active staff; `key` null (last): no receiver recorded. */
  byUnit: UnitRow[];
  /** Every month the period touches, in order: the trend. */
  byMonth: MonthRow[];
  /** Triage results: disputes of the period by route; `key` null: not yet triaged. */
  byRoute: { key: string | null; disputes: number; persons: number }[];
}

type Grouping = 'none' | 'source' | 'type' | 'organisation' | 'route' | 'mediator' | 'unit';

// Fixed SQL fragments (never user input) for each grouping.
const keyOf: Record<Grouping, ReturnType<typeof sql.raw>> = {
  none: sql.raw('null::text'),
  source: sql.raw('e.source'),
  type: sql.raw('e.dispute_type'),
  organisation: sql.raw('e.route_org_id::text'),
  route: sql.raw('e.route'),
  mediator: sql.raw('x.mediator_id::text'),
  unit: sql.raw('e.unit'),
};

const byKey = (a: string | null, b: string | null): number => {
  const x = a ?? '\uffff';
  const y = b ?? '\uffff';
  return x < y ? -1 : x > y ? 1 : 0;
};

export async function figureRows(db: Kysely<any>, tenantId: string, p: Period, grouping: Grouping): Promise<FigureRow[]> {
  // Each dispute with the day its mediation ended and how: an agreement, else a termination,
  // else a party's refusal or withdrawal; no end yet: null.
  const r = await sql<{ key: string | null; disputes: number; persons: number; settled: number; not_settled: number }>`
    with e as (
      select d.id, d.source, d.dispute_type, d.route_org_id, d.route, d.person_count, st.unit,
        (d.received_on between ${p.from}::date and ${p.to}::date) as received,
        (a.dispute_id is not null) as by_agreement,
        coalesce(a.agreed_on, t.terminated_on, d.withdrawn_on) between ${p.from}::date and ${p.to}::date as ended
      from mediation.disputes d
      left join mediation.agreements a on a.tenant_id = d.tenant_id and a.dispute_id = d.id
      left join mediation.terminations t on t.tenant_id = d.tenant_id and t.dispute_id = d.id
      left join mediation.staff st on st.tenant_id = d.tenant_id and st.id = d.received_by_staff_id
      where d.tenant_id = ${tenantId}
    )
    select ${keyOf[grouping]} as key,
      (count(*) filter (where e.received))::int as disputes,
      coalesce(sum(e.person_count) filter (where e.received), 0)::int as persons,
      (count(*) filter (where e.ended and e.by_agreement))::int as settled,
      (count(*) filter (where e.ended and not e.by_agreement))::int as not_settled
    from e
    ${grouping === 'mediator' ? sql`join mediation.assignments x on x.tenant_id = ${tenantId} and x.dispute_id = e.id and x.released_on is null` : sql``}
    where e.received or coalesce(e.ended, false)
    ${grouping === 'none' ? sql`` : sql`group by 1`}`.execute(db);
  const rows = r.rows.map((row) => {
    const settled = Number(row.settled);
    const notSettled = Number(row.not_settled);
    return { key: row.key, disputes: Number(row.disputes), persons: Number(row.persons), settled, notSettled, concluded: settled + notSettled, successRate: percent(settled, settled + notSettled) };
  });
  if (grouping === 'none') return rows;
  // Most disputes first, then by key in code-point order (the same on every database collation).
  return rows.sort((a, b) => b.disputes - a.disputes || byKey(a.key, b.key));
}

const zero = (key: string | null): FigureRow => ({ key, disputes: 0, persons: 0, settled: 0, notSettled: 0, concluded: 0, successRate: null });

/** Rows in a fixed order of keys (every source, every route …), with zeros for the missing ones. */
function inOrder(rows: FigureRow[], keys: readonly (string | null)[]): FigureRow[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return keys.map((k) => byKey.get(k) ?? zero(k));
}

export async function summary(db: Kysely<any>, tenantId: string, p: Period): Promise<Summary> {
  const last = { from: shiftYears(p.from, -1), to: shiftYears(p.to, -1) };
  const [total, lastTotal, bySource, byType, byOrg, byRoute, byMediator, byUnit, orgs, mediators, units, confirmation, performance, transfers, urgings, byMonth] = await Promise.all([
    figureRows(db, tenantId, p, 'none'),
    figureRows(db, tenantId, last, 'none'),
    figureRows(db, tenantId, p, 'source'),
    figureRows(db, tenantId, p, 'type'),
    figureRows(db, tenantId, p, 'organisation'),
    figureRows(db, tenantId, p, 'route'),
    figureRows(db, tenantId, p, 'mediator'),
    figureRows(db, tenantId, p, 'unit'),
    sql<{ id: string; name: string; mediators: number }>`select o.id, o.name,
        (select count(*)::int from mediation.mediators x where x.tenant_id = o.tenant_id and x.org_id = o.id and x.active) as mediators
      from mediation.organisations o where o.tenant_id = ${tenantId}`.execute(db),
    sql<{ id: string; name: string; org_name: string; active: boolean }>`select m.id, m.name, o.name as org_name, m.active
      from mediation.mediators m join mediation.organisations o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where m.tenant_id = ${tenantId}`.execute(db),
    sql<{ unit: string; staff: number }>`select unit, (count(*) filter (where active))::int as staff
      from mediation.staff where tenant_id = ${tenantId} group by unit`.execute(db),
    sql<{ applied: number; confirmed: number }>`select
        (count(*) filter (where applied_on between ${p.from}::date and ${p.to}::date))::int as applied,
        (count(*) filter (where ruling = 'confirmed' and ruled_on between ${p.from}::date and ${p.to}::date))::int as confirmed
      from mediation.agreements where tenant_id = ${tenantId}`.execute(db),
    sql<{ due: number; performed: number }>`select count(*)::int as due, (count(*) filter (where performance = 'full'))::int as performed
      from mediation.obligations where tenant_id = ${tenantId} and due_on between ${p.from}::date and ${p.to}::date`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from mediation.handoffs
      where tenant_id = ${tenantId} and route in ('administrative', 'petitions') and recorded_on between ${p.from}::date and ${p.to}::date`.execute(db),
    sql<{ disputes: number; calls: number }>`select count(distinct dispute_id)::int as disputes, count(*)::int as calls from mediation.urgings
      where tenant_id = ${tenantId} and method = 'phone' and urged_on between ${p.from}::date and ${p.to}::date`.execute(db),
    monthRows(db, tenantId, p),
  ]);
  const obligationsDue = Number(performance.rows[0]?.due ?? 0);
  const obligationsPerformed = Number(performance.rows[0]?.performed ?? 0);
  const t = total[0] ?? zero(null);
  const lt = lastTotal[0] ?? zero(null);
  const names = new Map(orgs.rows.map((o) => [o.id, o]));
  const mediatorFigures = new Map(byMediator.map((row) => [row.key, row]));
  const mediatorRows: MediatorRow[] = mediators.rows
    .filter((x) => x.active || mediatorFigures.has(x.id))
    .map((x) => ({ ...(mediatorFigures.get(x.id) ?? zero(x.id)), key: x.id, name: x.name, orgName: x.org_name }))
    // Most disputes first, then most concluded, then by name in code-point order.
    .sort((a, b) => b.disputes - a.disputes || b.concluded - a.concluded || byKey(a.name, b.name));
  const unitFigures = new Map(byUnit.map((row) => [row.key, row]));
  const staffOf = new Map(units.rows.map((u) => [u.unit, Number(u.staff)]));
  const unitRows: UnitRow[] = [...new Set([...units.rows.filter((u) => Number(u.staff) > 0).map((u) => u.unit), ...byUnit.flatMap((row) => (row.key === null ? [] : [row.key]))])]
    .map((unit) => ({ ...(unitFigures.get(unit) ?? zero(unit)), staff: staffOf.get(unit) ?? 0 }))
    // Most disputes first, then by unit in code-point order; no receiver recorded last.
    .sort((a, b) => b.disputes - a.disputes || byKey(a.key, b.key));
  const unrecorded = unitFigures.get(null);
  if (unrecorded) unitRows.push({ ...unrecorded, staff: 0 });
  return {
    ...t,
    confirmationsApplied: Number(confirmation.rows[0]?.applied ?? 0),
    confirmationsConfirmed: Number(confirmation.rows[0]?.confirmed ?? 0),
    obligationsDue,
    obligationsPerformed,
    performanceRate: percent(obligationsPerformed, obligationsDue),
    transferred: Number(transfers.rows[0]?.n ?? 0),
    urgedByPhone: Number(urgings.rows[0]?.disputes ?? 0),
    phoneUrgings: Number(urgings.rows[0]?.calls ?? 0),
    lastYear: { disputes: lt.disputes, persons: lt.persons },
    yoyDisputes: yoyChange(t.disputes, lt.disputes),
    yoyPersons: yoyChange(t.persons, lt.persons),
    bySource: inOrder(bySource, sources),
    byType,
    byOrganisation: byOrg.map((row) => ({ ...row, name: row.key ? (names.get(row.key)?.name ?? null) : null, mediators: row.key ? Number(names.get(row.key)?.mediators ?? 0) : 0 })),
    byMediator: mediatorRows,
    byUnit: unitRows,
    byMonth,
    byRoute: inOrder(byRoute, [...routes, null]).map((row) => ({ key: row.key, disputes: row.disputes, persons: row.persons })),
  };
}
