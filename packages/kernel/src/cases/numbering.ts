// Gap-free document numbers per tenant, kind and year. The counter row is incremented in
// the registering transaction: concurrent registrations queue on that row, and a rolled
// back registration returns its number, so numbers have no gaps and no duplicates.
import { sql, type Kysely } from 'kysely';

/** Takes the next number and formats it with the tenant's abbreviation, in one round trip. */
export async function takeDocNumber(trx: Kysely<any>, tenantId: string, kind: string, kindWord: string, year: number): Promise<{ seq: number; docNo: string }> {
  const r = await sql<{ last_no: number; doc_abbr: string }>`
    insert into kernel.doc_counters (tenant_id, kind, year, last_no) values (${tenantId}, ${kind}, ${year}, 1)
    on conflict (tenant_id, kind, year) do update set last_no = kernel.doc_counters.last_no + 1
    returning last_no, (select t.doc_abbr from kernel.tenants as t where t.id = ${tenantId}) as doc_abbr`.execute(trx);
  const seq = Number(r.rows[0]!.last_no);
  return { seq, docNo: formatDocNumber({ abbr: r.rows[0]!.doc_abbr, kindWord, year, seq }) };
}

/** 示政法督〔2026〕12号: county abbreviation, 政法, the kind's word, year, number. */
export function formatDocNumber(input: { abbr: string; kindWord: string; year: number; seq: number }): string {
  return `${input.abbr}政法${input.kindWord}〔${input.year}〕${input.seq}号`;
}
