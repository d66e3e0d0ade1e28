// The overdue job: a problem still not rectified after its deadline becomes a supervised kernel
// matter (整改督办), once per problem, registered by the system (系统) for the county the run is
// for. The committee then sets its four fixes (findings.escalate), as the to-do reminds it.
import { chinaDay, sql, type JobContext, type JobDefinition } from '@zhengfa/plugin-api';
import { RECTIFICATION_CASE_KIND } from '../../ids.js';
import { scopeNames, severityNames, strings as s } from '../strings.js';
import { overdueSql } from './service.js';

/** At most this many problems per county and run; the next run takes the rest. */
const BATCH = 200;

/** The idempotency key of a problem's matter: a retried run never registers it twice. */
export const overdueCaseKey = (findingId: string) => `inspections.finding.${findingId}`;

export async function escalateOverdue(ctx: JobContext): Promise<number> {
  const today = chinaDay(ctx.now);
  const due = await sql<{ id: string; unitName: string; caseNo: string; scope: string; severity: string; defectType: string; description: string; deadline: string }>`
    select fi.id, u.unit_name as "unitName", f.case_no as "caseNo", fi.scope, fi.severity, fi.defect_type as "defectType", fi.description,
      to_char(fi.deadline, 'YYYY-MM-DD') as deadline
    from inspections.findings fi
    join inspections.files f on f.tenant_id = fi.tenant_id and f.id = fi.file_id
    join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id
    where fi.tenant_id = ${ctx.tenantId} and fi.kernel_case_id is null and ${overdueSql(today)}
    order by fi.deadline, fi.id
    limit ${BATCH}
    for update of fi skip locked`.execute(ctx.db);
  for (const fi of due.rows) {
    const registered = await ctx.kernel.cases.register(
      {
        kind: RECTIFICATION_CASE_KIND,
        title: s.rectificationTitle(fi.unitName, fi.defectType),
        summary: s.rectificationSummary(fi.caseNo, scopeNames[fi.scope as keyof typeof scopeNames], severityNames[fi.severity as keyof typeof severityNames], fi.description, fi.deadline),
        source: 'inspection',
        receivedOn: today,
        idempotencyKey: overdueCaseKey(fi.id),
      },
      { db: ctx.db },
    );
    await sql`update inspections.findings set kernel_case_id = ${registered.id}, kernel_doc_no = ${registered.docNo}, version = version + 1
      where tenant_id = ${ctx.tenantId} and id = ${fi.id}`.execute(ctx.db);
    await ctx.audit.record(
      { action: 'inspections.findings.escalate', targetType: 'inspections.finding', targetId: fi.id, detail: { caseId: registered.id, docNo: registered.docNo, deadline: fi.deadline, automatic: true } },
      { db: ctx.db },
    );
  }
  return due.rows.length;
}

export const overdueJob: JobDefinition = {
  name: 'escalate-overdue',
  everySeconds: 3600,
  kernelAccess: [`cases.register:${RECTIFICATION_CASE_KIND}`],
  run: async (ctx) => {
    const n = await escalateOverdue(ctx);
    if (n > 0) ctx.log.info({ tenantId: ctx.tenantId, escalated: n }, 'inspections: overdue problems sent to supervision');
  },
};
