// 访调对接: with the petitioner's consent the petition office refers a matter to the joint
// mediation center (an event the center turns into a dispute); the center reports back
// through its own events when the dispute is settled by agreement and when the agreement is
// performed, and the office then closes the matter as 化解 or 息访 in one step. The two
// plugins share only event names and payloads, never code: the mediation plugin reads this
// plugin's ./contract; the payload read here is the one the mediation plugin publishes in its
// ./contract (mediationEventSchemas, checked by the kernel when emitted), written out below
// because a package dependency both ways would be a cycle the workspace build refuses.
import { badRequest, forbidden, sql, versionConflict, type AuthedContext, type BackgroundContext, type KernelEvent } from '@zhengfa/plugin-api';
import { petitionEvents, type PetitionReferredToMediationEvent } from '../../contract.js';
import { matterStrings as s } from '../strings.js';
import { bumpMatter, loadMatter } from './access.js';
import { chinaToday } from './dates.js';
import { closeMatter } from './handling.js';
import { own, type PetitionsDb } from '../db.js';

/** The mediation dispute's summary holds at most this many characters. */
const SUMMARY_MAX = 5000;

interface ReferralRow {
  referred_on: string;
  referred_by_name: string;
  dispute_id: string | null;
  dispute_code: string | null;
  settled_on: string | null;
  performed_on: string | null;
}

export interface MediationView {
  referredOn: string;
  referredByName: string;
  disputeCode: string | null;
  settledOn: string | null;
  performedOn: string | null;
  status: keyof typeof s.mediationStatus;
  statusName: string;
  /** The office may close the matter on the mediation's result now (settled, not yet concluded). */
  canConclude: boolean;
}

async function referralOf(db: PetitionsDb, tenantId: string, matterId: string, lock = false): Promise<ReferralRow | undefined> {
  const r = await sql<ReferralRow>`select to_char(referred_on, 'YYYY-MM-DD') as referred_on, referred_by_name, dispute_id, dispute_code,
      to_char(settled_on, 'YYYY-MM-DD') as settled_on, to_char(performed_on, 'YYYY-MM-DD') as performed_on
    from petitions.mediation_referrals where tenant_id = ${tenantId} and matter_id = ${matterId} ${lock ? sql`for update` : sql``}`.execute(db);
  return r.rows[0];
}

/** The referral of a matter as its page shows it, or null when it was never referred. */
export async function mediationOf(db: PetitionsDb, tenantId: string, matterId: string, concluded: boolean): Promise<MediationView | null> {
  const r = await referralOf(db, tenantId, matterId);
  if (!r) return null;
  const status = r.performed_on ? 'performed' : r.settled_on ? 'settled' : 'referred';
  return {
    referredOn: r.referred_on,
    referredByName: r.referred_by_name,
    disputeCode: r.dispute_code,
    settledOn: r.settled_on,
    performedOn: r.performed_on,
    status,
    statusName: s.mediationStatus[status],
    canConclude: !concluded && r.settled_on !== null,
  };
}

/**
 * Refers a matter to the mediation center with the petitioner's consent: recorded here, and
 * the event `petitions.referred_to_mediation` carries what the dispute needs. The matter stays
 * open; the office closes it once the center reports the dispute settled.
 */
