// Results per campaign and per unit, computed from the stored scores with the campaign's
// current scale (so switching the scale regrades everything), and the defect types ranked by
// the number of decided files that lost points on them. A liaison gets only the units of
// their scope (filtered in SQL).
import { badRequest, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { campaignOrThrow } from '../campaigns/service.js';
import { loadScale } from '../scales/service.js';
import { gradeOf, type Grade } from '../scales/grading.js';
import { fromTenths, tenths } from '../points.js';
import { scopeOrgIds } from '../scope.js';
import { readSettings } from '../settings/service.js';
import { messages as m } from '../strings.js';
import { showHandlers } from '../handlers.js';
import { figuresOf, type DecidedFile, type Figures } from './figures.js';

export interface UnitResult extends Figures {
  unitId: string;
  unitName: string;
  sampled: number;
  /** Problems found on the unit's files, and those not closed (销号) yet. */
  findings: number;
  unrectified: number;
  /** Year-end assessment: points deducted for the unrectified problems (county setting per problem). */
  deduction: number;
}

export interface Defect {
  aspect: string;
  content: string;
  files: number;
}

async function decidedFiles(db: Kysely<any>, tenantId: string, campaignId: string, scope: string[] | null): Promise<DecidedFile[]> {
  const r = await sql<DecidedFile>`select unit_id as "unitId", volumes, final_total::float8 as "finalTotal", final_vetoed as "finalVetoed"
    from inspections.files
    where tenant_id = ${tenantId} and campaign_id = ${campaignId} and final_total is not null
      and (${scope === null} or unit_id = any(${sql.val(scope ?? [])}::uuid[]))`.execute(db);
  return r.rows;
}

/** Items that lost points, counted once per decided file, in the sheets its score came from. */
async function defects(db: Kysely<any>, tenantId: string, campaignId: string, scope: string[] | null): Promise<Defect[]> {
  const r = await sql<Defect>`select ti.aspect, ti.content, count(distinct f.id)::int as files
    from inspections.files f
    join inspections.assignments a on a.tenant_id = f.tenant_id and a.file_id = f.id and a.submitted_at is not null
      and (case f.final_source when 'single' then a.role = 'first' when 'arbiter' then a.role = 'arbiter' else a.role in ('first', 'second') end)
    join inspections.scores s on s.tenant_id = a.tenant_id and s.assignment_id = a.id
    join inspections.template_items ti on ti.tenant_id = s.tenant_id and ti.id = s.item_id
    where f.tenant_id = ${tenantId} and f.campaign_id = ${campaignId} and f.final_total is not null
      and (s.points < ti.max_points or s.vetoed)
      and (${scope === null} or f.unit_id = any(${sql.val(scope ?? [])}::uuid[]))
    group by ti.aspect, ti.content
    order by files desc, min(ti.position), ti.aspect, ti.content`.execute(db);
  return r.rows;
}

async function scaleOf(db: Kysely<any>, tenantId: string, scaleId: string | null): Promise<{ name: string; grades: Grade[] }> {
  const scale = scaleId ? await loadScale(db, tenantId, scaleId) : undefined;
  if (!scale) throw badRequest(m.noScaleOrTemplate);
  return scale;
}

async function unitRows(db: Kysely<any>, tenantId: string, campaignId: string, scope: string[] | null, files: DecidedFile[], grades: Grade[]): Promise<UnitResult[]> {
  const perFinding = (await readSettings(db, tenantId)).unrectifiedDeduction;
  const units = await sql<{ unitId: string; unitName: string; sampled: number; findings: number; unrectified: number }>`select u.unit_id as "unitId", u.unit_name as "unitName",
      (select count(*)::int from inspections.files f where f.tenant_id = u.tenant_id and f.campaign_id = u.campaign_id and f.unit_id = u.unit_id and f.draw_id is not null) as sampled,
      (select count(*)::int from inspections.findings fi where fi.tenant_id = u.tenant_id and fi.campaign_id = u.campaign_id and fi.unit_id = u.unit_id) as findings,
      (select count(*)::int from inspections.findings fi where fi.tenant_id = u.tenant_id and fi.campaign_id = u.campaign_id and fi.unit_id = u.unit_id
        and fi.status <> 'closed') as unrectified
    from inspections.campaign_units u
    where u.tenant_id = ${tenantId} and u.campaign_id = ${campaignId}
      and (${scope === null} or u.unit_id = any(${sql.val(scope ?? [])}::uuid[]))
    order by u.unit_name`.execute(db);
  return units.rows.map((u) => ({
    ...u,
    deduction: fromTenths(u.unrectified * tenths(perFinding)),
    ...figuresOf(files.filter((f) => f.unitId === u.unitId), grades),
  }));
}

/** The committee's results of a campaign: overall, per unit, defect types ranked. */
export async function campaignResults(ctx: AuthedContext, campaignId: string) {
  const tenantId = ctx.tenant.id;
  const c = await campaignOrThrow(ctx.db, tenantId, campaignId);
  const scale = await scaleOf(ctx.db, tenantId, c.scaleId);
  const files = await decidedFiles(ctx.db, tenantId, campaignId, null);
  return {
    scale: scale.name,
    overall: figuresOf(files, scale.grades),
    units: await unitRows(ctx.db, tenantId, campaignId, null, files, scale.grades),
    defects: await defects(ctx.db, tenantId, campaignId, null),
  };
}

/** A unit's own results (the liaison's view): only the units of the caller's scope. */
export async function unitResults(ctx: AuthedContext, campaignId: string) {
  const tenantId = ctx.tenant.id;
  const c = await campaignOrThrow(ctx.db, tenantId, campaignId);
  const scope = ctx.user.committee ? null : await scopeOrgIds(ctx);
  const scale = await scaleOf(ctx.db, tenantId, c.scaleId);
  const files = await decidedFiles(ctx.db, tenantId, campaignId, scope);
  return {
    scale: scale.name,
    units: await unitRows(ctx.db, tenantId, campaignId, scope, files, scale.grades),
    defects: await defects(ctx.db, tenantId, campaignId, scope),
  };
}

export type FileState = 'candidate' | 'sampled' | 'scoring' | 'disputed' | 'decided';

/** The committee's list of a campaign's files with their state and (decided) score and grade. */
export async function listFiles(ctx: AuthedContext, input: { campaignId: string; unitId?: string | undefined; sampledOnly?: boolean | undefined }) {
  const tenantId = ctx.tenant.id;
  const c = await campaignOrThrow(ctx.db, tenantId, input.campaignId);
  const scale = c.scaleId ? await loadScale(ctx.db, tenantId, c.scaleId) : undefined;
  const r = await sql<{
    id: string; unitId: string; unitName: string; caseNo: string; caseType: string; title: string | null; handlerName: string | null; volumes: number;
    closedOn: string | null; kernelCaseId: string | null; drawId: string | null; method: string | null; finalTotal: number | null; finalVetoed: boolean | null;
    finalSource: string | null; sheets: number; submitted: number; version: number;
  }>`select f.id, f.unit_id as "unitId", u.unit_name as "unitName", f.case_no as "caseNo", f.case_type as "caseType", f.title, f.handler_name as "handlerName",
      f.volumes, to_char(f.closed_on, 'YYYY-MM-DD') as "closedOn", f.kernel_case_id as "kernelCaseId", f.draw_id as "drawId", d.method,
      f.final_total::float8 as "finalTotal", f.final_vetoed as "finalVetoed", f.final_source as "finalSource",
      (select count(*)::int from inspections.assignments a where a.tenant_id = f.tenant_id and a.file_id = f.id) as sheets,
      (select count(*)::int from inspections.assignments a where a.tenant_id = f.tenant_id and a.file_id = f.id and a.submitted_at is not null) as submitted,
      f.version
    from inspections.files f
    join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id
    left join inspections.draws d on d.tenant_id = f.tenant_id and d.id = f.draw_id
    where f.tenant_id = ${tenantId} and f.campaign_id = ${input.campaignId}
      and (${input.unitId ?? null}::uuid is null or f.unit_id = ${input.unitId ?? null}::uuid)
      and (not ${input.sampledOnly ?? false} or f.draw_id is not null)
    order by u.unit_name, f.case_no limit 5000`.execute(ctx.db);
  const rows = await showHandlers(ctx, r.rows, { type: 'inspections.campaign', id: input.campaignId });
  // The submitted sheets' totals, for the panel (合议) deciding a disputed file.
  const totals = await sql<{ fileId: string; role: string; total: number; vetoed: boolean }>`select a.file_id as "fileId", a.role, a.total::float8 as total, coalesce(a.vetoed, false) as vetoed
    from inspections.assignments a where a.tenant_id = ${tenantId} and a.campaign_id = ${input.campaignId} and a.submitted_at is not null
    order by case a.role when 'first' then 1 when 'second' then 2 else 3 end`.execute(ctx.db);
  const sheetsOf = new Map<string, { role: string; total: number; vetoed: boolean }[]>();
  for (const { fileId, ...t } of totals.rows) sheetsOf.set(fileId, [...(sheetsOf.get(fileId) ?? []), t]);
  return rows.map(({ sheets, submitted, ...f }) => {
    const state: FileState =
      f.finalTotal !== null ? 'decided' : !f.drawId ? 'candidate' : sheets === 0 ? 'sampled' : c.doubleScoring && submitted >= 2 && submitted === sheets ? 'disputed' : 'scoring';
    const grade = f.finalTotal !== null && scale ? gradeOf(scale.grades, f.finalTotal, !!f.finalVetoed).label : null;
    return { ...f, state, grade, sheetTotals: sheetsOf.get(f.id) ?? [] };
  });
}
