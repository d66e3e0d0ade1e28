// The inspection findings of the law-enforcement file: the inspections plugin announces a
// problem it attributed to a named officer (`inspections.finding.attributed`); this plugin
// keeps it (once, however often the event comes) against the officer it names, matched by
// officer number, else by a name unique within the unit. Never called where the inspections
// plugin is not installed, or for a county that has this plugin switched off.
import { sql, type AuthedContext, type BackgroundContext, type KernelEvent } from '@zhengfa/plugin-api';

/** The event's payload, as the inspections plugin's ./contract publishes it (no import between plugins' server code). */
export interface FindingAttributedPayload {
  findingId: string;
  campaignId: string;
  unitId: string;
  officerName: string;
  officerNo?: string | undefined;
  defectType: string;
  severity: 'general' | 'serious';
  foundOn: string;
}

export const FINDING_ATTRIBUTED = 'inspections.finding.attributed';

export interface FileInspectionFinding {
  findingId: string;
  defectType: string;
  severity: 'general' | 'serious';
  foundOn: string;
}

async function officerNamed(ctx: BackgroundContext, tenantId: string, p: FindingAttributedPayload): Promise<string | null> {
  if (p.officerNo) {
    const byNo = await sql<{ id: string }>`select id from personnel.officers where tenant_id = ${tenantId} and officer_no = ${p.officerNo.trim()}`.execute(ctx.db);
    if (byNo.rows[0]) return byNo.rows[0].id;
  }
  const byName = await sql<{ id: string }>`select id from personnel.officers
    where tenant_id = ${tenantId} and unit_id = ${p.unitId} and name = ${p.officerName.trim()} limit 2`.execute(ctx.db);
  return byName.rows.length === 1 ? byName.rows[0]!.id : null;
}

export async function receiveFindingAttributed(event: KernelEvent, ctx: BackgroundContext): Promise<void> {
  const tenantId = event.tenantId;
  if (!tenantId) return;
  const p = event.payload as unknown as FindingAttributedPayload;
  const officerId = await officerNamed(ctx, tenantId, p);
  await sql`insert into personnel.inspection_findings
      (tenant_id, finding_id, campaign_id, unit_id, officer_id, officer_name, officer_no, defect_type, severity, found_on)
    values (${tenantId}, ${p.findingId}, ${p.campaignId}, ${p.unitId}, ${officerId}, ${p.officerName}, ${p.officerNo ?? null},
      ${p.defectType}, ${p.severity}, ${p.foundOn})
    on conflict (tenant_id, finding_id) do nothing`.execute(ctx.db);
  ctx.log.info({ findingId: p.findingId, matched: officerId !== null }, 'personnel: inspection finding recorded for the law-enforcement file');
}

/** The findings attributed to an officer, newest first. */
export async function inspectionFindingsOf(ctx: AuthedContext, officerId: string): Promise<FileInspectionFinding[]> {
  const r = await sql<{ finding_id: string; defect_type: string; severity: 'general' | 'serious'; found_on: string }>`
    select finding_id, defect_type, severity, to_char(found_on, 'YYYY-MM-DD') as found_on from personnel.inspection_findings
    where tenant_id = ${ctx.tenant.id} and officer_id = ${officerId} order by found_on desc, finding_id`.execute(ctx.db);
  return r.rows.map((x) => ({ findingId: x.finding_id, defectType: x.defect_type, severity: x.severity, foundOn: x.found_on }));
}
