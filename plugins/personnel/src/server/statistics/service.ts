// The statistics page's figures for a period (both ends inclusive).
//
// Training, by unit of the caller's scope: the officers measured (serving or seconded), how
// many attended at least one session held in the period, the class hours credited (the class
// hours of the sessions held in the period each officer attended, status present: nothing
// else credits hours), the average per officer, and completion: the officers whose hours in
// the period reach the county's yearly minimum (the period is usually a year), as a count and
// a percentage of the measured officers (one decimal).
//
// Discipline, by unit of the officer concerned (discipline staff; the read is audited like
// every read of discipline records): the clues received in the period by source, and the
// outcomes decided in the period by kind. Counts only, no names.
import { sql, type AuthedContext } from '@zhengfa/plugin-api';
import { auditActions as a } from '../discipline-strings.js';
import { inScope, unitNames, unitScope } from '../scope.js';
import { requiredHours } from '../training/settings.js';

export interface Period {
  from: string;
  to: string;
}

export interface UnitTrainingRow {
  unitId: string;
  unitName: string;
  officers: number;
  attended: number;
  hours: number;
  averageHours: number;
  completed: number;
  /** Percent, one decimal. */
  completionRate: number;
}

export interface TrainingStatistics extends Period {
  required: number;
  units: UnitTrainingRow[];
  totals: Omit<UnitTrainingRow, 'unitId' | 'unitName'>;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function figures(hours: number[], required: number): Omit<UnitTrainingRow, 'unitId' | 'unitName'> {
  const total = round1(hours.reduce((n, h) => n + h, 0));
  const completed = hours.filter((h) => h >= required).length;
  return {
    officers: hours.length,
    attended: hours.filter((h) => h > 0).length,
    hours: total,
    averageHours: hours.length ? round1(total / hours.length) : 0,
    completed,
    completionRate: hours.length ? round1((completed / hours.length) * 100) : 0,
  };
}

export async function trainingStatistics(ctx: AuthedContext, period: Period): Promise<TrainingStatistics> {
  const scope = await unitScope(ctx);
  const { hours: required } = await requiredHours(ctx, ctx.db);
  // An officer who attended only sessions of zero class hours counts as attended too.
  const r = await sql<{ unit_id: string; hours: string; sessions: number }>`
    select o.unit_id,
      coalesce(sum(s.class_hours), 0)::text as hours,
      count(s.id)::int as sessions
    from personnel.officers o
    left join personnel.training_attendance a on a.tenant_id = o.tenant_id and a.officer_id = o.id and a.status = 'present'
    left join personnel.training_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
      and s.held_on between ${period.from}::date and ${period.to}::date
    where o.tenant_id = ${ctx.tenant.id} and o.status in ('serving', 'seconded') and ${inScope(scope, sql`o.unit_id`)}
    group by o.id, o.unit_id`.execute(ctx.db);
  const names = unitNames(scope);
  const byUnit = new Map<string, { hours: number[]; sessions: number[] }>();
  for (const row of r.rows) {
    const u = byUnit.get(row.unit_id) ?? { hours: [], sessions: [] };
    u.hours.push(Number(row.hours));
    u.sessions.push(row.sessions);
    byUnit.set(row.unit_id, u);
  }
  const withAttendance = (x: { hours: number[]; sessions: number[] }) => {
    const f = figures(x.hours, required);
    return { ...f, attended: x.sessions.filter((n) => n > 0).length };
  };
  const units = [...byUnit.entries()]
    .map(([unitId, x]): UnitTrainingRow => ({ unitId, unitName: names.get(unitId) ?? '', ...withAttendance(x) }))
    .sort((x, y) => x.unitName.localeCompare(y.unitName, 'zh-CN'));
  const all = { hours: [...byUnit.values()].flatMap((x) => x.hours), sessions: [...byUnit.values()].flatMap((x) => x.sessions) };
  return { ...period, required, units, totals: withAttendance(all) };
}

export interface UnitDisciplineKinds {
  unitId: string;
  unitName: string | null;
  clues: number;
  /** Clues received by source (only the sources that occur). */
  cluesBySource: Record<string, number>;
  sanctions: number;
  /** Outcomes decided by kind (only the kinds that occur). */
  sanctionsByKind: Record<string, number>;
}

export interface DisciplineKindStatistics extends Period {
  units: UnitDisciplineKinds[];
  totals: Omit<UnitDisciplineKinds, 'unitId' | 'unitName'>;
}

export async function disciplineKindStatistics(ctx: AuthedContext, period: Period): Promise<DisciplineKindStatistics> {
  const clues = await sql<{ unit_id: string; source: string; n: number }>`select o.unit_id, c.source, count(*)::int as n
    from personnel.clues c join personnel.officers o on o.tenant_id = c.tenant_id and o.id = c.officer_id
    where c.tenant_id = ${ctx.tenant.id} and c.received_on between ${period.from}::date and ${period.to}::date
    group by o.unit_id, c.source`.execute(ctx.db);
  const sanctions = await sql<{ unit_id: string; kind: string; n: number }>`select o.unit_id, s.kind, count(*)::int as n
    from personnel.sanctions s join personnel.officers o on o.tenant_id = s.tenant_id and o.id = s.officer_id
    where s.tenant_id = ${ctx.tenant.id} and s.decided_on between ${period.from}::date and ${period.to}::date
    group by o.unit_id, s.kind`.execute(ctx.db);
  const names = new Map((await ctx.kernel.orgs.list()).map((o) => [o.id, o.name]));
  const empty = (): Omit<UnitDisciplineKinds, 'unitId' | 'unitName'> => ({ clues: 0, cluesBySource: {}, sanctions: 0, sanctionsByKind: {} });
  const units = new Map<string, UnitDisciplineKinds>();
  const totals = empty();
  const unit = (id: string) => {
    const u = units.get(id) ?? { unitId: id, unitName: names.get(id) ?? null, ...empty() };
    units.set(id, u);
    return u;
  };
  for (const c of clues.rows) {
    for (const t of [unit(c.unit_id), totals]) {
      t.clues += c.n;
      t.cluesBySource[c.source] = (t.cluesBySource[c.source] ?? 0) + c.n;
    }
  }
  for (const s of sanctions.rows) {
    for (const t of [unit(s.unit_id), totals]) {
      t.sanctions += s.n;
      t.sanctionsByKind[s.kind] = (t.sanctionsByKind[s.kind] ?? 0) + s.n;
    }
  }
  await ctx.audit.record({ action: a.statisticsKinds, targetType: 'personnel.sanction', detail: { from: period.from, to: period.to } });
  return { ...period, units: [...units.values()].sort((x, y) => (x.unitName ?? '').localeCompare(y.unitName ?? '', 'zh-CN')), totals };
}
