// Official documents of the kernel, filled from the records the user may see: the
// assignment notice and the urging letter of a case, each supervision instrument, the
// coordination opinion and the periodic bulletin of the ledger. Templates and layout live
// in @zhengfa/documents; this file only gathers data, inside the user's scope.
import type { AuthedContext } from '@zhengfa/plugin-api';
import { badRequest, notFound } from '@zhengfa/plugin-api';
import {
  assignmentNotice,
  bulletin,
  coordinationOpinion,
  renderDocx,
  supervisionInstrument,
  urgingLetter,
  type IssuingOrgan,
} from '@zhengfa/documents';
import { sql, type Kysely } from 'kysely';
import { addDays, daysBetween } from '../calendar/dates.js';
import { chinaDate } from '../cases/dates.js';
import { openStatuses } from '../cases/lifecycle.js';
import { caseVisible, mayOpenRestricted } from '../cases/scope.js';
import type { InstrumentKind, KernelDatabase } from '../db/schema.js';
import { caseSourceNames, officialDocStrings as s } from '../strings.js';
import { getInstrument } from '../supervision/instruments.js';
import { getMeeting } from '../supervision/meetings.js';

type K = Kysely<KernelDatabase>;

export interface RenderedDocument {
  fileName: string;
  buffer: Buffer;
}

async function organOf(db: K, tenantId: string): Promise<IssuingOrgan> {
  const t = await db.selectFrom('kernel.tenants').select(['name', 'doc_abbr']).where('id', '=', tenantId).executeTakeFirstOrThrow();
  return { name: s.organName(t.name), abbreviation: t.doc_abbr };
}

async function visibleCase(ctx: AuthedContext, id: string) {
  const db = ctx.db as unknown as K;
  const c = await db
    .selectFrom('kernel.cases as c')
    .leftJoin('kernel.orgs as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_unit_id'))
    .leftJoin('kernel.users as l', (j) => j.onRef('l.tenant_id', '=', 'c.tenant_id').onRef('l.id', '=', 'c.lead_leader_id'))
    .selectAll('c')
    .select(['u.name as unit_name', 'l.display_name as leader_name'])
    .where('c.tenant_id', '=', ctx.tenant.id)
    .where('c.id', '=', id)
    .where(caseVisible(ctx.user))
    .executeTakeFirst();
  if (!c) throw notFound();
  return c;
}

const replyDays = { critical: 1, urgent: 3, normal: 7 } as const;

export async function assignmentNoticeDocx(ctx: AuthedContext, caseId: string): Promise<RenderedDocument> {
  const db = ctx.db as unknown as K;
  const c = await visibleCase(ctx, caseId);
  if (!c.lead_unit_id || !c.deadline || !c.leader_name || !c.handler_name || !c.resolution_plan) throw badRequest(s.notAssigned);
  const coop = c.cooperating_unit_ids.length
    ? (await db.selectFrom('kernel.orgs').select('name').where('tenant_id', '=', ctx.tenant.id).where('id', 'in', c.cooperating_unit_ids).execute()).map((o) => o.name)
    : [];
  const today = chinaDate(ctx.now());
  const doc = assignmentNotice({
    organ: await organOf(db, ctx.tenant.id),
    docNo: c.doc_no,
    date: c.assigned_at ? chinaDate(c.assigned_at) : today,
    recipient: c.unit_name!,
    case: { title: c.title, docNo: c.doc_no },
    source: caseSourceNames[c.source as keyof typeof caseSourceNames],
    // A restricted case's summary is its material: the notice states the title alone
    // unless the user may open it.
    facts: (mayOpenRestricted(ctx.user, c.restricted_to) && c.summary) || c.title,
    leadLeader: c.leader_name,
    handler: c.handler_name,
    resolutionPlan: c.resolution_plan,
    deadline: c.deadline,
    cooperatingUnits: coop,
    reportBy: c.deadline,
    urgency: c.urgency,
  });
  return { fileName: s.assignmentFile(c.doc_no), buffer: await renderDocx(doc) };
}

