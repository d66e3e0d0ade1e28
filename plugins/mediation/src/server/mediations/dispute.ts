// The dispute under mediation as every step of the phase reads it: locked for the step's
// transaction, checked against the caller's version, and only while it is being mediated.
import { badRequest, sql, versionConflict, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m, statusNames } from '../strings.js';

export interface MediationDispute {
  id: string;
  code: string;
  status: keyof typeof statusNames;
  version: number;
  source: string;
  summary: string;
  dispute_type: string;
  risk_level: string;
  person_count: number;
  received_on: string;
  route_org_id: string | null;
  accepted_on: string | null;
  mediation_due_on: string | null;
}

/** Locks the dispute for the step; refuses an unknown one, a stale version, one not in mediation. */
export async function lockMediation(trx: Kysely<any>, ctx: AuthedContext, disputeId: string, version: number): Promise<MediationDispute> {
  const r = await sql<MediationDispute>`select id, code, status, version, source, summary, dispute_type, risk_level, person_count,
      to_char(received_on, 'YYYY-MM-DD') as received_on, route_org_id,
      to_char(accepted_on, 'YYYY-MM-DD') as accepted_on, to_char(mediation_due_on, 'YYYY-MM-DD') as mediation_due_on
    from mediation.disputes where tenant_id = ${ctx.tenant.id} and id = ${disputeId} for update`.execute(trx);
  const d = r.rows[0];
  if (!d) throw badRequest(m.disputeNotFound);
  if (d.version !== version) throw versionConflict(m.versionConflict);
  if (d.status !== 'mediating') throw badRequest(m.notInMediation(statusNames[d.status]));
  return d;
}

/** Every step moves the dispute's version on, with whatever the step changes on it. */
export async function bumpDispute(trx: Kysely<any>, ctx: AuthedContext, d: MediationDispute, set: ReturnType<typeof sql> | null = null): Promise<number> {
  await sql`update mediation.disputes set ${set ? sql`${set}, ` : sql``}version = version + 1
    where tenant_id = ${ctx.tenant.id} and id = ${d.id}`.execute(trx);
  return d.version + 1;
}

export interface DisputeParty {
  id: string;
  position: number;
  role: string;
  name: string;
}

export async function partiesOf(trx: Kysely<any>, ctx: AuthedContext, disputeId: string): Promise<DisputeParty[]> {
  const r = await sql<DisputeParty>`select id, position, role, name from mediation.parties
    where tenant_id = ${ctx.tenant.id} and dispute_id = ${disputeId} order by position`.execute(trx);
  return r.rows;
}

/** `day` plus `days` calendar days (natural days: the mediation limit is not in working days). */
export function addCalendarDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
