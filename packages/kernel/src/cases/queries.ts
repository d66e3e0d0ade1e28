// Reading cases: the ledger (台账) and the case page. Both embed the scope condition, and
// both return personal data masked.
import type { AuthedContext } from '@zhengfa/plugin-api';
import { notFound } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase, Urgency } from '../db/schema.js';
import type { PluginHost } from '../plugin-host/host.js';
import { maskName } from '../parties/index.js';
import { openIdentifiers } from '../vault/parties.js';
import { caseSourceNames, caseStatusNames, caseStrings as s, fourFixNames, sixClarityNames, urgencyNames } from '../strings.js';
import { chinaDate } from './dates.js';
import { canTransition, missingClarities, missingFourFixes, openStatuses, transitions, type CaseAction, type CaseStatus } from './lifecycle.js';
import { caseLedByUser, caseVisible, mayOpenRestricted, withheldFrom } from './scope.js';
import { gramsAreExact, queryGrams, substringOperator, tenantGrams } from './search-grams.js';
import { maskParty } from './service.js';
import { dateLiteral, statusLiterals, urgencyLiterals } from './plan-literals.js';
import { tallyCountSql } from './tallies.js';
import { clocksOf } from '../clocks/service.js';
import { attachmentsOf } from '../files/attachments.js';
import { supervisionEventVisible } from '../supervision/timeline.js';

export interface LedgerFilter {
  kind?: string[];
  status?: CaseStatus[];
  urgency?: Urgency[];
  unitId?: string;
  overdue?: boolean;
  dueWithinDays?: number;
  /** Open cases whose next dispatch meeting is due (today or earlier). */
  dispatchDue?: boolean;
  /**
   * Cases whose lead unit is within the user's subtree (本单位承办): the cases the unit signs
   * for and reports on, not those it only cooperates on.
   */
  ledByMe?: boolean;
  from?: string;
  to?: string;
  keyword?: string;
}

export const LEDGER_COUNT_CAP = 10_000;
/** A keyword search's pager counts up to here ("1000 条以上"): 50 pages of 20. */
export const SEARCH_COUNT_CAP = 1_000;

export type LedgerSort = 'deadline' | 'registeredAt' | 'docNo' | 'nextDispatch';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface LedgerPlan {
  /**
   * Test the search grams row by row instead of through their index, so a page of a broad
   * term is read in the sort's index order (a few hundred rows) rather than by fetching
   * and sorting every match (thousands).
   */
  gramsAsFilter?: boolean;
  /** A unit user's scope is found through the index (cases/scope.ts), not tested row by row. */
  scopeIndexed?: boolean;
}

