// The ceiling: the ledger's own SQL sent straight to the database at the same concurrency,
// so each API figure can be read as a share of what the database itself delivers. The
// statements mirror packages/kernel/src/cases/queries.ts (ledgerQuery + ledgerPage): the
// count (from the tallies for status and urgency filters, else capped), the page with the
// lead unit's name, and the parties of the page's matters.
import { gramsAreExact, isBroadTerm, LEDGER_COUNT_CAP, queryGrams, SEARCH_COUNT_CAP, subtreePathRange, tenantGrams } from '@zhengfa/kernel';
import type { Database } from '@zhengfa/db';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Raw } from '../db.js';
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
export function ledgerSql(u: ScopeUser, v: LedgerVariant, broad = false, today = isoOf(todayDay())): { count: [string, unknown[]] | null; page: [string, unknown[]] } {
  const params: unknown[] = [u.tenantId];
  const p = (x: unknown) => {
    params.push(x);
    return `$${params.length}`;
  };
  const keyword = v.keyword?.trim();
  const grams = keyword ? tenantGrams(u.tenantId, queryGrams(keyword)) : [];
  const where = [grams.length && !broad ? '(c.tenant_id = $1) is true' : 'c.tenant_id = $1'];
  let scope = '';
  if (!u.committee) {
    const [from, below] = subtreePathRange(u.orgPath);
    scope = `select so.id from kernel.orgs as so where so.tenant_id = ${p(u.tenantId)} and so.path ~>=~ ${p(from)} and so.path ~<~ ${p(below)}`;
    where.push(`(c.status in (${unitVisible}) and (c.lead_unit_id in (${scope}) or c.cooperating_unit_ids && array(${scope})))`);
  }
  const lit = (x: string) => `'${x}'`;
  const status = v.status?.length ? v.status.map(lit).join(', ') : '';
  const urgency = v.urgency?.length ? v.urgency.map(lit).join(', ') : '';
  if (status) where.push(`c.status in (${status})`);
  if (urgency) where.push(`c.urgency in (${urgency})`);
  if (v.overdue) where.push(`c.status in ('assigned', 'in_progress', 'submitted')`, `c.deadline < '${today}'::date`);
  if (keyword) {
    const like = `%${keyword.normalize('NFKC').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (grams.length) where.push(broad ? `(c.search_grams @> ${p(arrayLiteral(grams))}::text[]) is true` : `c.search_grams @> ${p(arrayLiteral(grams))}::text[]`);
    if (!gramsAreExact(keyword)) {
      const l = p(like);
      where.push(`(c.title ilike ${l} or c.summary ilike ${l} or c.doc_no ilike ${l} or exists (select 1 as one from kernel.case_parties as p where p.tenant_id = c.tenant_id and p.case_id = c.id and p.name ilike ${l}))`);
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
    else counters.push(`scope_org_id = ${p(u.orgPath.split('/').filter(Boolean).at(-1))}::uuid`, `status in (${unitVisible})`);
    const cw = counters.join(' and ');
    countExpr = `(select coalesce(sum(n), 0) from (select n from kernel.case_tallies where ${cw} union all select n from kernel.case_tally_deltas where ${cw}) as t)`;
  }
  const order = v.sort === 'deadline' ? `c.deadline ${v.dir} nulls last, c.registered_at desc, c.id` : `c.registered_at ${v.dir}, c.id ${v.dir}`;
  const page: [string, unknown[]] = [
    `select c.id, c.doc_no, c.kind, c.title, c.source, c.urgency, c.status, c.is_key, c.lead_unit_id, c.deadline, c.next_dispatch_on, c.received_on, c.registered_at, c.version, u.name as lead_unit_name,
       (select array_agg(p.name order by p.name) from kernel.case_parties as p where p.tenant_id = c.tenant_id and p.case_id = c.id) as party_names${keyword ? '' : `, ${countExpr} as total`}
     from kernel.cases as c left join kernel.orgs as u on u.tenant_id = c.tenant_id and u.id = c.lead_unit_id
     where ${w} order by ${order} limit 20 offset 0`,
    params,
  ];
  // With the tenant's number of cases, for the broad-term decision (kernel isBroadTerm).
  const tenantTotal = `(select coalesce(sum(n), 0) from (select n from kernel.case_tallies where tenant_id = $1 and scope_org_id is null
    union all select n from kernel.case_tally_deltas where tenant_id = $1 and scope_org_id is null) as tt)`;
  return { count: keyword ? [`select ${countExpr} as total, ${tenantTotal} as tenant_total`, params] : null, page };
}

function isBroad(v: LedgerVariant, counted: { total?: string; tenant_total?: string }[]): boolean {
  const indexedOrder = v.sort === 'registeredAt' || v.dir === 'asc';
  return Boolean(v.keyword?.trim()) && indexedOrder && isBroadTerm(Number(counted[0]?.total), SEARCH_COUNT_CAP, 20, Number(counted[0]?.tenant_total));
}

export async function ledgerDirect(q: Raw['query'], u: ScopeUser, v: LedgerVariant): Promise<void> {
  const { count, page } = ledgerSql(u, v);
  const broad = count ? isBroad(v, (await q<{ total: string; tenant_total: string }>(count[0], count[1])).rows) : false;
  await q(...(broad ? ledgerSql(u, v, true).page : page));
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
  // The same session settings as the server's pool (@zhengfa/db openPostgres: jit off).
  const pool = new pg.Pool({ connectionString: url, max: size, application_name: 'zhengfa-bench-ceiling', options: '-c jit=off' });
  pool.on('error', () => {});
  return { query: (t, p) => pool.query(t, p as unknown[]) as never, end: () => pool.end() };
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
  const { count, page } = ledgerSql(u, v);
  const plan = async (s: [string, unknown[]]) => (await q<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s[0]}`, s[1])).rows.map((r) => r['QUERY PLAN']).join('\n');
  if (!count) return `-- count, page and parties in one statement\n${await plan(page)}`;
  const broad = isBroad(v, (await q<{ total: string; tenant_total: string }>(count[0], count[1])).rows);
  return `-- count\n${await plan(count)}\n-- page${broad ? ' (broad term: grams tested along the order index)' : ''}\n${await plan(ledgerSql(u, v, broad).page)}`;
}
