// A case owes a dispatch (调度) from the first dispatch point the sweep raised without a
// dispatch meeting recorded since, until one is. The sweep moves `next_dispatch_on` on once it
// has raised a point (the cadence continues), so "due for dispatch" can no longer be read from
// that date alone: the ledger's filter, the dashboard's 待调度 and the case's overdue flag read
// this column too. Nullable without a default: adding it rewrites nothing.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table kernel.cases add column dispatch_owed_since date`.execute(db);
}
