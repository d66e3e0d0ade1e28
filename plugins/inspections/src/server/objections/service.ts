// Results published to the units (公布) and their objections (异议): the committee publishes a
// campaign's results once every sampled file is decided; a unit sees its files' scores and
// grades and may object to one within the campaign's number of working days (default 3),
// counted on the county's working calendar from the day after publication. The panel (合议)
// upholds an objection (the file's decided score changes, the old one kept on the objection)
// or dismisses it; the unit sees the decision and its reason.
import { badRequest, chinaDay, notFound, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { campaignOrThrow } from '../campaigns/service.js';
import { oneDecimal, tenths } from '../points.js';
import { gradeOf } from '../scales/grading.js';
import { loadScale } from '../scales/service.js';
import { scopeOrgIds } from '../scope.js';
import { templateFor } from '../scoring/service.js';
import { fieldNames as n, messages as m } from '../strings.js';

export const DEFAULT_OBJECTION_DAYS = 3;
export const objectionOutcomes = ['upheld', 'dismissed'] as const;
export type ObjectionOutcome = (typeof objectionOutcomes)[number];

/** Publishes the campaign's results to its units; the objection window starts the next working day. */
export async function publishResults(ctx: AuthedContext, input: { id: string; version: number; objectionDays?: number | undefined }): Promise<{ version: number; publishedOn: string; objectionLastDay: string }> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  const days = input.objectionDays ?? DEFAULT_OBJECTION_DAYS;
  return ctx.db.transaction().execute(async (trx) => {
    const c = await campaignOrThrow(trx, tenantId, input.id, true);
    if (c.version !== input.version) throw versionConflict(m.versionConflict);
    if (c.status === 'closed') throw badRequest(m.campaignClosed);
    const state = await sql<{ published: string | null; undecided: number }>`select to_char(results_published_on, 'YYYY-MM-DD') as published,
        (select count(*)::int from inspections.files f where f.tenant_id = c.tenant_id and f.campaign_id = c.id and f.draw_id is not null and f.final_total is null) as undecided
      from inspections.campaigns c where c.tenant_id = ${tenantId} and c.id = ${input.id}`.execute(trx);
    if (state.rows[0]!.published) throw badRequest(m.alreadyPublished);
    if (state.rows[0]!.undecided > 0) throw badRequest(m.undecidedFiles(state.rows[0]!.undecided));
    await sql`update inspections.campaigns set results_published_on = ${today}, objection_days = ${days}, version = version + 1
      where tenant_id = ${tenantId} and id = ${input.id}`.execute(trx);
    const objectionLastDay = await ctx.kernel.calendar.addWorkingDays(today, days, { db: trx });
    await ctx.audit.record({ action: 'inspections.results.publish', targetType: 'inspections.campaign', targetId: input.id, detail: { publishedOn: today, objectionDays: days, objectionLastDay } }, { db: trx });
    return { version: c.version + 1, publishedOn: today, objectionLastDay };
  });
}

interface Publication {
  publishedOn: string | null;
  objectionDays: number;
}

async function publicationOf(db: Kysely<any>, tenantId: string, campaignId: string): Promise<Publication> {
  const r = await sql<Publication>`select to_char(results_published_on, 'YYYY-MM-DD') as "publishedOn", objection_days as "objectionDays"
    from inspections.campaigns where tenant_id = ${tenantId} and id = ${campaignId}`.execute(db);
  return r.rows[0] ?? { publishedOn: null, objectionDays: DEFAULT_OBJECTION_DAYS };
}

/** The last day a unit may object (inclusive): the n-th working day after publication. */
async function lastDayOf(ctx: AuthedContext, p: Publication, db: Kysely<any>): Promise<string | null> {
  return p.publishedOn ? ctx.kernel.calendar.addWorkingDays(p.publishedOn, p.objectionDays, { db }) : null;
}

export interface ObjectionView {
  id: string;
  fileId: string;
  caseNo: string;
  unitId: string;
  unitName: string;
  reason: string;
  filedOn: string;
  status: 'pending' | ObjectionOutcome;
  scoreBefore: number;
  scoreAfter: number | null;
  decisionNote: string | null;
  version: number;
}

