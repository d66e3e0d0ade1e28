// What waits for the signed-in user in the kernel (工作台): cases at a step the user takes
// (待审批, 待交办, 待签收, 待报结, 待审核 …), deadlines (临期/超期), instruments to sign, receive,
// answer or review, and meetings to attend, sign or carry out. Each item counts only what
// the user may see and act on, in SQL, and links to the list that holds it. Sorted most
// urgent first (overdue, then items holding urgent cases), then oldest first.
import type { AuthedContext, SessionUser } from '@zhengfa/plugin-api';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { chinaDate } from '../cases/dates.js';
import { openStatuses } from '../cases/lifecycle.js';
import { statusLiterals } from '../cases/plan-literals.js';
import { caseLedByUser, caseVisible } from '../cases/scope.js';
import type { KernelDatabase } from '../db/schema.js';
import { subtreeOrgIds } from '../scope.js';
import { workbenchStrings as s } from '../strings.js';

type K = Kysely<KernelDatabase>;

export type WorkItemTone = 'danger' | 'warning' | 'normal';

export interface WorkItem {
  key: string;
  /** Chinese, what waits, e.g. 待签收. */
  label: string;
  count: number;
  /** Of those, how many are urgent or extra-urgent cases (0 where not about cases). */
  urgent: number;
  link: string;
  /** The day (YYYY-MM-DD) the oldest started waiting (for deadlines: the earliest deadline). */
  oldest: string | null;
  tone: WorkItemTone;
}

interface Def {
  key: string;
  label: string;
  link: string;
  tone: WorkItemTone;
  /** The condition on the row (c: a case, i: an instrument, m: a meeting). */
  where: RawBuilder<SqlBool> | ReturnType<typeof sql<SqlBool>>;
  /** The column whose minimum is the "waiting since" day. */
  since: RawBuilder<unknown>;
  /** Count the urgent cases among them. */
  urgency?: true;
}