export function ledgerQuery(db: Kysely<KernelDatabase>, ctx: AuthedContext, f: LedgerFilter, plan: LedgerPlan = {}) {
  const keyword = f.keyword?.trim();
  const grams = keyword ? tenantGrams(ctx.tenant.id, queryGrams(keyword)) : [];
  // Search grams carry the tenant's prefix, so a gram match is already inside the tenant;
  // the tenant test then stays a row filter ("is true" keeps the planner from AND-ing a
  // bitmap of the tenant's whole table with the gram bitmap), and remains as a safeguard.
  const byGrams = grams.length > 0 && !plan.gramsAsFilter;
  let q = db
    .selectFrom('kernel.cases as c')
    .where(byGrams ? sql<boolean>`(c.tenant_id = ${ctx.tenant.id}) is true` : sql<boolean>`c.tenant_id = ${ctx.tenant.id}`)
    // A term's matches are intersected with the scope in the index; otherwise the scope is
    // a filter along the sort's index unless the plan says it is small.
    .where(caseVisible(ctx.user, 'c', { indexed: byGrams || plan.scopeIndexed }));
  if (f.kind?.length) q = q.where('c.kind', 'in', f.kind);
  // Statuses, urgencies and today are literals (plan-literals.ts).
  if (f.status?.length) q = q.where(sql<boolean>`c.status in (${statusLiterals(f.status)})`);
  if (f.urgency?.length) q = q.where(sql<boolean>`c.urgency in (${urgencyLiterals(f.urgency)})`);
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where((eb) => eb.or([eb('c.lead_unit_id', '=', unitId), eb(sql<string>`${unitId}::uuid`, '=', eb.fn.any('c.cooperating_unit_ids'))]));
  }
  const today = dateLiteral(chinaDate(ctx.now()));
  const open = sql<boolean>`c.status in (${statusLiterals(openStatuses)})`;
  if (f.overdue) q = q.where(open).where('c.deadline', '<', today);
  if (f.dueWithinDays !== undefined) {
    q = q
      .where(open)
      .where('c.deadline', '>=', today)
      .where('c.deadline', '<=', sql<string>`(${today} + ${sql.lit(Math.trunc(f.dueWithinDays))}::int)`);
  }
  if (f.ledByMe) q = q.where(caseLedByUser(db, ctx.user));
  if (f.dispatchDue) q = q.where(open).where((eb) => eb.or([eb('c.next_dispatch_on', '<=', today), eb('c.dispatch_owed_since', 'is not', null)]));
  if (f.from) q = q.where('c.received_on', '>=', f.from);
  if (f.to) q = q.where('c.received_on', '<=', f.to);
  if (keyword) {
    // The term reaches the planner as a value it cannot look into, `(select $n)`: what it
    // would read from the term (how common its grams, how selective its pattern) is a guess
    // from statistics that hardly know a county's grams, while the plan is already chosen
    // by the statement's shape (the count and the narrow page through the gram index, the
    // broad page along the sort's index). Estimated alike for every term, a prepared search
    // statement then keeps one generic plan instead of being planned again on every run
    // (about a millisecond of the database's time per statement at a million matters).
    const term = <T>(value: T, type: 'text' | 'text[]') => sql<T>`(select ${sql.val(value)}::${sql.raw(type)})`;
    const like = term(`%${escapeLike(keyword.normalize('NFKC'))}%`, 'text');
    if (grams.length > 0) {
      // As a filter the test is spelled so the planner can neither use the gram index nor
      // price the term from its statistics (which hardly know a tenant's grams: it guessed
      // 19 matches where the count had just found 715) and so walks the sort's index. Given
      // `(… @> …) is true`, which it still prices as rare, a liaison's page read all 9,309
      // cases of its county through the unit index and sorted them (45 ms instead of 1).
      q = q.where(plan.gramsAsFilter ? sql<boolean>`coalesce(c.search_grams @> ${sql.val(grams)}::text[], false)` : sql<boolean>`c.search_grams @> ${term(grams, 'text[]')}`);
    }
    // A term of one or two characters is found exactly by its gram (grams never span
    // punctuation or fields); longer terms confirm the substring on the candidates.
    // A party's name is tested on the case's own copy of the names (migration 0016), one
    // name at a time as the parties' table held them; no index of the parties is read.
    if (!gramsAreExact(keyword)) {
      const op = substringOperator(keyword);
      q = q.where((eb) =>
        eb.or([
          eb('c.title', op, like),
          // A restricted case's summary is not searchable (its grams leave it out too).
          eb.and([eb('c.restricted_to', 'is', null), eb('c.summary', op, like)]),
          eb('c.doc_no', op, like),
          eb.exists(
            eb
              .selectFrom(sql<{ p: string }>`unnest(c.party_names)`.as('p'))
              .select(sql`1`.as('one'))
              .where(sql.ref('p'), op, like),
          ),
        ]),
      );
    }
  }
  return q;
}

export interface LedgerRow {
  id: string;
  docNo: string;
  kind: string;
  kindName: string;
  title: string;
  source: string;
  sourceName: string;
  urgency: Urgency;
  urgencyName: string;
  status: CaseStatus;
  statusName: string;
  isKey: boolean;
  leadUnitId: string | null;
  leadUnitName: string | null;
  deadline: string | null;
  overdue: boolean;
  nextDispatchOn: string | null;
  dispatchOverdue: boolean;
  receivedOn: string;
  registeredAt: Date;
  parties: string;
  version: number;
}

