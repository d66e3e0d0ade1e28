// The mediation phase of one dispute as the console shows it: acceptance and the time limit,
// each party's answers, the mediators (with declared conflicts and replacements), the
// extensions, the withdrawal and the escalation.
import { badRequest, chinaDay, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { assignmentsOf, type Assignment } from './mediators.js';
import { listExtensions, type Extension } from './time-limit.js';

export interface ConsentView {
  partyId: string;
  partyName: string;
  decision: 'consent' | 'refuse' | 'withdraw';
  decidedOn: string;
  reason: string | null;
  recordedBy: string;
}

export interface MediationView {
  disputeId: string;
  status: string;
  version: number;
  acceptedOn: string | null;
  mediationDueOn: string | null;
  /** In mediation after its due date. */
  mediationOverdue: boolean;
  consents: ConsentView[];
  mediators: Assignment[];
  extensions: Extension[];
  withdrawal: { partyId: string; partyName: string; withdrawnOn: string; reason: string } | null;
  escalation: { caseId: string; docNo: string; escalatedOn: string; flagReason: string | null } | null;
}

export async function getMediation(ctx: AuthedContext, disputeId: string): Promise<MediationView> {
  const today = chinaDay(ctx.now());
  const r = await sql<{
    status: string;
    version: number;
    accepted_on: string | null;
    mediation_due_on: string | null;
    withdrawn_on: string | null;
    withdrawal_reason: string | null;
    withdrawn_party_id: string | null;
    withdrawn_party_name: string | null;
    kernel_case_id: string | null;
    kernel_case_doc_no: string | null;
    escalated_on: string | null;
    escalation_reason: string | null;
  }>`select d.status, d.version, to_char(d.accepted_on, 'YYYY-MM-DD') as accepted_on, to_char(d.mediation_due_on, 'YYYY-MM-DD') as mediation_due_on,
      to_char(d.withdrawn_on, 'YYYY-MM-DD') as withdrawn_on, d.withdrawal_reason, d.withdrawn_party_id,
      (select p.name from mediation.parties p where p.tenant_id = d.tenant_id and p.id = d.withdrawn_party_id) as withdrawn_party_name,
      d.kernel_case_id, d.kernel_case_doc_no, to_char(d.escalated_on, 'YYYY-MM-DD') as escalated_on, d.escalation_reason
    from mediation.disputes d where d.tenant_id = ${ctx.tenant.id} and d.id = ${disputeId}`.execute(ctx.db);
  const d = r.rows[0];
  if (!d) throw badRequest(m.disputeNotFound);
  const consents = await sql<{ party_id: string; party_name: string; decision: ConsentView['decision']; decided_on: string; reason: string | null; recorded_by_name: string }>`
    select c.party_id, p.name as party_name, c.decision, to_char(c.decided_on, 'YYYY-MM-DD') as decided_on, c.reason, c.recorded_by_name
    from mediation.consents c join mediation.parties p on p.tenant_id = c.tenant_id and p.id = c.party_id
    where c.tenant_id = ${ctx.tenant.id} and c.dispute_id = ${disputeId} order by c.created_at, p.position`.execute(ctx.db);
  return {
    disputeId,
    status: d.status,
    version: d.version,
    acceptedOn: d.accepted_on,
    mediationDueOn: d.mediation_due_on,
    mediationOverdue: d.status === 'mediating' && d.mediation_due_on !== null && d.mediation_due_on < today,
    consents: consents.rows.map((c) => ({ partyId: c.party_id, partyName: c.party_name, decision: c.decision, decidedOn: c.decided_on, reason: c.reason, recordedBy: c.recorded_by_name })),
    mediators: await assignmentsOf(ctx.db, ctx, disputeId),
    extensions: await listExtensions(ctx, disputeId),
    withdrawal:
      d.withdrawn_on && d.withdrawn_party_id
        ? { partyId: d.withdrawn_party_id, partyName: d.withdrawn_party_name ?? '', withdrawnOn: d.withdrawn_on, reason: d.withdrawal_reason ?? '' }
        : null,
    escalation: d.kernel_case_id ? { caseId: d.kernel_case_id, docNo: d.kernel_case_doc_no ?? '', escalatedOn: d.escalated_on ?? '', flagReason: d.escalation_reason } : null,
  };
}
