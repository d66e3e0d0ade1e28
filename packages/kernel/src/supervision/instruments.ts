// Supervision instruments: drafted by the supervision office, signed off by a leader
// (签批), issued with a number, acknowledged and answered in writing by the recipient
// unit, then accepted or rejected. A rejected or overdue answer suggests the next
// instrument up the ladder. Every step is a case timeline event, an audit row and a
// kernel event other plugins can subscribe to.
import type { AuthedContext } from '@zhengfa/plugin-api';
import { inTransaction } from '../db/transaction.js';
import { apiStrings, badRequest, forbidden, notFound, versionConflict } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import { chinaDate } from '../cases/dates.js';
import { takeDocNumber } from '../cases/numbering.js';
import { caseVisible } from '../cases/scope.js';
import { subtreeOrgIds } from '../scope.js';
import { sendNotices } from '../notifications/recipients.js';
import { instrumentStepNotices } from './notices.js';
import type { InstrumentKind, InstrumentStatus, InstrumentsTable, KernelDatabase } from '../db/schema.js';
import { instrumentKindNames, instrumentStatusNames, supervisionStrings as s } from '../strings.js';
import { instrumentLadder, nextInstrument } from './ladder.js';
import { unissuedInstrumentStatuses } from './timeline.js';

type K = Kysely<KernelDatabase>;

/** Committee users see every instrument; a unit sees those addressed to it, once issued. */
function instrumentVisible(db: K, ctx: AuthedContext) {
  if (ctx.user.committee) return sql<boolean>`true`;
  return sql<boolean>`(i.status not in (${sql.join(unissuedInstrumentStatuses.map((v) => sql.lit(v)))}) and i.recipient_org_id in (${subtreeOrgIds(db, ctx.user)}))`;
}

async function lock(trx: K, ctx: AuthedContext, id: string, version: number) {
  const row = await trx
    .selectFrom('kernel.instruments as i')
    .selectAll('i')
    .where('i.tenant_id', '=', ctx.tenant.id)
    .where('i.id', '=', id)
    .where(instrumentVisible(trx, ctx))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(s.instrumentNotFound);
  if (row.version !== version) throw versionConflict();
  return row;
}

function requireStatus(row: { status: InstrumentStatus }, allowed: InstrumentStatus[], step: string) {
  if (!allowed.includes(row.status)) throw badRequest(s.illegalStep(step, instrumentStatusNames[row.status]));
}

async function record(trx: K, ctx: AuthedContext, row: Pick<InstrumentsTable, 'case_id' | 'kind' | 'recipient_org_id' | 'officer_name'> & { id: string }, step: string, status: InstrumentStatus, comment = '') {
  await trx
    .insertInto('kernel.case_events')
    .values({
      tenant_id: ctx.tenant.id,
      case_id: row.case_id,
      actor_id: ctx.user.id,
      actor_name: ctx.user.displayName,
      actor_org_id: ctx.user.orgId,
      type: `instrument.${step}`,
      from_status: null,
      to_status: null,
      comment,
      data: JSON.stringify({ instrumentId: row.id, kind: row.kind, status }),
    })
    .execute();
  await ctx.audit.record({ action: 'supervision.instrument', targetType: 'instrument', targetId: row.id, detail: { step, kind: row.kind, caseId: row.case_id, status } }, { db: trx });
  await ctx.events.emit(
    `kernel.instrument.${step}`,
    { instrumentId: row.id, caseId: row.case_id, kind: row.kind, recipientOrgId: row.recipient_org_id, officerName: row.officer_name, status },
    { db: trx },
  );
}

async function bump(trx: K, ctx: AuthedContext, id: string, set: Record<string, unknown>) {
  const r = await trx
    .updateTable('kernel.instruments')
    .set({ ...set, version: sql`version + 1` } as never)
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .returning(['version', 'status'])
    .executeTakeFirstOrThrow();
  return r;
}

export interface DraftInput {
  caseId: string;
  kind: InstrumentKind;
  recipientOrgId: string;
  officerName?: string | null;
  officerPost?: string | null;
  facts: string;
  legalBasis?: string;
  requirement: string;
  responseDeadline: string;
  previousId?: string | null;
}

