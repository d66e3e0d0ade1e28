// The public progress look-up (查询办理进度): query code + last four digits of a phone on
// the matter. Status and dates only — no names, no content. Failed attempts are counted
// in petitions.lookup_attempts (shared by every server process): 5 per code and 20 per IP
// within 15 minutes, after which the look-up refuses until the window passes.
import { badRequest, sql, TRPCError, type RequestContext } from '@zhengfa/plugin-api';
import { matterStatus, type MatterRow } from '../matters/access.js';
import { phoneLast4 } from '../matters/personal-data.js';
import { lookupStrings as s, matterStatusNames, outcomeNames } from '../strings.js';
import { own, type PetitionsDb } from '../db.js';

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_CODE = 5;
export const MAX_FAILURES_PER_IP = 20;

function tooMany(message: string): TRPCError {
  return new TRPCError({ code: 'TOO_MANY_REQUESTS', message });
}

async function failures(db: PetitionsDb, key: string): Promise<number> {
  const r = await db
    .selectFrom('petitions.lookup_attempts')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('key', '=', key)
    .where('ok', '=', false)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${WINDOW_MINUTES})`)
    .executeTakeFirstOrThrow();
  return r.n;
}

type Outcome = { kind: 'ok'; matter: MatterRow } | { kind: 'refused'; error: TRPCError };

/** Checks the code and suffix under the rate limit; records the attempt whatever the result. */
async function attempt(ctx: RequestContext, code: string, suffix: string): Promise<Outcome> {
  const codeKey = `code:${code}`;
  const ipKey = `ip:${ctx.request.ip ?? 'unknown'}`;
  return own(ctx).transaction().execute(async (trx) => {
    // Serialise attempts on the same code and IP across processes.
    await sql`select pg_advisory_xact_lock(hashtext(${codeKey}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext(${ipKey}))`.execute(trx);
    if ((await failures(trx, ipKey)) >= MAX_FAILURES_PER_IP) return { kind: 'refused', error: tooMany(s.tooManyForIp) };
    if ((await failures(trx, codeKey)) >= MAX_FAILURES_PER_CODE) return { kind: 'refused', error: tooMany(s.tooManyForCode) };
    const matter: MatterRow | undefined = await trx.selectFrom('petitions.matters').selectAll().where('query_code', '=', code).executeTakeFirst();
    let ok = false;
    if (matter) {
      const phones = await trx
        .selectFrom('petitions.petitioners')
        .select('phone')
        .where('tenant_id', '=', matter.tenant_id)
        .where('matter_id', '=', matter.id)
        .where('phone', 'is not', null)
        .execute();
      // Phones are sealed: opened here, a handful per matter.
      ok = phones.some((p) => phoneLast4(p.phone === null ? null : ctx.vault.open(p.phone)) === suffix);
    }
    await trx.insertInto('petitions.lookup_attempts').values([{ key: codeKey, ok }, { key: ipKey, ok }]).execute();
    await trx
      .deleteFrom('petitions.lookup_attempts')
      .where('key', 'in', [codeKey, ipKey])
      .where('at', '<', sql<Date>`now() - interval '1 day'`)
      .execute();
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
  return own(ctx).transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('petitions.matters')
      .set({ rating: input.rating, rating_comment: comment || null, rated_at: sql<Date>`now()` })
      .where('tenant_id', '=', m.tenant_id)
      .where('id', '=', m.id)
      .where('rated_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw badRequest(s.alreadyRated);
    await ctx.audit.record({ action: 'petitions.rate', targetType: 'petition', targetId: m.id, detail: { rating: input.rating } }, { db: trx });
    return { ok: true };
  });
}
