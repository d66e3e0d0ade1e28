// Indexes found by the province-scale benchmark (tooling/bench/results): the ledger sorted
// by deadline walks an index in deadline order instead of sorting every matching row; the
// reminder sweep and xlsx export page through open cases / registration order by key.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_deadline_order_idx on kernel.cases (tenant_id, deadline, registered_at desc, id)`.execute(db);
  await sql`create index cases_registered_order_idx on kernel.cases (tenant_id, registered_at desc, id desc)`.execute(db);
  await sql`drop index kernel.cases_registered_idx`.execute(db);
  await sql`create index cases_open_idx on kernel.cases (tenant_id, id) where status in ('assigned', 'in_progress', 'submitted')`.execute(db);
}