export const ledgerColumns = [
  'c.id',
  'c.doc_no',
  'c.kind',
  'c.title',
  'c.source',
  'c.urgency',
  'c.status',
  'c.is_key',
  'c.lead_unit_id',
  'c.deadline',
  'c.next_dispatch_on',
  'c.dispatch_owed_since',
  'c.received_on',
  'c.registered_at',
  'c.version',
] as const;

/**
 * The ledger rows of `matching` (a ledgerQuery) as the page and the export read them: the
 * ledger's columns, the lead unit's name and the parties' names (stored on the case).
 */
export function ledgerRows(matching: ReturnType<typeof ledgerQuery>) {
  return matching
    .leftJoin('kernel.orgs as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_unit_id'))
    .select([...ledgerColumns, 'c.party_names', 'u.name as lead_unit_name'] as const);
}

export function toLedgerRow(host: PluginHost, r: any, partyNames: string[], today = chinaDate()): LedgerRow {
  const open = openStatuses.includes(r.status);
  return {
    id: r.id,
    docNo: r.doc_no,
    kind: r.kind,
    kindName: host.caseKinds.get(r.kind)?.name ?? r.kind,
    title: r.title,
    source: r.source,
    sourceName: caseSourceNames[r.source as keyof typeof caseSourceNames] ?? r.source,
    urgency: r.urgency,
    urgencyName: urgencyNames[r.urgency as Urgency],
    status: r.status,
    statusName: caseStatusNames[r.status as CaseStatus],
    isKey: r.is_key,
    leadUnitId: r.lead_unit_id,
    leadUnitName: r.lead_unit_name ?? null,
    deadline: r.deadline,
    overdue: open && Boolean(r.deadline && r.deadline < today),
    nextDispatchOn: r.next_dispatch_on,
    dispatchOverdue: open && Boolean(r.dispatch_owed_since || (r.next_dispatch_on && r.next_dispatch_on < today)),
    receivedOn: r.received_on,
    registeredAt: r.registered_at,
    parties: partyNames.map(maskName).join('、'),
    version: r.version,
  };
}

/**
 * A term is broad when its page is cheaper to find along the sort's index than through
 * the gram index: more matches than the search cap, or matches² ≥ pageEnd × the tenant's
 * cases (walking reads ~pageEnd × tenant / matches rows; the gram index reads every match).
 */
export function isBroadTerm(matches: number, cap: number, pageEnd: number, tenantCases: number): boolean {
  return matches > cap || matches * matches >= pageEnd * tenantCases;
}

/** How long a county's (or a unit scope's) number of cases, read to choose a plan, is reused. */
export const PLANNER_COUNT_TTL_MS = 60_000;

const plannerCounts = new WeakMap<object, Map<string, { n: number; readAt: number }>>();

/**
 * The number of cases a user's scope holds (the whole county for the committee), for
 * choosing a plan only (never shown): summed from the tallies at most once a minute per
 * database, process and scope. Summing a county's counters took a sixth of a search's
 * database time at a million matters (about 1,500 counter rows in the largest county), and
 * the plan it chooses does not change with a few new cases.
 */
async function scopeCaseCount(db: Kysely<KernelDatabase>, user: AuthedContext['user'], now = Date.now()): Promise<number> {
  let counts = plannerCounts.get(db);
  if (!counts) plannerCounts.set(db, (counts = new Map()));
  const key = user.committee ? user.tenantId : `${user.tenantId}/${user.orgId}`;
  const hit = counts.get(key);
  if (hit && now - hit.readAt < PLANNER_COUNT_TTL_MS && now >= hit.readAt) return hit.n;
  const r = await sql<{ n: string }>`select ${tallyCountSql(user, {})} as n`.execute(db);
  const n = Number(r.rows[0]!.n);
  counts.set(key, { n, readAt: now });
  return n;
}

const tenantCaseCount = (db: Kysely<KernelDatabase>, user: AuthedContext['user']) => scopeCaseCount(db, { ...user, committee: true });

/**
 * A unit's scope is narrow when reading all of its cases through the index costs less than
 * walking the sort's index over the county until a page is full (about pageEnd × county /
 * scope rows): a township with a dozen matters, not a police bureau with a fifth of them.
 */
