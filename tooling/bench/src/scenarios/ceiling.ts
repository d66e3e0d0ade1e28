// The ceiling: the ledger's own SQL sent straight to the database at the same concurrency,
// so each API figure can be read as a share of what the database itself delivers. The
// statements mirror packages/kernel/src/cases/queries.ts (ledgerQuery + ledgerPage): the
// count (from the tallies for status and urgency filters, else capped), the page with the
// lead unit's name, and the parties of the page's matters.
import { caseDashboardSql, gramsAreExact, isBroadTerm, isNarrowScope, LEDGER_COUNT_CAP, queryGrams, SEARCH_COUNT_CAP, PLANNER_COUNT_TTL_MS, substringOperator, tenantGrams } from '@zhengfa/kernel/internal';
import { preparingPool, type Database } from '@zhengfa/db';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import pg from 'pg';
import { explainAnalyze, type Raw } from '../db.js';
import { arrayLiteral, isoOf, todayDay } from '../generate.js';
import { runLoad, type LoadResult } from '../load.js';
import { ledgerVariants, searchVariant, terms2, terms4, type LedgerVariant, type ScenarioContext } from './common.js';

export interface ScopeUser {
  tenantId: string;
  committee: boolean;
  orgPath: string;
}

const unitVisible = `'assigned', 'in_progress', 'submitted', 'closed', 'archived'`;

/**
 * The ledger's statements for one request, as the kernel sends them: a keyword search
 * counts first (`count`), then reads its page (`page`); `broad` (the term matched more
 * than the search cap) tests the grams along the sort's index instead of through theirs.
 * Any other filter reads count, page and parties in the one `page` statement.
 */
export interface CeilingPlan {
  /** The term matched more than the cap (or enough to walk): grams tested along the order index. */
  broad?: boolean;
  /** A unit's scope small beside its county: found through the index (kernel isNarrowScope). */
  scopeIndexed?: boolean;
}

const orgIdOf = (u: ScopeUser) => u.orgPath.split('/').filter(Boolean).at(-1)!;

/** The tallies' count of the cases `where` selects: counters plus deltas (kernel cases/tallies.ts). */
const tallySum = (where: string) =>
  `(select coalesce(sum(n), 0) from (select n from kernel.case_tallies where ${where} union all select n from kernel.case_tally_deltas where ${where}) as t)`;

