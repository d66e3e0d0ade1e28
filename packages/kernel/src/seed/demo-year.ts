// A realistic year for the demo county (issue 34): about 200 matters in every state and
// urgency, some overdue, with progress reports, supervision instruments and meetings. Only the
// embedded demo start runs it (apps/server boot), never `zhengfa init` or a PostgreSQL
// deployment. Every step goes through the kernel's own procedures as the demo account that
// would take it, with the kernel clock moved to the step's instant, so numbering, clocks,
// audit rows, events and notifications are what a real year leaves. A seeded PRNG makes it
// reproducible: the same seed gives the same matters in the same states.
//
// Each generated matter carries the idempotency key `demo:<seed>:<n>`: that is the demo
// marker removeDemoYear deletes by, with the instruments and meetings hanging off it.
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import type { Kernel } from '../kernel.js';
import { createSession, SESSION_COOKIE } from '../auth/sessions.js';
import { DEMO_TENANT } from './demo.js';
import { chinaDate } from '../cases/dates.js';
import { appendAudit } from '../audit/audit-log.js';
import { demoPlaces, demoSubjects, demoHandlers, demoProgress, demoResults } from './demo-year-texts.js';

export const DEMO_MARKER_PREFIX = 'demo:';
export const DEFAULT_DEMO_SEED = 20261;
export const DEFAULT_DEMO_MATTERS = 200;

/** Where a generated matter ends: a kernel status, or 撤销 (withdrawn, closed unassigned). */
export const demoTargets = ['registered', 'pending_approval', 'approved', 'assigned', 'in_progress', 'submitted', 'closed', 'archived', 'withdrawn'] as const;
export type DemoTarget = (typeof demoTargets)[number];
const targetWeights: Record<DemoTarget, number> = { registered: 6, pending_approval: 6, approved: 5, assigned: 10, in_progress: 40, submitted: 14, closed: 35, archived: 70, withdrawn: 10 };
const urgencies = ['normal', 'urgent', 'critical'] as const;
const urgencyWeights = [70, 22, 8];
const sources = ['leader_instruction', 'visit', 'phone', 'letter', 'online', 'higher_assignment', 'inspection', 'unit_report'];

export interface DemoYearSummary {
  seed: number;
  matters: number;
  byTarget: Record<DemoTarget, number>;
  byUrgency: Record<(typeof urgencies)[number], number>;
  instruments: number;
  meetings: number;
}

/** mulberry32: a small, well-known 32-bit PRNG; the same seed yields the same sequence. */
export function demoRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const weighted = <T>(xs: readonly T[], ws: readonly number[]): T => {
    const total = ws.reduce((s, w) => s + w, 0);
    let r = next() * total;
    for (let i = 0; i < xs.length; i++) if ((r -= ws[i]!) < 0) return xs[i]!;
    return xs[xs.length - 1]!;
  };
  return { next, int, pick, weighted };
}

type Actor = 'supervisor' | 'leader' | 'liaison';
interface Step {
  at: number;
  order: number;
  actor: Actor;
  run: (call: Caller) => Promise<void>;
}
type Caller = ReturnType<Kernel['createCaller']>;

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A plan of one matter: what it is and the days (from its registration) each step happens. */
export interface DemoMatterPlan {
  n: number;
  target: DemoTarget;
  urgency: (typeof urgencies)[number];
  registeredAt: number;
  title: string;
  summary: string;
  source: string;
  leadUnit: string;
  handler: string;
  progressReports: number;
  deadlineDays: number;
  instrument: boolean;
  isKey: false;
}

const leadUnits = ['示范县公安局', '城关派出所', '刑事侦查大队', '法制大队'];

