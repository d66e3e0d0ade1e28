// Tenants, organisations, users, roles, sessions, the audit log, the event outbox and
// job runs. Every tenant-owned table leads its primary key with tenant_id so the schema
// can be distributed by tenant (Citus) without change.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create schema if not exists kernel`.execute(db);

  await sql`create table kernel.tenants (
    id text primary key check (id ~ '^[0-9]{6}$'),
    name text not null,
    short_name text not null,
    created_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table kernel.orgs (
    tenant_id text not null references kernel.tenants(id),
    id uuid not null default gen_random_uuid(),
    parent_id uuid,
    name text not null,
    kind text not null,
    level text not null,
    path text not null,
    sort_order integer not null default 0,
    disabled boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, parent_id) references kernel.orgs(tenant_id, id)
  )`.execute(db);
  await sql`create index orgs_path_idx on kernel.orgs (tenant_id, path text_pattern_ops)`.execute(db);
  await sql`create unique index orgs_sibling_name_idx on kernel.orgs (tenant_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name)`.execute(db);

  await sql`create table kernel.users (
    tenant_id text not null references kernel.tenants(id),
    id uuid not null default gen_random_uuid(),
    org_id uuid not null,
    username text not null,
    display_name text not null,
    password_hash text not null,
    must_change_password boolean not null default false,
    password_changed_at timestamptz,
    failed_attempts integer not null default 0,
    locked_until timestamptz,
    disabled boolean not null default false,
    last_login_at timestamptz,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, org_id) references kernel.orgs(tenant_id, id)
  )`.execute(db);
  await sql`create unique index users_username_idx on kernel.users (tenant_id, lower(username))`.execute(db);
  await sql`create index users_org_idx on kernel.users (tenant_id, org_id)`.execute(db);

  await sql`create table kernel.roles (
    tenant_id text not null references kernel.tenants(id),
    id uuid not null default gen_random_uuid(),
    key text,
    name text not null,
    description text not null default '',
    builtin boolean not null default false,
    permissions text[] not null default '{}',
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id)
  )`.execute(db);
  await sql`create unique index roles_key_idx on kernel.roles (tenant_id, key) where key is not null`.execute(db);
  await sql`create unique index roles_name_idx on kernel.roles (tenant_id, name)`.execute(db);

  await sql`create table kernel.user_roles (
    tenant_id text not null,
    user_id uuid not null,
    role_id uuid not null,
    primary key (tenant_id, user_id, role_id),
    foreign key (tenant_id, user_id) references kernel.users(tenant_id, id) on delete cascade,
    foreign key (tenant_id, role_id) references kernel.roles(tenant_id, id) on delete cascade
  )`.execute(db);

  await sql`create table kernel.sessions (
    id text primary key,
    tenant_id text not null,
    user_id uuid not null,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null,
    expires_at timestamptz not null,
    ip text,
    user_agent text,
    foreign key (tenant_id, user_id) references kernel.users(tenant_id, id) on delete cascade
  )`.execute(db);
  await sql`create index sessions_user_idx on kernel.sessions (tenant_id, user_id)`.execute(db);

  // The audit log: one hash chain per tenant ('000000' holds platform-level entries).
  await sql`create table kernel.audit_log (
    tenant_id text not null,
    seq bigint not null,
    at timestamptz not null,
    actor_id uuid,
    actor_name text,
    action text not null,
    target_type text,
    target_id text,
    outcome text not null check (outcome in ('success', 'failure', 'denied')),
    ip text,
    user_agent text,
    detail jsonb not null default '{}',
    prev_hash text not null,
    hash text not null,
    primary key (tenant_id, seq)
  )`.execute(db);
  await sql`create index audit_log_at_idx on kernel.audit_log (tenant_id, at desc)`.execute(db);
  await sql`create index audit_log_actor_idx on kernel.audit_log (tenant_id, actor_id, at desc)`.execute(db);
  await sql`create index audit_log_action_idx on kernel.audit_log (tenant_id, action, at desc)`.execute(db);
  // Append-only: no update, delete or truncate through any code path, the product's own
  // database role included. Retention beyond six months is an archive, never a delete.
  await sql`create function kernel.audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'kernel.audit_log is append-only (% refused)', tg_op;
    end $$`.execute(db);
  await sql`create trigger audit_log_no_update before update or delete on kernel.audit_log
    for each row execute function kernel.audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on kernel.audit_log
    for each statement execute function kernel.audit_log_append_only()`.execute(db);

  await sql`create table kernel.outbox (
    id bigint generated always as identity primary key,
    tenant_id text,
    name text not null,
    payload jsonb not null,
    occurred_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index outbox_name_idx on kernel.outbox (name, id)`.execute(db);
  // One row per (subscriber, event) handled, written in the handler's transaction: a
  // handler's effects and its delivery record commit together.
  await sql`create table kernel.event_deliveries (
    subscriber text not null,
    event_id bigint not null,
    delivered_at timestamptz not null default now(),
    primary key (subscriber, event_id)
  )`.execute(db);

  await sql`create table kernel.job_runs (
    job text not null,
    slot bigint not null,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    error text,
    primary key (job, slot)
  )`.execute(db);
}
