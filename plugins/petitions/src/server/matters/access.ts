// Who may see a matter and what of it. The committee sees every matter of its tenant; a
// unit user sees a matter once the kernel lets them see its case (from assignment on,
// when their unit leads or cooperates). An accuser's identity and material (检举控告)
// are shown only to committee users holding `petitions.accusations`.
import { notFound, sql, TRPCError, versionConflict, type AuthedContext, type KernelCase } from '@zhengfa/plugin-api';
import { matterStrings as s } from '../strings.js';
import type { MatterChanges, PetitionsDb } from '../db.js';

export interface MatterRow {
  tenant_id: string;
  id: string;
  case_id: string;
  doc_no: string;
  category: 'law' | 'litigation' | 'other';
  is_accusation: boolean;
  accused_org_id: string | null;
  accused_org_name: string | null;
  accused_person: string | null;
  involved_org_id: string | null;
  involved_org_name: string | null;
  content: string;
  demands: string;
  receiving_officer_id: string;
  receiving_officer_name: string;
  first_received_on: string;
  routed_at: Date | null;
  routed_by: string | null;
  lead_unit_id: string | null;
  lead_unit_name: string | null;
  acceptance: 'accepted' | 'not_accepted' | null;
  acceptance_on: string | null;
  acceptance_note: string | null;
  answer: string | null;
  answered_on: string | null;
  review_stage: 'none' | 'review_requested' | 'reviewed' | 're_review_requested' | 're_reviewed';
  review_requested_on: string | null;
  review_decided_on: string | null;
  review_result: string | null;
  re_review_requested_on: string | null;
  re_review_decided_on: string | null;
  re_review_result: string | null;
  outcome: 'resolved' | 'stopped' | 'concluded' | 'written_off' | null;
  outcome_on: string | null;
  outcome_note: string | null;
  concluded_by: string | null;
  written_off_approved_by: string | null;
  query_code: string;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  version: number;
  created_at: Date;
}

/** The accuser's identity (and the accusation's material) may be shown to this user. */
export function maySeeAccuser(ctx: AuthedContext, m: Pick<MatterRow, 'is_accusation'>): boolean {
  return !m.is_accusation || (ctx.user.committee && ctx.can('petitions.accusations'));
}

/**
 * The content of the matter may be shown: for accusations, by the rule of the accuser's
 * identity (the content names or betrays the accuser), as the kernel keeps the case's
 * material from whoever lacks the restriction's permission.
 */
export function maySeeMaterial(ctx: AuthedContext, m: Pick<MatterRow, 'is_accusation'>): boolean {
  return maySeeAccuser(ctx, m);
}

/**
 * Loads a matter the user may see (the committee: any of its tenant; a unit: one whose
 * kernel case the kernel shows them), or throws NOT_FOUND. With `lock`, the row is
 * locked for the caller's transaction; `bumpMatter` checks the user's version.
 */
export async function loadMatter(
  ctx: AuthedContext,
  db: PetitionsDb,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<{ matter: MatterRow; kase: KernelCase }> {
  const q = db.selectFrom('petitions.matters').selectAll().where('tenant_id', '=', ctx.tenant.id).where('id', '=', id);
  const matter: MatterRow | undefined = await (opts.lock ? q.forUpdate() : q).executeTakeFirst();
  if (!matter) throw notFound(s.notFound);
  let kase: KernelCase;
  try {
    kase = await ctx.kernel.cases.get(matter.case_id, { db });
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'NOT_FOUND') throw notFound(s.notFound);
    throw err;
  }
  return { matter, kase };
}

/** Status of a matter as the petition office speaks of it. */
export function matterStatus(m: MatterRow, kase?: KernelCase): string {
  if (m.outcome) return 'concluded';
  if (m.review_stage !== 'none') return m.review_stage;
  if (m.answered_on) return 'answered';
  if (m.acceptance === 'not_accepted') return 'not_accepted';
  if (m.acceptance === 'accepted') return 'accepted';
  if (m.routed_at) return 'routed';
  if (kase && ['pending_approval', 'approved'].includes(kase.status)) return 'awaiting_approval';
  return 'registered';
}

/** The same status in SQL, for list filters (alias `m`). */
export const matterStatusSql = sql<string>`case
  when m.outcome is not null then 'concluded'
  when m.review_stage <> 'none' then m.review_stage
  when m.answered_on is not null then 'answered'
  when m.acceptance = 'not_accepted' then 'not_accepted'
  when m.acceptance = 'accepted' then 'accepted'
  when m.routed_at is not null then 'routed'
  else 'registered' end`;

/** Bumps the matter's version (with `set`, when given) if the user's version is current; else CONFLICT. */
export async function bumpMatter(ctx: AuthedContext, db: PetitionsDb, id: string, version: number, set: MatterChanges | null): Promise<number> {
  const r = await db
    .updateTable('petitions.matters')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  if (!r) throw versionConflict();
  return r.version;
}