export async function urgingLetterDocx(ctx: AuthedContext, caseId: string): Promise<RenderedDocument> {
  const db = ctx.db as unknown as K;
  const c = await visibleCase(ctx, caseId);
  if (!openStatuses.includes(c.status as never) || !c.deadline || !c.unit_name) throw badRequest(s.notOpen);
  const today = chinaDate(ctx.now());
  const overdueDays = c.deadline < today ? daysBetween(c.deadline, today) : 0;
  const urged = await db
    .selectFrom('kernel.case_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', ctx.tenant.id)
    .where('case_id', '=', c.id)
    .where('type', '=', 'dispatch')
    .executeTakeFirstOrThrow();
  const doc = urgingLetter({
    organ: await organOf(db, ctx.tenant.id),
    docNo: c.doc_no,
    date: today,
    recipient: c.unit_name,
    case: { title: c.title, docNo: c.doc_no },
    assignedOn: c.assigned_at ? chinaDate(c.assigned_at) : undefined,
    deadline: c.deadline,
    overdue: overdueDays > 0 ? s.overdueBy(overdueDays) : s.dueSoon,
    overdueDays: overdueDays || undefined,
    requirements: [...s.urgingRequirements],
    replyBy: addDays(today, replyDays[c.urgency]),
    round: Number(urged.n) + 1,
    urgency: c.urgency,
  });
  return { fileName: s.urgingFile(c.doc_no), buffer: await renderDocx(doc) };
}

const instrumentDocKind: Record<InstrumentKind, 'warning' | 'guidance' | 'correction' | 'removalProposal' | 'disciplineTransfer' | 'judicialTransfer'> = {
  warning: 'warning',
  guidance: 'guidance',
  correction: 'correction',
  removal_proposal: 'removalProposal',
  discipline_transfer: 'disciplineTransfer',
  judicial_transfer: 'judicialTransfer',
};

export async function instrumentDocx(ctx: AuthedContext, id: string): Promise<RenderedDocument> {
  const db = ctx.db as unknown as K;
  const i = await getInstrument(ctx, id);
  const doc = supervisionInstrument({
    organ: await organOf(db, ctx.tenant.id),
    docNo: i.docNo ?? s.draftNo,
    date: i.issuedOn ?? chinaDate(ctx.now()),
    kind: instrumentDocKind[i.kind],
    recipient: i.officerName ? { kind: 'officer', name: i.officerName, unit: i.recipientName ?? '', post: i.officerPost ?? undefined } : { kind: 'unit', name: i.recipientName ?? '' },
    case: i.caseDocNo && i.caseTitle ? { title: i.caseTitle, docNo: i.caseDocNo } : undefined,
    facts: i.facts,
    legalBasis: i.legalBasis ? i.legalBasis.split(/[\n；;]+/).map((x) => x.trim()).filter(Boolean) : [],
    requirements: i.requirement.split(/\n+/).map((x) => x.trim()).filter(Boolean),
    respondBy: i.responseDeadline,
  });
  return { fileName: s.instrumentFile(i.kindName, i.docNo), buffer: await renderDocx(doc) };
}

