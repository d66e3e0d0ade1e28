// The public look-up (查询调解进度): a party enters the dispute's code (调2026-000123, from
// the intake receipt) and the last four digits of their phone; they see the status and the
// dates only — no names of parties, no personal data, no summary. Once the mediation ended
// (达成协议, 终止调解 or 结案) each party rates it once (1–5 and an optional comment).
// Rate-limited as the petitions look-up is: failed attempts are counted in the database
// (mediation.lookup_attempts, shared by every server process), 5 per code and 20 per address
// within 15 minutes, after which the look-up refuses until the window passes.
import { badRequest, sql, TRPCError, type Kysely, type RequestContext } from '@zhengfa/plugin-api';
import { lookupStrings as s, routeNames, statusNames } from '../strings.js';

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_CODE = 5;
export const MAX_FAILURES_PER_IP = 20;

/** The statuses after which the mediation has ended and may be rated. */
export const endedStatuses = ['agreed', 'terminated', 'closed'] as const;

interface DisputeRow {
  tenant_id: string;
  id: string;
  code: string;
  status: keyof typeof statusNames;
  route: keyof typeof routeNames | null;
  received_on: string;
  triage_due_on: string;
  triaged_on: string | null;
}

interface Matched {
  dispute: DisputeRow;
  partyId: string;
}

function tooMany(message: string): TRPCError {
  return new TRPCError({ code: 'TOO_MANY_REQUESTS', message });
}

async function failures(db: Kysely<any>, key: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from mediation.lookup_attempts
    where key = ${key} and not ok and at > now() - make_interval(mins => ${WINDOW_MINUTES})`.execute(db);
  return r.rows[0]!.n;
}

/** The last four digits of a phone as stored (mobile or landline), or null. */
export function lastFour(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/**
 * The dispute of `code` with a party whose phone ends in `suffix`. Codes are per county, so
 * the same code may exist in two counties: the phone tells them apart, and a code the phone
 * does not single out is answered as not matched. Records the attempt whatever the result.
 */
async function attempt(ctx: RequestContext, code: string, suffix: string): Promise<Matched> {
  const codeKey = `code:${code}`;
  const ipKey = `ip:${ctx.request.ip ?? 'unknown'}`;
  const r = await ctx.db.transaction().execute(async (trx) => {
    // Serialise attempts on the same code and address across processes.
    await sql`select pg_advisory_xact_lock(hashtext(${`mediation:${codeKey}`}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext(${`mediation:${ipKey}`}))`.execute(trx);
    if ((await failures(trx, ipKey)) >= MAX_FAILURES_PER_IP) return { error: tooMany(s.tooManyForIp) };
    if ((await failures(trx, codeKey)) >= MAX_FAILURES_PER_CODE) return { error: tooMany(s.tooManyForCode) };
    const rows = await sql<DisputeRow & { party_id: string; phone: string }>`select d.tenant_id, d.id, d.code, d.status, d.route,
        to_char(d.received_on, 'YYYY-MM-DD') as received_on, to_char(d.triage_due_on, 'YYYY-MM-DD') as triage_due_on,
        to_char(d.triaged_on, 'YYYY-MM-DD') as triaged_on, p.id as party_id, p.phone
      from mediation.disputes d join mediation.parties p on p.tenant_id = d.tenant_id and p.dispute_id = d.id
      where d.code = ${code} and p.phone is not null
      order by d.tenant_id, p.position`.execute(trx);
    // Phones are sealed: opened here, a handful per code.
    const hits = rows.rows.filter((row) => lastFour(ctx.vault.open(row.phone)) === suffix);
    const disputes = new Set(hits.map((h) => `${h.tenant_id}/${h.id}`));
    const ok = disputes.size === 1;
    await sql`insert into mediation.lookup_attempts (key, ok) values (${codeKey}, ${ok}), (${ipKey}, ${ok})`.execute(trx);
    await sql`delete from mediation.lookup_attempts where key in (${codeKey}, ${ipKey}) and at < now() - interval '1 day'`.execute(trx);
    if (!ok) return { error: badRequest(s.notMatched) };
    const h = hits[0]!;
    return { matched: { dispute: h, partyId: h.party_id } };
  });
  if ('error' in r) throw r.error;
  // The county is known only now: one that has switched mediation off answers no look-up.
  await ctx.checkModule?.('mediation.lookup', r.matched.dispute.tenant_id);
  return r.matched;
}

async function ratedBy(db: Kysely<any>, tenantId: string, disputeId: string, partyId: string): Promise<boolean> {
  const r = await sql`select 1 from mediation.ratings where tenant_id = ${tenantId} and dispute_id = ${disputeId} and party_id = ${partyId}`.execute(db);
  return r.rows.length > 0;
}

export async function progress(ctx: RequestContext, input: { code: string; phoneLast4: string }) {
  const { dispute: d, partyId } = await attempt(ctx, input.code, input.phoneLast4);
  const ended = (endedStatuses as readonly string[]).includes(d.status);
  const rated = await ratedBy(ctx.db, d.tenant_id, d.id, partyId);
  return {
    code: d.code,
    status: d.status,
    statusName: statusNames[d.status],
    routeName: d.route ? routeNames[d.route] : null,
    receivedOn: d.received_on,
    triageDueOn: d.triage_due_on,
    triagedOn: d.triaged_on,
    ended,
    canRate: ended && !rated,
    rated,
  };
}

export async function rate(ctx: RequestContext, input: { code: string; phoneLast4: string; rating: number; comment?: string | undefined }) {
  const { dispute: d, partyId } = await attempt(ctx, input.code, input.phoneLast4);
  if (!(endedStatuses as readonly string[]).includes(d.status)) throw badRequest(s.notEnded);
  const comment = input.comment?.trim() || null;
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql`insert into mediation.ratings (tenant_id, dispute_id, party_id, rating, comment)
      values (${d.tenant_id}, ${d.id}, ${partyId}, ${input.rating}, ${comment})
      on conflict do nothing returning dispute_id`.execute(trx);
    if (r.rows.length === 0) throw badRequest(s.alreadyRated);
    await ctx.audit.record({ action: 'mediation.rate', targetType: 'mediation.dispute', targetId: d.id, detail: { rating: input.rating } }, { db: trx });
    return { ok: true as const };
  });
}