export function ledgerSql(u: ScopeUser, v: LedgerVariant, plan: CeilingPlan = {}, today = isoOf(todayDay())): { count: [string, unknown[]] | null; page: [string, unknown[]] } {
  const broad = Boolean(plan.broad);
  const params: unknown[] = [u.tenantId];
  const p = (x: unknown) => {
    params.push(x);
    return `$${params.length}`;
  };
  const keyword = v.keyword?.trim();
  const grams = keyword ? tenantGrams(u.tenantId, queryGrams(keyword)) : [];
  const where = [grams.length && !broad ? '(c.tenant_id = $1) is true' : 'c.tenant_id = $1'];
  if (!u.committee) {
    // kernel cases/scope.ts caseVisible: through the index with a term's grams or for a small scope, else a filter.
    const indexed = (grams.length > 0 && !broad) || plan.scopeIndexed;
    const org = p(orgIdOf(u));
    where.push(`(c.status in (${unitVisible}) and ${indexed ? `c.scope_org_ids @> (select array[${org}]::uuid[])` : `coalesce(c.scope_org_ids @> array[${org}]::uuid[], false)`})`);
  }
  const lit = (x: string) => `'${x}'`;
  const status = v.status?.length ? v.status.map(lit).join(', ') : '';
  const urgency = v.urgency?.length ? v.urgency.map(lit).join(', ') : '';
  if (status) where.push(`c.status in (${status})`);
  if (urgency) where.push(`c.urgency in (${urgency})`);
  if (v.overdue) where.push(`c.status in ('assigned', 'in_progress', 'submitted')`, `c.deadline < '${today}'::date`);
  if (keyword) {
    const like = `%${keyword.normalize('NFKC').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // The term as a value the planner cannot look into (kernel ledgerQuery): one generic plan per statement.
    if (grams.length) where.push(broad ? `coalesce(c.search_grams @> ${p(arrayLiteral(grams))}::text[], false)` : `c.search_grams @> (select ${p(arrayLiteral(grams))}::text[])`);
    if (!gramsAreExact(keyword)) {
      const l = `(select ${p(like)}::text)`;
      const op = substringOperator(keyword);
      where.push(`(c.title ${op} ${l} or (c.restricted_to is null and c.summary ${op} ${l}) or c.doc_no ${op} ${l} or exists (select 1 as one from unnest(c.party_names) as p where p ${op} ${l}))`);
    }
  }
  const w = where.join(' and ');
  let countExpr: string;
  if (keyword || v.overdue) {
    countExpr = `(select count(*) from (select 1 from kernel.cases as c where ${w} limit ${(keyword ? SEARCH_COUNT_CAP : LEDGER_COUNT_CAP) + 1}) as capped)`;
  } else {
    // The tallies (kernel cases/tallies.ts): counters plus deltas of the user's scope.
    const counters = ['tenant_id = $1', ...(status ? [`status in (${status})`] : []), ...(urgency ? [`urgency in (${urgency})`] : [])];
    if (u.committee) counters.push('scope_org_id is null');
    else counters.push(`scope_org_id = ${p(orgIdOf(u))}::uuid`, `status in (${unitVisible})`);
    countExpr = tallySum(counters.join(' and '));
  }
  const order = v.sort === 'deadline' ? `c.deadline ${v.dir} nulls last, c.registered_at desc, c.id` : `c.registered_at ${v.dir}, c.id ${v.dir}`;
  const page: [string, unknown[]] = [
    `select c.id, c.doc_no, c.kind, c.title, c.source, c.urgency, c.status, c.is_key, c.lead_unit_id, c.deadline, c.next_dispatch_on, c.received_on, c.registered_at, c.version, c.party_names, u.name as lead_unit_name${keyword ? '' : `, ${countExpr} as total`}
     from kernel.cases as c left join kernel.orgs as u on u.tenant_id = c.tenant_id and u.id = c.lead_unit_id
     where ${w} order by ${order} limit 20 offset 0`,
    params,
  ];
  return { count: keyword ? [`select ${countExpr} as total`, params] : null, page };
}

/** A scope's number of cases for the plan decisions, read once a minute per scope (as kernel ledgerPage does). */
const scopeSizes = new Map<string, { n: number; readAt: number }>();

async function scopeCaseCount(q: Raw['query'], u: ScopeUser, committee = u.committee): Promise<number> {
  const key = committee ? u.tenantId : `${u.tenantId}/${orgIdOf(u)}`;
  const hit = scopeSizes.get(key);
  if (hit && Date.now() - hit.readAt < PLANNER_COUNT_TTL_MS) return hit.n;
  const where = committee ? 'tenant_id = $1 and scope_org_id is null' : `tenant_id = $1 and scope_org_id = $2::uuid and status in (${unitVisible})`;
  const r = await q<{ n: string }>(`select ${tallySum(where)} as n`, committee ? [u.tenantId] : [u.tenantId, orgIdOf(u)]);
  const n = Number(r.rows[0]!.n);
  scopeSizes.set(key, { n, readAt: Date.now() });
  return n;
}

async function isBroad(q: Raw['query'], u: ScopeUser, v: LedgerVariant, total: number): Promise<boolean> {
  const indexedOrder = v.sort === 'registeredAt' || v.dir === 'asc';
  if (!v.keyword?.trim() || !indexedOrder) return false;
  return total > SEARCH_COUNT_CAP || isBroadTerm(total, SEARCH_COUNT_CAP, 20, await scopeCaseCount(q, u, true));
}

/** A unit's page without a term through the scope's index when the scope is small (kernel ledgerPage). */
async function isScopeIndexed(q: Raw['query'], u: ScopeUser, v: LedgerVariant): Promise<boolean> {
  return !u.committee && !v.keyword?.trim() && isNarrowScope(await scopeCaseCount(q, u), 20, await scopeCaseCount(q, u, true));
}

export async function ledgerDirect(q: Raw['query'], u: ScopeUser, v: LedgerVariant): Promise<void> {
  const { count, page } = ledgerSql(u, v, { scopeIndexed: await isScopeIndexed(q, u, v) });
  const broad = count ? await isBroad(q, u, v, Number((await q<{ total: string }>(count[0], count[1])).rows[0]?.total)) : false;
  await q(...(broad ? ledgerSql(u, v, { broad: true }).page : page));
}

/** Statements through a database's own Kysely driver: on PGlite, prepared, as the server runs them. */
export function engineQuery(database: Database): Raw['query'] {
  return async (text, params) => ({ rows: (await database.db.executeQuery(CompiledQuery.raw(text, params ?? []))).rows as never[] });
}

export interface CeilingUsers {
  committee: ScopeUser[];
  liaison: ScopeUser[];
}

export function directPool(url: string, size: number): { query: Raw['query']; end(): Promise<void> } {
  // The same session settings as the server's pool (@zhengfa/db openPostgres: jit off), and
  // its named prepared statements (@zhengfa/db postgres-statements.ts).
  const pool = new pg.Pool({ connectionString: url, max: size, application_name: 'zhengfa-bench-ceiling', options: '-c jit=off' });
  pool.on('error', () => {});
  const preparing = preparingPool(pool);
  const query: Raw['query'] = async (text, params) => {
    const client = await preparing.connect();
    try {
      return (await client.query(text, params ?? [])) as never;
    } finally {
      client.release();
    }
  };
  return { query, end: () => preparing.end() };
}

export async function ceilingRuns(ctx: ScenarioContext, q: Raw['query'], users: CeilingUsers, which: { persona: 'committee' | 'liaison'; kind: 'ledger' | 'search2' | 'search4' }[]): Promise<Record<string, LoadResult>> {
  const out: Record<string, LoadResult> = {};
  for (const { persona, kind } of which) {
    const list = users[persona];
    const name = `db.${kind}.${persona}`;
    out[name] = await runLoad(name, ctx, (client, i) => {
      const v = kind === 'ledger' ? ledgerVariants[(client + i) % ledgerVariants.length]! : searchVariant(kind === 'search2' ? terms2 : terms4, client + i);
      return ledgerDirect(q, list[client % list.length]!, v);
    }, ctx.log);
  }
  return out;
}

/** EXPLAIN ANALYZE of one ledger page and one search, for the report. */
export async function explainLedger(q: Raw['query'], u: ScopeUser, v: LedgerVariant): Promise<string> {
  const { count, page } = ledgerSql(u, v, { scopeIndexed: await isScopeIndexed(q, u, v) });
  const plan = (s: [string, unknown[]]) => explainAnalyze(q, s[0], s[1]);
  if (!count) return `-- count, page and parties in one statement\n${await plan(page)}`;
  const broad = await isBroad(q, u, v, Number((await q<{ total: string }>(count[0], count[1])).rows[0]?.total));
  return `-- count\n${await plan(count)}\n-- page${broad ? ' (broad term: grams tested along the order index)' : ''}\n${await plan(ledgerSql(u, v, { broad }).page)}`;
}

const rolledBack = Symbol('rolled back');

/**
 * EXPLAIN ANALYZE of a broad term's page when the newest case's grams match the term but its
 * text does not (common in real summaries, rare in generated ones), so the page reaches the
 * parties' test for that case. The case is changed inside a transaction that is rolled back.
 */
export async function explainGramsWithoutText(db: Kysely<unknown>, u: ScopeUser, keyword: string): Promise<string> {
  const grams = queryGrams(keyword);
  const [text, params] = ledgerSql(u, { keyword, sort: 'registeredAt', dir: 'desc' }, { broad: true }).page;
  let plan = '';
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`update kernel.cases set title = ${grams.join('，')}, summary = '', search_grams = search_grams || ${tenantGrams(u.tenantId, grams)}::text[]
        where id = (select id from kernel.cases where tenant_id = ${u.tenantId} order by registered_at desc, id desc limit 1)`.execute(trx);
      plan = await explainAnalyze(async (t, p) => ({ rows: (await trx.executeQuery(CompiledQuery.raw(t, p ?? []))).rows as never[] }), text, params);
      throw rolledBack;
    })
    .catch((e: unknown) => {
      if (e !== rolledBack) throw e;
    });
  return `-- page (broad term), its newest case titled ${grams.join('，')}\n${plan}`;
}

/** EXPLAIN ANALYZE of the dashboard's one statement, built by the kernel itself (caseDashboardSql). */
export async function explainDashboard(db: Kysely<unknown>, q: Raw['query'], u: ScopeUser): Promise<string> {
  const user = { tenantId: u.tenantId, committee: u.committee, orgId: orgIdOf(u) } as Parameters<typeof caseDashboardSql>[1];
  const compiled = caseDashboardSql(db as never, user, isoOf(todayDay())).compile(db);
  return explainAnalyze(q, compiled.sql, compiled.parameters);
}