export async function referToMediation(ctx: AuthedContext, input: { id: string; version: number; consent: boolean }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  if (input.consent !== true) throw badRequest(s.mediationConsentRequired);
  const today = chinaToday(ctx.now());
  return own(ctx).transaction().execute(async (trx) => {
    const { matter } = await loadMatter(ctx, trx, input.id, { lock: true });
    if (matter.outcome) throw badRequest(s.concludedAlready);
    if (matter.is_accusation) throw badRequest(s.mediationAccusation);
    if (await referralOf(trx, ctx.tenant.id, matter.id)) throw badRequest(s.mediationReferredAlready);
    if (matter.version !== input.version) throw versionConflict();
    const people = await trx
      .selectFrom('petitions.petitioners')
      .select(['name', 'phone'])
      .where('tenant_id', '=', ctx.tenant.id)
      .where('matter_id', '=', matter.id)
      .orderBy('is_primary', 'desc')
      .orderBy('name')
      .execute();
    const counted = await sql<{ n: number }>`select coalesce(max(person_count), 1)::int as n from petitions.visits
      where tenant_id = ${ctx.tenant.id} and matter_id = ${matter.id}`.execute(trx);
    await trx
      .insertInto('petitions.mediation_referrals')
      .values({ tenant_id: ctx.tenant.id, matter_id: matter.id, referred_on: today, referred_by: ctx.user.id, referred_by_name: ctx.user.displayName })
      .execute();
    const version = await bumpMatter(ctx, trx, matter.id, input.version, null);
    const payload: PetitionReferredToMediationEvent = {
      matterId: matter.id,
      petitionNo: matter.doc_no,
      receivedOn: matter.first_received_on,
      summary: Array.from(matter.content).slice(0, SUMMARY_MAX).join(''),
      personCount: Math.max(counted.rows[0]!.n, people.length, 1),
      // Phones travel sealed: the outbox never holds one in clear.
      petitioners: people.map((p) => ({ name: p.name, sealedPhone: p.phone === null ? null : ctx.vault.isSealed(p.phone) ? p.phone : ctx.vault.seal(p.phone) })),
      consent: true,
    };
    await ctx.audit.record({ action: 'petitions.referToMediation', targetType: 'petition', targetId: matter.id, detail: { on: today, petitioners: people.length } }, { db: trx });
    await ctx.events.emit(petitionEvents.referredToMediation, payload, { db: trx });
    return { version, referredOn: today };
  });
}

/**
 * Closes a matter the mediation center settled, as 化解 or 息访, in one step: a matter never
 * routed has its kernel case withdrawn; one routed to a unit closes once the unit reported.
 */
export async function concludeMediated(ctx: AuthedContext, input: { id: string; version: number; outcome: 'resolved' | 'stopped'; note?: string | undefined }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  const today = chinaToday(ctx.now());
  return own(ctx).transaction().execute(async (trx) => {
    const loaded = await loadMatter(ctx, trx, input.id, { lock: true });
    const { matter, kase } = loaded;
    if (matter.outcome) throw badRequest(s.concludedAlready);
    const referral = await referralOf(trx, ctx.tenant.id, matter.id, true);
    if (!referral) throw badRequest(s.mediationNotReferred);
    if (!referral.settled_on) throw badRequest(s.mediationNotSettled);
    if (matter.version !== input.version) throw versionConflict();
    if (!['registered', 'pending_approval', 'approved', 'submitted', 'closed', 'archived'].includes(kase.status)) throw badRequest(s.mediationWithUnit);
    const note = input.note?.trim() || s.mediationNote(referral.dispute_code, referral.performed_on !== null);
    const version = await closeMatter(ctx, trx, loaded, { version: input.version, outcome: input.outcome, note, on: today, concludedBy: ctx.user.id, approvedBy: null, mediated: true });
    return { version };
  });
}

/** `mediation.dispute.settled` / `mediation.dispute.performed` as @zhengfa/plugin-mediation/contract publishes them. */
interface DisputeOutcomePayload {
  disputeId: string;
  code: string;
  petitionRef: string | null;
  settledOn?: string;
  performedOn?: string;
}

/** The mediation center's events, on the matter they name (a dispute of another source names none). */
async function recordMediation(event: KernelEvent, ctx: BackgroundContext): Promise<void> {
  const p = event.payload as unknown as DisputeOutcomePayload;
  if (!p.petitionRef || !event.tenantId) return;
  const settledOn = p.settledOn ?? null;
  const performedOn = p.performedOn ?? null;
  // Safe to run again for an event it has had: the same values are written.
  await sql`update petitions.mediation_referrals set dispute_id = ${p.disputeId}, dispute_code = ${p.code},
      settled_on = coalesce(settled_on, ${settledOn}::date, ${performedOn}::date),
      performed_on = coalesce(performed_on, ${performedOn}::date)
    where tenant_id = ${event.tenantId} and matter_id::text = ${p.petitionRef}`.execute(own(ctx));
}

export const mediationSubscriptions = {
  'mediation.dispute.settled': recordMediation,
  'mediation.dispute.performed': recordMediation,
};
