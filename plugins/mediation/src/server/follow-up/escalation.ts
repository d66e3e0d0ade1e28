// Escalating an unperformed obligation (履行不到位升级督办): when a return visit found an
// obligation of an agreement not, or only partly, performed, the center may make it a kernel
// matter (矛盾纠纷, 示政法调〔2026〕1号) with its four fixes, in one transaction, as a major
// dispute is escalated. The dispute stays 'agreed' (the follow-up goes on and the routes —
// enforcement of a confirmed agreement, litigation — stay open); the obligation keeps the
// case's id and number. The kernel case carries the parties' names and roles only.
import { badRequest, chinaDay, sql, type AuthedContext, type Urgency } from '@zhengfa/plugin-api';
import { registerSupervisedCase } from '../mediations/escalation.js';
import { bumpDispute, lockDispute } from '../outcomes/dispute-lock.js';
import { outcomeMessages as om, strings as s } from '../strings.js';

export interface ObligationEscalationInput {
  disputeId: string;
  version: number;
  obligationId: string;
  urgency: Urgency;
  leadLeaderId: string;
  handlerName: string;
  handlerPhone?: string | null | undefined;
  resolutionPlan: string;
  deadline: string;
  leadUnitId: string;
  cooperatingUnitIds?: string[] | undefined;
}

export async function escalateObligation(ctx: AuthedContext, input: ObligationEscalationInput): Promise<{ version: number; caseId: string; docNo: string }> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockDispute(ctx, trx, input, 'agreed');
    const o = (
      await sql<{ id: string; position: number; content: string; performance: string; kernel_case_doc_no: string | null }>`
        select id, position, content, performance, kernel_case_doc_no from mediation.obligations
        where tenant_id = ${tenantId} and dispute_id = ${d.id} and id = ${input.obligationId} for update`.execute(trx)
    ).rows[0];
    if (!o) throw badRequest(om.obligationNotFound);
    if (o.kernel_case_doc_no) throw badRequest(om.obligationAlreadyEscalated(o.position, o.kernel_case_doc_no));
    if (o.performance !== 'none' && o.performance !== 'partial') throw badRequest(om.obligationNotUnperformed(o.position));
    const x = (
      await sql<{ summary: string; source: string; received_on: string }>`
        select summary, source, to_char(received_on, 'YYYY-MM-DD') as received_on from mediation.disputes
        where tenant_id = ${tenantId} and id = ${d.id}`.execute(trx)
    ).rows[0]!;
    const registered = await registerSupervisedCase(ctx, trx, {
      disputeId: d.id,
      title: s.obligationCaseTitle(d.code, o.position),
      summary: s.obligationCaseSummary(x.summary, o.position, o.content),
      source: x.source,
      receivedOn: x.received_on,
      fourFixes: input,
    });
    await sql`update mediation.obligations set kernel_case_id = ${registered.id}, kernel_case_doc_no = ${registered.docNo}, escalated_on = ${today}
      where tenant_id = ${tenantId} and id = ${o.id}`.execute(trx);
    const version = await bumpDispute(ctx, trx, d);
    await ctx.audit.record(
      {
        action: 'mediation.followUp.escalate',
        targetType: 'mediation.dispute',
        targetId: d.id,
        detail: { obligationId: o.id, caseId: registered.id, docNo: registered.docNo, leadUnitId: input.leadUnitId, urgency: input.urgency },
      },
      { db: trx },
    );
    return { version, caseId: registered.id, docNo: registered.docNo };
  });
}
