// The figures behind the petition statistics. Definitions (the reports quote these, so they
// are fixed here and shown under the annual table):
//
// - Period: [from, to], both calendar dates inclusive, compared on `visits.received_on`.
// - 件 (matters): the number of DISTINCT matters that have at least one visit (letter, visit,
//   call, online message, leader-mailbox letter) received in the period. A matter first
//   received last year and visited again this year counts once this year; a matter visited
//   three times this year still counts once. Written-off matters still count: they were
//   received. Monthly figures therefore do not add up to the annual figure when a matter
//   has visits in several months.
// - 人次 (person-visits): the sum of `person_count` over the visits received in the period.
// - 集体访 (collective visits): visits in the period with 5 or more people (count of visits;
//   `collectivePersons` is their person count).
// - 重复访 (repeat visits): visits in the period linked to an existing matter (`is_repeat`).
// - 同比 (year-on-year): the same figure for [from − 1 year, to − 1 year] (29 February →
//   28 February), change = (this − last) / last × 100 with one decimal; null when last is 0.
// - Received (受理基数): matters FIRST received in the period (`first_received_on`), less
//   those written off (核销) by the end of the period: a matter found not law-related leaves
//   the base instead of lowering the rates.
// - 化解率 (resolution rate): of the received base, those whose outcome by the end of the
//   period is 化解, 息访 or 终结. Null when the base is 0.
// - 息访率 (stop rate): of those with such an outcome by the end of the period, the share
//   that is 息访. Null when none has an outcome.
//   "By the end of the period" makes a past period's rates stable: re-running last year's
//   report next spring gives the figures that were reported.
// - 核销 (written off) and 终结 (terminated): of the received base's matters (first received
//   in the period), those written off, respectively legally concluded, by the end of the
//   period; each a count of its own (a written-off matter is outside the base).
// - 救助 (hardship relief): relief granted in the period, i.e. relief records approved
//   (approved_on) between from and to and not refused, whether paid yet or not: the amount
//   granted (元, two decimals), the matters helped, and the person-times (人次: one per
//   grant). Relief is counted under the matter's involved unit and category, and under the
//   channel of the matter's first visit.
// - By unit: the matter's involved unit (`involved_org_id`, null when not recorded); by
//   category: the matter's category; by channel: for 件/人次 the channel of each visit (a
//   matter with a letter and a visit counts under both), for the rates the channel of the
//   matter's first visit.
// - Scope: the tenant; a user outside the committee sees only matters whose involved unit
//   is within their organisation scope (from the kernel's org API).
import type { AuthedContext } from '@zhengfa/plugin-api';
import { sql } from '@zhengfa/plugin-api';
import { percent, shiftYears, yoyChange } from './periods.js';
import type { PetitionsDb } from '../db.js';

