// The dispute an outcome procedure acts on, locked for the transaction, at the version the
// caller saw and in the status the procedure requires; refused otherwise, before any write.
import { badRequest, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m, outcomeMessages as om, statusNames } from '../strings.js';

export type DisputeStatus = keyof typeof statusNames;

export interface LockedDispute {
  id: string;
  code: string;
  source: string;
  referenceNo: string | null;
  receivedOn: string;
  status: DisputeStatus;
  version: number;
}

export async function lockDispute(
  ctx: AuthedContext,
  trx: Kysely<any>,
  input: { disputeId: string; version: number },
  required: 'mediating' | 'agreed',
): Promise<LockedDispute> {
  const r = await sql<{ id: string; code: string; source: string; reference_no: string | null; received_on: string; status: DisputeStatus; version: number }>`
    select id, code, source, reference_no, to_char(received_on, 'YYYY-MM-DD') as received_on, status, version
    from mediation.disputes where tenant_id = ${ctx.tenant.id} and id = ${input.disputeId} for update`.execute(trx);
  const d = r.rows[0];
  if (!d) throw badRequest(m.disputeNotFound);
  if (d.version !== input.version) throw versionConflict(m.versionConflict);
  if (d.status !== required) throw badRequest(required === 'mediating' ? om.notMediating(statusNames[d.status]) : om.notAgreed(statusNames[d.status]));
  return { id: d.id, code: d.code, source: d.source, referenceNo: d.reference_no, receivedOn: d.received_on, status: d.status, version: d.version };
}

/** Moves the dispute on: its version goes up by one, and so does the caller's. */
export async function bumpDispute(ctx: AuthedContext, trx: Kysely<any>, d: LockedDispute, status?: DisputeStatus): Promise<number> {
  await sql`update mediation.disputes set status = ${status ?? d.status}, version = version + 1
    where tenant_id = ${ctx.tenant.id} and id = ${d.id}`.execute(trx);
  return d.version + 1;
}
