// Handling a routed matter under the petition regulation (信访工作条例, 2022): the unit's
// decision to accept (受理) within 15 days, the answer (处理意见) within 60 days, the
// review (复查) and re-review (复核) each requested within 30 days of the previous answer
// and decided within 30 days, and the outcomes that close the matter. Deadlines run as
// kernel clocks; the kernel case follows through its public transitions.
import { apiStrings, badRequest, forbidden, notFound, sql, versionConflict, type AuthedContext, type KernelCase } from '@zhengfa/plugin-api';
import { petitionEvents, type PetitionOutcome } from '../../contract.js';
import { matterStrings as s } from '../strings.js';
import { bumpMatter, loadMatter, type MatterRow } from './access.js';
import { addDays, chinaToday } from './dates.js';
import { own, type MatterChanges, type PetitionsDb } from '../db.js';

export const REVIEW_WINDOW_DAYS = 30;
export const REVIEW_DECISION_DAYS = 30;

type Trx = PetitionsDb;

async function transitionIfAllowed(ctx: AuthedContext, db: Trx, kase: KernelCase, action: 'acknowledge' | 'submitResult', extra: { report?: string; comment?: string } = {}): Promise<KernelCase> {
  if (!ctx.can('cases.handle')) return kase;
  await ctx.kernel.cases.transition({ id: kase.id, version: kase.version, action, ...extra }, { db });
  return ctx.kernel.cases.get(kase.id, { db });
}

/**
 * 受理 and the answer are the lead unit's (or the committee's on its behalf): a cooperating
 * unit sees the matter but never records either for the lead unit.
 */
async function checkLeadsMatter(ctx: AuthedContext, db: Trx, kase: KernelCase): Promise<void> {
  if (ctx.user.committee) return;
  const scope = await ctx.kernel.orgs.list({ db });
  if (!kase.leadUnitId || !scope.some((o) => o.id === kase.leadUnitId)) throw forbidden(s.leadUnitOnly);
}

function checkDate(on: string, m: MatterRow, today: string): void {
  if (on > today) throw badRequest(s.dateInFuture);
  if (on < m.first_received_on) throw badRequest(s.dateBeforeReceipt);
}

/** 受理 / 不予受理 by the lead unit (or the committee on its behalf). */
export async function recordAcceptance(ctx: AuthedContext, input: { id: string; version: number; accepted: boolean; note?: string; on?: string }) {
  const today = chinaToday(ctx.now());
  const on = input.on ?? today;
  return own(ctx).transaction().execute(async (trx) => {
    const loaded = await loadMatter(ctx, trx, input.id, { lock: true });
    const matter = loaded.matter;
    let kase = loaded.kase;
    await checkLeadsMatter(ctx, trx, kase);
    if (!matter.routed_at) throw badRequest(s.notRouted);
    if (matter.outcome) throw badRequest(s.concludedAlready);
    if (matter.acceptance) throw badRequest(s.acceptanceRecorded);
    const note = input.note?.trim() ?? '';
    if (!input.accepted && !note) throw badRequest(s.notAcceptedReasonRequired);
    checkDate(on, matter, today);
    if (kase.status === 'assigned') kase = await transitionIfAllowed(ctx, trx, kase, 'acknowledge');
    await ctx.kernel.cases.stopClock({ caseId: kase.id, key: 'receipt', on }, { db: trx });
    await ctx.kernel.cases.stopClock({ caseId: kase.id, key: 'objection', on }, { db: trx });
    if (!input.accepted) {
      await ctx.kernel.cases.stopClock({ caseId: kase.id, key: 'handle', on }, { db: trx });
      if (kase.status === 'in_progress') await transitionIfAllowed(ctx, trx, kase, 'submitResult', { report: s.notAcceptedReport(note) });
    }
    const version = await bumpMatter(
      ctx,
      trx,
      matter.id,
      input.version,
      { acceptance: input.accepted ? 'accepted' : 'not_accepted', acceptance_on: on, acceptance_note: note || null },
    );
    await ctx.audit.record(
      { action: 'petitions.acceptance', targetType: 'petition', targetId: matter.id, detail: { accepted: input.accepted, on } },
      { db: trx },
    );
    return { version };
  });
}

