// Requests to reset a security administrator's password (users/password-resets.ts). The
// system administrator may not reset the password of an account holding security or audit
// duties; a security administrator's reset is asked for by the system or another security
// administrator and takes effect only when the audit administrator countersigns it. One
// pending request per account; a request lapses a day after it was made.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table kernel.password_reset_requests (
    tenant_id text not null references kernel.tenants(id),
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    reason text not null,
    status text not null default 'pending' check (status in ('pending', 'countersigned', 'rejected', 'cancelled', 'expired')),
    requested_by uuid not null,
    requested_at timestamptz not null default now(),
    expires_at timestamptz not null,
    decided_by uuid,
    decided_at timestamptz,
    decision_note text,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references kernel.users(tenant_id, id),
    foreign key (tenant_id, requested_by) references kernel.users(tenant_id, id),
    foreign key (tenant_id, decided_by) references kernel.users(tenant_id, id)
  )`.execute(db);
  await sql`create unique index password_reset_requests_one_pending on kernel.password_reset_requests (tenant_id, user_id) where status = 'pending'`.execute(db);
  await sql`create index password_reset_requests_recent on kernel.password_reset_requests (tenant_id, requested_at desc)`.execute(db);
}