/** The matters the seed gives, in registration order: pure, so tests can check it without a database. */
export function planDemoYear(seed: number, matters: number, now: Date): DemoMatterPlan[] {
  const r = demoRandom(seed);
  const end = now.getTime();
  const plans: DemoMatterPlan[] = [];
  for (let n = 1; n <= matters; n++) {
    const target = r.weighted(demoTargets, demoTargets.map((t) => targetWeights[t]));
    const urgency = r.weighted(urgencies, urgencyWeights);
    const back: Record<DemoTarget, [number, number]> = {
      registered: [0, 10],
      pending_approval: [1, 14],
      approved: [2, 20],
      assigned: [3, 40],
      in_progress: [15, 240],
      submitted: [20, 150],
      closed: [60, 330],
      archived: [90, 360],
      withdrawn: [5, 300],
    };
    const [lo, hi] = back[target];
    const days = r.int(lo, hi);
    // Working hours, China time (UTC+8): 08:30–17:00 is 00:30–09:00 UTC.
    const registeredAt = Math.floor((end - days * DAY) / DAY) * DAY + HOUR / 2 + r.int(0, 8 * 60) * 60_000;
    const place = r.pick(demoPlaces);
    const subject = r.pick(demoSubjects);
    plans.push({
      n,
      target,
      urgency,
      registeredAt: Math.min(registeredAt, end - HOUR),
      title: `关于${place}${subject.title}的督办`,
      summary: subject.summary,
      source: r.pick(sources),
      leadUnit: r.pick(leadUnits),
      handler: r.pick(demoHandlers),
      progressReports: r.int(0, 3),
      deadlineDays: urgency === 'critical' ? r.int(5, 10) : urgency === 'urgent' ? r.int(10, 20) : r.int(20, 45),
      instrument: target === 'in_progress' && r.next() < 0.35,
      isKey: false,
    });
  }
  return plans.sort((a, b) => a.registeredAt - b.registeredAt || a.n - b.n);
}

