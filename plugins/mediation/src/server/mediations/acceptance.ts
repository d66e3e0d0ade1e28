// Acceptance (受理): people's mediation is voluntary, so the committee accepts a dispute for
// mediation only once every party has consented, each consent recorded with its date. A party
// may refuse before acceptance or withdraw at any time after it: the mediation ends there
// (status 'withdrawn') with the reason and the party who withdrew. People's mediation is free:
// nothing here records a fee.
import { badRequest, chinaDay, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { readSettings } from '../settings.js';
import { messages as m } from '../strings.js';
import { addCalendarDays, bumpDispute, lockMediation, partiesOf } from './dispute.js';

export interface AcceptInput {
  disputeId: string;
  version: number;
  acceptedOn: string;
  consents: { partyId: string; consentedOn: string }[];
}

export async function acceptMediation(ctx: AuthedContext, input: AcceptInput): Promise<{ version: number; acceptedOn: string; mediationDueOn: string }> {
  if (input.acceptedOn > chinaDay(ctx.now())) throw badRequest(m.acceptedInFuture);
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockMediation(trx, ctx, input.disputeId, input.version);
    if (d.accepted_on) throw badRequest(m.alreadyAccepted(d.accepted_on));
    if (input.acceptedOn < d.received_on) throw badRequest(m.acceptedBeforeReceipt(d.received_on));
    const parties = await partiesOf(trx, ctx, d.id);
    const given = new Map<string, string>();
    for (const c of input.consents) {
      const party = parties.find((p) => p.id === c.partyId);
      if (!party) throw badRequest(m.partyNotOfDispute);
      if (given.has(c.partyId)) throw badRequest(m.consentTwice(party.name));
      if (c.consentedOn > input.acceptedOn) throw badRequest(m.consentAfterAcceptance(party.name));
      if (c.consentedOn < d.received_on) throw badRequest(m.consentBeforeReceipt(party.name, d.received_on));
      given.set(c.partyId, c.consentedOn);
    }
    const missing = parties.find((p) => !given.has(p.id));
    if (missing) throw badRequest(m.consentMissing(missing.name));
    const { mediationDays } = await readSettings(trx, ctx.tenant.id);
    const mediationDueOn = addCalendarDays(input.acceptedOn, mediationDays);
    for (const p of parties) {
      await sql`insert into mediation.consents (tenant_id, dispute_id, party_id, decision, decided_on, recorded_by, recorded_by_name)
        values (${ctx.tenant.id}, ${d.id}, ${p.id}, 'consent', ${given.get(p.id)!}, ${ctx.user.id}, ${ctx.user.displayName})`.execute(trx);
    }
    const version = await bumpDispute(trx, ctx, d, sql`accepted_on = ${input.acceptedOn}, mediation_due_on = ${mediationDueOn}`);
    await ctx.audit.record(
      { action: 'mediation.mediations.accept', targetType: 'mediation.dispute', targetId: d.id, detail: { acceptedOn: input.acceptedOn, mediationDueOn, mediationDays, parties: parties.length } },
      { db: trx },
    );
    return { version, acceptedOn: input.acceptedOn, mediationDueOn };
  });
}

export interface WithdrawInput {
  disputeId: string;
  version: number;
  partyId: string;
  withdrawnOn: string;
  reason: string;
}

/** A party refuses (before acceptance) or withdraws (after it): the mediation ends. */
export async function withdrawMediation(ctx: AuthedContext, input: WithdrawInput): Promise<{ version: number; status: 'withdrawn'; decision: 'refuse' | 'withdraw' }> {
  const reason = input.reason.trim();
  if (!reason) throw badRequest(m.reasonRequiredForWithdrawal);
  if (input.withdrawnOn > chinaDay(ctx.now())) throw badRequest(m.withdrawnInFuture);
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockMediation(trx, ctx, input.disputeId, input.version);
    const party = (await partiesOf(trx, ctx, d.id)).find((p) => p.id === input.partyId);
    if (!party) throw badRequest(m.partyNotOfDispute);
    if (input.withdrawnOn < d.received_on) throw badRequest(m.withdrawnBeforeReceipt(d.received_on));
    if (d.accepted_on && input.withdrawnOn < d.accepted_on) throw badRequest(m.withdrawnBeforeAcceptance(d.accepted_on));
    const decision = d.accepted_on ? 'withdraw' : 'refuse';
    await sql`insert into mediation.consents (tenant_id, dispute_id, party_id, decision, decided_on, reason, recorded_by, recorded_by_name)
      values (${ctx.tenant.id}, ${d.id}, ${party.id}, ${decision}, ${input.withdrawnOn}, ${reason}, ${ctx.user.id}, ${ctx.user.displayName})`.execute(trx);
    const version = await bumpDispute(
      trx,
      ctx,
      d,
      sql`status = 'withdrawn', withdrawn_on = ${input.withdrawnOn}, withdrawal_reason = ${reason}, withdrawn_party_id = ${party.id}`,
    );
    await ctx.audit.record(
      { action: 'mediation.mediations.withdraw', targetType: 'mediation.dispute', targetId: d.id, detail: { decision, partyId: party.id, withdrawnOn: input.withdrawnOn, reason } },
      { db: trx },
    );
    return { version, status: 'withdrawn' as const, decision };
  });
}
