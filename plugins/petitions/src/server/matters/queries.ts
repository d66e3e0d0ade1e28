// Reading matters: the list, one matter, likely repeats, and the audited reveal of a
// petitioner's personal data. Lists embed the scope in SQL; personal data are masked.
import { forbidden, notFound, sql, type AuthedContext, type Vault } from '@zhengfa/plugin-api';
import {
  categoryNames,
  channelNames,
  matterStatusNames,
  matterStrings as s,
  outcomeNames,
  personalDataStrings as ps,
  reliefStatusNames,
  satisfactionNames,
  visitTypeNames,
  writeOffStatusNames,
} from '../strings.js';
import { addDays } from './dates.js';
import { gramOverlap, issueGrams, SAME_ISSUE_OVERLAP } from './grams.js';
import { mediationOf } from './mediation.js';
import { loadMatter, matterStatus, matterStatusSql, maySeeAccuser, maySeeMaterial, type MatterRow } from './access.js';
import { maskAddress, maskIdNumber, maskName, maskPhone, normalizeIdNumber, phoneProblem } from './personal-data.js';
import { areSealedGrams, gramForms, idIndexes, namePhoneIndexes, openIdentifiers, openMaterial, sealedGramOverlap } from './sealing.js';
import { own, type PetitionsDb } from '../db.js';

export interface ListFilter {
  from?: string;
  to?: string;
  status?: string;
  category?: 'law' | 'litigation' | 'other';
  accusation?: boolean;
  unrouted?: boolean;
  /** Open matters the mediation center reported settled (访调对接): to close on its result. */
  mediationSettled?: boolean;
  page: number;
  pageSize: number;
}

interface PetitionerRow {
  id: string;
  matter_id: string;
  name: string;
  id_number: string | null;
  phone: string | null;
  address: string | null;
  is_primary: boolean;
}

function excerpt(text: string, max = 40): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** Organisation ids in the user's scope (the kernel's public API), for unit users' lists. */
async function scopeOrgIds(ctx: AuthedContext, db: PetitionsDb): Promise<string[]> {
  const orgs = await ctx.kernel.orgs.list({ db });
  return orgs.map((o) => o.id);
}

/**
 * The scope condition on `m`: the committee sees the tenant; a unit user sees matters
 * routed to a lead unit inside their subtree (mirrored at routing time).
 */
export async function scopeCondition(ctx: AuthedContext, db: PetitionsDb) {
  if (ctx.user.committee) return sql`true`;
  const ids = await scopeOrgIds(ctx, db);
  if (ids.length === 0) return sql`false`;
  return sql`(m.routed_at is not null and m.lead_unit_id = any(${sql.val(ids)}::uuid[]))`;
}

function ownerOf(m: Pick<MatterRow, 'routed_at' | 'lead_unit_name' | 'receiving_officer_name'>) {
  // 首接责任制: the receiving officer owns the petition until it is routed.
  return m.routed_at ? { kind: 'unit' as const, name: m.lead_unit_name ?? '' } : { kind: 'officer' as const, name: m.receiving_officer_name };
}

function petitionerSummary(ctx: AuthedContext, m: Pick<MatterRow, 'is_accusation'>, names: string[]): string {
  if (!maySeeAccuser(ctx, m)) return ps.accuserHidden;
  return names.map(maskName).join('、');
}

