// 电话督促: the center phones the department a dispute was handed to, the petitions office it
// was returned to, or a party whose obligation is falling due, and records the call: when, on
// whom and what was said. Counted in the statistics by the day of the call.
import { badRequest, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';

export interface UrgeInput {
  disputeId: string;
  urgedOn: string;
  urgedParty: string;
  note?: string | null | undefined;
}

export interface UrgingView {
  id: string;
  urgedOn: string;
  method: 'phone';
  urgedParty: string;
  note: string | null;
  recordedBy: string;
}

export async function urgeByPhone(ctx: AuthedContext, input: UrgeInput): Promise<{ id: string }> {
  const urgedParty = input.urgedParty.trim();
  return ctx.db.transaction().execute(async (trx) => {
    const d = await sql<{ received_on: string }>`select to_char(received_on, 'YYYY-MM-DD') as received_on from mediation.disputes
      where tenant_id = ${ctx.tenant.id} and id = ${input.disputeId}`.execute(trx);
    const dispute = d.rows[0];
    if (!dispute) throw badRequest(m.disputeNotFound);
    if (input.urgedOn < dispute.received_on) throw badRequest(m.urgedBeforeReceived(dispute.received_on));
    const r = await sql<{ id: string }>`insert into mediation.urgings (tenant_id, dispute_id, urged_on, method, urged_party, note, recorded_by, recorded_by_name)
      values (${ctx.tenant.id}, ${input.disputeId}, ${input.urgedOn}, 'phone', ${urgedParty}, ${input.note?.trim() || null}, ${ctx.user.id}, ${ctx.user.displayName})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await ctx.audit.record(
      { action: 'mediation.disputes.urge', targetType: 'mediation.dispute', targetId: input.disputeId, detail: { urgingId: id, urgedOn: input.urgedOn, method: 'phone', urgedParty } },
      { db: trx },
    );
    return { id };
  });
}

/** A dispute's phone urgings, oldest first. */
export async function listUrgings(ctx: AuthedContext, db: Kysely<any>, disputeId: string): Promise<UrgingView[]> {
  const r = await sql<{ id: string; urged_on: string; urged_party: string; note: string | null; recorded_by_name: string }>`
    select id, to_char(urged_on, 'YYYY-MM-DD') as urged_on, urged_party, note, recorded_by_name from mediation.urgings
    where tenant_id = ${ctx.tenant.id} and dispute_id = ${disputeId} order by urged_on, created_at`.execute(db);
  return r.rows.map((x) => ({ id: x.id, urgedOn: x.urged_on, method: 'phone', urgedParty: x.urged_party, note: x.note, recordedBy: x.recorded_by_name }));
}
