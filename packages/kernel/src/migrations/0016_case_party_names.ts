// The names of a case's parties, stored on the case in name order: what the ledger shows
// (masked) in its 当事人 column and what a keyword search of three or more characters
// confirms a party's name against.
//
// Found by the province-scale benchmark. Every ledger page read its parties' names with a
// subquery per row, 20 index probes of kernel.case_parties (80 of a committee page's 181
// buffers, about a quarter of its database time at a million matters), and a search probed
// the parties of every candidate whose title, summary and number did not hold the term. The
// export read them the same way for every row.
//
// The kernel writes it where it writes the search grams, which also hold the parties' names
// (cases/service.ts: the registration's statement and refreshSearch after an edit); only the
// kernel writes kernel.case_parties. The names are sorted by the database (`order by name`,
// as the subquery did), so a backfilled case and a new one agree.
//
// The backfill rewrites every case that has parties: seconds for a county (10k–100k
// matters); 492 s for a million, with the VACUUM after it, leaving the database at 7.5 GB
// instead of 5.2 (the old row versions and index entries reclaimed but not returned). An
// instance of that size would run `VACUUM FULL kernel.cases` in a maintenance window after
// upgrading.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table kernel.cases add column party_names text[] not null default '{}'`.execute(db);
  await sql`update kernel.cases as c set party_names = p.names
    from (
      select tenant_id, case_id, array_agg(name order by name) as names
      from kernel.case_parties group by tenant_id, case_id
    ) as p
    where c.tenant_id = p.tenant_id and c.id = p.case_id`.execute(db);
}
