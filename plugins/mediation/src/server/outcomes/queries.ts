// The outcome of one dispute as the center's staff read it: the parties (with the ids the
// agreement's obligations and signatures refer to), the agreement with its signatures, the
// judicial confirmation with its countdown, each obligation with its performance and, when
// not performed, the routes still open to the other party; the return visits; or the
// termination with the routes the parties were told of.
import { badRequest, chinaDay, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { daysBetween } from './dates.js';

export type ConfirmationState = 'not_applicable' | 'open' | 'lapsed' | 'applied' | 'confirmed' | 'rejected';
export type Remedy = 'enforcement' | 'litigation';
export type Performance = 'pending' | 'full' | 'partial' | 'none';

export interface OutcomeParty {
  id: string;
  position: number;
  kind: string;
  role: string;
  name: string;
}

export interface ObligationView {
  id: string;
  position: number;
  obligorPartyId: string;
  obligorName: string;
  content: string;
  /** Yuan with two decimals, e.g. '1500.00'. */
  amount: string | null;
  dueOn: string;
  performance: Performance;
  /** Due (today or earlier) and not yet found fully performed: to follow up. */
  followUpDue: boolean;
  /** What the other party may do when it was not (fully) performed. */
  remedies: Remedy[];
  /** The kernel matter it was escalated to, once a return visit found it unperformed. */
  escalation: { caseId: string; docNo: string; escalatedOn: string } | null;
}

export interface FollowUpView {
  id: string;
  obligationId: string | null;
  visitedOn: string;
  method: string;
  visitor: string;
  result: string;
  note: string | null;
}

export interface AgreementView {
  form: 'written' | 'oral';
  agreedOn: string;
  terms: string;
  effectiveOn: string | null;
  signatures: { partyId: string; partyName: string; signedOn: string }[];
  confirmation: {
    state: ConfirmationState;
    dueOn: string | null;
    /** Days from today to the last day of the period (negative once it passed); null when not open. */
    daysLeft: number | null;
    appliedOn: string | null;
    court: string | null;
    ruling: 'confirmed' | 'rejected' | null;
    ruledOn: string | null;
    rulingNo: string | null;
  };
  closedOn: string | null;
}

export interface OutcomeView {
  disputeId: string;
  code: string;
  status: string;
  version: number;
  parties: OutcomeParty[];
  agreement: AgreementView | null;
  obligations: ObligationView[];
  followUps: FollowUpView[];
  termination: { terminatedOn: string; reason: string; routes: string[] } | null;
}

interface AgreementRow {
  form: 'written' | 'oral';
  agreed_on: string;
  terms: string;
  effective_on: string | null;
  confirmation_due_on: string | null;
  applied_on: string | null;
  court: string | null;
  ruling: 'confirmed' | 'rejected' | null;
  ruled_on: string | null;
  ruling_no: string | null;
  closed_on: string | null;
}

function confirmationState(a: AgreementRow, today: string): ConfirmationState {
  if (a.form === 'oral') return 'not_applicable';
  if (a.ruling) return a.ruling;
  if (a.applied_on) return 'applied';
  return today > a.confirmation_due_on! ? 'lapsed' : 'open';
}

export async function readOutcome(ctx: AuthedContext, db: Kysely<any>, disputeId: string): Promise<OutcomeView> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  const dr = await sql<{ id: string; code: string; status: string; version: number }>`select id, code, status, version from mediation.disputes
    where tenant_id = ${tenantId} and id = ${disputeId}`.execute(db);
  const d = dr.rows[0];
  if (!d) throw badRequest(m.disputeNotFound);
  const parties = (
    await sql<OutcomeParty>`select id, position, kind, role, name from mediation.parties
      where tenant_id = ${tenantId} and dispute_id = ${disputeId} order by position`.execute(db)
  ).rows;
  const nameOf = new Map(parties.map((p) => [p.id, p.name]));
  const ar = await sql<AgreementRow>`select form, to_char(agreed_on, 'YYYY-MM-DD') as agreed_on, terms, to_char(effective_on, 'YYYY-MM-DD') as effective_on,
      to_char(confirmation_due_on, 'YYYY-MM-DD') as confirmation_due_on, to_char(applied_on, 'YYYY-MM-DD') as applied_on, court,
      ruling, to_char(ruled_on, 'YYYY-MM-DD') as ruled_on, ruling_no, to_char(closed_on, 'YYYY-MM-DD') as closed_on
    from mediation.agreements where tenant_id = ${tenantId} and dispute_id = ${disputeId}`.execute(db);
  const a = ar.rows[0];
  let agreement: AgreementView | null = null;
  let obligations: ObligationView[] = [];
  let followUps: FollowUpView[] = [];
  if (a) {
    const signatures = await sql<{ party_id: string; signed_on: string }>`select s.party_id, to_char(s.signed_on, 'YYYY-MM-DD') as signed_on
      from mediation.agreement_signatures s join mediation.parties p on p.tenant_id = s.tenant_id and p.id = s.party_id
      where s.tenant_id = ${tenantId} and s.dispute_id = ${disputeId} order by p.position`.execute(db);
    const state = confirmationState(a, today);
    agreement = {
      form: a.form,
      agreedOn: a.agreed_on,
      terms: a.terms,
      effectiveOn: a.effective_on,
      signatures: signatures.rows.map((s) => ({ partyId: s.party_id, partyName: nameOf.get(s.party_id) ?? '', signedOn: s.signed_on })),
      confirmation: {
        state,
        dueOn: a.confirmation_due_on,
        daysLeft: state === 'open' || state === 'lapsed' ? daysBetween(today, a.confirmation_due_on!) : null,
        appliedOn: a.applied_on,
        court: a.court,
        ruling: a.ruling,
        ruledOn: a.ruled_on,
        rulingNo: a.ruling_no,
      },
      closedOn: a.closed_on,
    };
    const remedy: Remedy = a.ruling === 'confirmed' ? 'enforcement' : 'litigation';
    const os = await sql<{
      id: string;
      position: number;
      obligor_party_id: string;
      content: string;
      amount: string | null;
      due_on: string;
      performance: Performance;
      kernel_case_id: string | null;
      kernel_case_doc_no: string | null;
      escalated_on: string | null;
    }>`
      select id, position, obligor_party_id, content, amount::text as amount, to_char(due_on, 'YYYY-MM-DD') as due_on, performance,
        kernel_case_id, kernel_case_doc_no, to_char(escalated_on, 'YYYY-MM-DD') as escalated_on
      from mediation.obligations where tenant_id = ${tenantId} and dispute_id = ${disputeId} order by position`.execute(db);
    obligations = os.rows.map((o) => {
      const unperformed = o.performance === 'partial' || o.performance === 'none' || (o.performance === 'pending' && o.due_on < today);
      return {
        id: o.id,
        position: o.position,
        obligorPartyId: o.obligor_party_id,
        obligorName: nameOf.get(o.obligor_party_id) ?? '',
        content: o.content,
        amount: o.amount,
        dueOn: o.due_on,
        performance: o.performance,
        followUpDue: o.performance !== 'full' && o.due_on <= today,
        remedies: unperformed ? [remedy] : [],
        escalation: o.kernel_case_id && o.kernel_case_doc_no && o.escalated_on ? { caseId: o.kernel_case_id, docNo: o.kernel_case_doc_no, escalatedOn: o.escalated_on } : null,
      };
    });
    const fs = await sql<{ id: string; obligation_id: string | null; visited_on: string; method: string; visitor: string; result: string; note: string | null }>`
      select id, obligation_id, to_char(visited_on, 'YYYY-MM-DD') as visited_on, method, visitor, result, note
      from mediation.follow_ups where tenant_id = ${tenantId} and dispute_id = ${disputeId} order by visited_on, created_at`.execute(db);
    followUps = fs.rows.map((f) => ({ id: f.id, obligationId: f.obligation_id, visitedOn: f.visited_on, method: f.method, visitor: f.visitor, result: f.result, note: f.note }));
  }
  const tr = await sql<{ terminated_on: string; reason: string; routes: string[] }>`select to_char(terminated_on, 'YYYY-MM-DD') as terminated_on, reason, routes
    from mediation.terminations where tenant_id = ${tenantId} and dispute_id = ${disputeId}`.execute(db);
  const t = tr.rows[0];
  return {
    disputeId: d.id,
    code: d.code,
    status: d.status,
    version: d.version,
    parties,
    agreement,
    obligations,
    followUps,
    termination: t ? { terminatedOn: t.terminated_on, reason: t.reason, routes: t.routes } : null,
  };
}
