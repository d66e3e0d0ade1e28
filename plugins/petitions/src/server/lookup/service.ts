// The public progress look-up (查询办理进度): query code + last four digits of a phone on
// the matter. Status and dates only — no names, no content. Failed attempts are counted
// in petitions.lookup_attempts (shared by every server process): 5 per code and 20 per IP
// within 15 minutes, after which the look-up refuses until the window passes.
import { badRequest, sql, TRPCError, type Kysely, type RequestContext } from '@zhengfa/plugin-api';
import { matterStatus, type MatterRow } from '../matters/access.js';
import { phoneLast4 } from '../matters/personal-data.js';
import { lookupStrings as s, matterStatusNames, outcomeNames } from '../strings.js';

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_CODE = 5;
export const MAX_FAILURES_PER_IP = 20;

function tooMany(message: string): TRPCError {
  return new TRPCError({ code: 'TOO_MANY_REQUESTS', message });
}

async function failures(db: Kysely<any>, key: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from petitions.lookup_attempts
    where key = ${key} and not ok and at > now() - make_interval(mins => ${WINDOW_MINUTES})`.execute(db);
  return r.rows[0]!.n;
}

type Outcome = { kind: 'ok'; matter: MatterRow } | { kind: 'refused'; error: TRPCError };

/** Checks the code and suffix under the rate limit; records the attempt whatever the result. */
async function attempt(ctx: RequestContext, code: string, suffix: string): Promise<Outcome> {
  const codeKey = `code:${code}`;
  const ipKey = `ip:${ctx.request.ip ?? 'unknown'}`;
  return ctx.db.transaction().execute(async (trx) => {
    // Serialise attempts on the same code and IP across processes.
    await sql`select pg_advisory_xact_lock(hashtext(${codeKey}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext(${ipKey}))`.execute(trx);
    if ((await failures(trx, ipKey)) >= MAX_FAILURES_PER_IP) return { kind: 'refused', error: tooMany(s.tooManyForIp) };
    if ((await failures(trx, codeKey)) >= MAX_FAILURES_PER_CODE) return { kind: 'refused', error: tooMany(s.tooManyForCode) };
    const r = await sql<MatterRow>`select * from petitions.matters where query_code = ${code}`.execute(trx);
    const matter = r.rows[0];
    let ok = false;
    if (matter) {
      const phones = await sql<{ phone: string | null }>`select phone from petitions.petitioners
        where tenant_id = ${matter.tenant_id} and matter_id = ${matter.id} and phone is not null`.execute(trx);
      // Phones are sealed: opened here, a handful per matter.
      ok = phones.rows.some((p) => phoneLast4(p.phone === null ? null : ctx.vault.open(p.phone)) === suffix);
    }
    await sql`insert into petitions.lookup_attempts (key, ok) values (${codeKey}, ${ok}), (${ipKey}, ${ok})`.execute(trx);
    await sql`delete from petitions.lookup_attempts where key in (${codeKey}, ${ipKey}) and at < now() - interval '1 day'`.execute(trx);
    return ok ? { kind: 'ok', matter: matter! } : { kind: 'refused', error: badRequest(s.notMatched) };
  });
}

export async function checkedMatter(ctx: RequestContext, code: string, suffix: string): Promise<MatterRow> {
  const r = await attempt(ctx, code, suffix);
  if (r.kind === 'refused') throw r.error;
  // The county is known only now: one that has switched petitions off answers no look-up.
  await ctx.checkModule?.('petitions.lookup', r.matter.tenant_id);
  return r.matter;
}

export function progressOf(m: MatterRow) {
  const status = matterStatus(m);
  return {
    status,
    statusName: matterStatusNames[status as keyof typeof matterStatusNames],
    receivedOn: m.first_received_on,
    routedOn: m.routed_at ? new Date(m.routed_at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10) : null,
    acceptedOn: m.acceptance === 'accepted' ? m.acceptance_on : null,
    notAcceptedOn: m.acceptance === 'not_accepted' ? m.acceptance_on : null,
    answeredOn: m.answered_on,
    reviewRequestedOn: m.review_requested_on,
    reviewDecidedOn: m.review_decided_on,
    reReviewRequestedOn: m.re_review_requested_on,
    reReviewDecidedOn: m.re_review_decided_on,
    concludedOn: m.outcome_on,
    outcomeName: m.outcome ? outcomeNames[m.outcome] : null,
    canRate: Boolean(m.outcome) && !m.rated_at,
    rated: Boolean(m.rated_at),
  };
}

export async function rate(ctx: RequestContext, input: { code: string; phoneLast4: string; rating: number; comment?: string }) {
  const m = await checkedMatter(ctx, input.code, input.phoneLast4);
  if (!m.outcome) throw badRequest(s.notConcluded);
  const comment = input.comment?.trim() ?? '';
  return ctx.db.transaction().execute(async (trx) => {
    const r = await sql<{ id: string }>`update petitions.matters set rating = ${input.rating}, rating_comment = ${comment || null}, rated_at = now()
      where tenant_id = ${m.tenant_id} and id = ${m.id} and rated_at is null returning id`.execute(trx);
    if (!r.rows[0]) throw badRequest(s.alreadyRated);
    await ctx.audit.record({ action: 'petitions.rate', targetType: 'petition', targetId: m.id, detail: { rating: input.rating } }, { db: trx });
    return { ok: true };
  });
}