/** The answer (处理意见): stops the 60-day clock and opens the 30-day window for 复查. */
export async function recordAnswer(ctx: AuthedContext, input: { id: string; version: number; answer: string; answeredOn?: string }) {
  const today = chinaToday(ctx.now());
  const on = input.answeredOn ?? today;
  return own(ctx).transaction().execute(async (trx) => {
    const loaded = await loadMatter(ctx, trx, input.id, { lock: true });
    const matter = loaded.matter;
    let kase = loaded.kase;
    await checkLeadsMatter(ctx, trx, kase);
    if (!matter.routed_at) throw badRequest(s.notRouted);
    if (matter.outcome) throw badRequest(s.concludedAlready);
    if (matter.acceptance === 'not_accepted') throw badRequest(s.notAccepted);
    if (matter.acceptance !== 'accepted') throw badRequest(s.notAcceptedYet);
    if (matter.answered_on) throw badRequest(s.alreadyAnswered);
    const answer = input.answer.trim();
    if (!answer) throw badRequest(s.answerRequired);
    checkDate(on, matter, today);
    if (matter.acceptance_on && on < matter.acceptance_on) throw badRequest(s.answerBeforeAcceptance);
    if (kase.status === 'assigned') kase = await transitionIfAllowed(ctx, trx, kase, 'acknowledge');
    if (kase.status === 'in_progress') kase = await transitionIfAllowed(ctx, trx, kase, 'submitResult', { report: answer });
    await ctx.kernel.cases.stopClock({ caseId: kase.id, key: 'handle', on }, { db: trx });
    await ctx.kernel.cases.startClock(
      { caseId: kase.id, key: 'review_request', name: s.clockReviewRequest, days: REVIEW_WINDOW_DAYS, unit: 'natural', startOn: on },
      { db: trx },
    );
    const version = await bumpMatter(ctx, trx, matter.id, input.version, { answer, answered_on: on });
    await ctx.audit.record({ action: 'petitions.answer', targetType: 'petition', targetId: matter.id, detail: { answeredOn: on } }, { db: trx });
    return { version, reviewRequestOpenUntil: addDays(on, REVIEW_WINDOW_DAYS) };
  });
}

type ReviewStep = 'requestReview' | 'decideReview' | 'requestReReview' | 'decideReReview';

