// 年度教育培训计划: one per unit and year, with its items (what, when, how many class hours,
// for whom, organised by whom); a unit's user plans for its own units, the committee for any.
// Items are replaced as a whole on update (optimistic concurrency on the plan's version).
import { badRequest, notFound, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { inScope, mayUseUnit, unitNames, unitScope, type UnitScope } from '../scope.js';
import { trainingStrings as s } from '../strings.js';
import type { CourseKind } from './sessions.js';

export interface PlanItemInput {
  kind: CourseKind;
  title: string;
  month?: number | null;
  classHours: number;
  audience?: string | null;
  organiser?: string | null;
}

export interface Plan {
  id: string;
  unitId: string;
  unitName: string;
  year: number;
  title: string;
  summary: string;
  totalHours: number;
  items: { kind: CourseKind; title: string; month: number | null; classHours: number; audience: string; organiser: string }[];
  version: number;
}

async function writeItems(ctx: AuthedContext, db: Kysely<any>, planId: string, items: PlanItemInput[]): Promise<void> {
  await sql`delete from personnel.training_plan_items where tenant_id = ${ctx.tenant.id} and plan_id = ${planId}`.execute(db);
  for (const [i, it] of items.entries()) {
    await sql`insert into personnel.training_plan_items (tenant_id, plan_id, position, kind, title, month, class_hours, audience, organiser)
      values (${ctx.tenant.id}, ${planId}, ${i + 1}, ${it.kind}, ${it.title}, ${it.month ?? null}, ${it.classHours}, ${it.audience ?? ''}, ${it.organiser ?? ''})`.execute(db);
  }
}

export async function createPlan(
  ctx: AuthedContext,
  input: { unitId: string; year: number; title: string; summary?: string | null; items: PlanItemInput[] },
): Promise<{ id: string; version: number }> {
  const scope = await unitScope(ctx);
  if (!mayUseUnit(scope, input.unitId)) throw badRequest(s.planUnitOutOfScope);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ id: string }>`insert into personnel.training_plans (tenant_id, unit_id, year, title, summary, created_by)
      values (${ctx.tenant.id}, ${input.unitId}, ${input.year}, ${input.title}, ${input.summary ?? ''}, ${ctx.user.id})
      on conflict (tenant_id, unit_id, year) do nothing returning id`.execute(trx);
    if (!r.rows[0]) throw badRequest(s.planExists(input.year));
    const id = r.rows[0].id;
    await writeItems(ctx, trx, id, input.items);
    await ctx.audit.record({ action: 'personnel.training.plan.create', targetType: 'personnel.plan', targetId: id, detail: { unitId: input.unitId, year: input.year, items: input.items.length } }, { db: trx });
    return { id, version: 1 };
  });
}

export async function loadPlan(ctx: AuthedContext, db: Kysely<any>, scope: UnitScope, id: string, forUpdate = false): Promise<Plan> {
  const r = await sql<{ id: string; unit_id: string; year: number; title: string; summary: string; version: number }>`
    select p.id, p.unit_id, p.year, p.title, p.summary, p.version from personnel.training_plans p
    where p.tenant_id = ${ctx.tenant.id} and p.id = ${id} and ${inScope(scope, sql`p.unit_id`)} ${forUpdate ? sql`for update` : sql``}`.execute(db);
  const p = r.rows[0];
  if (!p) throw notFound(s.planNotFound);
  const items = await sql<{ kind: CourseKind; title: string; month: number | null; class_hours: string; audience: string; organiser: string }>`
    select kind, title, month, class_hours, audience, organiser from personnel.training_plan_items
    where tenant_id = ${ctx.tenant.id} and plan_id = ${id} order by position`.execute(db);
  const list = items.rows.map((i) => ({ kind: i.kind, title: i.title, month: i.month, classHours: Number(i.class_hours), audience: i.audience, organiser: i.organiser }));
  return {
    id: p.id,
    unitId: p.unit_id,
    unitName: unitNames(scope).get(p.unit_id) ?? '',
    year: p.year,
    title: p.title,
    summary: p.summary,
    totalHours: list.reduce((n, i) => n + i.classHours, 0),
    items: list,
    version: p.version,
  };
}

export async function getPlan(ctx: AuthedContext, id: string): Promise<Plan> {
  return loadPlan(ctx, ctx.db, await unitScope(ctx), id);
}

export async function listPlans(ctx: AuthedContext, input: { year?: number }) {
  const scope = await unitScope(ctx);
  const names = unitNames(scope);
  const r = await sql<{ id: string; unit_id: string; year: number; title: string; items: number; total_hours: string; version: number }>`
    select p.id, p.unit_id, p.year, p.title, p.version,
      (select count(*)::int from personnel.training_plan_items i where i.tenant_id = p.tenant_id and i.plan_id = p.id) as items,
      (select coalesce(sum(i.class_hours), 0)::text from personnel.training_plan_items i where i.tenant_id = p.tenant_id and i.plan_id = p.id) as total_hours
    from personnel.training_plans p
    where p.tenant_id = ${ctx.tenant.id} and ${inScope(scope, sql`p.unit_id`)} ${input.year ? sql`and p.year = ${input.year}` : sql``}
    order by p.year desc, p.unit_id`.execute(ctx.db);
  return r.rows.map((p) => ({ id: p.id, unitId: p.unit_id, unitName: names.get(p.unit_id) ?? '', year: p.year, title: p.title, items: p.items, totalHours: Number(p.total_hours), version: p.version }));
}

export async function updatePlan(
  ctx: AuthedContext,
  input: { id: string; version: number; title: string; summary?: string | null; items: PlanItemInput[] },
): Promise<{ version: number }> {
  const scope = await unitScope(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await loadPlan(ctx, trx, scope, input.id, true);
    if (plan.version !== input.version) throw versionConflict();
    await sql`update personnel.training_plans set title = ${input.title}, summary = ${input.summary ?? ''}, version = version + 1, updated_at = now()
      where tenant_id = ${ctx.tenant.id} and id = ${plan.id}`.execute(trx);
    await writeItems(ctx, trx, plan.id, input.items);
    await ctx.audit.record({ action: 'personnel.training.plan.update', targetType: 'personnel.plan', targetId: plan.id, detail: { items: input.items.length } }, { db: trx });
    return { version: plan.version + 1 };
  });
}