/** Seeds the year into the demo county. Refuses nothing: call it once, on a fresh demo county. */
export async function seedDemoYear(
  kernel: Kernel,
  opts: { seed?: number; matters?: number; tenantId?: string; travel: (at: Date | null) => void },
): Promise<DemoYearSummary> {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const tenantId = opts.tenantId ?? DEMO_TENANT.code;
  const db = kernel.db;
  const now = kernel.clock.now();
  const plans = planDemoYear(seed, opts.matters ?? DEFAULT_DEMO_MATTERS, now);

  const userId = async (username: string) =>
    (await db.selectFrom('kernel.users').select('id').where('tenant_id', '=', tenantId).where('username', '=', username).executeTakeFirstOrThrow()).id;
  const orgId = async (name: string) =>
    (await db.selectFrom('kernel.orgs').select('id').where('tenant_id', '=', tenantId).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const actors: Record<Actor, string> = { supervisor: await userId('supervisor'), leader: await userId('leader'), liaison: await userId('liaison') };
  const units = Object.fromEntries(await Promise.all(leadUnits.map(async (u) => [u, await orgId(u)] as const)));
  const committee = await orgId('示范县委政法委');

  const callerAt = async (actor: Actor, at: Date): Promise<Caller> => {
    const { token } = await createSession(db, { tenantId, userId: actors[actor], ip: '127.0.0.1', userAgent: 'zhengfa demo' }, at);
    const ctx = await kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${token}`, 'user-agent': 'zhengfa demo' }), ip: '127.0.0.1', responseHeaders: new Headers(), method: 'POST' });
    return kernel.createCaller(ctx);
  };

  const steps: Step[] = [];
  const state = new Map<number, { id: string; version: number }>();
  let order = 0;
  const add = (at: number, actor: Actor, run: Step['run']) => steps.push({ at: Math.min(at, now.getTime() - 60_000), order: order++, actor, run });
  const transition = (p: DemoMatterPlan, action: string, extra: Record<string, unknown> = {}) => async (call: Caller) => {
    const m = state.get(p.n)!;
    const res = await call.cases.transition({ id: m.id, version: m.version, action, ...extra } as Parameters<Caller['cases']['transition']>[0]);
    m.version = res.version;
  };

  let instruments = 0;
  for (const p of plans) {
    const r = demoRandom(seed * 7919 + p.n);
    let t = p.registeredAt;
    const later = (minH: number, maxH: number) => (t += r.int(minH, maxH) * HOUR);
    add(t, 'supervisor', async (call) => {
      const reg = await call.cases.register({
        title: p.title,
        summary: p.summary,
        source: p.source,
        urgency: p.urgency,
        isKey: false,
        parties: [],
        idempotencyKey: `${DEMO_MARKER_PREFIX}${seed}:${p.n}`,
      } as Parameters<Caller['cases']['register']>[0]);
      state.set(p.n, { id: reg.id, version: 1 });
    });
    if (p.target === 'registered') continue;
    if (p.target === 'withdrawn') {
      add(later(2, 72), 'supervisor', transition(p, 'withdraw', { comment: '经核查不属于督办范围，予以撤销' }));
      continue;
    }
    add(later(1, 24), 'supervisor', transition(p, 'submitForApproval'));
    if (p.target === 'pending_approval') continue;
    add(later(2, 48), 'leader', transition(p, 'approve'));
    if (p.target === 'approved') continue;
    const fixesAt = later(1, 24);
    add(fixesAt, 'supervisor', async (call) => {
      const m = state.get(p.n)!;
      const deadline = chinaDate(new Date(fixesAt + p.deadlineDays * DAY));
      m.version = (
        await call.cases.setFourFixes({
          id: m.id,
          version: m.version,
          leadLeaderId: actors.leader,
          handlerName: p.handler,
          resolutionPlan: '约谈当事人，核实情况，依法依规限期化解',
          deadline,
          leadUnitId: units[p.leadUnit]!,
          cooperatingUnitIds: [],
        })
      ).version;
    });
    add(later(0, 2), 'supervisor', transition(p, 'assign'));
    if (p.target === 'assigned') continue;
    add(later(2, 72), 'liaison', transition(p, 'acknowledge'));
    const reports = p.target === 'in_progress' ? p.progressReports : Math.max(1, p.progressReports);
    for (let i = 0; i < reports; i++) add(later(48, 24 * 12), 'liaison', transition(p, 'reportProgress', { comment: r.pick(demoProgress) }));
    if (p.instrument) {
      instruments++;
      const draftAt = later(24, 24 * 10);
      const steps4 = r.int(0, 4);
      let instrumentId = '';
      let instrumentVersion = 1;
      add(draftAt, 'supervisor', async (call) => {
        const res = await call.supervision.draftInstrument({
          caseId: state.get(p.n)!.id,
          kind: 'warning',
          recipientOrgId: units[p.leadUnit]!,
          facts: '该事项办理进度滞后，未按期报送阶段性进展，群众反映强烈。',
          requirement: '请于期限内报送办理进展并加快化解',
          responseDeadline: chinaDate(new Date(draftAt + 10 * DAY)),
        } as Parameters<Caller['supervision']['draftInstrument']>[0]);
        instrumentId = (res as { id: string }).id;
        instrumentVersion = (res as { version?: number }).version ?? 1;
      });
      const step = (actor: Actor, s: 'submit' | 'sign' | 'acknowledge' | 'answer', extra: Record<string, unknown> = {}) =>
        add(later(2, 48), actor, async (call) => {
          const res = await call.supervision.instrumentStep({ id: instrumentId, version: instrumentVersion, step: s, ...extra } as Parameters<Caller['supervision']['instrumentStep']>[0]);
          instrumentVersion = (res as { version: number }).version;
        });
      if (steps4 >= 1) step('supervisor', 'submit');
      if (steps4 >= 2) step('leader', 'sign', { approve: true });
      if (steps4 >= 3) step('liaison', 'acknowledge');
      if (steps4 >= 4) step('liaison', 'answer', { answer: '已按要求落实整改，并报送阶段性进展。' });
    }
    if (p.target === 'in_progress') continue;
    add(later(24, 24 * 20), 'liaison', transition(p, 'submitResult', { report: r.pick(demoResults) }));
    if (p.target === 'submitted') continue;
    add(later(4, 96), 'supervisor', transition(p, 'review', { comment: '同意办结' }));
    if (p.target === 'closed') continue;
    add(later(24, 24 * 15), 'supervisor', transition(p, 'archive'));
  }

  // Four joint meetings (联席会议) on open matters, the earlier ones held.
  const openPlans = plans.filter((p) => p.target === 'in_progress' || p.target === 'submitted');
  let meetings = 0;
  for (let k = 0; k < 4 && openPlans.length > 0; k++) {
    const r = demoRandom(seed * 31 + k);
    const chosen = [...new Set([r.pick(openPlans), r.pick(openPlans), r.pick(openPlans)])];
    const at = Math.max(...chosen.map((p) => p.registeredAt)) + 30 * DAY + k * 7 * DAY;
    if (at > now.getTime() - DAY) continue;
    meetings++;
    let meetingId = '';
    add(at - 3 * DAY, 'supervisor', async (call) => {
      const res = await call.supervision.scheduleMeeting({
        title: `第${k + 1}次政法工作联席会议`,
        scheduledAt: new Date(at).toISOString(),
        place: '县委政法委三楼会议室',
        chairId: actors.leader,
        orgIds: [committee, ...new Set(chosen.map((p) => units[p.leadUnit]!))],
        caseIds: chosen.map((p) => state.get(p.n)!.id),
      } as unknown as Parameters<Caller['supervision']['scheduleMeeting']>[0]);
      meetingId = (res as { id: string }).id;
    });
    if (k < 3)
      add(at + 2 * HOUR, 'supervisor', async (call) => {
        const m = await call.supervision.meeting({ id: meetingId });
        await call.supervision.holdMeeting({
          id: meetingId,
          version: (m as { version: number }).version,
          minutes: '会议听取了各承办单位的办理情况汇报，研究了化解措施，明确了责任分工和完成时限。',
          attendance: (m as { orgs: { orgId: string }[] }).orgs.map((o) => ({ orgId: o.orgId, attended: true })),
        } as unknown as Parameters<Caller['supervision']['holdMeeting']>[0]);
      });
  }

  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  try {
    for (const s of steps) {
      const at = new Date(s.at);
      opts.travel(at);
      await s.run(await callerAt(s.actor, at));
    }
  } finally {
    opts.travel(null);
  }
  // The generator's sessions served only the steps above.
  // The plugins' demo data, after the kernel's (PluginDefinition.demo); every kernel case a
  // plugin creates while it seeds is marked as demo, so demo:remove finds it.
  const orgNames = Object.fromEntries((await db.selectFrom('kernel.orgs').select(['id', 'name']).where('tenant_id', '=', tenantId).execute()).map((o) => [o.name, o.id]));
  const userNames = Object.fromEntries((await db.selectFrom('kernel.users').select(['id', 'username']).where('tenant_id', '=', tenantId).execute()).map((u) => [u.username, u.id]));
  for (const plugin of kernel.host.enabled) {
    if (!plugin.demo) continue;
    const before = new Set((await db.selectFrom('kernel.cases').select('id').where('tenant_id', '=', tenantId).execute()).map((c) => c.id));
    const random = demoRandom(seed * 131 + plugin.id.length).next;
    try {
      await plugin.demo.seed({ tenantId, seed, now, random, orgs: orgNames, users: userNames, actAs: (username, at) => callerForUser(kernel, tenantId, username, at, opts.travel) });
    } finally {
      opts.travel(null);
    }
    const created = (await db.selectFrom('kernel.cases').select('id').where('tenant_id', '=', tenantId).execute()).filter((c) => !before.has(c.id));
    for (const c of created)
      await db.updateTable('kernel.cases').set({ idempotency_key: `${DEMO_MARKER_PREFIX}${seed}:${plugin.id}:${c.id}` }).where('tenant_id', '=', tenantId).where('id', '=', c.id).execute();
  }
  await db.deleteFrom('kernel.sessions').where('tenant_id', '=', tenantId).where('user_agent', '=', 'zhengfa demo').execute();
  const byTarget = Object.fromEntries(demoTargets.map((t) => [t, plans.filter((p) => p.target === t).length])) as DemoYearSummary['byTarget'];
  const byUrgency = Object.fromEntries(urgencies.map((u) => [u, plans.filter((p) => p.urgency === u).length])) as DemoYearSummary['byUrgency'];
  return { seed, matters: plans.length, byTarget, byUrgency, instruments, meetings };
}

/**
 * Deletes the generated matters (by their demo marker) and every row that references them
 * through a foreign key, children first, plus the meetings left without a matter; then
 * records the removal in the audit log. The audit log itself is append-only and hash-chained:
 * the rows the generator wrote stay, as every deletion's trace does.
 */
export async function removeDemoYear(kernel: Kernel, tenantId: string = DEMO_TENANT.code): Promise<{ removed: number }> {
  const db = kernel.db as Kysely<KernelDatabase>;
  const removed = await db.transaction().execute(async (trx) => {
    const marker = sql`tenant_id = ${tenantId} and idempotency_key like ${DEMO_MARKER_PREFIX + '%'}`;
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from kernel.cases where ${marker}`.execute(trx);
    const n = Number(rows[0]!.n);
    if (n === 0) return 0;
    // case_events is append-only by trigger; the demo year lives only in the embedded database,
    // whose connection is its superuser, so the removal sets the triggers aside for itself.
    // Children are deleted before parents, so no foreign key relies on a trigger here.
    await sql`set local session_replication_role = replica`.execute(trx);
    const caseIds = (await sql<{ id: string }>`select id from kernel.cases where ${marker}`.execute(trx)).rows.map((r) => r.id);
    for (const plugin of kernel.host.enabled) if (plugin.demo) await plugin.demo.remove({ db: trx, tenantId, caseIds });
    const meetings = await sql<{ id: string }>`select distinct meeting_id as id from kernel.meeting_cases where case_id in (select id from kernel.cases where ${marker})`.execute(trx);
    await deleteWithDependents(trx, 'kernel', 'cases', marker, new Set());
    for (const m of meetings.rows) {
      const left = await sql<{ n: string }>`select count(*)::text as n from kernel.meeting_cases where tenant_id = ${tenantId} and meeting_id = ${m.id}`.execute(trx);
      if (left.rows[0]!.n === '0') await deleteWithDependents(trx, 'kernel', 'meetings', sql`tenant_id = ${tenantId} and id = ${m.id}`, new Set());
    }
    await appendAudit(trx, { tenantId, userId: null, userName: 'zhengfa demo:remove', ip: null, userAgent: null }, { action: 'demo.remove', outcome: 'success', detail: { removed: n } });
    return n;
  });
  return { removed };
}

