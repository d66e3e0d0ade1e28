// The problems found on reviewed files (问题清单) and their rectification (整改): each problem
// is classed (共性/个性, a defect type of the county's list, severity) and goes to its unit with
// a responsible person and a deadline; the unit reports what it did with evidence; the
// committee re-checks (复查) and closes it (销号) or returns it. A problem attributed to a named
// officer emits inspections.finding.attributed; the officer is shown only with
// inspections.personnel (officers()). Unit procedures are scoped in SQL to the user's units.
import { badRequest, chinaDay, notFound, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { inspectionsEvents } from '../../contract.js';
import { campaignOrThrow } from '../campaigns/service.js';
import { scopeOrgIds } from '../scope.js';
import { readSettings } from '../settings/service.js';
import { messages as m } from '../strings.js';

export const findingScopes = ['common', 'individual'] as const;
export const severities = ['general', 'serious'] as const;
export const findingStatuses = ['open', 'reported', 'returned', 'closed'] as const;
export const recheckOutcomes = ['closed', 'returned'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** A problem waiting for its unit past its deadline. */
export const overdueSql = (today: string) => sql<boolean>`(fi.status in ('open', 'returned') and fi.deadline < ${today}::date)`;

export interface FindingInput {
  fileId: string;
  scope: (typeof findingScopes)[number];
  defectType: string;
  severity: (typeof severities)[number];
  description: string;
  responsibleName: string;
  deadline: string;
  officerName?: string | null | undefined;
  officerNo?: string | null | undefined;
  clientKey?: string | undefined;
}

export interface FindingView {
  id: string;
  campaignId: string;
  fileId: string;
  caseNo: string;
  unitId: string;
  unitName: string;
  scope: string;
  defectType: string;
  severity: string;
  description: string;
  responsibleName: string;
  deadline: string;
  foundOn: string;
  status: FindingStatus;
  overdue: boolean;
  closedOn: string | null;
  kernelCaseId: string | null;
  kernelDocNo: string | null;
  /** The kernel matter has its four fixes (false while the one the overdue job registered waits for them). */
  fourFixesSet: boolean;
  attributed: boolean;
  version: number;
}

const columns = (today: string) => sql`fi.id, fi.campaign_id as "campaignId", fi.file_id as "fileId", f.case_no as "caseNo", fi.unit_id as "unitId", u.unit_name as "unitName",
  fi.scope, fi.defect_type as "defectType", fi.severity, fi.description, fi.responsible_name as "responsibleName",
  to_char(fi.deadline, 'YYYY-MM-DD') as deadline, to_char(fi.found_on, 'YYYY-MM-DD') as "foundOn", fi.status, ${overdueSql(today)} as overdue,
  to_char(fi.closed_on, 'YYYY-MM-DD') as "closedOn", fi.kernel_case_id as "kernelCaseId", fi.kernel_doc_no as "kernelDocNo",
  fi.kernel_four_fixes as "fourFixesSet", fi.officer_name is not null as attributed, fi.version`;
const joins = sql`from inspections.findings fi
  join inspections.files f on f.tenant_id = fi.tenant_id and f.id = fi.file_id
  join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id`;

export async function loadFinding(db: Kysely<any>, tenantId: string, id: string, today: string, opts: { lock?: boolean; scope?: string[] } = {}): Promise<FindingView> {
  const r = await sql<FindingView>`select ${columns(today)} ${joins}
    where fi.tenant_id = ${tenantId} and fi.id = ${id}
      ${opts.scope ? sql`and fi.unit_id = any(${sql.val(opts.scope)}::uuid[])` : sql``}
      ${opts.lock ? sql`for update of fi` : sql``}`.execute(db);
  if (!r.rows[0]) throw notFound(m.findingNotFound);
  return r.rows[0];
}

/** Records a problem found on a sampled file; emits the attribution when it names an officer. */
export async function createFinding(ctx: AuthedContext, input: FindingInput): Promise<{ id: string }> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  const officerName = input.officerName?.trim() || null;
  const officerNo = input.officerNo?.trim() || null;
  return ctx.db.transaction().execute(async (trx) => {
    if (input.clientKey) {
      const prior = await sql<{ id: string }>`select id from inspections.findings where tenant_id = ${tenantId} and client_key = ${input.clientKey}`.execute(trx);
      if (prior.rows[0]) return { id: prior.rows[0].id };
    }
    const r = await sql<{ campaignId: string; unitId: string; caseNo: string; drawId: string | null }>`select campaign_id as "campaignId", unit_id as "unitId",
        case_no as "caseNo", draw_id as "drawId"
      from inspections.files where tenant_id = ${tenantId} and id = ${input.fileId}`.execute(trx);
    const file = r.rows[0];
    if (!file) throw notFound(m.fileNotFound);
    if (!file.drawId) throw badRequest(m.notSampled);
    const c = await campaignOrThrow(trx, tenantId, file.campaignId);
    if (c.status === 'closed') throw badRequest(m.campaignClosed);
    const settings = await readSettings(trx, tenantId);
    if (!settings.defectTypes.includes(input.defectType)) throw badRequest(m.defectTypeUnknown(input.defectType));
    if (input.deadline < today) throw badRequest(m.deadlineBeforeToday);
    if (officerNo && !officerName) throw badRequest(m.officerNoWithoutName);
    const ins = await sql<{ id: string }>`insert into inspections.findings (tenant_id, campaign_id, file_id, unit_id, scope, defect_type, severity, description,
        officer_name, officer_no, responsible_name, deadline, found_on, client_key, created_by)
      values (${tenantId}, ${file.campaignId}, ${input.fileId}, ${file.unitId}, ${input.scope}, ${input.defectType}, ${input.severity}, ${input.description},
        ${officerName}, ${officerNo}, ${input.responsibleName}, ${input.deadline}, ${today}, ${input.clientKey ?? null}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = ins.rows[0]!.id;
    // The officer is named in the event only, never in the audit detail a reader may browse.
    await ctx.audit.record(
      { action: 'inspections.findings.create', targetType: 'inspections.finding', targetId: id, detail: { fileId: input.fileId, caseNo: file.caseNo, defectType: input.defectType, severity: input.severity, deadline: input.deadline, attributed: !!officerName } },
      { db: trx },
    );
    if (officerName) {
      await ctx.events.emit(
        inspectionsEvents.findingAttributed,
        { findingId: id, campaignId: file.campaignId, unitId: file.unitId, officerName, ...(officerNo ? { officerNo } : {}), defectType: input.defectType, severity: input.severity, foundOn: today },
        { db: trx },
      );
    }
    return { id };
  });
}

/** The committee's list of a campaign's problems (no officer named). */
export async function listFindings(ctx: AuthedContext, input: { campaignId: string; status?: FindingStatus | undefined; overdueOnly?: boolean | undefined }): Promise<FindingView[]> {
  const today = chinaDay(ctx.now());
  await campaignOrThrow(ctx.db, ctx.tenant.id, input.campaignId);
  const r = await sql<FindingView>`select ${columns(today)} ${joins}
    where fi.tenant_id = ${ctx.tenant.id} and fi.campaign_id = ${input.campaignId}
      and (${input.status ?? null}::text is null or fi.status = ${input.status ?? null})
      and (not ${input.overdueOnly ?? false} or ${overdueSql(today)})
    order by u.unit_name, fi.found_on, f.case_no limit 5000`.execute(ctx.db);
  return r.rows;
}

/** The officers the campaign's problems are attributed to: inspections.personnel only, audited. */
export async function officers(ctx: AuthedContext, campaignId: string) {
  await campaignOrThrow(ctx.db, ctx.tenant.id, campaignId);
  const r = await sql<{ findingId: string; caseNo: string; unitName: string; defectType: string; officerName: string; officerNo: string | null }>`
    select fi.id as "findingId", f.case_no as "caseNo", u.unit_name as "unitName", fi.defect_type as "defectType", fi.officer_name as "officerName", fi.officer_no as "officerNo"
    ${joins}
    where fi.tenant_id = ${ctx.tenant.id} and fi.campaign_id = ${campaignId} and fi.officer_name is not null
    order by u.unit_name, f.case_no`.execute(ctx.db);
  await ctx.audit.record({ action: 'inspections.findings.officers', targetType: 'inspections.campaign', targetId: campaignId, detail: { findings: r.rows.length } });
  return r.rows;
}

/** A unit's problems (its scope only), with the re-check notes of returned reports. */
export async function unitFindings(ctx: AuthedContext, input: { campaignId?: string | undefined }) {
  const today = chinaDay(ctx.now());
  const scope = await scopeOrgIds(ctx);
  const r = await sql<FindingView & { lastRecheckNote: string | null }>`select ${columns(today)},
      (select rc.recheck_note from inspections.rectifications rc where rc.tenant_id = fi.tenant_id and rc.finding_id = fi.id and rc.outcome is not null
        order by rc.rechecked_at desc limit 1) as "lastRecheckNote"
    ${joins}
    where fi.tenant_id = ${ctx.tenant.id} and fi.unit_id = any(${sql.val(scope)}::uuid[])
      and (${input.campaignId ?? null}::uuid is null or fi.campaign_id = ${input.campaignId ?? null}::uuid)
    order by fi.deadline, f.case_no limit 5000`.execute(ctx.db);
  return r.rows;
}

/** A problem with its rectification reports, their evidence (without the bytes) and re-checks. */
export async function getFinding(ctx: AuthedContext, id: string, scope?: string[]) {
  const finding = await loadFinding(ctx.db, ctx.tenant.id, id, chinaDay(ctx.now()), scope ? { scope } : {});
  const reports = await sql<{ id: string; measures: string; reportedAt: Date; outcome: string | null; recheckNote: string | null }>`select id, measures,
      reported_at as "reportedAt", outcome, recheck_note as "recheckNote"
    from inspections.rectifications where tenant_id = ${ctx.tenant.id} and finding_id = ${id} order by reported_at`.execute(ctx.db);
  const evidence = await sql<{ id: string; rectificationId: string; fileName: string; mime: string; size: number }>`select e.id, e.rectification_id as "rectificationId",
      e.file_name as "fileName", e.mime, e.size
    from inspections.evidence e join inspections.rectifications rc on rc.tenant_id = e.tenant_id and rc.id = e.rectification_id
    where e.tenant_id = ${ctx.tenant.id} and rc.finding_id = ${id} order by e.file_name`.execute(ctx.db);
  return { ...finding, reports: reports.rows.map((r) => ({ ...r, evidence: evidence.rows.filter((e) => e.rectificationId === r.id) })) };
}

/** One piece of evidence, to download (base64). */
export async function openEvidence(ctx: AuthedContext, id: string, scope?: string[]) {
  const r = await sql<{ fileName: string; mime: string; bytes: Uint8Array }>`select e.file_name as "fileName", e.mime, e.bytes
    from inspections.evidence e
    join inspections.rectifications rc on rc.tenant_id = e.tenant_id and rc.id = e.rectification_id
    join inspections.findings fi on fi.tenant_id = rc.tenant_id and fi.id = rc.finding_id
    where e.tenant_id = ${ctx.tenant.id} and e.id = ${id}
      ${scope ? sql`and fi.unit_id = any(${sql.val(scope)}::uuid[])` : sql``}`.execute(ctx.db);
  const e = r.rows[0];
  if (!e) throw notFound(m.evidenceNotFound);
  return { fileName: e.fileName, mimeType: e.mime, base64: Buffer.from(e.bytes).toString('base64') };
}

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

export interface EvidenceInput {
  fileName: string;
  mime: string;
  base64: string;
}

function decodeEvidence(a: EvidenceInput): Buffer {
  const clean = a.base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw badRequest(m.attachmentNotBase64(a.fileName));
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length === 0) throw badRequest(m.attachmentEmpty(a.fileName));
  if (bytes.length > MAX_EVIDENCE_BYTES) throw badRequest(m.attachmentTooLarge(a.fileName));
  return bytes;
}

/** The unit reports what it did, with evidence: the problem awaits the committee's re-check. */
export async function reportRectification(ctx: AuthedContext, input: { findingId: string; version: number; measures: string; attachments: EvidenceInput[] }): Promise<{ version: number; rectificationId: string }> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  const scope = await scopeOrgIds(ctx);
  const files = input.attachments.map((a) => ({ ...a, bytes: decodeEvidence(a) }));
  return ctx.db.transaction().execute(async (trx) => {
    const fi = await loadFinding(trx, tenantId, input.findingId, today, { lock: true, scope });
    if (fi.version !== input.version) throw versionConflict(m.versionConflict);
    if (fi.status !== 'open' && fi.status !== 'returned') throw badRequest(m.findingNotOpen);
    const r = await sql<{ id: string }>`insert into inspections.rectifications (tenant_id, finding_id, measures, reported_by)
      values (${tenantId}, ${fi.id}, ${input.measures}, ${ctx.user.id}) returning id`.execute(trx);
    const rectificationId = r.rows[0]!.id;
    for (const f of files) {
      await sql`insert into inspections.evidence (tenant_id, rectification_id, file_name, mime, size, bytes)
        values (${tenantId}, ${rectificationId}, ${f.fileName}, ${f.mime}, ${f.bytes.length}, ${f.bytes})`.execute(trx);
    }
    await sql`update inspections.findings set status = 'reported', version = version + 1 where tenant_id = ${tenantId} and id = ${fi.id}`.execute(trx);
    await ctx.audit.record(
      { action: 'inspections.findings.report', targetType: 'inspections.finding', targetId: fi.id, detail: { rectificationId, attachments: files.map((f) => ({ name: f.fileName, size: f.bytes.length })) } },
      { db: trx },
    );
    return { version: fi.version + 1, rectificationId };
  });
}

/** The committee's re-check (复查) of the last report: closes the problem (销号) or returns it. */
export async function recheck(ctx: AuthedContext, input: { id: string; version: number; outcome: (typeof recheckOutcomes)[number]; note?: string | null | undefined }): Promise<{ version: number; status: FindingStatus }> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  const note = input.note?.trim() || null;
  if (input.outcome === 'returned' && !note) throw badRequest(m.returnNeedsNote);
  return ctx.db.transaction().execute(async (trx) => {
    const fi = await loadFinding(trx, tenantId, input.id, today, { lock: true });
    if (fi.version !== input.version) throw versionConflict(m.versionConflict);
    if (fi.status !== 'reported') throw badRequest(m.findingNotReported);
    await sql`update inspections.rectifications set outcome = ${input.outcome}, recheck_note = ${note}, rechecked_by = ${ctx.user.id}, rechecked_at = now()
      where tenant_id = ${tenantId} and finding_id = ${fi.id} and outcome is null`.execute(trx);
    const status: FindingStatus = input.outcome === 'closed' ? 'closed' : 'returned';
    await sql`update inspections.findings set status = ${status}, closed_on = ${status === 'closed' ? today : null}, version = version + 1
      where tenant_id = ${tenantId} and id = ${fi.id}`.execute(trx);
    await ctx.audit.record({ action: 'inspections.findings.recheck', targetType: 'inspections.finding', targetId: fi.id, detail: { outcome: input.outcome, note } }, { db: trx });
    return { version: fi.version + 1, status };
  });
}
