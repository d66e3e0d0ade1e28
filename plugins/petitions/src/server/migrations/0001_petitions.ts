// The petitions plugin's own schema. Kernel rows are referred to by id only (no foreign
// keys into the kernel's schema): the plugin meets the kernel through its API.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create schema if not exists petitions`.execute(db);

  // A petition matter (信访事项): one per issue; repeat visits attach to it.
  await sql`create table petitions.matters (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    -- The kernel case's registration number (示政法访〔2026〕3号), mirrored for lists.
    doc_no text not null default '',
    category text not null check (category in ('law', 'litigation', 'other')),
    is_accusation boolean not null default false,
    accused_org_id uuid,
    accused_person text,
    involved_org_id uuid,
    -- Names mirrored when chosen, so a unit user's list needs no look-up outside its scope.
    involved_org_name text,
    accused_org_name text,
    content text not null,
    demands text not null default '',
    receiving_officer_id uuid not null,
    -- First-contact responsibility (首接责任制): shown as the owner until routed.
    receiving_officer_name text not null default '',
    first_received_on date not null,
    routed_at timestamptz,
    routed_by uuid,
    -- The lead unit at routing time (分级负责、归口办理), mirrored from the kernel case.
    lead_unit_id uuid,
    lead_unit_name text,
    -- The receiving unit's decision (受理 / 不予受理) and its date.
    acceptance text check (acceptance in ('accepted', 'not_accepted')),
    acceptance_on date,
    acceptance_note text,
    -- The answer (处理意见) and the review (复查) and re-review (复核) that may follow.
    answer text,
    answered_on date,
    review_stage text not null default 'none'
      check (review_stage in ('none', 'review_requested', 'reviewed', 're_review_requested', 're_reviewed')),
    review_requested_on date,
    review_decided_on date,
    review_result text,
    re_review_requested_on date,
    re_review_decided_on date,
    re_review_result text,
    outcome text check (outcome in ('resolved', 'stopped', 'concluded', 'written_off')),
    outcome_on date,
    outcome_note text,
    concluded_by uuid,
    written_off_approved_by uuid,
    query_code text not null,
    rating smallint check (rating between 1 and 5),
    rating_comment text,
    rated_at timestamptz,
    issue_grams text[] not null default '{}',
    version integer not null default 1,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, case_id)
  )`.execute(db);
  await sql`create unique index matters_query_code_idx on petitions.matters (query_code)`.execute(db);
  await sql`create index matters_received_idx on petitions.matters (tenant_id, first_received_on)`.execute(db);
  await sql`create index matters_issue_idx on petitions.matters using gin (issue_grams)`.execute(db);

  // Each contact (letter, visit, call …): counted as person-visits (人次).
  await sql`create table petitions.visits (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    matter_id uuid not null,
    channel text not null check (channel in ('letter', 'visit', 'online', 'phone', 'leader_mailbox')),
    received_on date not null,
    person_count integer not null check (person_count >= 1),
    receiving_officer_id uuid,
    content text not null default '',
    is_repeat boolean not null default false,
    import_key text,
    idempotency_key text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, matter_id) references petitions.matters(tenant_id, id)
  )`.execute(db);
  await sql`create index visits_matter_idx on petitions.visits (tenant_id, matter_id)`.execute(db);
  await sql`create index visits_received_idx on petitions.visits (tenant_id, received_on)`.execute(db);
  await sql`create unique index visits_import_idx on petitions.visits (tenant_id, import_key) where import_key is not null`.execute(db);
  await sql`create unique index visits_idempotency_idx on petitions.visits (tenant_id, idempotency_key) where idempotency_key is not null`.execute(db);

  await sql`create table petitions.petitioners (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    matter_id uuid not null,
    name text not null,
    id_number text,
    phone text,
    address text,
    is_primary boolean not null default false,
    primary key (tenant_id, id),
    foreign key (tenant_id, matter_id) references petitions.matters(tenant_id, id)
  )`.execute(db);
  await sql`create index petitioners_matter_idx on petitions.petitioners (tenant_id, matter_id)`.execute(db);
  await sql`create index petitioners_id_number_idx on petitions.petitioners (tenant_id, id_number) where id_number is not null`.execute(db);
  await sql`create index petitioners_name_phone_idx on petitions.petitioners (tenant_id, name, phone)`.execute(db);

  // Hardship relief (救助).
  await sql`create table petitions.relief (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    matter_id uuid not null,
    amount numeric(12, 2) not null check (amount > 0),
    reason text not null,
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'paid')),
    requested_by uuid not null,
    approved_by uuid,
    approved_on date,
    decision_note text,
    paid_on date,
    idempotency_key text,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, matter_id) references petitions.matters(tenant_id, id)
  )`.execute(db);
  await sql`create unique index relief_idempotency_idx on petitions.relief (tenant_id, idempotency_key) where idempotency_key is not null`.execute(db);

  // The four visits (四访): reception days, visits down, appointments, return visits.
  await sql`create table petitions.leader_visits (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    type text not null check (type in ('reception_day', 'visit_down', 'appointment', 'return_visit')),
    scheduled_on date not null,
    leader_id uuid,
    leader_name text not null default '',
    place text not null default '',
    matter_id uuid,
    notes text not null default '',
    held boolean not null default false,
    satisfaction text check (satisfaction in ('satisfied', 'basically_satisfied', 'dissatisfied')),
    held_on date,
    idempotency_key text,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
  )`.execute(db);
  await sql`create index leader_visits_date_idx on petitions.leader_visits (tenant_id, scheduled_on)`.execute(db);
  await sql`create unique index leader_visits_idempotency_idx on petitions.leader_visits (tenant_id, idempotency_key) where idempotency_key is not null`.execute(db);

  // Public progress look-up attempts, for rate limiting across server processes.
  await sql`create table petitions.lookup_attempts (
    key text not null,
    at timestamptz not null default now(),
    ok boolean not null
  )`.execute(db);
  await sql`create index lookup_attempts_key_idx on petitions.lookup_attempts (key, at)`.execute(db);

  // Imports of historical Excel ledgers.
  await sql`create table petitions.imports (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    file_name text not null,
    file_sha256 text not null,
    mapping jsonb not null,
    status text not null default 'checked' check (status in ('checked', 'imported')),
    total_rows integer not null,
    bad_rows integer not null,
    imported_rows integer not null default 0,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
  )`.execute(db);
}