export const CHANNELS = ['letter', 'visit', 'online', 'phone', 'leader_mailbox'] as const;
export const CATEGORIES = ['law', 'litigation', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Grouping = 'none' | 'unit' | 'category' | 'channel';

/** Org ids the user's figures are limited to; null for the whole tenant. */
export type Scope = string[] | null;

export async function statisticsScope(ctx: AuthedContext, db?: PetitionsDb): Promise<Scope> {
  if (ctx.user.committee) return null;
  const orgs = await ctx.kernel.orgs.list(db ? { db } : undefined);
  return orgs.map((o) => o.id);
}

function scopeFilter(scope: Scope) {
  if (scope === null) return sql``;
  if (scope.length === 0) return sql`and false`;
  return sql`and m.involved_org_id in (${sql.join(scope.map((id) => sql`${id}::uuid`))})`;
}

// Fixed SQL fragments (never user input) for each grouping.
const visitKey: Record<Exclude<Grouping, 'none'>, ReturnType<typeof sql.raw>> = {
  unit: sql.raw('m.involved_org_id::text'),
  category: sql.raw('m.category'),
  channel: sql.raw('v.channel'),
};
const matterKey: Record<Exclude<Grouping, 'none'>, ReturnType<typeof sql.raw>> = {
  unit: sql.raw('m.involved_org_id::text'),
  category: sql.raw('m.category'),
  channel: sql.raw(
    '(select v1.channel from petitions.visits v1 where v1.tenant_id = m.tenant_id and v1.matter_id = m.id order by v1.received_on, v1.created_at, v1.id limit 1)',
  ),
};

/** The select's first column (the group's key) and its group by clause. */
function groupingSql(grouping: Grouping, keys: typeof visitKey) {
  return grouping === 'none' ? { key: sql`null::text`, groupBy: sql`` } : { key: keys[grouping], groupBy: sql`group by 1` };
}

export interface VisitFigures {
  matters: number;
  personVisits: number;
  visits: number;
  collectiveVisits: number;
  collectivePersons: number;
  repeatVisits: number;
}

export interface OutcomeFigures {
  /** Matters first received in the period, less those written off by its end. */
  received: number;
  /** … of which 化解, 息访 or 终结 by the end of the period. */
  settled: number;
  /** … of which 息访. */
  stopped: number;
  /** … of which 终结 (legally concluded). */
  terminated: number;
  /** Matters first received in the period and written off (核销) by its end (outside `received`). */
  writtenOff: number;
}

export interface ReliefFigures {
  /** Relief granted in the period, in 元 with two decimals (a string: exact money). */
  reliefAmount: string;
  /** Matters helped. */
  reliefMatters: number;
  /** Grants (人次). */
  reliefTimes: number;
}

const zeroVisits: VisitFigures = { matters: 0, personVisits: 0, visits: 0, collectiveVisits: 0, collectivePersons: 0, repeatVisits: 0 };
const zeroOutcomes: OutcomeFigures = { received: 0, settled: 0, stopped: 0, terminated: 0, writtenOff: 0 };
const zeroRelief: ReliefFigures = { reliefAmount: '0.00', reliefMatters: 0, reliefTimes: 0 };

interface Period {
  from: string;
  to: string;
}

async function visitFigures(db: PetitionsDb, tenantId: string, scope: Scope, p: Period, grouping: Grouping): Promise<Map<string | null, VisitFigures>> {
  const { key, groupBy } = groupingSql(grouping, visitKey);
  const r = await sql<{ key: string | null; matters: number; person_visits: number; visits: number; collective_visits: number; collective_persons: number; repeat_visits: number }>`
    select ${key} as key,
      count(distinct v.matter_id)::int as matters,
      coalesce(sum(v.person_count), 0)::int as person_visits,
      count(v.id)::int as visits,
      (count(v.id) filter (where v.person_count >= 5))::int as collective_visits,
      coalesce(sum(v.person_count) filter (where v.person_count >= 5), 0)::int as collective_persons,
      (count(v.id) filter (where v.is_repeat))::int as repeat_visits
    from petitions.visits v
    join petitions.matters m on m.tenant_id = v.tenant_id and m.id = v.matter_id
    where v.tenant_id = ${tenantId}
      and v.received_on between ${p.from}::date and ${p.to}::date
      ${scopeFilter(scope)}
    ${groupBy}`.execute(db);
  const out = new Map<string | null, VisitFigures>();
  for (const row of r.rows) {
    out.set(row.key, {
      matters: Number(row.matters),
      personVisits: Number(row.person_visits),
      visits: Number(row.visits),
      collectiveVisits: Number(row.collective_visits),
      collectivePersons: Number(row.collective_persons),
      repeatVisits: Number(row.repeat_visits),
    });
  }
  return out;
}

async function outcomeFigures(db: PetitionsDb, tenantId: string, scope: Scope, p: Period, grouping: Grouping): Promise<Map<string | null, OutcomeFigures>> {
  const { key, groupBy } = groupingSql(grouping, matterKey);
  // An outcome counts when it was reached by the end of the period.
  const by = sql`coalesce(m.outcome_on, ${p.to}::date) <= ${p.to}::date`;
  const r = await sql<{ key: string | null; received: number; settled: number; stopped: number; terminated: number; written_off: number }>`
    select ${key} as key,
      (count(m.id) filter (where not (m.outcome is not null and m.outcome = 'written_off' and ${by})))::int as received,
      (count(m.id) filter (where m.outcome in ('resolved', 'stopped', 'concluded') and ${by}))::int as settled,
      (count(m.id) filter (where m.outcome = 'stopped' and ${by}))::int as stopped,
      (count(m.id) filter (where m.outcome = 'concluded' and ${by}))::int as terminated,
      (count(m.id) filter (where m.outcome = 'written_off' and ${by}))::int as written_off
    from petitions.matters m
    where m.tenant_id = ${tenantId}
      and m.first_received_on between ${p.from}::date and ${p.to}::date
      ${scopeFilter(scope)}
    ${groupBy}`.execute(db);
  const out = new Map<string | null, OutcomeFigures>();
  for (const row of r.rows) {
    out.set(row.key, {
      received: Number(row.received),
      settled: Number(row.settled),
      stopped: Number(row.stopped),
      terminated: Number(row.terminated),
      writtenOff: Number(row.written_off),
    });
  }
  return out;
}

async function reliefFigures(db: PetitionsDb, tenantId: string, scope: Scope, p: Period, grouping: Grouping): Promise<Map<string | null, ReliefFigures>> {
  const { key, groupBy } = groupingSql(grouping, matterKey);
  const r = await sql<{ key: string | null; amount: string; matters: number; times: number }>`
    select ${key} as key,
      coalesce(sum(rl.amount), 0)::numeric(14, 2)::text as amount,
      count(distinct rl.matter_id)::int as matters,
      count(rl.id)::int as times
    from petitions.relief rl
    join petitions.matters m on m.tenant_id = rl.tenant_id and m.id = rl.matter_id
    where rl.tenant_id = ${tenantId}
      and rl.status in ('approved', 'paid')
      and rl.approved_on between ${p.from}::date and ${p.to}::date
      ${scopeFilter(scope)}
    ${groupBy}`.execute(db);
  const out = new Map<string | null, ReliefFigures>();
  for (const row of r.rows) out.set(row.key, { reliefAmount: row.amount, reliefMatters: Number(row.matters), reliefTimes: Number(row.times) });
  return out;
}

export interface FigureRow extends VisitFigures, OutcomeFigures, ReliefFigures {
  /** Unit: org id (null: not recorded); category or channel key; null for the total. */
  key: string | null;
  lastYearMatters: number;
  lastYearPersonVisits: number;
  /** Year-on-year change of 件 in percent, one decimal; null when last year had none. */
  yoyMatters: number | null;
  yoyPersonVisits: number | null;
  /** 化解率 in percent, one decimal. */
  resolutionRate: number | null;
  /** 息访率 in percent, one decimal. */
  stopRate: number | null;
}

function toRow(key: string | null, now: VisitFigures, last: VisitFigures, outcomes: OutcomeFigures, relief: ReliefFigures): FigureRow {
  return {
    key,
    ...now,
    ...outcomes,
    ...relief,
    lastYearMatters: last.matters,
    lastYearPersonVisits: last.personVisits,
    yoyMatters: yoyChange(now.matters, last.matters),
    yoyPersonVisits: yoyChange(now.personVisits, last.personVisits),
    resolutionRate: percent(outcomes.settled, outcomes.received),
    stopRate: percent(outcomes.stopped, outcomes.settled),
  };
}

/** Rows for one grouping over a period, with last year's figures; `keys` lists rows always shown. */
export async function figureRows(
  db: PetitionsDb,
  tenantId: string,
  scope: Scope,
  period: Period,
  grouping: Grouping,
  keys: readonly (string | null)[] = [],
): Promise<FigureRow[]> {
  const lastPeriod = { from: shiftYears(period.from, -1), to: shiftYears(period.to, -1) };
  const [now, last, outcomes, relief] = await Promise.all([
    visitFigures(db, tenantId, scope, period, grouping),
    visitFigures(db, tenantId, scope, lastPeriod, grouping),
    outcomeFigures(db, tenantId, scope, period, grouping),
    reliefFigures(db, tenantId, scope, period, grouping),
  ]);
  const all = new Set<string | null>(grouping === 'none' ? [null] : keys);
  for (const k of [...now.keys(), ...last.keys(), ...outcomes.keys(), ...relief.keys()]) all.add(k);
  const rows = [...all].map((k) => toRow(k, now.get(k) ?? zeroVisits, last.get(k) ?? zeroVisits, outcomes.get(k) ?? zeroOutcomes, relief.get(k) ?? zeroRelief));
  if (keys.length === 0) rows.sort((a, b) => b.matters - a.matters || b.personVisits - a.personVisits || String(a.key).localeCompare(String(b.key)));
  return rows;
}

export interface Summary {
  period: Period;
  lastYearPeriod: Period;
  total: FigureRow;
  byUnit: FigureRow[];
  byCategory: FigureRow[];
  byChannel: FigureRow[];
}

export async function summary(db: PetitionsDb, tenantId: string, scope: Scope, period: Period): Promise<Summary> {
  const [total, byUnit, byCategory, byChannel] = await Promise.all([
    figureRows(db, tenantId, scope, period, 'none'),
    figureRows(db, tenantId, scope, period, 'unit'),
    figureRows(db, tenantId, scope, period, 'category', CATEGORIES),
    figureRows(db, tenantId, scope, period, 'channel', CHANNELS),
  ]);
  return {
    period,
    lastYearPeriod: { from: shiftYears(period.from, -1), to: shiftYears(period.to, -1) },
    total: total[0]!,
    byUnit,
    byCategory,
    byChannel,
  };
}

export interface MonthFigures {
  month: number;
  matters: number;
  personVisits: number;
  collectiveVisits: number;
  repeatVisits: number;
  lastYearMatters: number;
  lastYearPersonVisits: number;
}

/** Twelve months of `year` with the same months of the year before, for the dashboard chart. */
export async function monthly(db: PetitionsDb, tenantId: string, scope: Scope, year: number): Promise<MonthFigures[]> {
  const r = await sql<{ y: number; mo: number; matters: number; person_visits: number; collective_visits: number; repeat_visits: number }>`
    select extract(year from v.received_on)::int as y, extract(month from v.received_on)::int as mo,
      count(distinct v.matter_id)::int as matters,
      coalesce(sum(v.person_count), 0)::int as person_visits,
      (count(v.id) filter (where v.person_count >= 5))::int as collective_visits,
      (count(v.id) filter (where v.is_repeat))::int as repeat_visits
    from petitions.visits v
    join petitions.matters m on m.tenant_id = v.tenant_id and m.id = v.matter_id
    where v.tenant_id = ${tenantId}
      and v.received_on between ${`${year - 1}-01-01`}::date and ${`${year}-12-31`}::date
      ${scopeFilter(scope)}
    group by 1, 2`.execute(db);
  const months: MonthFigures[] = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    matters: 0,
    personVisits: 0,
    collectiveVisits: 0,
    repeatVisits: 0,
    lastYearMatters: 0,
    lastYearPersonVisits: 0,
  }));
  for (const row of r.rows) {
    const m = months[Number(row.mo) - 1]!;
    if (Number(row.y) === year) {
      m.matters = Number(row.matters);
      m.personVisits = Number(row.person_visits);
      m.collectiveVisits = Number(row.collective_visits);
      m.repeatVisits = Number(row.repeat_visits);
    } else {
      m.lastYearMatters = Number(row.matters);
      m.lastYearPersonVisits = Number(row.person_visits);
    }
  }
  return months;
}
