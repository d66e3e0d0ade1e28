// Checklist templates (评查标准): items grouped by aspect, per unit type, whose points add up
// to the template's total; deduction items (倒扣分) and veto items (一票否决). Versioned:
// revising writes a new version of the same family, and the old rows never change, so a
// campaign keeps the version it scores with.
import { badRequest, notFound, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { oneDecimal, tenths } from '../points.js';
import { fieldNames as n, messages as m } from '../strings.js';

export const unitTypes = ['any', 'police', 'procuratorate', 'court', 'justice'] as const;
export type UnitType = (typeof unitTypes)[number];
export const itemKinds = ['points', 'deduction', 'veto'] as const;
export type ItemKind = (typeof itemKinds)[number];

export interface ItemInput {
  aspect: string;
  content: string;
  kind: ItemKind;
  maxPoints: number;
  perDefect?: number | null | undefined;
}

export interface TemplateInput {
  name: string;
  unitType: UnitType;
  total: number;
  items: ItemInput[];
}

export interface TemplateItem {
  id: string;
  position: number;
  aspect: string;
  content: string;
  kind: ItemKind;
  maxPoints: number;
  perDefect: number | null;
}

export interface Template {
  id: string;
  familyId: string;
  versionNo: number;
  name: string;
  unitType: UnitType;
  total: number;
  current: boolean;
  items: TemplateItem[];
}

/** Checks the items against the total; refuses naming the field. */
export function checkItems(total: number, items: ItemInput[]): ItemInput[] {
  oneDecimal(total, n.total);
  if (tenths(total) <= 0) throw badRequest(m.totalPositive);
  let sum = 0;
  const out = items.map((it, i) => {
    const no = i + 1;
    const max = oneDecimal(it.maxPoints, n.maxPoints);
    if (it.kind === 'veto') {
      if (max !== 0) throw badRequest(m.vetoPoints(no));
    } else if (max <= 0) throw badRequest(m.itemPointsZero(no));
    let perDefect: number | null = null;
    if (it.kind === 'deduction') {
      if (it.perDefect == null) throw badRequest(m.perDefectMissing(no));
      perDefect = oneDecimal(it.perDefect, n.perDefect);
    } else if (it.perDefect != null) throw badRequest(m.perDefectForPoints(no));
    sum += tenths(max);
    return { aspect: it.aspect, content: it.content, kind: it.kind, maxPoints: max, perDefect };
  });
  if (sum !== tenths(total)) throw badRequest(m.weightsSum(sum / 10, total));
  return out;
}

export async function loadTemplate(db: Kysely<any>, tenantId: string, id: string): Promise<Template | undefined> {
  const r = await sql<Omit<Template, 'items'>>`select id, family_id as "familyId", version_no as "versionNo", name, unit_type as "unitType",
      total::float8 as total, current
    from inspections.templates where tenant_id = ${tenantId} and id = ${id}`.execute(db);
  const t = r.rows[0];
  if (!t) return undefined;
  const items = await sql<TemplateItem>`select id, position, aspect, content, kind, max_points::float8 as "maxPoints", per_defect::float8 as "perDefect"
    from inspections.template_items where tenant_id = ${tenantId} and template_id = ${id} order by position`.execute(db);
  return { ...t, items: items.rows };
}

export async function listTemplates(ctx: AuthedContext, opts: { all?: boolean | undefined }): Promise<Omit<Template, 'items'>[]> {
  const r = await sql<Omit<Template, 'items'>>`select id, family_id as "familyId", version_no as "versionNo", name, unit_type as "unitType",
      total::float8 as total, current
    from inspections.templates where tenant_id = ${ctx.tenant.id} and (${opts.all ?? false} or current)
    order by name, version_no desc`.execute(ctx.db);
  return r.rows;
}

async function insertTemplate(trx: Kysely<any>, ctx: AuthedContext, familyId: string | null, versionNo: number, input: TemplateInput, items: ItemInput[]): Promise<string> {
  const r = await sql<{ id: string }>`insert into inspections.templates (tenant_id, family_id, version_no, name, unit_type, total, created_by)
    values (${ctx.tenant.id}, coalesce(${familyId}::uuid, gen_random_uuid()), ${versionNo}, ${input.name}, ${input.unitType}, ${input.total}, ${ctx.user.id})
    returning id`.execute(trx);
  const id = r.rows[0]!.id;
  let position = 1;
  for (const it of items) {
    await sql`insert into inspections.template_items (tenant_id, template_id, position, aspect, content, kind, max_points, per_defect)
      values (${ctx.tenant.id}, ${id}, ${position}, ${it.aspect}, ${it.content}, ${it.kind}, ${it.maxPoints}, ${it.perDefect ?? null})`.execute(trx);
    position += 1;
  }
  return id;
}

async function nameTaken(trx: Kysely<any>, tenantId: string, name: string, exceptFamily: string | null): Promise<boolean> {
  const r = await sql`select 1 from inspections.templates where tenant_id = ${tenantId} and current and name = ${name}
    and (${exceptFamily}::uuid is null or family_id <> ${exceptFamily}::uuid)`.execute(trx);
  return r.rows.length > 0;
}

export async function createTemplate(ctx: AuthedContext, input: TemplateInput): Promise<{ id: string; versionNo: number }> {
  const items = checkItems(input.total, input.items);
  return ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, ctx.tenant.id, input.name, null)) throw badRequest(m.templateNameTaken);
    const id = await insertTemplate(trx, ctx, null, 1, input, items);
    await ctx.audit.record({ action: 'inspections.templates.create', targetType: 'inspections.template', targetId: id, detail: { name: input.name, unitType: input.unitType, total: input.total, items: items.length } }, { db: trx });
    return { id, versionNo: 1 };
  });
}

/** Writes the next version of a template (`id`: its current version, as the editor loaded it). */
export async function reviseTemplate(ctx: AuthedContext, input: TemplateInput & { id: string }): Promise<{ id: string; versionNo: number }> {
  const items = checkItems(input.total, input.items);
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await sql<{ family_id: string; version_no: number; current: boolean }>`select family_id, version_no, current from inspections.templates
      where tenant_id = ${ctx.tenant.id} and id = ${input.id} for update`.execute(trx);
    const row = cur.rows[0];
    if (!row) throw notFound(m.templateNotFound);
    if (!row.current) throw versionConflict(m.versionConflict);
    if (await nameTaken(trx, ctx.tenant.id, input.name, row.family_id)) throw badRequest(m.templateNameTaken);
    await sql`update inspections.templates set current = false where tenant_id = ${ctx.tenant.id} and id = ${input.id}`.execute(trx);
    const id = await insertTemplate(trx, ctx, row.family_id, row.version_no + 1, input, items);
    await ctx.audit.record({ action: 'inspections.templates.revise', targetType: 'inspections.template', targetId: id, detail: { previousId: input.id, versionNo: row.version_no + 1, total: input.total, items: items.length } }, { db: trx });
    return { id, versionNo: row.version_no + 1 };
  });
}