/** 复查 and 复核: requests within 30 days of the previous answer; decisions within 30 days. */
export async function reviewStep(ctx: AuthedContext, step: ReviewStep, input: { id: string; version: number; on?: string; result?: string }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  const today = chinaToday(ctx.now());
  const on = input.on ?? today;
  return own(ctx).transaction().execute(async (trx) => {
    const { matter, kase } = await loadMatter(ctx, trx, input.id, { lock: true });
    if (matter.outcome) throw badRequest(s.concludedAlready);
    if (matter.review_stage === 're_reviewed') throw badRequest(s.finalAfterReReview);
    checkDate(on, matter, today);
    const result = input.result?.trim() ?? '';
    let set: MatterChanges;
    const clock = (key: string, name: string, days: number) =>
      ctx.kernel.cases.startClock({ caseId: kase.id, key, name, days, unit: 'natural', startOn: on }, { db: trx });
    const stop = (key: string) => ctx.kernel.cases.stopClock({ caseId: kase.id, key, on }, { db: trx });
    switch (step) {
      case 'requestReview': {
        if (!matter.answered_on) throw badRequest(s.notAnswered);
        if (matter.review_stage !== 'none') throw badRequest(s.reviewAlreadyRequested);
        const due = addDays(matter.answered_on, REVIEW_WINDOW_DAYS);
        if (on > due) throw badRequest(s.reviewWindowClosed(due));
        await stop('review_request');
        await clock('review_decision', s.clockReviewDecision, REVIEW_DECISION_DAYS);
        set = { review_stage: 'review_requested', review_requested_on: on };
        break;
      }
      case 'decideReview': {
        if (matter.review_stage === 'none') throw badRequest(s.reviewNotRequested);
        if (matter.review_stage !== 'review_requested') throw badRequest(s.reviewAlreadyDecided);
        if (!result) throw badRequest(s.resultRequired);
        await stop('review_decision');
        await clock('re_review_request', s.clockReReviewRequest, REVIEW_WINDOW_DAYS);
        set = { review_stage: 'reviewed', review_decided_on: on, review_result: result };
        break;
      }
      case 'requestReReview': {
        if (matter.review_stage === 're_review_requested') throw badRequest(s.reReviewAlreadyRequested);
        if (matter.review_stage !== 'reviewed') throw badRequest(s.reReviewNeedsReview);
        const due = addDays(matter.review_decided_on!, REVIEW_WINDOW_DAYS);
        if (on > due) throw badRequest(s.reviewWindowClosed(due));
        await stop('re_review_request');
        await clock('re_review_decision', s.clockReReviewDecision, REVIEW_DECISION_DAYS);
        set = { review_stage: 're_review_requested', re_review_requested_on: on };
        break;
      }
      case 'decideReReview': {
        if (matter.review_stage !== 're_review_requested') throw badRequest(s.reReviewNotRequested);
        if (!result) throw badRequest(s.resultRequired);
        await stop('re_review_decision');
        set = { review_stage: 're_reviewed', re_review_decided_on: on, re_review_result: result };
        break;
      }
    }
    const version = await bumpMatter(ctx, trx, matter.id, input.version, set);
    await ctx.audit.record({ action: `petitions.${step}`, targetType: 'petition', targetId: matter.id, detail: { on } }, { db: trx });
    return { version };
  });
}

/**
 * Closes a matter in the caller's transaction: the kernel case is closed by the kernel's
 * `review` once the unit has reported; 核销 may also close a matter never routed (its kernel
 * case is withdrawn, which stops its clocks).
 */
export async function closeMatter(
  ctx: AuthedContext,
  trx: Trx,
  loaded: { matter: MatterRow; kase: KernelCase },
  c: { version: number; outcome: PetitionOutcome; note: string; on: string; concludedBy: string; approvedBy: string | null; mediated?: boolean },
): Promise<number> {
  const { matter, kase } = loaded;
  // 核销, or a matter settled by the mediation center before it was ever routed: its kernel case is withdrawn.
  const withdraws = (c.outcome === 'written_off' || c.mediated === true) && neverRouted(kase);
  // The kernel closes the case as this user: say so plainly rather than fail inside it.
  const kernelAction = kase.status === 'submitted' ? 'cases.review' : withdraws ? 'cases.register' : null;
  if (kernelAction && !ctx.can(kernelAction)) throw forbidden(s.closeNeedsKernelPermission(apiStrings.forbidden(ctx.permissionName(kernelAction))));
  if (kase.status === 'submitted') {
    await ctx.kernel.cases.transition({ id: kase.id, version: kase.version, action: 'review', comment: c.note }, { db: trx });
  } else if (['closed', 'archived'].includes(kase.status)) {
    // already closed in the kernel
  } else if (withdraws) {
    await ctx.kernel.cases.transition({ id: kase.id, version: kase.version, action: 'withdraw', comment: c.note || s.writtenOffComment }, { db: trx });
  } else {
    throw badRequest(s.notReported);
  }
  const version = await bumpMatter(
    ctx,
    trx,
    matter.id,
    c.version,
    { outcome: c.outcome, outcome_on: c.on, outcome_note: c.note, concluded_by: c.concludedBy, written_off_approved_by: c.approvedBy },
  );
  await ctx.audit.record({ action: 'petitions.conclude', targetType: 'petition', targetId: matter.id, detail: { outcome: c.outcome, on: c.on } }, { db: trx });
  await ctx.events.emit(petitionEvents.concluded, { matterId: matter.id, caseId: kase.id, outcome: c.outcome }, { db: trx });
  return version;
}

