// Mediation sessions (调解会) and their records (调解笔录): held on a day since acceptance and
// not after today, at a place, with the parties and mediators present. No session while a
// mediator on the dispute has declared a conflict and not been replaced. Idempotent on the
// client's key: a repeated submission answers with the session it first recorded.
import { badRequest, chinaDay, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { bumpDispute, lockMediation, partiesOf } from './dispute.js';
import { currentAssignments } from './mediators.js';

export interface SessionInput {
  disputeId: string;
  version: number;
  heldOn: string;
  place: string;
  partyIds: string[];
  mediatorIds: string[];
  record: string;
  clientKey?: string | undefined;
}

export interface Session {
  id: string;
  seq: number;
  heldOn: string;
  place: string;
  partiesPresent: string[];
  mediatorsPresent: string[];
  record: string;
  recordedBy: string;
}

async function byClientKey(db: Kysely<any>, ctx: AuthedContext, key: string): Promise<{ id: string; seq: number; dispute_id: string } | undefined> {
  const r = await sql<{ id: string; seq: number; dispute_id: string }>`select id, seq, dispute_id from mediation.sessions
    where tenant_id = ${ctx.tenant.id} and client_key = ${key}`.execute(db);
  return r.rows[0];
}

export async function recordSession(ctx: AuthedContext, input: SessionInput): Promise<{ id: string; seq: number; version: number; duplicate: boolean }> {
  if (input.heldOn > chinaDay(ctx.now())) throw badRequest(m.heldInFuture);
  return ctx.db.transaction().execute(async (trx) => {
    if (input.clientKey) {
      const seen = await byClientKey(trx, ctx, input.clientKey);
      if (seen && seen.dispute_id !== input.disputeId) throw badRequest(m.idempotencyMismatch);
      if (seen) {
        const v = await sql<{ version: number }>`select version from mediation.disputes where tenant_id = ${ctx.tenant.id} and id = ${input.disputeId}`.execute(trx);
        return { id: seen.id, seq: seen.seq, version: v.rows[0]!.version, duplicate: true };
      }
    }
    const d = await lockMediation(trx, ctx, input.disputeId, input.version);
    if (!d.accepted_on) throw badRequest(m.notAccepted);
    if (input.heldOn < d.accepted_on) throw badRequest(m.heldBeforeAcceptance(d.accepted_on));
    const mediators = await currentAssignments(trx, ctx, d.id);
    if (mediators.length === 0) throw badRequest(m.noMediatorAssigned);
    const conflicted = mediators.find((a) => a.conflict);
    if (conflicted) throw badRequest(m.conflictedMediator(conflicted.mediatorName));
    const parties = await partiesOf(trx, ctx, d.id);
    const partyIds = [...new Set(input.partyIds)];
    const present = partyIds.map((id) => parties.find((p) => p.id === id));
    if (present.some((p) => !p)) throw badRequest(m.partyNotOfDispute);
    const mediatorIds = [...new Set(input.mediatorIds)];
    const attending = mediatorIds.map((id) => mediators.find((a) => a.mediatorId === id));
    if (attending.some((a) => !a)) throw badRequest(m.mediatorNotPresentable);
    const partyNames = present.map((p) => p!.name);
    const mediatorNames = attending.map((a) => a!.mediatorName);
    const seq = await sql<{ next: number }>`select coalesce(max(seq), 0)::int + 1 as next from mediation.sessions
      where tenant_id = ${ctx.tenant.id} and dispute_id = ${d.id}`.execute(trx);
    const r = await sql<{ id: string }>`insert into mediation.sessions
        (tenant_id, dispute_id, seq, held_on, place, party_ids, party_names, mediator_ids, mediator_names, record, client_key, recorded_by, recorded_by_name)
      values (${ctx.tenant.id}, ${d.id}, ${seq.rows[0]!.next}, ${input.heldOn}, ${input.place}, ${sql.val(partyIds)}::uuid[], ${sql.val(partyNames)}::text[],
        ${sql.val(mediatorIds)}::uuid[], ${sql.val(mediatorNames)}::text[], ${input.record}, ${input.clientKey ?? null}, ${ctx.user.id}, ${ctx.user.displayName})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    const version = await bumpDispute(trx, ctx, d);
    await ctx.audit.record(
      {
        action: 'mediation.sessions.record',
        targetType: 'mediation.dispute',
        targetId: d.id,
        detail: { sessionId: id, seq: seq.rows[0]!.next, heldOn: input.heldOn, place: input.place, parties: partyIds.length, mediators: mediatorNames },
      },
      { db: trx },
    );
    return { id, seq: seq.rows[0]!.next, version, duplicate: false };
  });
}

export async function listSessions(ctx: AuthedContext, disputeId: string): Promise<Session[]> {
  const d = await sql<{ id: string }>`select id from mediation.disputes where tenant_id = ${ctx.tenant.id} and id = ${disputeId}`.execute(ctx.db);
  if (!d.rows[0]) throw badRequest(m.disputeNotFound);
  const r = await sql<{ id: string; seq: number; held_on: string; place: string; party_names: string[]; mediator_names: string[]; record: string; recorded_by_name: string }>`
    select id, seq, to_char(held_on, 'YYYY-MM-DD') as held_on, place, party_names, mediator_names, record, recorded_by_name
    from mediation.sessions where tenant_id = ${ctx.tenant.id} and dispute_id = ${disputeId} order by seq`.execute(ctx.db);
  return r.rows.map((s) => ({
    id: s.id,
    seq: s.seq,
    heldOn: s.held_on,
    place: s.place,
    partiesPresent: s.party_names,
    mediatorsPresent: s.mediator_names,
    record: s.record,
    recordedBy: s.recorded_by_name,
  }));
}