interface ForeignKey {
  child_schema: string;
  child_table: string;
  child_cols: string[];
  parent_cols: string[];
}

async function deleteWithDependents(trx: Kysely<KernelDatabase>, schema: string, table: string, where: ReturnType<typeof sql>, path: Set<string>): Promise<void> {
  const key = `${schema}.${table}`;
  if (path.has(key)) return;
  const next = new Set(path).add(key);
  const fks = await sql<ForeignKey>`
    select cn.nspname as child_schema, cc.relname as child_table,
      array(select a.attname from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i)::text[] as child_cols,
      array(select a.attname from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i)::text[] as parent_cols
    from pg_constraint c
    join pg_class cc on cc.oid = c.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
    join pg_class pc on pc.oid = c.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
    where c.contype = 'f' and pn.nspname = ${schema} and pc.relname = ${table}`.execute(trx);
  for (const fk of fks.rows) {
    const childCols = sql.join(fk.child_cols.map((c) => sql.ref(c)));
    const parentCols = sql.join(fk.parent_cols.map((c) => sql.ref(c)));
    const childWhere = sql`(${childCols}) in (select ${parentCols} from ${sql.table(key)} where ${where})`;
    await deleteWithDependents(trx, fk.child_schema, fk.child_table, childWhere, next);
  }
  await sql`delete from ${sql.table(key)} where ${where}`.execute(trx);
}


/** A caller signed in as the demo account `username`, with the kernel clock moved to `at`. */
async function callerForUser(kernel: Kernel, tenantId: string, username: string, at: Date, travel: (at: Date | null) => void): Promise<Caller> {
  const user = await kernel.db.selectFrom('kernel.users').select('id').where('tenant_id', '=', tenantId).where('username', '=', username).executeTakeFirstOrThrow();
  travel(at);
  const { token } = await createSession(kernel.db, { tenantId, userId: user.id, ip: '127.0.0.1', userAgent: 'zhengfa demo' }, at);
  const ctx = await kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${token}`, 'user-agent': 'zhengfa demo' }), ip: '127.0.0.1', responseHeaders: new Headers(), method: 'POST' });
  return kernel.createCaller(ctx);
}