const neverRouted = (kase: KernelCase) => ['registered', 'pending_approval', 'approved'].includes(kase.status);

/** The kernel case is where a matter can be closed: reported by the unit, already closed, or (核销) never routed. */
function closable(kase: KernelCase, outcome: PetitionOutcome): boolean {
  return ['submitted', 'closed', 'archived'].includes(kase.status) || (outcome === 'written_off' && neverRouted(kase));
}

/**
 * Closes a matter as 化解, 息访 or 终结. 核销 is never done by one person: it is requested
 * (requestWriteOff) and approved by another holder of `petitions.writeoff` (decideWriteOff).
 */
export async function concludeMatter(
  ctx: AuthedContext,
  input: { id: string; version: number; outcome: PetitionOutcome; note: string; on?: string },
  opts: { db?: PetitionsDb } = {},
) {
  if (input.outcome === 'written_off') throw badRequest(s.writeOffNeedsRequest);
  return conclude(ctx, input, opts);
}

/**
 * The outcome an imported ledger row records, as part of the import's transaction. A past
 * 核销 was approved on paper: importing it needs `petitions.writeoff`, and the importer is
 * recorded as having approved the record.
 */
export async function concludeImported(
  ctx: AuthedContext,
  input: { id: string; version: number; outcome: PetitionOutcome; note: string; on?: string },
  opts: { db?: PetitionsDb } = {},
) {
  if (input.outcome === 'written_off' && !ctx.can('petitions.writeoff')) {
    await ctx.audit.record({ action: 'permission.denied', outcome: 'denied', detail: { permission: 'petitions.writeoff', procedure: 'petitions.imports.confirm' } }, opts);
    throw forbidden(s.writeOffPermission);
  }
  return conclude(ctx, input, opts);
}

async function conclude(ctx: AuthedContext, input: { id: string; version: number; outcome: PetitionOutcome; note: string; on?: string }, opts: { db?: PetitionsDb }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  const note = input.note.trim();
  if (!note) throw badRequest(s.outcomeNoteRequired);
  const today = chinaToday(ctx.now());
  const on = input.on ?? today;
  // Pass `opts.db` (a transaction) to conclude as part of a larger one, as the ledger import does.
  const work = async (trx: Trx) => {
    const loaded = await loadMatter(ctx, trx, input.id, { lock: true });
    const { matter } = loaded;
    if (matter.outcome) throw badRequest(s.concludedAlready);
    if (matter.version !== input.version) throw versionConflict();
    if (input.outcome === 'written_off' && matter.category !== 'other') throw badRequest(s.writeOffLawRelated);
    checkDate(on, matter, today);
    const approvedBy = input.outcome === 'written_off' ? ctx.user.id : null;
    const version = await closeMatter(ctx, trx, loaded, { version: input.version, outcome: input.outcome, note, on, concludedBy: ctx.user.id, approvedBy });
    return { version };
  };
  return opts.db?.isTransaction ? work(opts.db) : own(ctx).transaction().execute(work);
}

interface WriteOffRequestRow {
  id: string;
  reason: string;
  requested_on: string;
  requested_by: string;
}

async function pendingWriteOff(ctx: AuthedContext, trx: Trx, matterId: string): Promise<WriteOffRequestRow | undefined> {
  const r = await sql<WriteOffRequestRow>`select id, reason, requested_on::text as requested_on, requested_by from petitions.writeoff_requests
    where tenant_id = ${ctx.tenant.id} and matter_id = ${matterId} and status = 'pending' for update`.execute(trx);
  return r.rows[0];
}

