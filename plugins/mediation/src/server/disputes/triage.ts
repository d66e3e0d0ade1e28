// Triage (分流): within the county's working-day limit, a registered dispute is mediated here
// by a chosen committee, handed to a department's administrative mediation, guided to
// arbitration or litigation, returned to the petitions office, or declined with a reason.
// Each hand-off is recorded; the receiving side acknowledges it later.
import { badRequest, chinaDay, sql, versionConflict, type AuthedContext } from '@zhengfa/plugin-api';
import { activeOrganisation } from '../roster/service.js';
import { messages as m, statusNames } from '../strings.js';

export const routes = ['mediate', 'administrative', 'arbitration', 'litigation', 'petitions', 'decline'] as const;
export type Route = (typeof routes)[number];

const statusAfter: Record<Route, keyof typeof statusNames> = {
  mediate: 'mediating',
  administrative: 'handed_off',
  arbitration: 'guided',
  litigation: 'guided',
  petitions: 'returned',
  decline: 'declined',
};

export interface TriageInput {
  disputeId: string;
  version: number;
  route: Route;
  orgId?: string | null | undefined;
  reason?: string | null | undefined;
}

export async function triageDispute(ctx: AuthedContext, input: TriageInput): Promise<{ version: number; status: string; triagedOn: string }> {
  const reason = input.reason?.trim() || null;
  if ((input.route === 'decline' || input.route === 'petitions') && !reason) throw badRequest(m.reasonRequired);
  if (input.route === 'mediate' && !input.orgId) throw badRequest(m.committeeRequired);
  if (input.route === 'administrative' && !input.orgId) throw badRequest(m.departmentOrgRequired);
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const cur = await sql<{ status: keyof typeof statusNames; version: number }>`select status, version from mediation.disputes
      where tenant_id = ${tenantId} and id = ${input.disputeId} for update`.execute(trx);
    const d = cur.rows[0];
    if (!d) throw badRequest(m.disputeNotFound);
    if (d.version !== input.version) throw versionConflict(m.versionConflict);
    if (d.status !== 'registered') throw badRequest(m.alreadyTriaged(statusNames[d.status]));
    let org: { id: string; kind: string; name: string } | null = null;
    if (input.route === 'mediate' || input.route === 'administrative') {
      org = await activeOrganisation(trx, tenantId, input.orgId!);
      if (input.route === 'mediate' && org.kind === 'administrative') throw badRequest(m.notPeoplesCommittee);
      if (input.route === 'administrative' && org.kind !== 'administrative') throw badRequest(m.notAdministrative);
    }
    const status = statusAfter[input.route];
    await sql`update mediation.disputes set status = ${status}, route = ${input.route}, route_org_id = ${org?.id ?? null},
        route_reason = ${reason}, triaged_on = ${today}, version = version + 1
      where tenant_id = ${tenantId} and id = ${input.disputeId}`.execute(trx);
    await sql`insert into mediation.handoffs (tenant_id, dispute_id, route, org_id, org_name, reason, recorded_on, recorded_by, recorded_by_name)
      values (${tenantId}, ${input.disputeId}, ${input.route}, ${org?.id ?? null}, ${org?.name ?? null}, ${reason}, ${today}, ${ctx.user.id}, ${ctx.user.displayName})`.execute(trx);
    await ctx.audit.record(
      { action: 'mediation.disputes.triage', targetType: 'mediation.dispute', targetId: input.disputeId, detail: { route: input.route, orgId: org?.id ?? null, reason } },
      { db: trx },
    );
    return { version: input.version + 1, status, triagedOn: today };
  });
}

/**
 * The receiving side acknowledges a hand-off (签收): recorded by the center's staff with the
 * name of who signed for it at the receiving organisation or department.
 */
export async function acknowledgeHandoff(ctx: AuthedContext, input: { handoffId: string; receivedBy: string }): Promise<{ acknowledged: true }> {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ dispute_id: string; acknowledged: boolean }>`select dispute_id, acknowledged_at is not null as acknowledged from mediation.handoffs
      where tenant_id = ${ctx.tenant.id} and id = ${input.handoffId} for update`.execute(trx);
    const h = r.rows[0];
    if (!h) throw badRequest(m.handoffNotFound);
    if (h.acknowledged) throw badRequest(m.alreadyAcknowledged);
    await sql`update mediation.handoffs set acknowledged_at = ${ctx.now()}, acknowledged_by_name = ${input.receivedBy}
      where tenant_id = ${ctx.tenant.id} and id = ${input.handoffId}`.execute(trx);
    await ctx.audit.record(
      { action: 'mediation.handoffs.acknowledge', targetType: 'mediation.dispute', targetId: h.dispute_id, detail: { handoffId: input.handoffId, receivedBy: input.receivedBy } },
      { db: trx },
    );
    return { acknowledged: true };
  });
}
