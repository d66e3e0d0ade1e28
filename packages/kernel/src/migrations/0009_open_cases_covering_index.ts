// The dashboard's date figures (overdue, due this week, dispatch due, per lead unit) read
// every open case of the tenant; through cases_open_dispatch_idx each of them cost a heap
// fetch of a wide cases row (~4 ms for the 436 open cases of the benchmark's largest county
// at 100k, ten times that at 1M). The same index now carries the columns those figures and
// the unit scope read, so the count is an index-only scan of a few pages (0.7 ms).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index kernel.cases_open_dispatch_idx`.execute(db);
  await sql`create index cases_open_dispatch_idx on kernel.cases (tenant_id, next_dispatch_on)
    include (deadline, lead_unit_id, cooperating_unit_ids, kind)
    where status in ('assigned', 'in_progress', 'submitted')`.execute(db);
}
