// Escalation (升级督办) of a major dispute: risk level 重大, five persons or more involved, or
// flagged as major by the center with a reason. In one step it registers a kernel case
// (矛盾纠纷, 示政法调〔2026〕1号) and sets its four fixes and one package (包案领导, 承办责任人,
// 化解方案, 处理期限, 承办单位), both in the dispute's transaction.
//
// The dispute then takes the status 'escalated' rather than staying in mediation with a link:
// from here the lead leader and the lead unit resolve it under the committee's supervision on
// the kernel case (approval, assignment, dispatch, urging), so the center's time limit stops
// (it is neither due nor overdue), no further sessions are recorded on it, and its agreement
// flow does not start. The dispute keeps the kernel case's id and number to show and open it.
//
// The kernel case carries the parties' names and roles only: their ID numbers and phones stay
// sealed in this plugin (the kernel shows the case to the lead unit; the least personal data).
import { badRequest, chinaDay, sql, type AuthedContext, type Kysely, type Urgency } from '@zhengfa/plugin-api';
import { DISPUTE_CASE_KIND, mediationEvents } from '../../contract.js';
import { strings as s, messages as m } from '../strings.js';
import { bumpDispute, lockMediation, partiesOf } from './dispute.js';

/** The kernel's source (来源) of a dispute's source: the center's staff recorded it. */
const kernelSource: Record<string, string> = {
  walk_in: 'visit',
  petition: 'unit_report',
  police: 'unit_report',
  court: 'unit_report',
  grassroots: 'unit_report',
  phone: 'phone',
  online: 'online',
};

/** Five or more persons make a dispute a mass one (群体性), as a risk level of 重大 does. */
export const MAJOR_PERSON_COUNT = 5;

export interface EscalateInput {
  disputeId: string;
  version: number;
  urgency: Urgency;
  leadLeaderId: string;
  handlerName: string;
  handlerPhone?: string | null | undefined;
  resolutionPlan: string;
  deadline: string;
  leadUnitId: string;
  cooperatingUnitIds?: string[] | undefined;
  flagReason?: string | null | undefined;
}

export async function escalateDispute(ctx: AuthedContext, input: EscalateInput): Promise<{ version: number; status: 'escalated'; caseId: string; docNo: string }> {
  const flagReason = input.flagReason?.trim() || null;
  const today = chinaDay(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockMediation(trx, ctx, input.disputeId, input.version);
    const major = d.risk_level === 'high' || d.person_count >= MAJOR_PERSON_COUNT;
    if (!major && !flagReason) throw badRequest(m.notHighRisk);
    const registered = await registerSupervisedCase(ctx, trx, {
      disputeId: d.id,
      title: s.caseTitle(d.dispute_type, d.code),
      summary: d.summary,
      source: d.source,
      receivedOn: d.received_on,
      fourFixes: input,
    });
    const version = await bumpDispute(
      trx,
      ctx,
      d,
      sql`status = 'escalated', kernel_case_id = ${registered.id}, kernel_case_doc_no = ${registered.docNo}, escalated_on = ${today}, escalation_reason = ${flagReason}`,
    );
    await ctx.audit.record(
      {
        action: 'mediation.disputes.escalate',
        targetType: 'mediation.dispute',
        targetId: d.id,
        detail: { caseId: registered.id, docNo: registered.docNo, leadUnitId: input.leadUnitId, urgency: input.urgency, flagReason },
      },
      { db: trx },
    );
    await ctx.events.emit(mediationEvents.escalated, { disputeId: d.id, code: d.code, caseId: registered.id, docNo: registered.docNo, leadUnitId: input.leadUnitId }, { db: trx });
    return { version, status: 'escalated' as const, caseId: registered.id, docNo: registered.docNo };
  });
}

/** The four fixes and one package a dispute's kernel case gets as it is registered. */
export type CaseFourFixes = Pick<EscalateInput, 'urgency' | 'leadLeaderId' | 'handlerName' | 'handlerPhone' | 'resolutionPlan' | 'deadline' | 'leadUnitId' | 'cooperatingUnitIds'>;

/**
 * Registers a dispute's kernel case (矛盾纠纷, key) with the parties' names and roles and sets
 * its four fixes, in the caller's transaction: a major dispute's escalation and an unperformed
 * obligation's (follow-up/escalation.ts) both go through here.
 */
export async function registerSupervisedCase(
  ctx: AuthedContext,
  trx: Kysely<any>,
  c: { disputeId: string; title: string; summary: string; source: string; receivedOn: string; fourFixes: CaseFourFixes },
): Promise<{ id: string; docNo: string }> {
  const parties = await partiesOf(trx, ctx, c.disputeId);
  const f = c.fourFixes;
  const registered = await ctx.kernel.cases.register(
    {
      kind: DISPUTE_CASE_KIND,
      title: c.title,
      summary: Array.from(c.summary).slice(0, 5000).join(''),
      source: kernelSource[c.source] ?? 'visit',
      urgency: f.urgency,
      isKey: true,
      receivedOn: c.receivedOn,
      parties: parties.map((p) => ({ role: s.partyRoles[p.role as keyof typeof s.partyRoles], name: Array.from(p.name).slice(0, 50).join('') })),
    },
    { db: trx },
  );
  const kase = await ctx.kernel.cases.get(registered.id, { db: trx });
  await ctx.kernel.cases.setFourFixes(
    {
      id: kase.id,
      version: kase.version,
      leadLeaderId: f.leadLeaderId,
      handlerName: f.handlerName,
      handlerPhone: f.handlerPhone ?? null,
      resolutionPlan: f.resolutionPlan,
      deadline: f.deadline,
      leadUnitId: f.leadUnitId,
      cooperatingUnitIds: f.cooperatingUnitIds ?? [],
    },
    { db: trx },
  );
  return registered;
}
