// Scoring: reviewers assigned with the cross-review rule (交叉评查: never a file of the
// reviewer's own unit); optional double scoring, blind (a reviewer sees only their own
// sheet); two totals further apart than the campaign's margin, or disagreeing on a veto, go
// to a third reviewer or the panel (合议). The file's decided score is stored; its grade is
// computed from the campaign's scale wherever it is shown.
import { badRequest, forbidden, notFound, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { campaignOrThrow } from '../campaigns/service.js';
import { loadTemplate, type Template } from '../checklists/service.js';
import { oneDecimal, tenths } from '../points.js';
import { lineage } from '../scope.js';
import { fieldNames as n, messages as m, roleNames } from '../strings.js';
import { showHandlers } from '../handlers.js';
import { scoreSheet, type ItemScoreInput } from './sheet.js';

export const reviewRoles = ['first', 'second', 'arbiter'] as const;
export type ReviewRole = (typeof reviewRoles)[number];

interface FileRow {
  id: string;
  campaignId: string;
  unitId: string;
  unitType: string;
  caseNo: string;
  drawId: string | null;
  finalTotal: number | null;
  version: number;
}

async function fileOrThrow(db: Kysely<any>, tenantId: string, id: string, lock = false): Promise<FileRow> {
  const r = await sql<FileRow>`select f.id, f.campaign_id as "campaignId", f.unit_id as "unitId", u.unit_type as "unitType", f.case_no as "caseNo",
      f.draw_id as "drawId", f.final_total::float8 as "finalTotal", f.version
    from inspections.files f
    join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id
    where f.tenant_id = ${tenantId} and f.id = ${id} ${lock ? sql`for update of f` : sql``}`.execute(db);
  if (!r.rows[0]) throw notFound(m.fileNotFound);
  return r.rows[0];
}

/** The template version the campaign scores a unit type with (its own, else the general one). */
export async function templateFor(db: Kysely<any>, tenantId: string, campaignId: string, unitType: string): Promise<Template> {
  const r = await sql<{ template_id: string }>`select template_id from inspections.campaign_templates
    where tenant_id = ${tenantId} and campaign_id = ${campaignId} and unit_type in (${unitType}, 'any')
    order by (unit_type = 'any') limit 1`.execute(db);
  const id = r.rows[0]?.template_id;
  const t = id ? await loadTemplate(db, tenantId, id) : undefined;
  if (!t) throw badRequest(m.noScaleOrTemplate);
  return t;
}

interface Sheet {
  role: ReviewRole;
  total: number | null;
  vetoed: boolean | null;
  submitted: boolean;
}

async function sheetsOf(db: Kysely<any>, tenantId: string, fileId: string): Promise<Sheet[]> {
  const r = await sql<Sheet>`select role, total::float8 as total, vetoed, submitted_at is not null as submitted
    from inspections.assignments where tenant_id = ${tenantId} and file_id = ${fileId}`.execute(db);
  return r.rows;
}

/** First and second both in and further apart than the margin (or disagreeing on a veto), no arbiter's sheet yet. */
function disputed(sheets: Sheet[], margin: number): boolean {
  const a = sheets.find((s) => s.role === 'first' && s.submitted);
  const b = sheets.find((s) => s.role === 'second' && s.submitted);
  if (!a || !b) return false;
  return a.vetoed !== b.vetoed || Math.abs(tenths(a.total!) - tenths(b.total!)) > tenths(margin);
}

export async function assignReviewer(ctx: AuthedContext, input: { fileId: string; memberId: string; role: ReviewRole }): Promise<{ id: string }> {
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const file = await fileOrThrow(trx, tenantId, input.fileId, true);
    const c = await campaignOrThrow(trx, tenantId, file.campaignId);
    if (c.status === 'closed') throw badRequest(m.campaignClosed);
    if (!file.drawId) throw badRequest(m.notSampled);
    const mem = await sql<{ unit_id: string | null; kind: string; pledge_signed_on: string | null }>`select unit_id, kind, pledge_signed_on from inspections.members
      where tenant_id = ${tenantId} and id = ${input.memberId} and campaign_id = ${file.campaignId}`.execute(trx);
    const member = mem.rows[0];
    if (!member) throw badRequest(m.memberNotFound);
    if (member.unit_id) {
      const orgs = await ctx.kernel.orgs.list({ db: trx });
      if (lineage(orgs, member.unit_id).includes(file.unitId) || member.unit_id === file.unitId) throw badRequest(m.ownUnitReviewer);
    }
    if (member.kind === 'external' && !member.pledge_signed_on) throw badRequest(m.pledgeMissing);
    const sheets = await sql<{ role: string; member_id: string }>`select role, member_id from inspections.assignments where tenant_id = ${tenantId} and file_id = ${input.fileId}`.execute(trx);
    if (sheets.rows.some((s) => s.member_id === input.memberId)) throw badRequest(m.sameReviewerTwice);
    if (sheets.rows.some((s) => s.role === input.role)) throw badRequest(m.roleTaken(roleNames[input.role]));
    if (input.role === 'second' && !c.doubleScoring) throw badRequest(m.singleScoringNoSecond);
    if (input.role === 'arbiter' && !disputed(await sheetsOf(trx, tenantId, input.fileId), c.margin)) throw badRequest(m.arbiterNotNeeded);
    const r = await sql<{ id: string }>`insert into inspections.assignments (tenant_id, campaign_id, file_id, member_id, role, assigned_by)
      values (${tenantId}, ${file.campaignId}, ${input.fileId}, ${input.memberId}, ${input.role}, ${ctx.user.id}) returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record({ action: 'inspections.assignments.assign', targetType: 'inspections.assignment', targetId: id, detail: { fileId: input.fileId, caseNo: file.caseNo, memberId: input.memberId, role: input.role } }, { db: trx });
    return { id };
  });
}

interface AssignmentRow {
  id: string;
  fileId: string;
  campaignId: string;
  role: ReviewRole;
  memberUserId: string | null;
  submitted: boolean;
  version: number;
}

async function assignmentOrThrow(db: Kysely<any>, tenantId: string, id: string, lock = false): Promise<AssignmentRow> {
  const r = await sql<AssignmentRow>`select a.id, a.file_id as "fileId", a.campaign_id as "campaignId", a.role, mb.user_id as "memberUserId",
      a.submitted_at is not null as submitted, a.version
    from inspections.assignments a join inspections.members mb on mb.tenant_id = a.tenant_id and mb.id = a.member_id
    where a.tenant_id = ${tenantId} and a.id = ${id} ${lock ? sql`for update of a` : sql``}`.execute(db);
  if (!r.rows[0]) throw notFound(m.assignmentNotFound);
  return r.rows[0];
}

/** The reviewer's own task, or (committee staff entering a paper sheet) one of a member without an account. */
function mayScore(ctx: AuthedContext, a: AssignmentRow): void {
  if (a.memberUserId === ctx.user.id) return;
  if (a.memberUserId === null && ctx.user.committee && ctx.can('inspections.manage')) return;
  throw forbidden(m.notYourAssignment);
}

/** What the reviewer scores with: the file, the template's items and their own scores only (blind double scoring). */
export async function getSheet(ctx: AuthedContext, assignmentId: string) {
  const tenantId = ctx.tenant.id;
  const a = await assignmentOrThrow(ctx.db, tenantId, assignmentId);
  mayScore(ctx, a);
  const file = await fileOrThrow(ctx.db, tenantId, a.fileId);
  const f = await sql<{ caseNo: string; caseType: string; title: string | null; handlerName: string | null; volumes: number; unitName: string }>`select f.case_no as "caseNo",
      f.case_type as "caseType", f.title, f.handler_name as "handlerName", f.volumes, u.unit_name as "unitName"
    from inspections.files f join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id
    where f.tenant_id = ${tenantId} and f.id = ${a.fileId}`.execute(ctx.db);
  const template = await templateFor(ctx.db, tenantId, a.campaignId, file.unitType);
  const scores = await sql<{ itemId: string; points: number; defects: number | null; vetoed: boolean; note: string | null }>`select item_id as "itemId", points::float8 as points, defects, vetoed, note
    from inspections.scores where tenant_id = ${tenantId} and assignment_id = ${assignmentId}`.execute(ctx.db);
  return { id: a.id, role: a.role, submitted: a.submitted, version: a.version, file: (await showHandlers(ctx, [{ id: a.fileId, ...f.rows[0]! }], { type: 'inspections.file', id: a.fileId }))[0]!, template: { id: template.id, name: template.name, versionNo: template.versionNo, total: template.total }, items: template.items, scores: scores.rows };
}

/** The tasks assigned to the signed-in reviewer. */
export async function myAssignments(ctx: AuthedContext) {
  const r = await sql<{ id: string; campaignId: string; campaignTitle: string; fileId: string; caseNo: string; unitName: string; role: ReviewRole; submitted: boolean; version: number }>`select a.id,
      a.campaign_id as "campaignId", c.title as "campaignTitle", a.file_id as "fileId", f.case_no as "caseNo", u.unit_name as "unitName", a.role,
      a.submitted_at is not null as submitted, a.version
    from inspections.assignments a
    join inspections.members mb on mb.tenant_id = a.tenant_id and mb.id = a.member_id
    join inspections.files f on f.tenant_id = a.tenant_id and f.id = a.file_id
    join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id
    join inspections.campaigns c on c.tenant_id = a.tenant_id and c.id = a.campaign_id
    where a.tenant_id = ${ctx.tenant.id} and mb.user_id = ${ctx.user.id} and c.status <> 'closed'
    order by a.submitted_at is not null, c.created_at desc, f.case_no limit 500`.execute(ctx.db);
  return r.rows;
}

async function decideFile(trx: Kysely<any>, tenantId: string, fileId: string, total: number, vetoed: boolean, source: string, note: string | null): Promise<void> {
  await sql`update inspections.files set final_total = ${total}, final_vetoed = ${vetoed}, final_source = ${source}, panel_note = ${note}, version = version + 1
    where tenant_id = ${tenantId} and id = ${fileId}`.execute(trx);
}

export type FileOutcome = 'decided' | 'awaiting' | 'disputed';

/** Submits a sheet (once); decides the file when its sheets allow. */
export async function submitSheet(ctx: AuthedContext, input: { assignmentId: string; version: number; scores: ItemScoreInput[] }): Promise<{ total: number; vetoed: boolean; outcome: FileOutcome }> {
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const a = await assignmentOrThrow(trx, tenantId, input.assignmentId, true);
    mayScore(ctx, a);
    if (a.version !== input.version) throw versionConflict(m.versionConflict);
    if (a.submitted) throw badRequest(m.alreadySubmitted);
    const file = await fileOrThrow(trx, tenantId, a.fileId, true);
    const c = await campaignOrThrow(trx, tenantId, a.campaignId);
    if (c.status === 'closed') throw badRequest(m.campaignClosed);
    const template = await templateFor(trx, tenantId, a.campaignId, file.unitType);
    const sheet = scoreSheet(template.items, input.scores);
    for (const s of sheet.scores) {
      await sql`insert into inspections.scores (tenant_id, assignment_id, item_id, points, defects, vetoed, note)
        values (${tenantId}, ${a.id}, ${s.itemId}, ${s.points}, ${s.defects}, ${s.vetoed}, ${s.note})`.execute(trx);
    }
    await sql`update inspections.assignments set submitted_at = now(), total = ${sheet.total}, vetoed = ${sheet.vetoed}, version = version + 1
      where tenant_id = ${tenantId} and id = ${a.id}`.execute(trx);
    let outcome: FileOutcome = 'awaiting';
    if (a.role === 'arbiter') {
      await decideFile(trx, tenantId, a.fileId, sheet.total, sheet.vetoed, 'arbiter', null);
      outcome = 'decided';
    } else if (!c.doubleScoring) {
      await decideFile(trx, tenantId, a.fileId, sheet.total, sheet.vetoed, 'single', null);
      outcome = 'decided';
    } else {
      const sheets = await sheetsOf(trx, tenantId, a.fileId);
      const first = sheets.find((s) => s.role === 'first' && s.submitted);
      const second = sheets.find((s) => s.role === 'second' && s.submitted);
      if (first && second) {
        if (disputed(sheets, c.margin)) outcome = 'disputed';
        else {
          // Within the margin: the average, half a tenth rounded up.
          await decideFile(trx, tenantId, a.fileId, Math.round((tenths(first.total!) + tenths(second.total!)) / 2) / 10, first.vetoed!, 'average', null);
          outcome = 'decided';
        }
      }
    }
    await ctx.audit.record(
      { action: 'inspections.scoring.submit', targetType: 'inspections.assignment', targetId: a.id, detail: { fileId: a.fileId, caseNo: file.caseNo, role: a.role, total: sheet.total, vetoed: sheet.vetoed, outcome } },
      { db: trx },
    );
    return { total: sheet.total, vetoed: sheet.vetoed, outcome };
  });
}

/** The panel (合议) decides a disputed file's score, with its note. */
export async function decideByPanel(ctx: AuthedContext, input: { fileId: string; version: number; finalTotal: number; vetoed: boolean; note: string }): Promise<{ version: number }> {
  const tenantId = ctx.tenant.id;
  const total = oneDecimal(input.finalTotal, n.finalTotal);
  return ctx.db.transaction().execute(async (trx) => {
    const file = await fileOrThrow(trx, tenantId, input.fileId, true);
    if (file.version !== input.version) throw versionConflict(m.versionConflict);
    const c = await campaignOrThrow(trx, tenantId, file.campaignId);
    const sheets = await sheetsOf(trx, tenantId, input.fileId);
    if (file.finalTotal !== null || !disputed(sheets, c.margin)) throw badRequest(m.noPanelNeeded);
    const template = await templateFor(trx, tenantId, file.campaignId, file.unitType);
    if (total < 0 || tenths(total) > tenths(template.total)) throw badRequest(m.panelOutside(template.total));
    await decideFile(trx, tenantId, input.fileId, total, input.vetoed, 'panel', input.note);
    await ctx.audit.record({ action: 'inspections.scoring.panel', targetType: 'inspections.file', targetId: input.fileId, detail: { caseNo: file.caseNo, finalTotal: total, vetoed: input.vetoed } }, { db: trx });
    return { version: file.version + 1 };
  });
}
