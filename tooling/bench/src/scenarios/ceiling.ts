// The ceiling: the ledger's own SQL sent straight to the database at the same concurrency,
// so each API figure can be read as a share of what the database itself delivers. The
// statements mirror packages/kernel/src/cases/queries.ts (ledgerQuery + ledgerPage): the
// count, the page with the lead unit's name, and the parties of the page's matters.
import { queryGrams, tenantGrams } from '@zhengfa/kernel';
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

export function ledgerSql(u: ScopeUser, v: LedgerVariant, today = isoOf(todayDay())): { count: [string, unknown[]]; page: [string, unknown[]] } {
  const params: unknown[] = [u.tenantId];
  const p = (x: unknown) => {
    params.push(x);
    return `$${params.length}`;
  };
  const where = ['c.tenant_id = $1'];
  if (!u.committee) {
    const scope = `select so.id from kernel.orgs as so where so.tenant_id = ${p(u.tenantId)} and so.path like ${p(`${u.orgPath}%`)}`;
    where.push(`(c.status in (${unitVisible}) and (c.lead_unit_id in (${scope}) or c.cooperating_unit_ids && array(${scope})))`);
  }
  if (v.status?.length) where.push(`c.status in (${v.status.map(p).join(', ')})`);
  if (v.urgency?.length) where.push(`c.urgency in (${v.urgency.map(p).join(', ')})`);
  if (v.overdue) where.push(`c.status in (${p('assigned')}, ${p('in_progress')}, ${p('submitted')})`, `c.deadline < ${p(today)}`);
  const keyword = v.keyword?.trim();
  if (keyword) {
    const grams = tenantGrams(u.tenantId, queryGrams(keyword));
    const like = `%${keyword.normalize('NFKC').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (grams.length) where.push(`c.search_grams @> ${p(arrayLiteral(grams))}::text[]`);
    const l = p(like);
    where.push(`(c.title ilike ${l} or c.summary ilike ${l} or c.doc_no ilike ${l} or exists (select 1 as one from kernel.case_parties as p where p.tenant_id = c.tenant_id and p.case_id = c.id and p.name ilike ${l}))`);
  }
  const w = where.join(' and ');
  const sortCol = v.sort === 'deadline' ? 'c.deadline' : 'c.registered_at';
  const count: [string, unknown[]] = [`select count(*) as total from kernel.cases as c where ${w}`, [...params]];
  const page: [string, unknown[]] = [
    `select c.id, c.doc_no, c.kind, c.title, c.source, c.urgency, c.status, c.is_key, c.lead_unit_id, c.deadline, c.next_dispatch_on, c.received_on, c.registered_at, c.version, u.name as lead_unit_name
     from kernel.cases as c left join kernel.orgs as u on u.tenant_id = c.tenant_id and u.id = c.lead_unit_id
     where ${w} order by ${sortCol} ${v.dir} nulls last, c.registered_at desc, c.id limit 20 offset 0`,
    [...params],
  ];
  return { count, page };
}

export async function ledgerDirect(q: Raw['query'], u: ScopeUser, v: LedgerVariant): Promise<void> {
  const { count, page } = ledgerSql(u, v);
  await q(count[0], count[1]);
  const rows = (await q<{ id: string }>(page[0], page[1])).rows;
  if (rows.length) {
    const ids = rows.map((r) => r.id);
    await q(`select case_id, name from kernel.case_parties where tenant_id = $1 and case_id in (${ids.map((_, i) => `$${i + 2}`).join(', ')}) order by name`, [u.tenantId, ...ids]);
  }
}

export interface CeilingUsers {
  committee: ScopeUser[];
  liaison: ScopeUser[];
}

export function directPool(url: string, size: number): { query: Raw['query']; end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: size, application_name: 'zhengfa-bench-ceiling' });
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
  return `-- count\n${await plan(count)}\n-- page\n${await plan(page)}`;
}
