// 核销 by two people: an officer asks to write a matter off as not law-related, and another
// officer holding `petitions.writeoff` approves (the matter is then concluded as 核销) or
// refuses. At most one request of a matter is pending at a time.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table petitions.writeoff_requests (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    matter_id uuid not null,
    reason text not null,
    requested_on date not null,
    requested_by uuid not null,
    requested_by_name text not null,
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    decided_by uuid,
    decided_by_name text,
    decided_at timestamptz,
    decision_note text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, matter_id) references petitions.matters(tenant_id, id)
  )`.execute(db);
  await sql`create unique index writeoff_requests_pending_idx on petitions.writeoff_requests (tenant_id, matter_id) where status = 'pending'`.execute(db);
}