export function isNarrowScope(scopeCases: number, pageEnd: number, tenantCases: number): boolean {
  return scopeCases * scopeCases < pageEnd * tenantCases;
}

/** The filter narrows only by kind, status and urgency, which the tallies count. */
function countableByTallies(f: LedgerFilter): boolean {
  return !f.unitId && !f.ledByMe && !f.overdue && f.dueWithinDays === undefined && !f.dispatchDue && !f.from && !f.to && !f.keyword?.trim();
}

export async function ledgerPage(ctx: AuthedContext, host: PluginHost, f: LedgerFilter, sort: LedgerSort, dir: 'asc' | 'desc', page: number, pageSize: number) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  const keyword = Boolean(f.keyword?.trim());
  // A unit user's page without a term: through the scope's index entries when the scope is
  // small beside its county (kernel.case_tallies counts both), else along the sort's index.
  const scopeIndexed = !ctx.user.committee && !keyword && isNarrowScope(await scopeCaseCount(db, ctx.user), page * pageSize, await tenantCaseCount(db, ctx.user));
  const base = ledgerQuery(db, ctx, f, { scopeIndexed });
  // The pager's total: a filter of kinds, statuses and urgencies only is counted exactly
  // from the tallies; any other filter counts matching rows up to a cap (a broad filter
  // over a county's ten years does not read every match to draw the pager: "10000 条以上";
  // a keyword search, whose matches are read from the heap one by one, stops at 1,000).
  const cap = keyword ? SEARCH_COUNT_CAP : LEDGER_COUNT_CAP;
  const byTallies = countableByTallies(f);
  const countSql = byTallies
    ? tallyCountSql(ctx.user, { kind: f.kind, status: f.status, urgency: f.urgency })
    : sql<number>`(select count(*) from (${base.select(sql`1`.as('one')).limit(sql.lit(cap + 1))}) as capped)`;

  // A keyword search counts first: a broad term's first pages are found within a few
  // hundred rows of the sort's index, so the grams are then tested as a filter along that
  // index; a narrower term is cheaper through the gram index and a sort. Any other filter
  // reads its count, page and parties in one statement.
  let counted: number | null = null;
  let plan: LedgerPlan = {};
  if (keyword) {
    // With the tenant's number of cases: walking the order index reads about
    // pageEnd × tenant / matches rows, the gram index reads every match.
    const r = await sql<{ n: string }>`select ${countSql} as n`.execute(db);
    counted = Number(r.rows[0]!.n);
    const indexedOrder = sort === 'registeredAt' || (sort === 'deadline' && dir === 'asc');
    // (A term past the cap is broad whatever the county's size: no need to read it.)
    if (indexedOrder && (counted > cap || isBroadTerm(counted, cap, page * pageSize, await tenantCaseCount(db, ctx.user)))) plan = { gramsAsFilter: true };
  }
  const sortColumn = { deadline: 'c.deadline', registeredAt: 'c.registered_at', docNo: 'c.doc_seq', nextDispatch: 'c.next_dispatch_on' }[sort] as 'c.deadline';
  const selected = ledgerRows(plan.gramsAsFilter ? ledgerQuery(db, ctx, f, plan) : base).$if(counted === null, (q) => q.select(sql<string>`${countSql}`.as('total')));
  // Each order is spelled exactly as its index is (registration: registered_at and id in
  // one direction, never null; deadline ascending with nulls last), so a page is read from
  // the index in order instead of sorting every match.
  const ordered =
    sort === 'registeredAt'
      ? selected.orderBy('c.registered_at', dir).orderBy('c.id', dir)
      : selected
          .orderBy(sortColumn, (ob) => (dir === 'asc' ? ob.asc() : ob.desc()).nullsLast())
          .orderBy('c.registered_at', 'desc')
          .orderBy('c.id');
  // The page's size and offset (integers the procedure validated) and the count's cap are
  // literals, not parameters: a prepared statement's generic plan (PGlite prepares every
  // statement) then knows it reads one page. Given a parameter, the planner assumes a tenth
  // of the matches, prices the generic plan far above a custom one and replans every run.
  const rows = await ordered
    .limit(sql.lit(Math.trunc(pageSize)))
    .offset(sql.lit(Math.trunc((page - 1) * pageSize)))
    .execute();
  if (counted === null) {
    // A page past the end has no row to carry the total.
    counted = rows.length ? Number((rows[0] as { total?: string }).total) : Number((await sql<{ n: string }>`select ${countSql} as n`.execute(db)).rows[0]!.n);
  }
  const today = chinaDate(ctx.now());
  const capped = !byTallies && counted > cap;
  return {
    total: capped ? cap : counted,
    totalCapped: capped,
    items: rows.map((r) => toLedgerRow(host, r, r.party_names ?? [], today)),
  };
}

