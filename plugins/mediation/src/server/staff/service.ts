// Staff seconded to the center (派驻人员) by unit, and the duty rota (值班表): each day's
// staff on duty at the window, set as a whole for the day. A person is put on duty only on a
// day within their secondment while active. Every write is audited; staff rows carry a version.
import { badRequest, sql, versionConflict, type AuthedContext } from '@zhengfa/plugin-api';
import { messages as m, staffMessages as sm } from '../strings.js';

export interface Staff {
  id: string;
  name: string;
  unit: string;
  post: string | null;
  secondedFrom: string;
  secondedTo: string | null;
  active: boolean;
  version: number;
}

export interface StaffInput {
  name: string;
  unit: string;
  post?: string | null | undefined;
  secondedFrom: string;
  secondedTo?: string | null | undefined;
  active?: boolean | undefined;
}

export interface StaffList {
  items: Staff[];
  /** Active staff per unit, most first, then by unit in code-point order. */
  byUnit: { unit: string; staff: number }[];
}

function check(input: StaffInput): void {
  if (input.secondedTo && input.secondedTo < input.secondedFrom) throw badRequest(sm.toBeforeFrom);
}

export async function listStaff(ctx: AuthedContext): Promise<StaffList> {
  const r = await sql<{ id: string; name: string; unit: string; post: string | null; seconded_from: string; seconded_to: string | null; active: boolean; version: number }>`
    select id, name, unit, post, to_char(seconded_from, 'YYYY-MM-DD') as seconded_from, to_char(seconded_to, 'YYYY-MM-DD') as seconded_to, active, version
    from mediation.staff where tenant_id = ${ctx.tenant.id}`.execute(ctx.db);
  const items = r.rows
    .map((x) => ({ id: x.id, name: x.name, unit: x.unit, post: x.post, secondedFrom: x.seconded_from, secondedTo: x.seconded_to, active: x.active, version: x.version }))
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const counts = new Map<string, number>();
  for (const x of items) if (x.active) counts.set(x.unit, (counts.get(x.unit) ?? 0) + 1);
  const byUnit = [...counts].map(([unit, staff]) => ({ unit, staff })).sort((a, b) => b.staff - a.staff || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  return { items, byUnit };
}

export async function createStaff(ctx: AuthedContext, input: StaffInput): Promise<{ id: string; version: number }> {
  check(input);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ id: string }>`insert into mediation.staff (tenant_id, name, unit, post, seconded_from, seconded_to, active, created_by)
      values (${ctx.tenant.id}, ${input.name}, ${input.unit}, ${input.post?.trim() || null}, ${input.secondedFrom}, ${input.secondedTo ?? null}, ${input.active ?? true}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record({ action: 'mediation.staff.create', targetType: 'mediation.staff', targetId: id, detail: { name: input.name, unit: input.unit } }, { db: trx });
    return { id, version: 1 };
  });
}

export async function updateStaff(ctx: AuthedContext, id: string, version: number, input: StaffInput): Promise<{ id: string; version: number }> {
  check(input);
  return ctx.db.transaction().execute(async (trx) => {
    const found = await sql<{ version: number }>`select version from mediation.staff where tenant_id = ${ctx.tenant.id} and id = ${id} for update`.execute(trx);
    if (!found.rows[0]) throw badRequest(sm.staffNotFound);
    if (found.rows[0].version !== version) throw versionConflict(m.versionConflict);
    await sql`update mediation.staff set name = ${input.name}, unit = ${input.unit}, post = ${input.post?.trim() || null}, seconded_from = ${input.secondedFrom},
        seconded_to = ${input.secondedTo ?? null}, active = ${input.active ?? true}, version = version + 1
      where tenant_id = ${ctx.tenant.id} and id = ${id}`.execute(trx);
    await ctx.audit.record(
      { action: 'mediation.staff.update', targetType: 'mediation.staff', targetId: id, detail: { name: input.name, unit: input.unit, active: input.active ?? true, secondedTo: input.secondedTo ?? null } },
      { db: trx },
    );
    return { id, version: version + 1 };
  });
}

export interface DutyDay {
  dutyOn: string;
  staff: { id: string; name: string; unit: string }[];
}

/** The rota of [from, to]: the days with anyone on duty, in date order. */
export async function listRota(ctx: AuthedContext, period: { from: string; to: string }): Promise<DutyDay[]> {
  const r = await sql<{ duty_on: string; id: string; name: string; unit: string }>`
    select to_char(d.duty_on, 'YYYY-MM-DD') as duty_on, s.id, s.name, s.unit
    from mediation.duty d join mediation.staff s on s.tenant_id = d.tenant_id and s.id = d.staff_id
    where d.tenant_id = ${ctx.tenant.id} and d.duty_on between ${period.from}::date and ${period.to}::date
    order by d.duty_on, d.position`.execute(ctx.db);
  const days = new Map<string, DutyDay>();
  for (const x of r.rows) {
    const day = days.get(x.duty_on) ?? { dutyOn: x.duty_on, staff: [] };
    day.staff.push({ id: x.id, name: x.name, unit: x.unit });
    days.set(x.duty_on, day);
  }
  return [...days.values()];
}

/** Sets who is on duty on a day (an empty list clears it). */
export async function setDuty(ctx: AuthedContext, input: { dutyOn: string; staffIds: string[] }): Promise<DutyDay> {
  const seen = new Set<string>();
  for (const id of input.staffIds) {
    if (seen.has(id)) throw badRequest(sm.dutyDuplicate);
    seen.add(id);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ id: string; name: string; unit: string; active: boolean; seconded_from: string; seconded_to: string | null }>`
      select id, name, unit, active, to_char(seconded_from, 'YYYY-MM-DD') as seconded_from, to_char(seconded_to, 'YYYY-MM-DD') as seconded_to
      from mediation.staff where tenant_id = ${ctx.tenant.id} and id = any(${sql.val(input.staffIds)}::uuid[])`.execute(trx);
    const byId = new Map(r.rows.map((x) => [x.id, x]));
    const staff = input.staffIds.map((id) => {
      const x = byId.get(id);
      if (!x) throw badRequest(sm.staffNotFound);
      if (!x.active || input.dutyOn < x.seconded_from || (x.seconded_to !== null && input.dutyOn > x.seconded_to)) throw badRequest(sm.notSeconded(x.name, input.dutyOn));
      return { id: x.id, name: x.name, unit: x.unit };
    });
    await sql`delete from mediation.duty where tenant_id = ${ctx.tenant.id} and duty_on = ${input.dutyOn}`.execute(trx);
    let position = 0;
    for (const x of staff) {
      position += 1;
      await sql`insert into mediation.duty (tenant_id, duty_on, staff_id, position, recorded_by)
        values (${ctx.tenant.id}, ${input.dutyOn}, ${x.id}, ${position}, ${ctx.user.id})`.execute(trx);
    }
    await ctx.audit.record({ action: 'mediation.rota.set', targetType: 'mediation.rota', targetId: input.dutyOn, detail: { dutyOn: input.dutyOn, staffIds: input.staffIds } }, { db: trx });
    return { dutyOn: input.dutyOn, staff };
  });
}
