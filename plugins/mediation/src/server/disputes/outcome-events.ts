// The events the center emits when a dispute is settled by agreement (达成协议) and when the
// agreement is found performed at the follow-up (履行回访): for the agreement flow to call in
// the transaction that records either, so the event commits with it. The payload carries the
// petition the dispute was referred from (访调对接), for the petitions office to close it.
import { badRequest, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { mediationEvents } from '../../contract.js';
import { messages as m } from '../strings.js';

async function disputeRef(trx: Kysely<any>, tenantId: string, disputeId: string): Promise<{ code: string; petitionRef: string | null }> {
  const r = await sql<{ code: string; petition_ref: string | null }>`select code, petition_ref from mediation.disputes
    where tenant_id = ${tenantId} and id = ${disputeId}`.execute(trx);
  const d = r.rows[0];
  if (!d) throw badRequest(m.disputeNotFound);
  return { code: d.code, petitionRef: d.petition_ref };
}

/** `mediation.dispute.settled`, in the caller's transaction. */
export async function emitDisputeSettled(ctx: AuthedContext, trx: Kysely<any>, disputeId: string, settledOn: string): Promise<void> {
  const ref = await disputeRef(trx, ctx.tenant.id, disputeId);
  await ctx.events.emit(mediationEvents.settled, { disputeId, ...ref, settledOn }, { db: trx });
}

/** `mediation.dispute.performed`, in the caller's transaction. */
export async function emitDisputePerformed(ctx: AuthedContext, trx: Kysely<any>, disputeId: string, performedOn: string): Promise<void> {
  const ref = await disputeRef(trx, ctx.tenant.id, disputeId);
  await ctx.events.emit(mediationEvents.performed, { disputeId, ...ref, performedOn }, { db: trx });
}
