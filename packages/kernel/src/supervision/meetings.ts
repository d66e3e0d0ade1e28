// Coordination meetings (案(事)件协调会): scheduled with invited organisations and the cases
// under discussion; held with attendance and minutes; concluded either with a consensus
// opinion (协调意见) that a leader signs and every invited unit acknowledges and carries
// out, or with an escalation to the units' superiors or the higher committee.
import type { AuthedContext } from '@zhengfa/plugin-api';
import { inTransaction } from '../db/transaction.js';
import { badRequest, forbidden, notFound, versionConflict } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import { chinaDate } from '../cases/dates.js';
import { takeDocNumber } from '../cases/numbering.js';
import { caseVisible } from '../cases/scope.js';
import { subtreeOrgIds } from '../scope.js';
import { sendNotices } from '../notifications/recipients.js';
import { consensusNotices, invitationNotices, opinionNotices } from './notices.js';
import type { KernelDatabase, MeetingStatus } from '../db/schema.js';
import { escalationNames, meetingStatusNames, supervisionStrings as s } from '../strings.js';

type K = Kysely<KernelDatabase>;

/** Committee users see every meeting; a unit sees the meetings it is invited to. */
function meetingVisible(db: K, ctx: AuthedContext) {
  if (ctx.user.committee) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from kernel.meeting_orgs mo where mo.tenant_id = m.tenant_id and mo.meeting_id = m.id and mo.org_id in (${subtreeOrgIds(db, ctx.user)}))`;
}

async function lock(trx: K, ctx: AuthedContext, id: string, version?: number) {
  const m = await trx.selectFrom('kernel.meetings as m').selectAll('m').where('m.tenant_id', '=', ctx.tenant.id).where('m.id', '=', id).where(meetingVisible(trx, ctx)).forUpdate().executeTakeFirst();
  if (!m) throw notFound(s.meetingNotFound);
  if (version !== undefined && m.version !== version) throw versionConflict();
  return m;
}

async function audit(trx: K, ctx: AuthedContext, id: string, step: string, detail: Record<string, unknown> = {}) {
  await ctx.audit.record({ action: 'supervision.meeting', targetType: 'meeting', targetId: id, detail: { step, ...detail } }, { db: trx });
  await ctx.events.emit(`kernel.meeting.${step}`, { meetingId: id, ...detail }, { db: trx });
}

async function bump(trx: K, ctx: AuthedContext, id: string, set: Record<string, unknown>) {
  return trx
    .updateTable('kernel.meetings')
    .set({ ...set, version: sql`version + 1` } as never)
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', id)
    .returning(['version', 'status'])
    .executeTakeFirstOrThrow();
}

export async function scheduleMeeting(ctx: AuthedContext, input: { title: string; scheduledAt: Date; place: string; chairId?: string | null; orgIds: string[]; caseIds: string[] }) {
  if (input.orgIds.length === 0) throw badRequest(s.noOrgs);
  if (input.caseIds.length === 0) throw badRequest(s.noCases);
  const db = ctx.db as unknown as K;
  return inTransaction(db, async (trx) => {
    const orgs = await trx.selectFrom('kernel.orgs').select('id').where('tenant_id', '=', ctx.tenant.id).where('id', 'in', input.orgIds).where('disabled', '=', false).execute();
    if (orgs.length !== new Set(input.orgIds).size) throw badRequest(s.noOrgs);
    const cases = await trx.selectFrom('kernel.cases as c').select('c.id').where('c.tenant_id', '=', ctx.tenant.id).where('c.id', 'in', input.caseIds).where(caseVisible(ctx.user)).execute();
    if (cases.length !== new Set(input.caseIds).size) throw badRequest(s.noCases);
    const { id } = await trx
      .insertInto('kernel.meetings')
      .values({ tenant_id: ctx.tenant.id, title: input.title, scheduled_at: input.scheduledAt, place: input.place, chair_id: input.chairId ?? null, created_by: ctx.user.id, opinion_text: null, opinion_doc_no: null, opinion_year: null, opinion_seq: null, opinion_signed_by: null, opinion_signed_at: null, escalation: null, escalation_note: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('kernel.meeting_orgs').values([...new Set(input.orgIds)].map((org_id) => ({ tenant_id: ctx.tenant.id, meeting_id: id, org_id, attended: null, acknowledged_by: null, acknowledged_at: null, execution_report: null, reported_at: null }))).execute();
    await trx.insertInto('kernel.meeting_cases').values([...new Set(input.caseIds)].map((case_id) => ({ tenant_id: ctx.tenant.id, meeting_id: id, case_id }))).execute();
    for (const caseId of new Set(input.caseIds)) {
      await trx
        .insertInto('kernel.case_events')
        .values({ tenant_id: ctx.tenant.id, case_id: caseId, actor_id: ctx.user.id, actor_name: ctx.user.displayName, actor_org_id: ctx.user.orgId, type: 'meeting.schedule', from_status: null, to_status: null, comment: input.title, data: JSON.stringify({ meetingId: id }) })
        .execute();
    }
    await audit(trx, ctx, id, 'schedule', { orgIds: input.orgIds, caseIds: input.caseIds });
    await sendNotices(trx, { tenantId: ctx.tenant.id, actorId: ctx.user.id, at: ctx.now() }, await invitationNotices(trx, ctx.tenant.id, { id, title: input.title, scheduledAt: input.scheduledAt, place: input.place, chairId: input.chairId ?? null, orgIds: [...new Set(input.orgIds)] }));
    return { id };
  });
}

export async function holdMeeting(ctx: AuthedContext, input: { id: string; version: number; minutes: string; attendance: { orgId: string; attended: boolean; attendees?: string }[] }) {
  const db = ctx.db as unknown as K;
  return inTransaction(db, async (trx) => {
    const m = await lock(trx, ctx, input.id, input.version);
    if (m.status !== 'scheduled') throw badRequest(s.illegalStep('记录会议情况', meetingStatusNames[m.status]));
    if (chinaDate(m.scheduled_at) > chinaDate(ctx.now())) throw badRequest(s.notYetHeld);
    for (const a of input.attendance) {
      await trx.updateTable('kernel.meeting_orgs').set({ attended: a.attended, attendees: a.attendees ?? '' }).where('tenant_id', '=', ctx.tenant.id).where('meeting_id', '=', m.id).where('org_id', '=', a.orgId).execute();
    }
    const r = await bump(trx, ctx, m.id, { status: 'held', minutes: input.minutes });
    await audit(trx, ctx, m.id, 'hold');
    return r;
  });
}

export async function concludeMeeting(
  ctx: AuthedContext,
  input: { id: string; version: number; outcome: 'consensus' | 'no_consensus'; opinion?: string; escalation?: 'unit_superiors' | 'higher_committee'; note?: string },
) {
  const db = ctx.db as unknown as K;
  return inTransaction(db, async (trx) => {
    const m = await lock(trx, ctx, input.id, input.version);
    if (m.status !== 'held') throw badRequest(m.status === 'scheduled' ? s.illegalStep('形成结论', meetingStatusNames[m.status]) : s.alreadyDecided);
    if (input.outcome === 'consensus') {
      if (!input.opinion?.trim()) throw badRequest(s.opinionRequired);
      const r = await bump(trx, ctx, m.id, { status: 'consensus', opinion_text: input.opinion.trim() });
      await audit(trx, ctx, m.id, 'consensus');
      await sendNotices(trx, { tenantId: ctx.tenant.id, actorId: ctx.user.id, at: ctx.now() }, await consensusNotices(trx, ctx.tenant.id, { id: m.id, title: m.title }));
      return r;
    }
    if (!input.escalation) throw badRequest(s.escalationRequired);
    const r = await bump(trx, ctx, m.id, { status: 'escalated', escalation: input.escalation, escalation_note: input.note ?? '' });
    await audit(trx, ctx, m.id, 'escalate', { escalation: input.escalation });
    return r;
  });
}

export async function signOpinion(ctx: AuthedContext, input: { id: string; version: number }) {
  const db = ctx.db as unknown as K;
  return inTransaction(db, async (trx) => {
    const m = await lock(trx, ctx, input.id, input.version);
    if (m.status !== 'consensus' || !m.opinion_text) throw badRequest(s.illegalStep('签发协调意见', meetingStatusNames[m.status]));
    if (m.opinion_signed_at) throw badRequest(s.alreadyDecided);
    const year = Number(chinaDate(ctx.now()).slice(0, 4));
    const { seq, docNo } = await takeDocNumber(trx, ctx.tenant.id, 'coordination', '协', year);
    const r = await bump(trx, ctx, m.id, { opinion_doc_no: docNo, opinion_year: year, opinion_seq: seq, opinion_signed_by: ctx.user.id, opinion_signed_at: new Date() });
    const orgs = await trx.selectFrom('kernel.meeting_orgs').select('org_id').where('tenant_id', '=', ctx.tenant.id).where('meeting_id', '=', m.id).execute();
    await sendNotices(trx, { tenantId: ctx.tenant.id, actorId: ctx.user.id, at: ctx.now() }, await opinionNotices(trx, ctx.tenant.id, { id: m.id, docNo, orgIds: orgs.map((o) => o.org_id) }));
    await audit(trx, ctx, m.id, 'opinion.sign', { docNo });
    return { ...r, docNo };
  });
}

async function ownInvitation(trx: K, ctx: AuthedContext, meetingId: string) {
  const row = await trx
    .selectFrom('kernel.meeting_orgs as mo')
    .selectAll('mo')
    .where('mo.tenant_id', '=', ctx.tenant.id)
    .where('mo.meeting_id', '=', meetingId)
    .where('mo.org_id', 'in', subtreeOrgIds(trx, ctx.user))
    .orderBy('mo.org_id')
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw forbidden(s.notInvited);
  return row;
}

export async function acknowledgeOpinion(ctx: AuthedContext, input: { id: string }) {
  const db = ctx.db as unknown as K;
  return inTransaction(db, async (trx) => {
    const m = await lock(trx, ctx, input.id);
    if (!m.opinion_signed_at) throw badRequest(s.opinionNotSigned);
    const inv = await ownInvitation(trx, ctx, m.id);
    if (!inv.acknowledged_at) {
      await trx.updateTable('kernel.meeting_orgs').set({ acknowledged_by: ctx.user.id, acknowledged_at: new Date() }).where('tenant_id', '=', ctx.tenant.id).where('meeting_id', '=', m.id).where('org_id', '=', inv.org_id).execute();
      await audit(trx, ctx, m.id, 'opinion.acknowledge', { orgId: inv.org_id });
    }
    return { ok: true as const };
  });
}

export async function reportExecution(ctx: AuthedContext, input: { id: string; report: string }) {
  if (!input.report.trim()) throw badRequest(s.reportRequired);
  const db = ctx.db as unknown as K;
  return inTransaction(db, async (trx) => {
    const m = await lock(trx, ctx, input.id);
    if (!m.opinion_signed_at) throw badRequest(s.opinionNotSigned);
    const inv = await ownInvitation(trx, ctx, m.id);
    await trx
      .updateTable('kernel.meeting_orgs')
      .set({ execution_report: input.report.trim(), reported_at: new Date(), acknowledged_by: inv.acknowledged_by ?? ctx.user.id, acknowledged_at: inv.acknowledged_at ?? new Date() })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('meeting_id', '=', m.id)
      .where('org_id', '=', inv.org_id)
      .execute();
    await audit(trx, ctx, m.id, 'opinion.report', { orgId: inv.org_id });
    return { ok: true as const };
  });
}

export async function getMeeting(ctx: AuthedContext, id: string) {
  const db = ctx.db as unknown as K;
  const m = await db
    .selectFrom('kernel.meetings as m')
    .leftJoin('kernel.users as ch', (j) => j.onRef('ch.tenant_id', '=', 'm.tenant_id').onRef('ch.id', '=', 'm.chair_id'))
    .leftJoin('kernel.users as sg', (j) => j.onRef('sg.tenant_id', '=', 'm.tenant_id').onRef('sg.id', '=', 'm.opinion_signed_by'))
    .selectAll('m')
    .select(['ch.display_name as chair_name', 'sg.display_name as signer_name'])
    .where('m.tenant_id', '=', ctx.tenant.id)
    .where('m.id', '=', id)
    .where(meetingVisible(db, ctx))
    .executeTakeFirst();
  if (!m) throw notFound(s.meetingNotFound);
  const [orgs, cases] = await Promise.all([
    db
      .selectFrom('kernel.meeting_orgs as mo')
      .innerJoin('kernel.orgs as o', (j) => j.onRef('o.tenant_id', '=', 'mo.tenant_id').onRef('o.id', '=', 'mo.org_id'))
      .selectAll('mo')
      .select('o.name')
      .where('mo.tenant_id', '=', ctx.tenant.id)
      .where('mo.meeting_id', '=', id)
      .orderBy('o.path')
      .execute(),
    db
      .selectFrom('kernel.meeting_cases as mc')
      .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'mc.tenant_id').onRef('c.id', '=', 'mc.case_id'))
      .select(['c.id', 'c.doc_no', 'c.title', 'c.status'])
      .where('mc.tenant_id', '=', ctx.tenant.id)
      .where('mc.meeting_id', '=', id)
      .where(caseVisible(ctx.user))
      .execute(),
  ]);
  const opinionVisible = ctx.user.committee || Boolean(m.opinion_signed_at);
  return {
    id: m.id,
    title: m.title,
    scheduledAt: m.scheduled_at,
    place: m.place,
    chairName: m.chair_name,
    status: m.status as MeetingStatus,
    statusName: meetingStatusNames[m.status],
    minutes: ctx.user.committee ? m.minutes : '',
    opinion: opinionVisible ? m.opinion_text : null,
    opinionDocNo: m.opinion_doc_no,
    opinionSignedAt: m.opinion_signed_at,
    signerName: m.signer_name,
    escalation: m.escalation,
    escalationName: m.escalation ? escalationNames[m.escalation] : null,
    escalationNote: m.escalation_note,
    orgs: orgs.map((o) => ({ orgId: o.org_id, name: o.name, attended: o.attended, attendees: o.attendees, acknowledgedAt: o.acknowledged_at, executionReport: o.execution_report, reportedAt: o.reported_at })),
    cases: cases.map((c) => ({ id: c.id, docNo: c.doc_no, title: c.title, status: c.status })),
    version: m.version,
  };
}

export async function listMeetings(ctx: AuthedContext, input: { year?: number }) {
  const db = ctx.db as unknown as K;
  let q = db.selectFrom('kernel.meetings as m').selectAll('m').where('m.tenant_id', '=', ctx.tenant.id).where(meetingVisible(db, ctx));
  if (input.year) q = q.where(sql<boolean>`extract(year from m.scheduled_at at time zone 'Asia/Shanghai') = ${input.year}`);
  const rows = await q.orderBy('m.scheduled_at', 'desc').limit(500).execute();
  return rows.map((m) => ({ id: m.id, title: m.title, scheduledAt: m.scheduled_at, place: m.place, status: m.status, statusName: meetingStatusNames[m.status], opinionDocNo: m.opinion_doc_no, version: m.version }));
}

/** The figures annual reports quote: meetings held, matters coordinated, matters resolved. */
export async function meetingFigures(ctx: AuthedContext, year: number) {
  const db = ctx.db as unknown as K;
  const inYear = sql<boolean>`extract(year from m.scheduled_at at time zone 'Asia/Shanghai') = ${year}`;
  const held = await db
    .selectFrom('kernel.meetings as m')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.tenant_id', '=', ctx.tenant.id)
    .where('m.status', 'in', ['held', 'consensus', 'escalated'])
    .where(inYear)
    .where(meetingVisible(db, ctx))
    .executeTakeFirstOrThrow();
  const cases = await db
    .selectFrom('kernel.meeting_cases as mc')
    .innerJoin('kernel.meetings as m', (j) => j.onRef('m.tenant_id', '=', 'mc.tenant_id').onRef('m.id', '=', 'mc.meeting_id'))
    .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'mc.tenant_id').onRef('c.id', '=', 'mc.case_id'))
    .select([sql<number>`count(distinct c.id)`.as('coordinated'), sql<number>`count(distinct c.id) filter (where c.status in ('closed', 'archived'))`.as('resolved')])
    .where('mc.tenant_id', '=', ctx.tenant.id)
    .where('m.status', 'in', ['held', 'consensus', 'escalated'])
    .where(inYear)
    .where(meetingVisible(db, ctx))
    .executeTakeFirstOrThrow();
  return { year, meetingsHeld: Number(held.n), casesCoordinated: Number(cases.coordinated), casesResolved: Number(cases.resolved) };
}