/** 核销申请: asks for a matter found not law-related to be written off; another officer decides. */
export async function requestWriteOff(ctx: AuthedContext, input: { id: string; version: number; reason: string; on?: string }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  const reason = input.reason.trim();
  if (!reason) throw badRequest(s.writeOffReasonRequired);
  const today = chinaToday(ctx.now());
  const on = input.on ?? today;
  return own(ctx).transaction().execute(async (trx) => {
    const { matter, kase } = await loadMatter(ctx, trx, input.id, { lock: true });
    if (matter.outcome) throw badRequest(s.concludedAlready);
    if (matter.version !== input.version) throw versionConflict();
    if (matter.category !== 'other') throw badRequest(s.writeOffLawRelated);
    if (await pendingWriteOff(ctx, trx, matter.id)) throw badRequest(s.writeOffPending);
    if (!closable(kase, 'written_off')) throw badRequest(s.notReported);
    checkDate(on, matter, today);
    const r = await trx
      .insertInto('petitions.writeoff_requests')
      .values({ tenant_id: ctx.tenant.id, matter_id: matter.id, reason, requested_on: on, requested_by: ctx.user.id, requested_by_name: ctx.user.displayName })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await bumpMatter(ctx, trx, matter.id, input.version, null);
    await ctx.audit.record({ action: 'petitions.writeoff.request', targetType: 'petition', targetId: matter.id, detail: { requestId: r.id, on } }, { db: trx });
    return { version, requestId: r.id };
  });
}

/** 核销审批 by a holder of `petitions.writeoff` other than the requester: approved, the matter is concluded as 核销. */
export async function decideWriteOff(ctx: AuthedContext, input: { id: string; version: number; approve: boolean; note?: string }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  const note = input.note?.trim() ?? '';
  if (!input.approve && !note) throw badRequest(s.writeOffRefusalReasonRequired);
  return own(ctx).transaction().execute(async (trx) => {
    const loaded = await loadMatter(ctx, trx, input.id, { lock: true });
    const { matter } = loaded;
    if (matter.version !== input.version) throw versionConflict();
    const request = await pendingWriteOff(ctx, trx, matter.id);
    if (!request) throw badRequest(s.writeOffNotPending);
    if (request.requested_by === ctx.user.id) throw forbidden(s.writeOffSelfApproval);
    await trx
      .updateTable('petitions.writeoff_requests')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decided_by: ctx.user.id,
        decided_by_name: ctx.user.displayName,
        decided_at: sql<Date>`now()`,
        decision_note: note || null,
      })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', request.id)
      .execute();
    await ctx.audit.record(
      { action: 'petitions.writeoff.decide', targetType: 'petition', targetId: matter.id, detail: { requestId: request.id, approve: input.approve } },
      { db: trx },
    );
    const version = input.approve
      ? await closeMatter(ctx, trx, loaded, {
          version: input.version,
          outcome: 'written_off',
          note: request.reason,
          on: request.requested_on,
          concludedBy: request.requested_by,
          approvedBy: ctx.user.id,
        })
      : await bumpMatter(ctx, trx, matter.id, input.version, null);
    return { version };
  });
}

/** Reclassifies a matter (涉法 / 涉诉 / 其他), e.g. when found not law-related. */
export async function setCategory(ctx: AuthedContext, input: { id: string; version: number; category: MatterRow['category']; reason: string }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  return own(ctx).transaction().execute(async (trx) => {
    const { matter } = await loadMatter(ctx, trx, input.id, { lock: true });
    if (matter.outcome) throw badRequest(s.concludedAlready);
    if (matter.category === input.category) throw badRequest(s.categoryUnchanged);
    const version = await bumpMatter(ctx, trx, matter.id, input.version, { category: input.category });
    await ctx.audit.record(
      { action: 'petitions.category', targetType: 'petition', targetId: matter.id, detail: { from: matter.category, to: input.category, reason: input.reason } },
      { db: trx },
    );
    return { version };
  });
}