export async function listMatters(ctx: AuthedContext, f: ListFilter) {
  const db = own(ctx);
  const scope = await scopeCondition(ctx, db);
  const where = sql`m.tenant_id = ${ctx.tenant.id} and ${scope}
    ${f.from ? sql`and m.first_received_on >= ${f.from}::date` : sql``}
    ${f.to ? sql`and m.first_received_on <= ${f.to}::date` : sql``}
    ${f.category ? sql`and m.category = ${f.category}` : sql``}
    ${f.accusation !== undefined ? sql`and m.is_accusation = ${f.accusation}` : sql``}
    ${f.unrouted ? sql`and m.routed_at is null` : sql``}
    ${f.mediationSettled ? sql`and m.outcome is null and exists (select 1 from petitions.mediation_referrals r where r.tenant_id = m.tenant_id and r.matter_id = m.id and r.settled_on is not null)` : sql``}
    ${f.status ? sql`and (${matterStatusSql}) = ${f.status}` : sql``}`;
  const total = await sql<{ n: number }>`select count(*)::int as n from petitions.matters m where ${where}`.execute(db);
  const rows = await sql<
    MatterRow & { visit_count: number; person_visits: number; repeat_count: number; max_persons: number; first_channel: keyof typeof channelNames; names: string[] | null }
  >`select m.*,
      (select count(*)::int from petitions.visits v where v.tenant_id = m.tenant_id and v.matter_id = m.id) as visit_count,
      (select coalesce(sum(v.person_count), 0)::int from petitions.visits v where v.tenant_id = m.tenant_id and v.matter_id = m.id) as person_visits,
      (select count(*)::int from petitions.visits v where v.tenant_id = m.tenant_id and v.matter_id = m.id and v.is_repeat) as repeat_count,
      (select coalesce(max(v.person_count), 0)::int from petitions.visits v where v.tenant_id = m.tenant_id and v.matter_id = m.id) as max_persons,
      (select v.channel from petitions.visits v where v.tenant_id = m.tenant_id and v.matter_id = m.id order by v.received_on, v.created_at limit 1) as first_channel,
      (select array_agg(p.name order by p.is_primary desc, p.name) from petitions.petitioners p where p.tenant_id = m.tenant_id and p.matter_id = m.id) as names
    from petitions.matters m where ${where}
    order by m.first_received_on desc, m.created_at desc, m.id
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  return {
    total: total.rows[0]!.n,
    items: rows.rows.map((m) => {
      const status = matterStatus(m);
      return {
        id: m.id,
        docNo: m.doc_no,
        firstReceivedOn: m.first_received_on,
        channel: m.first_channel,
        channelName: channelNames[m.first_channel] ?? '',
        category: m.category,
        categoryName: categoryNames[m.category],
        isAccusation: m.is_accusation,
        collective: m.max_persons >= 5,
        visitCount: m.visit_count,
        personVisits: m.person_visits,
        repeatCount: m.repeat_count,
        petitioners: petitionerSummary(ctx, m, m.names ?? []),
        excerpt: maySeeMaterial(ctx, m) ? excerpt(openMaterial(ctx.vault, m.content)) : ps.materialHidden,
        involvedOrgName: m.involved_org_name,
        leadUnitName: m.lead_unit_name,
        owner: ownerOf(m),
        status,
        statusName: matterStatusNames[status as keyof typeof matterStatusNames],
        outcome: m.outcome,
        outcomeName: m.outcome ? outcomeNames[m.outcome] : null,
        version: m.version,
      };
    }),
  };
}

function maskedPetitioner(p: PetitionerRow) {
  return {
    id: p.id,
    name: maskName(p.name),
    idNumber: p.id_number ? maskIdNumber(p.id_number) : null,
    phone: p.phone ? maskPhone(p.phone) : null,
    address: p.address ? maskAddress(p.address) : null,
    isPrimary: p.is_primary,
  };
}

/** A matter's petitioners, their ID numbers and phones opened (masking is the caller's). */
export async function petitionersOf(ctx: { db: PetitionsDb; vault: Vault }, tenantId: string, matterId: string): Promise<PetitionerRow[]> {
  const rows: PetitionerRow[] = await own(ctx)
    .selectFrom('petitions.petitioners')
    .select(['id', 'matter_id', 'name', 'id_number', 'phone', 'address', 'is_primary'])
    .where('tenant_id', '=', tenantId)
    .where('matter_id', '=', matterId)
    .orderBy('is_primary', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((p) => openIdentifiers(ctx.vault, p));
}

/** The id of the matter registered as this kernel case, or NOT_FOUND. */
export async function matterIdOfCase(ctx: AuthedContext, caseId: string): Promise<string> {
  const r = await own(ctx).selectFrom('petitions.matters').select('id').where('tenant_id', '=', ctx.tenant.id).where('case_id', '=', caseId).executeTakeFirst();
  if (!r) throw notFound(s.notFound);
  return r.id;
}

export async function matterDetail(ctx: AuthedContext, id: string) {
  const db = own(ctx);
  const { matter: m, kase } = await loadMatter(ctx, db, id);
  const seeAccuser = maySeeAccuser(ctx, m);
  const seeMaterial = maySeeMaterial(ctx, m);
  const [visits, petitioners, relief, fourVisits, writeOffs] = await Promise.all([
    sql<{ id: string; channel: keyof typeof channelNames; received_on: string; person_count: number; is_repeat: boolean; content: string; created_at: Date }>`
      select id, channel, received_on, person_count, is_repeat, content, created_at from petitions.visits
      where tenant_id = ${ctx.tenant.id} and matter_id = ${m.id} order by received_on, created_at`.execute(db),
    seeAccuser ? petitionersOf(ctx, ctx.tenant.id, m.id) : Promise.resolve([] as PetitionerRow[]),
    sql<{ id: string; amount: string; reason: string; status: keyof typeof reliefStatusNames; approved_on: string | null; paid_on: string | null; decision_note: string | null; version: number }>`
      select id, amount::text as amount, reason, status, approved_on, paid_on, decision_note, version from petitions.relief
      where tenant_id = ${ctx.tenant.id} and matter_id = ${m.id} order by created_at`.execute(db),
    sql<{ id: string; type: keyof typeof visitTypeNames; scheduled_on: string; leader_name: string; held: boolean; held_on: string | null; satisfaction: keyof typeof satisfactionNames | null }>`
      select id, type, scheduled_on, leader_name, held, held_on, satisfaction from petitions.leader_visits
      where tenant_id = ${ctx.tenant.id} and matter_id = ${m.id} order by scheduled_on`.execute(db),
    sql<{ id: string; reason: string; requested_on: string; requested_by: string; requested_by_name: string; status: 'pending' | 'approved' | 'rejected'; decided_by_name: string | null; decided_at: Date | null; decision_note: string | null }>`
      select id, reason, requested_on::text as requested_on, requested_by, requested_by_name, status, decided_by_name, decided_at, decision_note
      from petitions.writeoff_requests where tenant_id = ${ctx.tenant.id} and matter_id = ${m.id} order by created_at`.execute(db),
  ]);
  const status = matterStatus(m, kase);
  const mediation = await mediationOf(db, ctx.tenant.id, m.id, m.outcome !== null);
  const collective = visits.rows.some((v) => v.person_count >= 5);
  return {
    id: m.id,
    caseId: m.case_id,
    docNo: m.doc_no,
    queryCode: m.query_code,
    category: m.category,
    categoryName: categoryNames[m.category],
    isAccusation: m.is_accusation,
    accusedOrgName: m.is_accusation && ctx.user.committee ? m.accused_org_name : null,
    accusedPerson: m.is_accusation && ctx.user.committee ? m.accused_person : null,
    involvedOrgId: m.involved_org_id,
    involvedOrgName: m.involved_org_name,
    content: seeMaterial ? openMaterial(ctx.vault, m.content) : ps.materialHidden,
    demands: seeMaterial ? openMaterial(ctx.vault, m.demands) : ps.materialHidden,
    firstReceivedOn: m.first_received_on,
    receivingOfficerName: m.receiving_officer_name,
    owner: ownerOf(m),
    collective,
    visitCount: visits.rows.length,
    personVisits: visits.rows.reduce((n, v) => n + v.person_count, 0),
    repeatCount: visits.rows.filter((v) => v.is_repeat).length,
    visits: visits.rows.map((v) => ({
      id: v.id,
      channel: v.channel,
      channelName: channelNames[v.channel],
      receivedOn: v.received_on,
      personCount: v.person_count,
      isRepeat: v.is_repeat,
      content: seeMaterial ? openMaterial(ctx.vault, v.content) : v.content ? ps.materialHidden : '',
    })),
    petitionersHidden: !seeAccuser,
    petitioners: petitioners.map(maskedPetitioner),
    canReveal: seeAccuser && ctx.can('petitions.reveal'),
    status,
    statusName: matterStatusNames[status as keyof typeof matterStatusNames],
    routedAt: m.routed_at,
    leadUnitId: m.lead_unit_id,
    leadUnitName: m.lead_unit_name ?? kase.leadUnitName,
    acceptance: m.acceptance,
    acceptanceOn: m.acceptance_on,
    acceptanceNote: m.acceptance_note,
    answer: m.answer,
    answeredOn: m.answered_on,
    reviewStage: m.review_stage,
    reviewRequestOpenUntil: m.answered_on && m.review_stage === 'none' ? addDays(m.answered_on, 30) : null,
    reviewRequestedOn: m.review_requested_on,
    reviewDecidedOn: m.review_decided_on,
    reviewResult: m.review_result,
    reReviewRequestedOn: m.re_review_requested_on,
    reReviewDecidedOn: m.re_review_decided_on,
    reReviewResult: m.re_review_result,
    final: m.review_stage === 're_reviewed',
    outcome: m.outcome,
    outcomeName: m.outcome ? outcomeNames[m.outcome] : null,
    outcomeOn: m.outcome_on,
    outcomeNote: m.outcome_note,
    /** The referral to the joint mediation center and what it reported back; null when never referred. */
    mediation,
    rating: ctx.user.committee ? m.rating : null,
    ratingComment: ctx.user.committee ? m.rating_comment : null,
    kernel: {
      status: kase.status,
      statusName: kase.statusName,
      deadline: kase.deadline,
      version: kase.version,
      clocks: kase.clocks,
    },
    relief: relief.rows.map((r) => ({
      id: r.id,
      amount: r.amount,
      reason: r.reason,
      status: r.status,
      statusName: reliefStatusNames[r.status],
      approvedOn: r.approved_on,
      paidOn: r.paid_on,
      decisionNote: r.decision_note,
      version: r.version,
    })),
    fourVisits: fourVisits.rows.map((v) => ({
      id: v.id,
      type: v.type,
      typeName: visitTypeNames[v.type],
      scheduledOn: v.scheduled_on,
      leaderName: v.leader_name,
      held: v.held,
      heldOn: v.held_on,
      satisfaction: v.satisfaction,
      satisfactionName: v.satisfaction ? satisfactionNames[v.satisfaction] : null,
    })),
    /** 核销 requests, oldest first; the committee's own business. */
    writeOffs: ctx.user.committee
      ? writeOffs.rows.map((r) => ({
          id: r.id,
          reason: r.reason,
          requestedOn: r.requested_on,
          requestedByName: r.requested_by_name,
          requestedByMe: r.requested_by === ctx.user.id,
          status: r.status,
          statusName: writeOffStatusNames[r.status],
          decidedByName: r.decided_by_name,
          decidedAt: r.decided_at,
          decisionNote: r.decision_note,
        }))
      : [],
    version: m.version,
  };
}

export interface RepeatQuery {
  petitioners: { name: string; idNumber?: string | null; phone?: string | null }[];
  content: string;
}

/**
 * Likely earlier matters (重复信访): the same person (ID number, or name and phone) or the
 * same issue (at least half of the shorter content's character bigrams in common).
 */
export async function findRepeats(ctx: AuthedContext, q: RepeatQuery) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  // Looked up by blind index (HMAC-SM3), never by plaintext: the columns hold envelopes.
  const ids = idIndexes(ctx.vault, q.petitioners.map((p) => (p.idNumber ? normalizeIdNumber(p.idNumber) : '')).filter(Boolean));
  const pairs = namePhoneIndexes(
    ctx.vault,
    q.petitioners.filter((p) => p.phone && !phoneProblem(p.phone)).map((p) => ({ name: p.name.trim(), phone: p.phone! })),
  );
  const grams = issueGrams(q.content);
  // Accusations keep their bigrams as keyed hashes (sealing.ts): matched in those forms.
  const forms = gramForms(ctx.vault, grams);
  // An accusation is matched by person only for those who may see the accuser: for anyone
  // else a match by name and phone or ID would confirm who accused whom.
  const samePerson = sql<boolean>`(${maySeeAccuser(ctx, { is_accusation: true })} or not m.is_accusation) and exists (select 1 from petitions.petitioners p where p.tenant_id = m.tenant_id and p.matter_id = m.id
        and (p.id_number_index = any(${sql.val(ids)}::text[]) or (p.phone_index is not null and p.name || '|' || p.phone_index = any(${sql.val(pairs)}::text[]))))`;
  const r = await sql<MatterRow & { same_person: boolean; issue_grams: string[]; visit_count: number; names: string[] | null }>`
    select m.*,
      ${samePerson} as same_person,
      (select count(*)::int from petitions.visits v where v.tenant_id = m.tenant_id and v.matter_id = m.id) as visit_count,
      (select array_agg(p.name order by p.is_primary desc, p.name) from petitions.petitioners p where p.tenant_id = m.tenant_id and p.matter_id = m.id) as names
    from petitions.matters m
    where m.tenant_id = ${ctx.tenant.id}
      and (m.issue_grams && ${sql.val([...grams, ...forms.flat()])}::text[] or ${samePerson})
    order by m.first_received_on desc
    limit 500`.execute(own(ctx));
  const out = r.rows
    .map((m) => {
      const overlap = areSealedGrams(m.issue_grams) ? sealedGramOverlap(m.issue_grams, forms) : gramOverlap(m.issue_grams, grams);
      const similarity = Math.round(overlap * 100) / 100;
      const reasons = [...(m.same_person ? ['same_person' as const] : []), ...(similarity >= SAME_ISSUE_OVERLAP ? ['same_issue' as const] : [])];
      const status = matterStatus(m);
      return {
        matterId: m.id,
        docNo: m.doc_no,
        firstReceivedOn: m.first_received_on,
        reasons,
        similarity,
        petitioners: petitionerSummary(ctx, m, m.names ?? []),
        excerpt: excerpt(openMaterial(ctx.vault, m.content)),
        visitCount: m.visit_count,
        status,
        statusName: matterStatusNames[status as keyof typeof matterStatusNames],
        final: m.review_stage === 're_reviewed',
        version: m.version,
      };
    })
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity)
    .slice(0, 10);
  return out;
}

/** Unmasked petitioners of a matter, for users with `petitions.reveal`; audited. */
export async function revealPetitioners(ctx: AuthedContext, input: { matterId: string; petitionerId?: string }) {
  // Reads, then one audit write: the reveal and its record are the same request.
  const { matter } = await loadMatter(ctx, own(ctx), input.matterId);
  if (!maySeeAccuser(ctx, matter)) {
    await ctx.audit.record({ action: 'petitions.reveal', outcome: 'denied', targetType: 'petition', targetId: matter.id, detail: { accusation: true } });
    throw forbidden(s.revealAccusationDenied);
  }
  const rows = (await petitionersOf(ctx, ctx.tenant.id, matter.id)).filter((p) => !input.petitionerId || p.id === input.petitionerId);
  if (rows.length === 0) throw notFound(s.petitionerNotFound);
  await ctx.audit.record({
    action: 'petitions.reveal',
    targetType: 'petition',
    targetId: matter.id,
    detail: { petitionerIds: rows.map((p) => p.id), fields: ['name', 'idNumber', 'phone', 'address'], accusation: matter.is_accusation },
  });
  return rows.map((p) => ({ id: p.id, name: p.name, idNumber: p.id_number, phone: p.phone, address: p.address, isPrimary: p.is_primary }));
}
