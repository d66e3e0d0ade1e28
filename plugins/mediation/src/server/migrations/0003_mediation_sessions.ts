// The mediation phase of a dispute routed to mediation here: acceptance with each party's
// consent (and a party's refusal or withdrawal), the mediators assigned with their declared
// conflicts and replacements, the sessions with their attendees and record, the time limit
// (the county's number of calendar days, default 30) with its agreed extensions, and the
// kernel case a high-risk dispute is escalated to. No fee is recorded anywhere: people's
// mediation is free. Written, forward-only: never edit it once released.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table mediation.settings
    add column mediation_days integer not null default 30 check (mediation_days between 1 and 365)`.execute(db);

  await sql`alter table mediation.disputes
    add column accepted_on date,
    add column mediation_due_on date,
    add column withdrawn_on date,
    add column withdrawal_reason text,
    add column withdrawn_party_id uuid,
    add column kernel_case_id uuid,
    add column kernel_case_doc_no text,
    add column escalated_on date,
    add column escalation_reason text`.execute(db);
  await sql`create index disputes_mediation_due on mediation.disputes (tenant_id, status, mediation_due_on)`.execute(db);

  // Each party's answer: consent at acceptance, refusal before it, withdrawal after it.
  await sql`create table mediation.consents (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    dispute_id uuid not null,
    party_id uuid not null,
    decision text not null check (decision in ('consent', 'refuse', 'withdraw')),
    decided_on date not null,
    reason text,
    recorded_by uuid not null,
    recorded_by_name text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id),
    foreign key (tenant_id, party_id) references mediation.parties (tenant_id, id)
  )`.execute(db);
  await sql`create index consents_dispute on mediation.consents (tenant_id, dispute_id)`.execute(db);

  // A mediator on a dispute; a declared conflict (回避事由) keeps them on it until replaced.
  await sql`create table mediation.assignments (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    dispute_id uuid not null,
    mediator_id uuid not null,
    mediator_name text not null,
    assigned_on date not null,
    conflict_kind text check (conflict_kind in ('party', 'unit')),
    conflict_detail text,
    conflict_declared_on date,
    released_on date,
    release_reason text,
    replaced_by uuid,
    assigned_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id),
    foreign key (tenant_id, mediator_id) references mediation.mediators (tenant_id, id)
  )`.execute(db);
  await sql`create unique index assignments_active on mediation.assignments (tenant_id, dispute_id, mediator_id) where released_on is null`.execute(db);

  // A mediation session (调解会) and its record (调解笔录), numbered per dispute.
  await sql`create table mediation.sessions (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    dispute_id uuid not null,
    seq integer not null,
    held_on date not null,
    place text not null,
    party_ids uuid[] not null,
    party_names text[] not null,
    mediator_ids uuid[] not null,
    mediator_names text[] not null,
    record text not null,
    client_key text,
    recorded_by uuid not null,
    recorded_by_name text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, dispute_id, seq),
    unique (tenant_id, client_key),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id)
  )`.execute(db);

  // Each extension of the time limit the parties agreed to.
  await sql`create table mediation.extensions (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    dispute_id uuid not null,
    previous_due_on date not null,
    new_due_on date not null,
    reason text not null,
    agreed_on date not null,
    recorded_by uuid not null,
    recorded_by_name text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id),
    check (new_due_on > previous_due_on)
  )`.execute(db);
}
