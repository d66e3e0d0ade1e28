// Whether a county counts the days between dispatches (调度) in working days or calendar
// days, per urgency class. A county without a row uses the default (cadence/settings.ts):
// working days for 一般件 and 急件, calendar days for 特急件.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table kernel.dispatch_day_counting (
    tenant_id text not null references kernel.tenants(id),
    urgency text not null check (urgency in ('normal', 'urgent', 'critical')),
    counting text not null check (counting in ('working', 'natural')),
    updated_by uuid,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, urgency)
  )`.execute(db);
}