export async function opinionDocx(ctx: AuthedContext, meetingId: string): Promise<RenderedDocument> {
  const db = ctx.db as unknown as K;
  const m = await getMeeting(ctx, meetingId);
  if (!m.opinion) throw badRequest(s.noOpinion);
  const lines = m.opinion.split(/\n+|(?=[一二三四五六七八九十]+、)/).map((x) => x.replace(/^[一二三四五六七八九十]+、/, '').trim()).filter(Boolean);
  const doc = coordinationOpinion({
    organ: await organOf(db, ctx.tenant.id),
    docNo: m.opinionDocNo ?? s.draftNo,
    date: m.opinionSignedAt ? chinaDate(m.opinionSignedAt) : chinaDate(ctx.now()),
    meeting: { date: chinaDate(m.scheduledAt), place: m.place || s.placeUnknown, chair: m.chairName ?? s.chairUnknown, attendees: m.orgs.filter((o) => o.attended !== false).map((o) => o.name) },
    case: m.cases.length === 1 ? { title: m.cases[0]!.title, docNo: m.cases[0]!.docNo } : undefined,
    subject: m.cases.length === 1 ? undefined : m.title,
    matters: m.cases.map((c) => `${c.title}（${c.docNo}）`),
    opinions: lines,
    tasks: [],
    signer: m.signerName ?? s.signerUnknown,
    recipients: m.orgs.map((o) => o.name),
  });
  return { fileName: s.opinionFile(m.opinionDocNo), buffer: await renderDocx(doc) };
}

export async function bulletinDocx(ctx: AuthedContext, period: { from: string; to: string }): Promise<RenderedDocument> {
  const db = ctx.db as unknown as K;
  if (period.from > period.to) throw badRequest(s.badPeriod);
  const today = chinaDate(ctx.now());
  const open = sql.join(openStatuses.map((x) => sql.lit(x)));
  const base = db.selectFrom('kernel.cases as c').where('c.tenant_id', '=', ctx.tenant.id).where(caseVisible(ctx.user)).where('c.received_on', '<=', period.to);
  const totals = await base
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) filter (where c.received_on >= ${period.from})`.as('added'),
      sql<number>`count(*) filter (where c.closed_at is not null and (c.closed_at at time zone 'Asia/Shanghai')::date between ${period.from} and ${period.to})`.as('closed'),
      sql<number>`count(*) filter (where c.status in (${open}) and c.deadline < ${today})`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  const units = await base
    .innerJoin('kernel.orgs as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_unit_id'))
    .select([
      'u.name',
      sql<number>`count(*) filter (where c.status in (${open}))`.as('open'),
      sql<number>`count(*) filter (where c.status in ('closed', 'archived'))`.as('closed'),
      sql<number>`count(*) filter (where c.status in (${open}) and c.deadline < ${today})`.as('overdue'),
    ])
    .groupBy('u.name')
    .orderBy('u.name')
    .execute();
  const overdue = await base
    .innerJoin('kernel.orgs as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_unit_id'))
    .select(['c.doc_no', 'c.title', 'u.name', 'c.deadline'])
    .where('c.status', 'in', openStatuses)
    .where('c.deadline', '<', today)
    .orderBy('c.deadline')
    .limit(200)
    .execute();
  const tenant = await db.selectFrom('kernel.tenants').select('name').where('id', '=', ctx.tenant.id).executeTakeFirstOrThrow();
  const year = Number(today.slice(0, 4));
  const seq = Number((await db.selectFrom('kernel.doc_counters').select('last_no').where('tenant_id', '=', ctx.tenant.id).where('kind', '=', 'bulletin').where('year', '=', year).executeTakeFirst())?.last_no ?? 0) + 1;
  const doc = bulletin({
    organ: await organOf(db, ctx.tenant.id),
    docNo: { kindWord: '通', year, seq },
    date: today,
    recipients: units.map((u) => u.name),
    period: { from: period.from, to: period.to },
    scope: s.scope(tenant.name),
    counts: { total: Number(totals.total), added: Number(totals.added), closed: Number(totals.closed), overdue: Number(totals.overdue) },
    byUnit: units.map((u) => ({ unit: u.name, open: Number(u.open), closed: Number(u.closed), overdue: Number(u.overdue) })),
    overdueList: overdue.map((o) => ({ docNo: o.doc_no, title: o.title, leadUnit: o.name, deadline: o.deadline!, overdueDays: daysBetween(o.deadline!, today) })),
  });
  return { fileName: s.bulletinFile(period.from, period.to), buffer: await renderDocx(doc) };
}
