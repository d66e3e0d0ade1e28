// The outcome of a mediation (调解结果) on a dispute under mediation: settled by agreement
// (调解协议: written and signed by every party, or oral) with the obligations each party
// undertook, or ended without agreement (终止调解) with the routes the parties were told remain
// open. Either moves the dispute on (agreed / terminated), audited, in one transaction.
// Mediation is free: no fee is recorded anywhere.
import { badRequest, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { confirmationDueOn } from '../confirmation/deadline.js';
import { outcomeMessages as om } from '../strings.js';
import { emitDisputeSettled } from '../disputes/outcome-events.js';
import { bumpDispute, lockDispute } from './dispute-lock.js';

export const agreementForms = ['written', 'oral'] as const;
export const openRoutes = ['arbitration', 'labour_arbitration', 'litigation', 'administrative'] as const;

export interface ObligationInput {
  obligorPartyId: string;
  content: string;
  amount?: number | null | undefined;
  dueOn: string;
}

export interface SettleInput {
  disputeId: string;
  version: number;
  form: (typeof agreementForms)[number];
  agreedOn: string;
  terms: string;
  obligations: ObligationInput[];
  signatures?: { partyId: string; signedOn: string }[] | undefined;
}

export interface SettleResult {
  version: number;
  status: 'agreed';
  effectiveOn: string | null;
  confirmationDueOn: string | null;
}

async function partiesOf(trx: Kysely<any>, tenantId: string, disputeId: string): Promise<{ id: string; name: string }[]> {
  const r = await sql<{ id: string; name: string }>`select id, name from mediation.parties
    where tenant_id = ${tenantId} and dispute_id = ${disputeId} order by position`.execute(trx);
  return r.rows;
}

/** Checks what needs no database; the rest is checked against the dispute's parties. */
function checkObligations(input: SettleInput): void {
  input.obligations.forEach((o, i) => {
    if (o.dueOn < input.agreedOn) throw badRequest(om.dueBeforeAgreement(i + 1, input.agreedOn));
    if (o.amount != null && Math.round(o.amount * 100) !== o.amount * 100) throw badRequest(om.amountTooPrecise(i + 1));
  });
  const signatures = input.signatures ?? [];
  if (input.form === 'oral' && signatures.length > 0) throw badRequest(om.signaturesForOral);
  signatures.forEach((s, i) => {
    if (s.signedOn < input.agreedOn) throw badRequest(om.signedBeforeAgreement(i + 1, input.agreedOn));
  });
}

export async function settleDispute(ctx: AuthedContext, input: SettleInput): Promise<SettleResult> {
  checkObligations(input);
  const tenantId = ctx.tenant.id;
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockDispute(ctx, trx, input, 'mediating');
    if (input.agreedOn < d.receivedOn) throw badRequest(om.agreedBeforeReceived(d.receivedOn));
    const parties = await partiesOf(trx, tenantId, d.id);
    const partyIds = new Set(parties.map((p) => p.id));
    input.obligations.forEach((o, i) => {
      if (!partyIds.has(o.obligorPartyId)) throw badRequest(om.obligorUnknown(i + 1));
    });
    let effectiveOn: string | null = null;
    let dueOn: string | null = null;
    const signatures = input.signatures ?? [];
    if (input.form === 'written') {
      const signed = new Set<string>();
      signatures.forEach((s, i) => {
        if (!partyIds.has(s.partyId)) throw badRequest(om.signatureUnknown(i + 1));
        if (signed.has(s.partyId)) throw badRequest(om.signatureDuplicate(parties.find((p) => p.id === s.partyId)!.name));
        signed.add(s.partyId);
      });
      const missing = parties.filter((p) => !signed.has(p.id)).map((p) => p.name);
      if (missing.length > 0) throw badRequest(om.signaturesMissing(missing.join('、')));
      // A written agreement takes effect when the last party has signed.
      effectiveOn = signatures.map((s) => s.signedOn).sort().at(-1)!;
      dueOn = await confirmationDueOn(ctx, effectiveOn, trx);
    }
    await sql`insert into mediation.agreements (tenant_id, dispute_id, form, agreed_on, terms, effective_on, confirmation_due_on, recorded_by, recorded_by_name)
      values (${tenantId}, ${d.id}, ${input.form}, ${input.agreedOn}, ${input.terms}, ${effectiveOn}, ${dueOn}, ${ctx.user.id}, ${ctx.user.displayName})`.execute(trx);
    for (const s of signatures) {
      await sql`insert into mediation.agreement_signatures (tenant_id, dispute_id, party_id, signed_on)
        values (${tenantId}, ${d.id}, ${s.partyId}, ${s.signedOn})`.execute(trx);
    }
    let position = 1;
    for (const o of input.obligations) {
      await sql`insert into mediation.obligations (tenant_id, dispute_id, position, obligor_party_id, content, amount, due_on)
        values (${tenantId}, ${d.id}, ${position}, ${o.obligorPartyId}, ${o.content}, ${o.amount ?? null}, ${o.dueOn})`.execute(trx);
      position += 1;
    }
    const version = await bumpDispute(ctx, trx, d, 'agreed');
    await ctx.audit.record(
      {
        action: 'mediation.disputes.settle',
        targetType: 'mediation.dispute',
        targetId: d.id,
        detail: { form: input.form, agreedOn: input.agreedOn, obligations: input.obligations.length, signatures: signatures.length, effectiveOn, confirmationDueOn: dueOn },
      },
      { db: trx },
    );
    await emitDisputeSettled(ctx, trx, d.id, input.agreedOn);
    return { version, status: 'agreed', effectiveOn, confirmationDueOn: dueOn };
  });
}

export interface TerminateInput {
  disputeId: string;
  version: number;
  terminatedOn: string;
  reason: string;
  routes: (typeof openRoutes)[number][];
}

export async function terminateMediation(ctx: AuthedContext, input: TerminateInput): Promise<{ version: number; status: 'terminated' }> {
  if (new Set(input.routes).size !== input.routes.length) throw badRequest(om.routesDuplicate);
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockDispute(ctx, trx, input, 'mediating');
    if (input.terminatedOn < d.receivedOn) throw badRequest(om.terminatedBeforeReceived(d.receivedOn));
    await sql`insert into mediation.terminations (tenant_id, dispute_id, terminated_on, reason, routes, recorded_by, recorded_by_name)
      values (${ctx.tenant.id}, ${d.id}, ${input.terminatedOn}, ${input.reason}, ${sql.val(input.routes)}::text[], ${ctx.user.id}, ${ctx.user.displayName})`.execute(trx);
    const version = await bumpDispute(ctx, trx, d, 'terminated');
    await ctx.audit.record(
      { action: 'mediation.disputes.terminate', targetType: 'mediation.dispute', targetId: d.id, detail: { terminatedOn: input.terminatedOn, reason: input.reason, routes: input.routes } },
      { db: trx },
    );
    return { version, status: 'terminated' };
  });
}
