// Grade scales (等级标准) as data: the county keeps as many as it uses (the 3-grade
// 优秀/合格/不合格, the procuratorates' 4-grade 优质/合格/基本合格/不合格, 达标/不达标 for
// facilities). Editing a scale regrades every campaign using it, since grades are computed.
import { badRequest, notFound, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { checkGrades, type Grade, type Scale } from './grading.js';

export interface ScaleInput {
  name: string;
  total: number;
  grades: Grade[];
}

export async function loadScale(db: Kysely<any>, tenantId: string, id: string): Promise<Scale | undefined> {
  const r = await sql<{ id: string; name: string; total: number; version: number }>`select id, name, total::float8 as total, version
    from inspections.scales where tenant_id = ${tenantId} and id = ${id}`.execute(db);
  const s = r.rows[0];
  if (!s) return undefined;
  const g = await sql<Grade>`select label, min_score::float8 as "minScore", band from inspections.scale_grades
    where tenant_id = ${tenantId} and scale_id = ${id} order by position`.execute(db);
  return { ...s, grades: g.rows };
}

export async function listScales(ctx: AuthedContext): Promise<Scale[]> {
  const r = await sql<{ id: string }>`select id from inspections.scales where tenant_id = ${ctx.tenant.id} order by created_at, name`.execute(ctx.db);
  const out: Scale[] = [];
  for (const row of r.rows) out.push((await loadScale(ctx.db, ctx.tenant.id, row.id))!);
  return out;
}

async function writeGrades(trx: Kysely<any>, tenantId: string, scaleId: string, grades: Grade[]): Promise<void> {
  let position = 1;
  for (const g of grades) {
    await sql`insert into inspections.scale_grades (tenant_id, scale_id, position, label, min_score, band)
      values (${tenantId}, ${scaleId}, ${position}, ${g.label}, ${g.minScore}, ${g.band})`.execute(trx);
    position += 1;
  }
}

export async function createScale(ctx: AuthedContext, input: ScaleInput): Promise<{ id: string }> {
  const grades = checkGrades(input.total, input.grades);
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await sql`select 1 from inspections.scales where tenant_id = ${ctx.tenant.id} and name = ${input.name}`.execute(trx);
    if (taken.rows.length) throw badRequest(m.scaleNameTaken);
    const r = await sql<{ id: string }>`insert into inspections.scales (tenant_id, name, total, created_by)
      values (${ctx.tenant.id}, ${input.name}, ${input.total}, ${ctx.user.id}) returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await writeGrades(trx, ctx.tenant.id, id, grades);
    await ctx.audit.record({ action: 'inspections.scales.create', targetType: 'inspections.scale', targetId: id, detail: { name: input.name, total: input.total, grades } }, { db: trx });
    return { id };
  });
}

export async function updateScale(ctx: AuthedContext, input: ScaleInput & { id: string; version: number }): Promise<{ version: number }> {
  const grades = checkGrades(input.total, input.grades);
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await sql<{ version: number }>`select version from inspections.scales where tenant_id = ${ctx.tenant.id} and id = ${input.id} for update`.execute(trx);
    if (!cur.rows[0]) throw notFound(m.scaleNotFound);
    if (cur.rows[0].version !== input.version) throw versionConflict(m.versionConflict);
    const taken = await sql`select 1 from inspections.scales where tenant_id = ${ctx.tenant.id} and name = ${input.name} and id <> ${input.id}`.execute(trx);
    if (taken.rows.length) throw badRequest(m.scaleNameTaken);
    // The campaigns grading with it must still match its total.
    const mismatch = await sql<{ total: number }>`select distinct t.total::float8 as total from inspections.campaigns c
      join inspections.campaign_templates ct on ct.tenant_id = c.tenant_id and ct.campaign_id = c.id
      join inspections.templates t on t.tenant_id = ct.tenant_id and t.id = ct.template_id
      where c.tenant_id = ${ctx.tenant.id} and c.scale_id = ${input.id} and t.total <> ${input.total}`.execute(trx);
    if (mismatch.rows[0]) throw badRequest(m.scaleTotalMismatch(input.total, mismatch.rows[0].total));
    await sql`update inspections.scales set name = ${input.name}, total = ${input.total}, version = version + 1
      where tenant_id = ${ctx.tenant.id} and id = ${input.id}`.execute(trx);
    await sql`delete from inspections.scale_grades where tenant_id = ${ctx.tenant.id} and scale_id = ${input.id}`.execute(trx);
    await writeGrades(trx, ctx.tenant.id, input.id, grades);
    await ctx.audit.record({ action: 'inspections.scales.update', targetType: 'inspections.scale', targetId: input.id, detail: { name: input.name, total: input.total, grades } }, { db: trx });
    return { version: input.version + 1 };
  });
}
