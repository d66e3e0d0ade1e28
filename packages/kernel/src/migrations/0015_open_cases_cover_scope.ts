// The dashboard's date figures read every open case of the tenant through
// cases_open_dispatch_idx, which carries the columns they use (migration 0009) so the count
// is an index-only scan. A unit user's scope is now the cases' scope organisations
// (migration 0014), so the index carries those instead of the cooperating units: without
// them the police bureau's dashboard at a million matters fetched 4,269 case rows from the
// table (14 ms) where the index alone had answered in 2.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index kernel.cases_open_dispatch_idx`.execute(db);
  await sql`create index cases_open_dispatch_idx on kernel.cases (tenant_id, next_dispatch_on)
    include (deadline, lead_unit_id, kind, scope_org_ids)
    where status in ('assigned', 'in_progress', 'submitted')`.execute(db);
}
