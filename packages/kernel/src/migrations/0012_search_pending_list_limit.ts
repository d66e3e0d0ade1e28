// The search grams' GIN index (cases_search_idx) takes new entries into a pending list
// that is merged into the index once it passes gin_pending_list_limit (4 MB by default),
// by whichever registration pushes it over: at 1M matters that registration waited
// 0.8–1.0 s (the register scenario's max, against a p99 of 150–230 ms), and until then every
// keyword search read the whole pending list as well. A 512 kB list is merged eight times
// as often in an eighth of the time: the max fell to 0.29–0.32 s with the same throughput
// (313–331 against 303–337 registrations a second, alternating runs), while fastupdate
// off (no list at all) cost up to a sixth of the throughput.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter index kernel.cases_search_idx set (gin_pending_list_limit = 512)`.execute(db);
}