export async function caseDetail(ctx: AuthedContext, host: PluginHost, id: string) {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  const c = await db
    .selectFrom('kernel.cases as c')
    .leftJoin('kernel.orgs as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.lead_unit_id'))
    .leftJoin('kernel.users as l', (j) => j.onRef('l.tenant_id', '=', 'c.tenant_id').onRef('l.id', '=', 'c.lead_leader_id'))
    .selectAll('c')
    .select(['u.name as lead_unit_name', 'l.display_name as lead_leader_name'])
    .select(sql<boolean>`${caseLedByUser(db, ctx.user)}`.as('led_by_user'))
    .where('c.tenant_id', '=', ctx.tenant.id)
    .where('c.id', '=', id)
    .where(caseVisible(ctx.user))
    .executeTakeFirst();
  if (!c) throw notFound(s.notFound);
  const [parties, events, dispatches, links, coop, clocks, attachments] = await Promise.all([
    db.selectFrom('kernel.case_parties').select(['id', 'role', 'name', 'id_number', 'phone', 'address']).where('tenant_id', '=', ctx.tenant.id).where('case_id', '=', id).orderBy('name').execute(),
    db
      .selectFrom('kernel.case_events as e')
      .selectAll('e')
      .select(sql<boolean>`exists (select 1 from kernel.orgs o where o.tenant_id = e.tenant_id and o.id = e.actor_org_id and o.kind = 'committee')`.as('by_committee'))
      .where('e.tenant_id', '=', ctx.tenant.id)
      .where('e.case_id', '=', id)
      .where(supervisionEventVisible(db, ctx.user))
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('kernel.dispatch_records as d')
      .selectAll('d')
      .select(
        sql<boolean>`exists (select 1 from kernel.users u join kernel.orgs o on o.tenant_id = u.tenant_id and o.id = u.org_id
          where u.tenant_id = d.tenant_id and u.id = d.recorded_by and o.kind = 'committee')`.as('by_committee'),
      )
      .where('d.tenant_id', '=', ctx.tenant.id)
      .where('d.case_id', '=', id)
      .orderBy('d.held_on', 'desc')
      .execute(),
    db
      .selectFrom('kernel.case_links as k')
      .innerJoin('kernel.cases as o', (j) => j.onRef('o.tenant_id', '=', 'k.tenant_id').on((eb) => eb.or([eb('o.id', '=', eb.ref('k.to_case_id')), eb('o.id', '=', eb.ref('k.from_case_id'))])))
      .select(['k.kind', 'k.from_case_id', 'k.to_case_id', 'o.id', 'o.doc_no', 'o.title'])
      .where('k.tenant_id', '=', ctx.tenant.id)
      .where((eb) => eb.or([eb('k.from_case_id', '=', id), eb('k.to_case_id', '=', id)]))
      .where('o.id', '!=', id)
      .where(caseVisible(ctx.user, 'o'))
      .execute(),
    c.cooperating_unit_ids.length
      ? db.selectFrom('kernel.orgs').select(['id', 'name']).where('tenant_id', '=', ctx.tenant.id).where('id', 'in', c.cooperating_unit_ids).execute()
      : Promise.resolve([] as { id: string; name: string }[]),
    clocksOf(db, ctx.tenant.id, id),
    attachmentsOf(db, ctx, { id, restrictedTo: c.restricted_to }),
  ]);
  // A restricted case (an accusation) shows its material only to those who may open it.
  const mayOpen = mayOpenRestricted(ctx.user, c.restricted_to);
  const withheld = (author: { id: string | null; committee: boolean }) => withheldFrom(ctx.user, c.restricted_to, author);
  const visibleAttachmentIds = new Set(attachments.map((a) => a.id));
  const status = c.status as CaseStatus;
  const ledByUser = Boolean(c.led_by_user);
  const skipApproval = Boolean(host.caseKinds.get(c.kind)?.skipApproval);
  const allowedActions = (Object.keys(transitions) as CaseAction[]).filter(
    (a) => canTransition(a, status, { skipApproval }) && ctx.can(transitions[a].permission) && (!transitions[a].byLeadUnit || ctx.user.committee || ledByUser),
  );
  const today = chinaDate(ctx.now());
  const open = openStatuses.includes(status);
  return {
    id: c.id,
    docNo: c.doc_no,
    kind: c.kind,
    kindName: host.caseKinds.get(c.kind)?.name ?? c.kind,
    title: c.title,
    summary: mayOpen ? c.summary : '',
    source: c.source,
    sourceName: caseSourceNames[c.source as keyof typeof caseSourceNames] ?? c.source,
    urgency: c.urgency,
    urgencyName: urgencyNames[c.urgency],
    status,
    statusName: caseStatusNames[status],
    isKey: c.is_key,
    receivedOn: c.received_on,
    registeredAt: c.registered_at,
    leadLeaderId: c.lead_leader_id,
    leadLeaderName: c.lead_leader_name,
    handlerName: c.handler_name,
    handlerPhone: c.handler_phone,
    resolutionPlan: c.resolution_plan,
    deadline: c.deadline,
    overdue: open && Boolean(c.deadline && c.deadline < today),
    leadUnitId: c.lead_unit_id,
    leadUnitName: c.lead_unit_name,
    cooperatingUnits: coop,
    sixClarities: c.six_clarities,
    missingFourFixes: missingFourFixes({ leadLeaderId: c.lead_leader_id, handlerName: c.handler_name, resolutionPlan: c.resolution_plan, deadline: c.deadline, leadUnitId: c.lead_unit_id }).map((k) => fourFixNames[k]),
    missingClarities: c.is_key ? missingClarities(c.six_clarities).map((k) => sixClarityNames[k]) : [],
    resultReport: c.result_report,
    nextDispatchOn: c.next_dispatch_on,
    nextReportOn: c.next_report_on,
    lastDispatchOn: c.last_dispatch_on,
    version: c.version,
    parties: mayOpen ? parties.map((p) => maskParty(openIdentifiers(ctx.vault, p))) : [],
    canReveal: mayOpen && ctx.can('cases.reveal'),
    /** The case's material is restricted, and withheld from this user (the console says so). */
    restricted: c.restricted_to !== null,
    materialWithheld: !mayOpen,
    timeline: events.map((e) => {
      const hide = withheld({ id: e.actor_id, committee: e.by_committee });
      const data = { ...e.data };
      if (Array.isArray(data.attachmentIds)) data.attachmentIds = (data.attachmentIds as string[]).filter((a) => visibleAttachmentIds.has(a));
      if (hide) delete data.report;
      return { id: e.id, at: e.at, actorName: e.actor_name, type: e.type, fromStatus: e.from_status, toStatus: e.to_status, comment: hide && e.comment ? s.restrictedWithheld : e.comment, withheld: hide && Boolean(e.comment), data };
    }),
    dispatches: dispatches.map((d) => {
      const hide = withheld({ id: d.recorded_by, committee: d.by_committee });
      return { id: d.id, heldOn: d.held_on, summary: hide ? s.restrictedWithheld : d.summary, nextSteps: hide ? '' : d.next_steps, withheld: hide, createdAt: d.created_at };
    }),
    links: links.map((l) => ({ kind: l.kind, direction: l.from_case_id === id ? 'out' : 'in', caseId: l.id, docNo: l.doc_no, title: l.title })),
    clocks,
    attachments,
    allowedActions,
  };
}