const dayOf = (ts: RawBuilder<unknown>) => sql`to_char((${ts} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

/** One aggregate statement over `from` for the definitions the user qualifies for. */
async function countAll(db: K, from: RawBuilder<unknown>, defs: Def[]): Promise<WorkItem[]> {
  if (defs.length === 0) return [];
  const cols = defs.flatMap((d, i) => [
    sql`count(*) filter (where ${d.where})::int as ${sql.ref(`n${i}`)}`,
    sql`min(${d.since}) filter (where ${d.where})::text as ${sql.ref(`o${i}`)}`,
    d.urgency ? sql`count(*) filter (where ${d.where} and c.urgency <> 'normal')::int as ${sql.ref(`u${i}`)}` : sql`0 as ${sql.ref(`u${i}`)}`,
  ]);
  const r = await sql<Record<string, number | string | null>>`select ${sql.join(cols)} ${from}`.execute(db);
  const row = r.rows[0] ?? {};
  return defs.map((d, i) => ({
    key: d.key,
    label: d.label,
    count: Number(row[`n${i}`] ?? 0),
    urgent: Number(row[`u${i}`] ?? 0),
    link: d.link,
    oldest: (row[`o${i}`] as string | null) ?? null,
    tone: d.tone,
  }));
}

function caseDefs(db: K, ctx: AuthedContext, today: string): Def[] {
  const u = ctx.user;
  const can = (p: string) => ctx.can(p);
  // Waiting since: received (before assignment), assigned (at the unit), last changed (submitted).
  const received = sql`c.received_on::text`;
  const assignedOn = dayOf(sql`c.assigned_at`);
  const updated = dayOf(sql`c.updated_at`);
  const deadline = sql`c.deadline`;
  const status = (st: string) => sql<SqlBool>`c.status = ${sql.lit(st)}`;
  const led = sql<SqlBool>`(${caseLedByUser(db, u)})`;
  const open = sql<SqlBool>`c.status in (${statusLiterals(openStatuses)})`;
  const defs: Def[] = [];
  const add = (when: boolean, d: Def) => void (when && defs.push(d));
  // The ledger's own filters, so the list behind each link holds exactly what was counted:
  // 待签收 and 待报结 only the cases the user's unit leads (lead=mine), not those it only
  // cooperates on, which it sees in the ledger but neither signs for nor reports on.
  add(can('cases.handle') || can('cases.urge') || can('cases.approve'), { key: 'overdue', label: s.overdue, link: '/cases?overdue=1&sort=deadline&dir=asc', tone: 'danger', where: sql<SqlBool>`(${open} and c.deadline < ${today})`, since: deadline, urgency: true });
  add(can('cases.handle') || can('cases.urge') || can('cases.approve'), { key: 'dueSoon', label: s.dueSoon, link: '/cases?due=7&sort=deadline&dir=asc', tone: 'warning', where: sql<SqlBool>`(${open} and c.deadline >= ${today} and c.deadline <= (${today}::date + 7))`, since: deadline, urgency: true });
  add(u.committee && can('cases.approve'), { key: 'pendingApproval', label: s.pendingApproval, link: '/cases?status=pending_approval&sort=registeredAt&dir=asc', tone: 'normal', where: status('pending_approval'), since: received, urgency: true });
  add(u.committee && can('cases.register'), { key: 'registered', label: s.registered, link: '/cases?status=registered&sort=registeredAt&dir=asc', tone: 'normal', where: status('registered'), since: received, urgency: true });
  add(u.committee && can('cases.assign'), { key: 'approved', label: s.approved, link: '/cases?status=approved&sort=registeredAt&dir=asc', tone: 'normal', where: status('approved'), since: received, urgency: true });
  add(can('cases.handle'), { key: 'toAcknowledge', label: s.toAcknowledge, link: '/cases?status=assigned&lead=mine&sort=deadline&dir=asc', tone: 'normal', where: sql<SqlBool>`(${status('assigned')} and ${led})`, since: assignedOn, urgency: true });
  add(can('cases.handle'), { key: 'inProgress', label: s.inProgress, link: '/cases?status=in_progress&lead=mine&sort=deadline&dir=asc', tone: 'normal', where: sql<SqlBool>`(${status('in_progress')} and ${led})`, since: assignedOn, urgency: true });
  // The supervision office reviews results; a leader who may also review is not asked to.
  add(u.committee && can('cases.review') && can('cases.assign'), { key: 'toReview', label: s.toReview, link: '/cases?status=submitted&sort=deadline&dir=asc', tone: 'normal', where: status('submitted'), since: updated, urgency: true });
  add(u.committee && can('cases.urge'), { key: 'dispatchDue', label: s.dispatchDue, link: '/cases?dispatch=1&sort=nextDispatch&dir=asc', tone: 'warning', where: sql<SqlBool>`(${open} and (c.next_dispatch_on <= ${today} or c.dispatch_owed_since is not null))`, since: sql`least(c.next_dispatch_on, c.dispatch_owed_since)`, urgency: true });
  return defs;
}

function instrumentDefs(db: K, ctx: AuthedContext): Def[] {
  const u: SessionUser = ctx.user;
  const mine = sql<SqlBool>`i.recipient_org_id in (${subtreeOrgIds(db, u)})`;
  const link = (st: string) => `/supervision/instruments?status=${st}`;
  const defs: Def[] = [];
  if (u.committee && ctx.can('supervision.sign')) defs.push({ key: 'instrumentsToSign', label: s.instrumentsToSign, link: link('pending_signoff'), tone: 'normal', where: sql<SqlBool>`i.status = 'pending_signoff'`, since: dayOf(sql`i.drafted_at`) });
  if (ctx.can('cases.handle')) {
    defs.push({ key: 'instrumentsToAcknowledge', label: s.instrumentsToAcknowledge, link: link('issued'), tone: 'warning', where: sql<SqlBool>`(i.status = 'issued' and ${mine})`, since: dayOf(sql`i.signed_at`) });
    defs.push({ key: 'instrumentsToAnswer', label: s.instrumentsToAnswer, link: link('acknowledged'), tone: 'warning', where: sql<SqlBool>`(i.status = 'acknowledged' and ${mine})`, since: sql`i.response_deadline::text` });
  }
  if (u.committee && ctx.can('supervision.instruments')) defs.push({ key: 'answersToReview', label: s.answersToReview, link: link('answered'), tone: 'normal', where: sql<SqlBool>`i.status = 'answered'`, since: dayOf(sql`i.answered_at`) });
  return defs;
}

function meetingDefs(db: K, ctx: AuthedContext, today: string): Def[] {
  const u = ctx.user;
  const invited = sql<SqlBool>`exists (select 1 from kernel.meeting_orgs mo where mo.tenant_id = m.tenant_id and mo.meeting_id = m.id and mo.org_id in (${subtreeOrgIds(db, u)}))`;
  const unreported = sql<SqlBool>`exists (select 1 from kernel.meeting_orgs mo where mo.tenant_id = m.tenant_id and mo.meeting_id = m.id and mo.reported_at is null and mo.org_id in (${subtreeOrgIds(db, u)}))`;
  // The kernel's clock, not the database's: from the start of today, China time.
  const upcoming = sql<SqlBool>`(m.status = 'scheduled' and m.scheduled_at >= ${new Date(`${today}T00:00:00+08:00`)}::timestamptz)`;
  const defs: Def[] = [];
  const handles = ctx.can('cases.handle');
  defs.push({ key: 'invitations', label: s.invitations, link: '/supervision/meetings', tone: 'normal', where: sql<SqlBool>`(${upcoming} and (m.chair_id = ${u.id}::uuid ${handles ? sql`or ${invited}` : sql``}))`, since: dayOf(sql`m.scheduled_at`) });
  if (handles) defs.push({ key: 'opinionsToCarryOut', label: s.opinionsToCarryOut, link: '/supervision/meetings', tone: 'warning', where: sql<SqlBool>`(m.opinion_signed_at is not null and ${unreported})`, since: dayOf(sql`m.opinion_signed_at`) });
  if (u.committee && ctx.can('supervision.sign')) defs.push({ key: 'opinionsToSign', label: s.opinionsToSign, link: '/supervision/meetings', tone: 'normal', where: sql<SqlBool>`(m.status = 'consensus' and m.opinion_signed_at is null)`, since: dayOf(sql`m.scheduled_at`) });
  if (u.committee && ctx.can('supervision.meetings')) defs.push({ key: 'meetingsToRecord', label: s.meetingsToRecord, link: '/supervision/meetings', tone: 'normal', where: sql<SqlBool>`(m.status = 'scheduled' and m.scheduled_at < ${ctx.now()}::timestamptz)`, since: dayOf(sql`m.scheduled_at`) });
  return defs;
}

const toneRank: Record<WorkItemTone, number> = { danger: 0, warning: 1, normal: 2 };

/** Most urgent first: overdue, then deadlines and items holding urgent cases, then the oldest. */
export function byUrgency(a: WorkItem, b: WorkItem): number {
  return toneRank[a.tone] - toneRank[b.tone] || Number(b.urgent > 0) - Number(a.urgent > 0) || (a.oldest ?? '9999').localeCompare(b.oldest ?? '9999');
}

/** The audit administrator's: password reset requests of security administrators to countersign. */
function resetDefs(ctx: AuthedContext): Def[] {
  if (!ctx.can('audit.countersign')) return [];
  return [{ key: 'resetsToCountersign', label: s.resetsToCountersign, link: '/password-resets', tone: 'warning', where: sql<SqlBool>`(r.status = 'pending' and r.expires_at > ${ctx.now()}::timestamptz)`, since: dayOf(sql`r.requested_at`) }];
}

export async function kernelTodos(ctx: AuthedContext): Promise<WorkItem[]> {
  const db = ctx.db as unknown as K;
  const u = ctx.user;
  const resets = await countAll(db, sql`from kernel.password_reset_requests r where r.tenant_id = ${u.tenantId} and r.status = 'pending'`, resetDefs(ctx));
  if (!ctx.can('cases.read')) return resets.filter((i) => i.count > 0);
  const today = chinaDate(ctx.now());
  // Closed and archived cases wait for nobody: only the statuses before closing are read.
  const cases = countAll(db, sql`from kernel.cases c where c.tenant_id = ${u.tenantId} and c.status in (${statusLiterals(['registered', 'pending_approval', 'approved', ...openStatuses])}) and ${caseVisible(u)}`, caseDefs(db, ctx, today));
  const instruments = countAll(db, sql`from kernel.instruments i where i.tenant_id = ${u.tenantId} and i.status in ('pending_signoff', 'issued', 'acknowledged', 'answered')`, instrumentDefs(db, ctx));
  const meetings = countAll(db, sql`from kernel.meetings m where m.tenant_id = ${u.tenantId} and (m.status in ('scheduled', 'consensus') or m.opinion_signed_at is not null)`, meetingDefs(db, ctx, today));
  const all = (await cases).concat(await instruments, await meetings, resets);
  return all.filter((i) => i.count > 0).sort(byUrgency);
}