export async function draftInstrument(ctx: AuthedContext, input: DraftInput) {
  const db = ctx.db as unknown as K;
  if (input.responseDeadline < chinaDate(ctx.now())) throw badRequest(s.deadlineInPast);
  return inTransaction(db, async (trx) => {
    const c = await trx
      .selectFrom('kernel.cases as c')
      .select(['c.id', 'c.status'])
      .where('c.tenant_id', '=', ctx.tenant.id)
      .where('c.id', '=', input.caseId)
      .where(caseVisible(ctx.user))
      .executeTakeFirst();
    if (!c) throw notFound();
    if (c.status === 'archived') throw badRequest(s.caseClosed);
    const org = await trx.selectFrom('kernel.orgs').select('kind').where('tenant_id', '=', ctx.tenant.id).where('id', '=', input.recipientOrgId).where('disabled', '=', false).executeTakeFirst();
    if (!org) throw badRequest(s.recipientNotUnit);
    if (input.previousId) {
      const prev = await trx.selectFrom('kernel.instruments').select(['case_id', 'kind']).where('tenant_id', '=', ctx.tenant.id).where('id', '=', input.previousId).executeTakeFirst();
      if (!prev || prev.case_id !== input.caseId) throw badRequest(s.previousNotOfCase);
      if (instrumentLadder.indexOf(input.kind) <= instrumentLadder.indexOf(prev.kind)) throw badRequest(s.notHigherRung);
    }
    if (org.kind === 'committee') throw badRequest(s.recipientNotUnit);
    const { id } = await trx
      .insertInto('kernel.instruments')
      .values({
        tenant_id: ctx.tenant.id,
        case_id: input.caseId,
        kind: input.kind,
        recipient_org_id: input.recipientOrgId,
        officer_name: input.officerName || null,
        officer_post: input.officerPost || null,
        facts: input.facts,
        legal_basis: input.legalBasis ?? '',
        requirement: input.requirement,
        response_deadline: input.responseDeadline,
        previous_id: input.previousId ?? null,
        drafted_by: ctx.user.id,
        doc_no: null,
        doc_year: null,
        doc_seq: null,
        signed_by: null,
        signed_at: null,
        issued_on: null,
        acknowledged_by: null,
        acknowledged_at: null,
        answer: null,
        answered_by: null,
        answered_at: null,
        decision_comment: null,
        decided_by: null,
        decided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await record(trx, ctx, { id, case_id: input.caseId, kind: input.kind, recipient_org_id: input.recipientOrgId, officer_name: input.officerName ?? null }, 'draft', 'draft');
    return { id };
  });
}

/** Revises a draft (e.g. after a leader declined to sign it); only drafts can change. */
export async function reviseInstrument(ctx: AuthedContext, input: Omit<DraftInput, 'caseId' | 'previousId'> & { id: string; version: number }) {
  const db = ctx.db as unknown as K;
  if (input.responseDeadline < chinaDate(ctx.now())) throw badRequest(s.deadlineInPast);
  return inTransaction(db, async (trx) => {
    const row = await lock(trx, ctx, input.id, input.version);
    requireStatus(row, ['draft'], s.reviseStep);
    const org = await trx.selectFrom('kernel.orgs').select('kind').where('tenant_id', '=', ctx.tenant.id).where('id', '=', input.recipientOrgId).where('disabled', '=', false).executeTakeFirst();
    if (!org || org.kind === 'committee') throw badRequest(s.recipientNotUnit);
    const r = await bump(trx, ctx, row.id, {
      kind: input.kind,
      recipient_org_id: input.recipientOrgId,
      officer_name: input.officerName || null,
      officer_post: input.officerPost || null,
      facts: input.facts,
      legal_basis: input.legalBasis ?? '',
      requirement: input.requirement,
      response_deadline: input.responseDeadline,
    });
    await record(trx, ctx, { ...row, kind: input.kind, recipient_org_id: input.recipientOrgId, officer_name: input.officerName ?? null }, 'revise', 'draft');
    return { version: r.version };
  });
}

export type InstrumentStep = 'submit' | 'sign' | 'acknowledge' | 'answer' | 'decide';

export interface StepInput {
  id: string;
  version: number;
  step: InstrumentStep;
  approve?: boolean;
  comment?: string;
  answer?: string;
}

const stepNames: Record<InstrumentStep, string> = { submit: '提交签批', sign: '签批', acknowledge: '签收', answer: '回复', decide: '审查回复' };
const stepPermission: Record<InstrumentStep, string> = {
  submit: 'supervision.instruments',
  sign: 'supervision.sign',
  acknowledge: 'cases.handle',
  answer: 'cases.handle',
  decide: 'supervision.instruments',
};

export async function instrumentStep(ctx: AuthedContext, input: StepInput) {
  const permission = stepPermission[input.step];
  if (!ctx.can(permission)) {
    await ctx.audit.record({ action: 'permission.denied', outcome: 'denied', detail: { permission, procedure: `supervision.instrument.${input.step}` } });
    throw forbidden(apiStrings.forbidden(ctx.permissionName(permission)));
  }
  const db = ctx.db as unknown as K;
  return inTransaction(db, async (trx) => {
    const row = await lock(trx, ctx, input.id, input.version);
    const name = stepNames[input.step];
    const comment = input.comment?.trim() ?? '';
    let set: Record<string, unknown> = {};
    let event: string = input.step;
    switch (input.step) {
      case 'submit':
        requireStatus(row, ['draft'], name);
        set = { status: 'pending_signoff' };
        break;
      case 'sign': {
        requireStatus(row, ['pending_signoff'], name);
        if (input.approve === false) {
          if (!comment) throw badRequest(s.commentRequired);
          set = { status: 'draft', decision_comment: comment };
          event = 'signoff.reject';
          break;
        }
        const today = chinaDate(ctx.now());
        const year = Number(today.slice(0, 4));
        const { seq, docNo } = await takeDocNumber(trx, ctx.tenant.id, 'instrument', '监', year);
        set = {
          status: 'issued',
          signed_by: ctx.user.id,
          signed_at: new Date(),
          issued_on: today,
          doc_year: year,
          doc_seq: seq,
          doc_no: docNo,
        };
        event = 'issue';
        break;
      }
      case 'acknowledge':
      case 'answer': {
        const inScope = await trx
          .selectFrom('kernel.orgs as o')
          .select('o.id')
          .where('o.tenant_id', '=', ctx.tenant.id)
          .where('o.id', '=', row.recipient_org_id)
          .where('o.path', 'like', `${ctx.user.orgPath}%`)
          .executeTakeFirst();
        if (!inScope) throw forbidden(s.notRecipient);
        if (input.step === 'acknowledge') {
          requireStatus(row, ['issued'], name);
          set = { status: 'acknowledged', acknowledged_by: ctx.user.id, acknowledged_at: new Date() };
        } else {
          requireStatus(row, ['acknowledged'], name);
          const answer = input.answer?.trim();
          if (!answer) throw badRequest(s.answerRequired);
          set = { status: 'answered', answer, answered_by: ctx.user.id, answered_at: new Date() };
        }
        break;
      }
      case 'decide':
        requireStatus(row, ['answered'], name);
        if (input.approve === false && !comment) throw badRequest(s.commentRequired);
        set = { status: input.approve === false ? 'rejected' : 'accepted', decision_comment: comment, decided_by: ctx.user.id, decided_at: new Date() };
        event = input.approve === false ? 'reject' : 'accept';
        break;
    }
    const r = await bump(trx, ctx, row.id, set);
    await record(trx, ctx, row, event, r.status, comment || (input.answer ?? ''));
    // Whoever must act next is told, in this transaction (supervision/notices.ts).
    const step = event === 'issue' || event === 'signoff.reject' ? event : input.step;
    await sendNotices(trx, { tenantId: ctx.tenant.id, actorId: ctx.user.id, at: ctx.now() }, await instrumentStepNotices(trx, ctx.tenant.id, step, row));
    return { version: r.version, status: r.status };
  });
}

export interface InstrumentRow {
  id: string;
  case_id: string;
  kind: InstrumentKind;
  doc_no: string | null;
  status: InstrumentStatus;
  recipient_org_id: string;
  officer_name: string | null;
  officer_post: string | null;
  facts: string;
  legal_basis: string;
  requirement: string;
  response_deadline: string;
  issued_on: string | null;
  answer: string | null;
  answered_at: Date | null;
  decision_comment: string | null;
  previous_id: string | null;
  version: number;
  recipient_name?: string | null;
  case_doc_no?: string | null;
  case_title?: string | null;
}

export function instrumentView(row: InstrumentRow, today = chinaDate()) {
  const waiting = ['issued', 'acknowledged'].includes(row.status);
  const overdue = waiting && row.response_deadline < today;
  return {
    id: row.id,
    caseId: row.case_id,
    caseDocNo: row.case_doc_no ?? null,
    caseTitle: row.case_title ?? null,
    kind: row.kind,
    kindName: instrumentKindNames[row.kind],
    docNo: row.doc_no,
    status: row.status,
    statusName: instrumentStatusNames[row.status],
    recipientOrgId: row.recipient_org_id,
    recipientName: row.recipient_name ?? null,
    officerName: row.officer_name,
    officerPost: row.officer_post,
    facts: row.facts,
    legalBasis: row.legal_basis,
    requirement: row.requirement,
    responseDeadline: row.response_deadline,
    issuedOn: row.issued_on,
    answer: row.answer,
    answeredAt: row.answered_at,
    decisionComment: row.decision_comment,
    previousId: row.previous_id,
    overdue,
    /** The next instrument up the ladder, suggested when the answer is late or rejected. */
    suggestedNext: overdue || row.status === 'rejected' ? nextInstrument(row.kind) : null,
    suggestedNextName: overdue || row.status === 'rejected' ? (nextInstrument(row.kind) ? instrumentKindNames[nextInstrument(row.kind)!] : null) : null,
    version: row.version,
  };
}

export async function listInstruments(ctx: AuthedContext, filter: { caseId?: string; status?: InstrumentStatus[] }) {
  const db = ctx.db as unknown as K;
  let q = db
    .selectFrom('kernel.instruments as i')
    .innerJoin('kernel.orgs as o', (j) => j.onRef('o.tenant_id', '=', 'i.tenant_id').onRef('o.id', '=', 'i.recipient_org_id'))
    .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.case_id'))
    .selectAll('i')
    .select(['o.name as recipient_name', 'c.doc_no as case_doc_no', 'c.title as case_title'])
    .where('i.tenant_id', '=', ctx.tenant.id)
    .where(instrumentVisible(db, ctx));
  if (filter.caseId) q = q.where('i.case_id', '=', filter.caseId);
  if (filter.status?.length) q = q.where('i.status', 'in', filter.status);
  const rows = await q.orderBy('i.drafted_at', 'desc').limit(500).execute();
  const today = chinaDate(ctx.now());
  return rows.map((r) => instrumentView(r as never, today));
}

export async function getInstrument(ctx: AuthedContext, id: string) {
  const db = ctx.db as unknown as K;
  const r = await db
    .selectFrom('kernel.instruments as i')
    .innerJoin('kernel.orgs as o', (j) => j.onRef('o.tenant_id', '=', 'i.tenant_id').onRef('o.id', '=', 'i.recipient_org_id'))
    .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'i.tenant_id').onRef('c.id', '=', 'i.case_id'))
    .selectAll('i')
    .select(['o.name as recipient_name', 'c.doc_no as case_doc_no', 'c.title as case_title'])
    .where('i.tenant_id', '=', ctx.tenant.id)
    .where('i.id', '=', id)
    .where(instrumentVisible(db, ctx))
    .executeTakeFirst();
  if (!r) throw notFound(s.instrumentNotFound);
  return instrumentView(r as never, chinaDate(ctx.now()));
}
