// Gap-free document numbers per tenant, kind and year. The counter row is incremented in
// the registering transaction: concurrent registrations queue on that row, and a rolled
// back registration returns its number, so numbers have no gaps and no duplicates.
import { sql, type Kysely } from 'kysely';

export async function takeDocSeq(trx: Kysely<any>, tenantId: string, kind: string, year: number): Promise<number> {
  const r = await sql<{ last_no: number }>`
    insert into kernel.doc_counters (tenant_id, kind, year, last_no) values (${tenantId}, ${kind}, ${year}, 1)
    on conflict (tenant_id, kind, year) do update set last_no = kernel.doc_counters.last_no + 1
    returning last_no`.execute(trx);
  return Number(r.rows[0]!.last_no);
}

/** 示政法督〔2026〕12号: county abbreviation, 政法, the kind's word, year, number. */
export function formatDocNumber(input: { abbr: string; kindWord: string; year: number; seq: number }): string {
  return `${input.abbr}政法${input.kindWord}〔${input.year}〕${input.seq}号`;
}
