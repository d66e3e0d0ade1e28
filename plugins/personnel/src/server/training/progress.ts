// Class hours against the county's yearly minimum. An officer's hours are the class hours of
// the sessions they attended ('present'), counted by the session's day; nothing else credits
// hours. Officers serving or seconded are measured. At the checkpoints the expected share of
// the minimum is: half by 30 June (年中), three quarters by 30 September (三季度末), all by 31
// December; an officer below it is behind. Completion by unit: the share of its measured
// officers who have reached the full minimum.
import { chinaDay, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { inScope, unitNames, unitScope, type UnitScope } from '../scope.js';
import { requiredHours } from './settings.js';

export const checkpoints = ['midYear', 'thirdQuarter', 'yearEnd'] as const;
export type Checkpoint = (typeof checkpoints)[number];

const checkpointDay: Record<Checkpoint, string> = { midYear: '06-30', thirdQuarter: '09-30', yearEnd: '12-31' };
const checkpointShare: Record<Checkpoint, number> = { midYear: 1 / 2, thirdQuarter: 3 / 4, yearEnd: 1 };

export function checkpointDate(year: number, c: Checkpoint): string {
  return `${year}-${checkpointDay[c]}`;
}

/** The hours expected by a checkpoint, to one decimal. */
export function expectedHours(required: number, c: Checkpoint): number {
  return Math.round(required * checkpointShare[c] * 10) / 10;
}

/** The latest checkpoint of `year` on or before `today`, or null before 30 June. */
export function latestCheckpoint(year: number, today: string): Checkpoint | null {
  return [...checkpoints].reverse().find((c) => checkpointDate(year, c) <= today) ?? null;
}

export interface OfficerHours {
  officerId: string;
  officerNo: string;
  name: string;
  unitId: string;
  unitName: string;
  hours: number;
}

/** Hours of every measured officer of the scope from 1 January of `year` to `to`, by unit name and officer number. */
export async function officerHours(ctx: AuthedContext, db: Kysely<any>, scope: UnitScope, year: number, to: string, unitId?: string): Promise<OfficerHours[]> {
  const r = await sql<{ id: string; officer_no: string; name: string; unit_id: string; hours: string }>`
    select o.id, o.officer_no, o.name, o.unit_id,
      coalesce((select sum(s.class_hours) from personnel.training_attendance a
        join personnel.training_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
        where a.tenant_id = o.tenant_id and a.officer_id = o.id and a.status = 'present'
          and s.held_on between ${`${year}-01-01`}::date and ${to}::date), 0)::text as hours
    from personnel.officers o
    where o.tenant_id = ${ctx.tenant.id} and o.status in ('serving', 'seconded') and ${inScope(scope, sql`o.unit_id`)}
      ${unitId ? sql`and o.unit_id = ${unitId}` : sql``}
    order by o.unit_id, o.officer_no`.execute(db);
  const names = unitNames(scope);
  return r.rows
    .map((o) => ({ officerId: o.id, officerNo: o.officer_no, name: o.name, unitId: o.unit_id, unitName: names.get(o.unit_id) ?? '', hours: Number(o.hours) }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN') || a.officerNo.localeCompare(b.officerNo));
}

export interface UnitCompletion {
  unitId: string;
  unitName: string;
  officers: number;
  completed: number;
  /** Percent, one decimal. */
  completionRate: number;
  averageHours: number;
}

function byUnit(rows: OfficerHours[], required: number): UnitCompletion[] {
  const units = new Map<string, OfficerHours[]>();
  for (const r of rows) units.set(r.unitId, [...(units.get(r.unitId) ?? []), r]);
  return [...units.entries()]
    .map(([unitId, list]) => {
      const completed = list.filter((o) => o.hours >= required).length;
      return {
        unitId,
        unitName: list[0]!.unitName,
        officers: list.length,
        completed,
        completionRate: Math.round((completed / list.length) * 1000) / 10,
        averageHours: Math.round((list.reduce((n, o) => n + o.hours, 0) / list.length) * 10) / 10,
      };
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'));
}

/** Hours this year per officer against the minimum, and completion by unit. */
export async function trainingProgress(ctx: AuthedContext, given: { year?: number; unitId?: string }) {
  const scope = await unitScope(ctx);
  const { hours: required } = await requiredHours(ctx, ctx.db);
  const today = chinaDay(ctx.now());
  const input = { ...given, year: given.year ?? Number(today.slice(0, 4)) };
  const yearEnd = `${input.year}-12-31`;
  const asOf = today < yearEnd ? today : yearEnd;
  const rows = await officerHours(ctx, ctx.db, scope, input.year, asOf, input.unitId);
  return {
    year: input.year,
    asOf,
    required,
    officers: rows.map((o) => ({ ...o, percent: Math.round((o.hours / required) * 1000) / 10, completed: o.hours >= required })),
    units: byUnit(rows, required),
  };
}

export interface BehindList {
  year: number;
  checkpoint: Checkpoint;
  date: string;
  required: number;
  expected: number;
  officers: (OfficerHours & { shortfall: number })[];
  units: { unitId: string; unitName: string; officers: number; behind: number }[];
}

/** Who is behind at a checkpoint (default: the latest passed, else mid-year): hours up to its date below the expected share. */
export async function behindSchedule(ctx: AuthedContext, given: { year?: number; checkpoint?: Checkpoint }, db: Kysely<any> = ctx.db, scopeGiven?: UnitScope): Promise<BehindList> {
  const scope = scopeGiven ?? (await unitScope(ctx));
  const today = chinaDay(ctx.now());
  const year = given.year ?? Number(today.slice(0, 4));
  const input = { year, checkpoint: given.checkpoint ?? latestCheckpoint(year, today) ?? 'midYear' };
  const { hours: required } = await requiredHours(ctx, db);
  const date = checkpointDate(input.year, input.checkpoint);
  const expected = expectedHours(required, input.checkpoint);
  const rows = await officerHours(ctx, db, scope, input.year, date);
  const behind = rows.filter((o) => o.hours < expected).map((o) => ({ ...o, shortfall: Math.round((expected - o.hours) * 10) / 10 }));
  const units = new Map<string, { unitId: string; unitName: string; officers: number; behind: number }>();
  for (const o of rows) {
    const u = units.get(o.unitId) ?? { unitId: o.unitId, unitName: o.unitName, officers: 0, behind: 0 };
    u.officers += 1;
    if (o.hours < expected) u.behind += 1;
    units.set(o.unitId, u);
  }
  return { year, checkpoint: input.checkpoint, date, required, expected, officers: behind, units: [...units.values()].filter((u) => u.behind > 0) };
}