// ---- Hardship relief (救助) ----

interface ReliefRow {
  id: string;
  matter_id: string;
  status: 'pending' | 'approved' | 'rejected' | 'paid';
  requested_by: string;
  approved_on: string | null;
  version: number;
}

export async function requestRelief(ctx: AuthedContext, input: { matterId: string; amount: number; reason: string; idempotencyKey?: string }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  return own(ctx).transaction().execute(async (trx) => {
    if (input.idempotencyKey) {
      const done = await trx
        .selectFrom('petitions.relief')
        .select(['id', 'version'])
        .where('tenant_id', '=', ctx.tenant.id)
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirst();
      if (done) return { id: done.id, version: done.version, duplicate: true };
    }
    const { matter } = await loadMatter(ctx, trx, input.matterId);
    const r = await trx
      .insertInto('petitions.relief')
      .values({ tenant_id: ctx.tenant.id, matter_id: matter.id, amount: input.amount, reason: input.reason.trim(), requested_by: ctx.user.id, idempotency_key: input.idempotencyKey ?? null })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await ctx.audit.record({ action: 'petitions.relief.request', targetType: 'petition', targetId: matter.id, detail: { reliefId: r.id, amount: input.amount } }, { db: trx });
    return { id: r.id, version: r.version, duplicate: false };
  });
}

async function lockRelief(ctx: AuthedContext, trx: Trx, id: string, version: number): Promise<ReliefRow> {
  const r = await sql<ReliefRow>`select id, matter_id, status, requested_by, approved_on::text as approved_on, version from petitions.relief
    where tenant_id = ${ctx.tenant.id} and id = ${id} for update`.execute(trx);
  const row = r.rows[0];
  if (!row) throw notFound(s.reliefNotFound);
  await loadMatter(ctx, trx, row.matter_id);
  if (row.version !== version) throw versionConflict();
  return row;
}

export async function decideRelief(ctx: AuthedContext, input: { id: string; version: number; approve: boolean; note?: string; on?: string }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  const on = input.on ?? chinaToday(ctx.now());
  return own(ctx).transaction().execute(async (trx) => {
    const row = await lockRelief(ctx, trx, input.id, input.version);
    if (row.status !== 'pending') throw badRequest(s.reliefDecided);
    if (row.requested_by === ctx.user.id) throw badRequest(s.reliefSelfApproval);
    const r = await trx
      .updateTable('petitions.relief')
      .set((eb) => ({
        status: input.approve ? 'approved' : 'rejected',
        approved_by: ctx.user.id,
        approved_on: on,
        decision_note: input.note?.trim() || null,
        version: eb('version', '+', 1),
      }))
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', row.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    await ctx.audit.record({ action: 'petitions.relief.decide', targetType: 'petition', targetId: row.matter_id, detail: { reliefId: row.id, approve: input.approve } }, { db: trx });
    return { version: r.version };
  });
}

export async function payRelief(ctx: AuthedContext, input: { id: string; version: number; paidOn: string }) {
  if (!ctx.user.committee) throw forbidden(s.committeeOnly);
  if (input.paidOn > chinaToday(ctx.now())) throw badRequest(s.dateInFuture);
  return own(ctx).transaction().execute(async (trx) => {
    const row = await lockRelief(ctx, trx, input.id, input.version);
    if (row.status !== 'approved') throw badRequest(s.reliefNotApproved);
    if (row.approved_on && input.paidOn < row.approved_on) throw badRequest(s.reliefPaidBeforeApproval);
    const r = await trx
      .updateTable('petitions.relief')
      .set((eb) => ({ status: 'paid', paid_on: input.paidOn, version: eb('version', '+', 1) }))
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', row.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    await ctx.audit.record({ action: 'petitions.relief.pay', targetType: 'petition', targetId: row.matter_id, detail: { reliefId: row.id, paidOn: input.paidOn } }, { db: trx });
    return { version: r.version };
  });
}