const objectionColumns = sql`o.id, o.file_id as "fileId", f.case_no as "caseNo", o.unit_id as "unitId", u.unit_name as "unitName", o.reason,
  to_char(o.filed_on, 'YYYY-MM-DD') as "filedOn", o.status, o.score_before::float8 as "scoreBefore", o.score_after::float8 as "scoreAfter",
  o.decision_note as "decisionNote", o.version`;
const objectionJoins = sql`from inspections.objections o
  join inspections.files f on f.tenant_id = o.tenant_id and f.id = o.file_id
  join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id`;

/** The unit's view: its decided files with score, grade and objection, and the window. */
export async function unitFiles(ctx: AuthedContext, campaignId: string) {
  const tenantId = ctx.tenant.id;
  const c = await campaignOrThrow(ctx.db, tenantId, campaignId);
  const scope = await scopeOrgIds(ctx);
  const p = await publicationOf(ctx.db, tenantId, campaignId);
  if (!p.publishedOn) return { publishedOn: null, objectionLastDay: null, objectionOpen: false, files: [] };
  const scale = c.scaleId ? await loadScale(ctx.db, tenantId, c.scaleId) : undefined;
  const files = await sql<{ id: string; unitName: string; caseNo: string; caseType: string; volumes: number; finalTotal: number; finalVetoed: boolean; panelNote: string | null }>`
    select f.id, u.unit_name as "unitName", f.case_no as "caseNo", f.case_type as "caseType", f.volumes, f.final_total::float8 as "finalTotal",
      f.final_vetoed as "finalVetoed", f.panel_note as "panelNote"
    from inspections.files f
    join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id
    where f.tenant_id = ${tenantId} and f.campaign_id = ${campaignId} and f.final_total is not null
      and f.unit_id = any(${sql.val(scope)}::uuid[])
    order by u.unit_name, f.case_no`.execute(ctx.db);
  const objections = await sql<ObjectionView>`select ${objectionColumns} ${objectionJoins}
    where o.tenant_id = ${tenantId} and o.campaign_id = ${campaignId} and o.unit_id = any(${sql.val(scope)}::uuid[])`.execute(ctx.db);
  const byFile = new Map(objections.rows.map((o) => [o.fileId, o]));
  const objectionLastDay = (await lastDayOf(ctx, p, ctx.db))!;
  return {
    publishedOn: p.publishedOn,
    objectionLastDay,
    /** Whether the unit may still object today (the last day included). */
    objectionOpen: chinaDay(ctx.now()) <= objectionLastDay,
    files: files.rows.map((f) => ({ ...f, grade: scale ? gradeOf(scale.grades, f.finalTotal, f.finalVetoed).label : null, objection: byFile.get(f.id) ?? null })),
  };
}

