// The plugin's first migration: its own schema with the roster (organisations, mediators),
// the county's settings, the disputes with their parties and hand-offs, and the counters of
// the dispute codes (一案一码). Written, forward-only: never edit it once released; add 0002_….
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create schema mediation`.execute(db);

  // One row per county once its administrator saved the settings; no row: the defaults.
  await sql`create table mediation.settings (
    tenant_id text not null primary key,
    triage_days integer not null check (triage_days between 1 and 30),
    dispute_types text[] not null,
    version integer not null default 1,
    updated_by uuid not null,
    updated_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table mediation.organisations (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    kind text not null check (kind in ('village', 'township', 'professional', 'court_invited', 'administrative')),
    name text not null,
    department text,
    active boolean not null default true,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name)
  )`.execute(db);

  await sql`create table mediation.mediators (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    org_id uuid not null,
    name text not null,
    specialities text[] not null default '{}',
    active boolean not null default true,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, org_id) references mediation.organisations (tenant_id, id)
  )`.execute(db);

  // The last number given per county and year: taken in the registering transaction, so a
  // refused or rolled-back registration leaves no gap.
  await sql`create table mediation.code_counters (
    tenant_id text not null,
    year integer not null,
    last integer not null,
    primary key (tenant_id, year)
  )`.execute(db);

  await sql`create table mediation.disputes (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    code text not null,
    source text not null check (source in ('walk_in', 'petition', 'police', 'court', 'grassroots', 'phone', 'online')),
    reference_no text,
    consent boolean not null default false,
    received_on date not null,
    summary text not null,
    dispute_type text not null,
    amount numeric(16, 2) check (amount >= 0),
    person_count integer not null check (person_count >= 1),
    risk_level text not null check (risk_level in ('low', 'medium', 'high')),
    status text not null default 'registered'
      check (status in ('registered', 'mediating', 'handed_off', 'guided', 'returned', 'declined')),
    triage_due_on date not null,
    triaged_on date,
    route text check (route in ('mediate', 'administrative', 'arbitration', 'litigation', 'petitions', 'decline')),
    route_org_id uuid,
    route_reason text,
    client_key text,
    registered_by uuid not null,
    registered_by_name text not null,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, code),
    unique (tenant_id, client_key),
    foreign key (tenant_id, route_org_id) references mediation.organisations (tenant_id, id)
  )`.execute(db);
  await sql`create index disputes_status_due on mediation.disputes (tenant_id, status, triage_due_on)`.execute(db);

  // ID number and phone are sealed (ctx.vault), never stored in clear.
  await sql`create table mediation.parties (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    dispute_id uuid not null,
    position integer not null,
    kind text not null check (kind in ('person', 'organisation')),
    role text not null check (role in ('applicant', 'respondent', 'other')),
    name text not null,
    id_number text,
    phone text,
    address text,
    primary key (tenant_id, id),
    unique (tenant_id, dispute_id, position),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id)
  )`.execute(db);

  // Every hand-off of a dispute (分流): where it went and why; the receiving side acknowledges later.
  await sql`create table mediation.handoffs (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    dispute_id uuid not null,
    route text not null,
    org_id uuid,
    org_name text,
    reason text,
    recorded_on date not null,
    recorded_by uuid not null,
    recorded_by_name text not null,
    acknowledged_at timestamptz,
    acknowledged_by_name text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id),
    foreign key (tenant_id, org_id) references mediation.organisations (tenant_id, id)
  )`.execute(db);
}
