// The follow-up of an agreement (履行回访): return visits on each obligation (or on the
// agreement as a whole) record how it was performed; the last visit on an obligation sets its
// performance. When every obligation is performed and at least one visit is recorded, the
// dispute is closed (回访结案) and `mediation.dispute.performed` is emitted.
import { badRequest, chinaDay, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { lockAgreement } from '../confirmation/service.js';
import { emitDisputePerformed } from '../disputes/outcome-events.js';
import { bumpDispute, lockDispute } from '../outcomes/dispute-lock.js';
import { outcomeMessages as om } from '../strings.js';

export const visitMethods = ['visit', 'phone', 'interview', 'other'] as const;
export const visitResults = ['full', 'partial', 'none'] as const;

export interface VisitInput {
  disputeId: string;
  version: number;
  obligationId?: string | null | undefined;
  visitedOn: string;
  method: (typeof visitMethods)[number];
  visitor: string;
  result: (typeof visitResults)[number];
  note?: string | null | undefined;
}

export async function recordVisit(ctx: AuthedContext, input: VisitInput): Promise<{ id: string; version: number }> {
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockDispute(ctx, trx, input, 'agreed');
    const a = await lockAgreement(trx, tenantId, d.id);
    if (input.visitedOn < a.agreed_on) throw badRequest(om.visitedBeforeAgreement(a.agreed_on));
    const obligationId = input.obligationId ?? null;
    if (obligationId) {
      const o = await sql<{ id: string }>`select id from mediation.obligations
        where tenant_id = ${tenantId} and dispute_id = ${d.id} and id = ${obligationId}`.execute(trx);
      if (!o.rows[0]) throw badRequest(om.obligationNotFound);
      await sql`update mediation.obligations set performance = ${input.result}
        where tenant_id = ${tenantId} and id = ${obligationId}`.execute(trx);
    }
    const r = await sql<{ id: string }>`insert into mediation.follow_ups (tenant_id, dispute_id, obligation_id, visited_on, method, visitor, result, note, recorded_by)
      values (${tenantId}, ${d.id}, ${obligationId}, ${input.visitedOn}, ${input.method}, ${input.visitor}, ${input.result}, ${input.note ?? null}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    const version = await bumpDispute(ctx, trx, d);
    await ctx.audit.record(
      { action: 'mediation.followUp.visit', targetType: 'mediation.dispute', targetId: d.id, detail: { followUpId: id, obligationId, visitedOn: input.visitedOn, method: input.method, result: input.result } },
      { db: trx },
    );
    return { id, version };
  });
}

export async function closeDispute(ctx: AuthedContext, input: { disputeId: string; version: number }): Promise<{ version: number; status: 'closed'; closedOn: string }> {
  const tenantId = ctx.tenant.id;
  const closedOn = chinaDay(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockDispute(ctx, trx, input, 'agreed');
    await lockAgreement(trx, tenantId, d.id);
    const open = await sql<{ position: number }>`select position from mediation.obligations
      where tenant_id = ${tenantId} and dispute_id = ${d.id} and performance <> 'full' order by position`.execute(trx);
    if (open.rows.length > 0) throw badRequest(om.notAllPerformed(open.rows.map((o) => o.position).join('、')));
    const visits = await sql<{ n: number }>`select count(*)::int as n from mediation.follow_ups where tenant_id = ${tenantId} and dispute_id = ${d.id}`.execute(trx);
    if (visits.rows[0]!.n === 0) throw badRequest(om.noFollowUp);
    await sql`update mediation.agreements set closed_on = ${closedOn} where tenant_id = ${tenantId} and dispute_id = ${d.id}`.execute(trx);
    const version = await bumpDispute(ctx, trx, d, 'closed');
    await ctx.audit.record({ action: 'mediation.disputes.close', targetType: 'mediation.dispute', targetId: d.id, detail: { closedOn } }, { db: trx });
    await emitDisputePerformed(ctx, trx, d.id, closedOn);
    return { version, status: 'closed', closedOn };
  });
}
