// Commendations (表彰奖励, 三个十佳: best officers, units, cases) and quarterly and yearly
// assessments with grades. An officer under a sanction's effect is not commended and not
// graded 优秀 (sanctions/service.ts restrictionOn).
import { badRequest, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { requireOfficer } from '../discipline-officers.js';
import { auditActions as a, commendationKindNames, messages as m } from '../discipline-strings.js';
import { restrictionOn } from '../sanctions/service.js';

export const commendationKinds = ['best_officer', 'best_unit', 'best_case', 'merit', 'other'] as const;
export type CommendationKind = (typeof commendationKinds)[number];
export const grades = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const;

export interface AwardInput {
  kind: CommendationKind;
  officerId?: string | null | undefined;
  unitId?: string | null | undefined;
  caseRef?: string | null | undefined;
  title: string;
  awardedOn: string;
  awardedBy?: string | null | undefined;
}

export async function award(ctx: AuthedContext, input: AwardInput): Promise<{ id: string }> {
  const forOfficer = input.kind === 'best_officer' || input.kind === 'merit';
  if (forOfficer && !input.officerId) throw badRequest(m.commendationOfficerRequired(commendationKindNames[input.kind]));
  if (input.kind === 'best_unit' && !input.unitId) throw badRequest(m.commendationUnitRequired);
  if (input.kind === 'best_case' && !input.caseRef) throw badRequest(m.commendationCaseRequired);
  return ctx.db.transaction().execute(async (trx) => {
    if (input.officerId) {
      await requireOfficer(ctx, input.officerId, trx);
      const r = await restrictionOn(trx, ctx.tenant.id, input.officerId, input.awardedOn);
      if (!r.eligible) throw badRequest(m.ineligibleCommendation(r.until));
    }
    const r = await sql<{ id: string }>`insert into personnel.commendations (tenant_id, kind, officer_id, unit_id, case_ref, title, awarded_on, awarded_by, created_by)
      values (${ctx.tenant.id}, ${input.kind}, ${input.officerId ?? null}, ${input.unitId ?? null}, ${input.caseRef ?? null}, ${input.title},
        ${input.awardedOn}, ${input.awardedBy ?? null}, ${ctx.user.id}) returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record({ action: a.commendationAward, targetType: 'personnel.commendation', targetId: id, detail: { kind: input.kind, officerId: input.officerId ?? null } }, { db: trx });
    return { id };
  });
}

export interface Commendation {
  id: string;
  kind: CommendationKind;
  officerId: string | null;
  officerName: string | null;
  unitId: string | null;
  caseRef: string | null;
  title: string;
  awardedOn: string;
  awardedBy: string | null;
}

export async function commendations(ctx: AuthedContext, filter: { year?: number | undefined; officerId?: string | undefined }): Promise<Commendation[]> {
  const r = await sql<{ id: string; kind: CommendationKind; officer_id: string | null; officer_name: string | null; unit_id: string | null; case_ref: string | null; title: string; awarded_on: string; awarded_by: string | null }>`
    select c.id, c.kind, c.officer_id, o.name as officer_name, c.unit_id, c.case_ref, c.title, to_char(c.awarded_on, 'YYYY-MM-DD') as awarded_on, c.awarded_by
    from personnel.commendations c left join personnel.officers o on o.tenant_id = c.tenant_id and o.id = c.officer_id
    where c.tenant_id = ${ctx.tenant.id}
      and (${filter.year ?? null}::int is null or extract(year from c.awarded_on)::int = ${filter.year ?? null}::int)
      and (${filter.officerId ?? null}::uuid is null or c.officer_id = ${filter.officerId ?? null}::uuid)
    order by c.awarded_on desc, c.created_at desc limit 1000`.execute(ctx.db);
  return r.rows.map((c) => ({ id: c.id, kind: c.kind, officerId: c.officer_id, officerName: c.officer_name, unitId: c.unit_id, caseRef: c.case_ref, title: c.title, awardedOn: c.awarded_on, awardedBy: c.awarded_by }));
}

export interface AssessInput {
  officerId: string;
  period: string;
  grade: (typeof grades)[number];
  assessedOn: string;
  note?: string | null | undefined;
}

/** Records an officer's grade for a quarter (2026-Q1) or a year (2026). */
export async function assess(ctx: AuthedContext, input: AssessInput): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireOfficer(ctx, input.officerId, trx);
    const dup = await sql`select 1 from personnel.assessments where tenant_id = ${ctx.tenant.id} and officer_id = ${input.officerId} and period = ${input.period}`.execute(trx);
    if (dup.rows.length) throw badRequest(m.assessmentExists(input.period));
    if (input.grade === 'excellent') {
      const r = await restrictionOn(trx, ctx.tenant.id, input.officerId, input.assessedOn);
      if (!r.eligible) throw badRequest(m.ineligibleExcellent(r.until));
    }
    const r = await sql<{ id: string }>`insert into personnel.assessments (tenant_id, officer_id, period, grade, assessed_on, note, created_by)
      values (${ctx.tenant.id}, ${input.officerId}, ${input.period}, ${input.grade}, ${input.assessedOn}, ${input.note ?? null}, ${ctx.user.id}) returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record({ action: a.assessmentRecord, targetType: 'personnel.assessment', targetId: id, detail: { officerId: input.officerId, period: input.period, grade: input.grade } }, { db: trx });
    return { id };
  });
}

export interface Assessment {
  id: string;
  officerId: string;
  officerName: string;
  period: string;
  grade: (typeof grades)[number];
  assessedOn: string;
  note: string | null;
}

export async function assessments(ctx: AuthedContext, filter: { officerId?: string | undefined; period?: string | undefined }): Promise<Assessment[]> {
  const r = await sql<{ id: string; officer_id: string; officer_name: string; period: string; grade: (typeof grades)[number]; assessed_on: string; note: string | null }>`
    select a.id, a.officer_id, o.name as officer_name, a.period, a.grade, to_char(a.assessed_on, 'YYYY-MM-DD') as assessed_on, a.note
    from personnel.assessments a join personnel.officers o on o.tenant_id = a.tenant_id and o.id = a.officer_id
    where a.tenant_id = ${ctx.tenant.id}
      and (${filter.officerId ?? null}::uuid is null or a.officer_id = ${filter.officerId ?? null}::uuid)
      and (${filter.period ?? null}::text is null or a.period = ${filter.period ?? null})
    order by a.period desc, o.name limit 2000`.execute(ctx.db);
  return r.rows.map((x) => ({ id: x.id, officerId: x.officer_id, officerName: x.officer_name, period: x.period, grade: x.grade, assessedOn: x.assessed_on, note: x.note }));
}
