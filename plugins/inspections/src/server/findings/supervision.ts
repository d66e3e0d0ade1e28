// What the committee sends to the kernel as a supervised matter, each in one step and in the
// plugin's transaction: an overdue rectification (整改督办, kind `rectification`) with its four
// fixes (包案领导, 承办责任人, 整改方案, 督办期限; the lead unit is the problem's unit), and a
// wrongly handled case (督促复查, kind `inspection_recheck`) registered with the review's reason.
import { badRequest, chinaDay, notFound, sql, versionConflict, type AuthedContext } from '@zhengfa/plugin-api';
import { RECHECK_CASE_KIND, RECTIFICATION_CASE_KIND } from '../../ids.js';
import { strings as s, messages as m, scopeNames, severityNames } from '../strings.js';
import { overdueCaseKey } from './overdue-job.js';
import { loadFinding } from './service.js';

export interface EscalateInput {
  id: string;
  version: number;
  leadLeaderId: string;
  handlerName: string;
  resolutionPlan: string;
  deadline: string;
}

/** An overdue problem becomes a kernel matter (整改督办) with its four fixes. */
export async function escalateFinding(ctx: AuthedContext, input: EscalateInput): Promise<{ version: number; caseId: string; docNo: string }> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const fi = await loadFinding(trx, tenantId, input.id, today, { lock: true });
    if (fi.version !== input.version) throw versionConflict(m.versionConflict);
    if (fi.kernelCaseId && fi.fourFixesSet) throw badRequest(m.alreadyEscalated);
    if (fi.status === 'closed') throw badRequest(m.findingClosed);
    if (!fi.overdue) throw badRequest(m.notOverdue(fi.deadline));
    // The overdue job may have registered the matter already (as the system): it gets its four fixes.
    const registered = fi.kernelCaseId
      ? { id: fi.kernelCaseId, docNo: fi.kernelDocNo! }
      : await ctx.kernel.cases.register(
          {
            kind: RECTIFICATION_CASE_KIND,
            title: s.rectificationTitle(fi.unitName, fi.defectType),
            summary: s.rectificationSummary(fi.caseNo, scopeNames[fi.scope as keyof typeof scopeNames], severityNames[fi.severity as keyof typeof severityNames], fi.description, fi.deadline),
            source: 'inspection',
            receivedOn: today,
            idempotencyKey: overdueCaseKey(fi.id),
          },
          { db: trx },
        );
    const kase = await ctx.kernel.cases.get(registered.id, { db: trx });
    await ctx.kernel.cases.setFourFixes(
      {
        id: kase.id,
        version: kase.version,
        leadLeaderId: input.leadLeaderId,
        handlerName: input.handlerName,
        resolutionPlan: input.resolutionPlan,
        deadline: input.deadline,
        leadUnitId: fi.unitId,
      },
      { db: trx },
    );
    await sql`update inspections.findings set kernel_case_id = ${registered.id}, kernel_doc_no = ${registered.docNo}, kernel_four_fixes = true,
        version = version + 1
      where tenant_id = ${tenantId} and id = ${fi.id}`.execute(trx);
    await ctx.audit.record(
      { action: 'inspections.findings.escalate', targetType: 'inspections.finding', targetId: fi.id, detail: { caseId: registered.id, docNo: registered.docNo, deadline: fi.deadline } },
      { db: trx },
    );
    return { version: fi.version + 1, caseId: registered.id, docNo: registered.docNo };
  });
}

/** A wrongly handled case goes to the kernel as a supervision matter (督促复查), once. */
export async function superviseRecheck(ctx: AuthedContext, input: { fileId: string; version: number; reason: string }): Promise<{ version: number; caseId: string; docNo: string }> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ caseNo: string; unitName: string; version: number; supervisionCaseId: string | null; finalTotal: number | null }>`select f.case_no as "caseNo",
        u.unit_name as "unitName", f.version, f.supervision_case_id as "supervisionCaseId", f.final_total::float8 as "finalTotal"
      from inspections.files f
      join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id
      where f.tenant_id = ${tenantId} and f.id = ${input.fileId} for update of f`.execute(trx);
    const f = r.rows[0];
    if (!f) throw notFound(m.fileNotFound);
    if (f.version !== input.version) throw versionConflict(m.versionConflict);
    if (f.supervisionCaseId) throw badRequest(m.alreadySupervised);
    if (f.finalTotal === null) throw badRequest(m.notDecided);
    const registered = await ctx.kernel.cases.register(
      { kind: RECHECK_CASE_KIND, title: s.recheckTitle(f.unitName, f.caseNo), summary: input.reason, source: 'inspection', receivedOn: today },
      { db: trx },
    );
    await sql`update inspections.files set supervision_case_id = ${registered.id}, supervision_doc_no = ${registered.docNo}, version = version + 1
      where tenant_id = ${tenantId} and id = ${input.fileId}`.execute(trx);
    await ctx.audit.record(
      { action: 'inspections.files.superviseRecheck', targetType: 'inspections.file', targetId: input.fileId, detail: { caseNo: f.caseNo, caseId: registered.id, docNo: registered.docNo } },
      { db: trx },
    );
    return { version: f.version + 1, caseId: registered.id, docNo: registered.docNo };
  });
}