/** A unit objects to one of its files' results, within the window. */
export async function fileObjection(ctx: AuthedContext, input: { fileId: string; reason: string }): Promise<{ id: string }> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  const scope = await scopeOrgIds(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ campaignId: string; unitId: string; caseNo: string; finalTotal: number | null; finalVetoed: boolean | null }>`
      select campaign_id as "campaignId", unit_id as "unitId", case_no as "caseNo", final_total::float8 as "finalTotal", final_vetoed as "finalVetoed"
      from inspections.files where tenant_id = ${tenantId} and id = ${input.fileId} and unit_id = any(${sql.val(scope)}::uuid[]) for update`.execute(trx);
    const file = r.rows[0];
    if (!file) throw notFound(m.fileNotFound);
    if (file.finalTotal === null) throw badRequest(m.notDecided);
    const p = await publicationOf(trx, tenantId, file.campaignId);
    if (!p.publishedOn) throw badRequest(m.notPublished);
    const lastDay = (await lastDayOf(ctx, p, trx))!;
    if (today > lastDay) throw badRequest(m.objectionLate(lastDay));
    const dup = await sql`select 1 from inspections.objections where tenant_id = ${tenantId} and file_id = ${input.fileId}`.execute(trx);
    if (dup.rows.length > 0) throw badRequest(m.objectionTwice);
    const ins = await sql<{ id: string }>`insert into inspections.objections (tenant_id, campaign_id, file_id, unit_id, reason, filed_on, score_before, vetoed_before, filed_by)
      values (${tenantId}, ${file.campaignId}, ${input.fileId}, ${file.unitId}, ${input.reason}, ${today}, ${file.finalTotal}, ${!!file.finalVetoed}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = ins.rows[0]!.id;
    await ctx.audit.record({ action: 'inspections.objections.file', targetType: 'inspections.objection', targetId: id, detail: { fileId: input.fileId, caseNo: file.caseNo, filedOn: today, lastDay } }, { db: trx });
    return { id };
  });
}

/** The committee's list of a campaign's objections, pending first. */
export async function listObjections(ctx: AuthedContext, campaignId: string): Promise<ObjectionView[]> {
  await campaignOrThrow(ctx.db, ctx.tenant.id, campaignId);
  const r = await sql<ObjectionView>`select ${objectionColumns} ${objectionJoins}
    where o.tenant_id = ${ctx.tenant.id} and o.campaign_id = ${campaignId}
    order by (o.status = 'pending') desc, o.filed_on, f.case_no`.execute(ctx.db);
  return r.rows;
}

export interface DecideInput {
  id: string;
  version: number;
  outcome: ObjectionOutcome;
  finalTotal?: number | null | undefined;
  vetoed?: boolean | undefined;
  note: string;
}

/** The panel decides an objection: upheld changes the file's score (audited with before and after). */
export async function decideObjection(ctx: AuthedContext, input: DecideInput): Promise<{ version: number }> {
  const tenantId = ctx.tenant.id;
  if (input.outcome === 'upheld' && (input.finalTotal === null || input.finalTotal === undefined)) throw badRequest(m.upheldNeedsScore);
  if (input.outcome === 'dismissed' && input.finalTotal !== null && input.finalTotal !== undefined) throw badRequest(m.dismissedNoScore);
  const total = input.finalTotal === null || input.finalTotal === undefined ? null : oneDecimal(input.finalTotal, n.finalTotal);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ fileId: string; campaignId: string; status: string; version: number; scoreBefore: number; vetoedBefore: boolean; unitType: string; caseNo: string }>`
      select o.file_id as "fileId", o.campaign_id as "campaignId", o.status, o.version, o.score_before::float8 as "scoreBefore", o.vetoed_before as "vetoedBefore",
        u.unit_type as "unitType", f.case_no as "caseNo"
      ${objectionJoins}
      where o.tenant_id = ${tenantId} and o.id = ${input.id} for update of o`.execute(trx);
    const o = r.rows[0];
    if (!o) throw notFound(m.objectionNotFound);
    if (o.version !== input.version) throw versionConflict(m.versionConflict);
    if (o.status !== 'pending') throw badRequest(m.objectionDecided);
    const vetoed = input.vetoed ?? false;
    if (total !== null) {
      const template = await templateFor(trx, tenantId, o.campaignId, o.unitType);
      if (total < 0 || tenths(total) > tenths(template.total)) throw badRequest(m.panelOutside(template.total));
      await sql`update inspections.files set final_total = ${total}, final_vetoed = ${vetoed}, final_source = 'panel', panel_note = ${input.note}, version = version + 1
        where tenant_id = ${tenantId} and id = ${o.fileId}`.execute(trx);
    }
    await sql`update inspections.objections set status = ${input.outcome}, score_after = ${total}, vetoed_after = ${total === null ? null : vetoed},
        decision_note = ${input.note}, decided_by = ${ctx.user.id}, decided_at = now(), version = version + 1
      where tenant_id = ${tenantId} and id = ${input.id}`.execute(trx);
    await ctx.audit.record(
      {
        action: 'inspections.objections.decide',
        targetType: 'inspections.objection',
        targetId: input.id,
        detail: { fileId: o.fileId, caseNo: o.caseNo, outcome: input.outcome, scoreBefore: o.scoreBefore, vetoedBefore: o.vetoedBefore, scoreAfter: total, vetoedAfter: total === null ? null : vetoed, note: input.note },
      },
      { db: trx },
    );
    return { version: o.version + 1 };
  });
}
