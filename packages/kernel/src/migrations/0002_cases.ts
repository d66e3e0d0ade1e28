// Cases (matters): the kernel's central entity, with parties, the append-only timeline,
// links between cases, gap-free document numbers, dispatch records, the working calendar,
// reminders and the in-app inbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The county's one-character abbreviation used in document numbers (示政法督〔2026〕12号).
  await sql`alter table kernel.tenants add column doc_abbr text not null default ''`.execute(db);

  await sql`create table kernel.doc_counters (
    tenant_id text not null references kernel.tenants(id),
    kind text not null,
    year integer not null,
    last_no integer not null,
    primary key (tenant_id, kind, year)
  )`.execute(db);

  await sql`create table kernel.cases (
    tenant_id text not null references kernel.tenants(id),
    id uuid not null default gen_random_uuid(),
    kind text not null,
    doc_no text not null,
    doc_year integer not null,
    doc_seq integer not null,
    title text not null,
    summary text not null default '',
    source text not null,
    urgency text not null check (urgency in ('normal', 'urgent', 'critical')),
    status text not null,
    is_key boolean not null default false,
    lead_leader_id uuid,
    handler_name text,
    handler_phone text,
    resolution_plan text,
    deadline date,
    lead_unit_id uuid,
    cooperating_unit_ids uuid[] not null default '{}',
    six_clarities jsonb not null default '{}',
    result_report text,
    registered_by uuid not null,
    registered_at timestamptz not null default now(),
    received_on date not null,
    assigned_at timestamptz,
    closed_at timestamptz,
    next_dispatch_on date,
    next_report_on date,
    last_dispatch_on date,
    idempotency_key text,
    search_grams text[] not null default '{}',
    version integer not null default 1,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, kind, doc_year, doc_seq),
    foreign key (tenant_id, lead_unit_id) references kernel.orgs(tenant_id, id),
    foreign key (tenant_id, lead_leader_id) references kernel.users(tenant_id, id)
  )`.execute(db);
  await sql`create unique index cases_idempotency_idx on kernel.cases (tenant_id, idempotency_key) where idempotency_key is not null`.execute(db);
  await sql`create index cases_ledger_idx on kernel.cases (tenant_id, status, deadline)`.execute(db);
  await sql`create index cases_unit_idx on kernel.cases (tenant_id, lead_unit_id, status)`.execute(db);
  await sql`create index cases_registered_idx on kernel.cases (tenant_id, registered_at desc)`.execute(db);
  await sql`create index cases_cooperating_idx on kernel.cases using gin (cooperating_unit_ids)`.execute(db);
  // Character unigrams and bigrams of title, summary and party names: a keyword of any
  // length is served by this index (a trigram index cannot serve 1-2 character terms).
  await sql`create index cases_search_idx on kernel.cases using gin (search_grams)`.execute(db);
  await sql`create index cases_dispatch_due_idx on kernel.cases (next_dispatch_on) where status in ('assigned', 'in_progress', 'submitted')`.execute(db);
  await sql`create index cases_report_due_idx on kernel.cases (next_report_on) where status in ('assigned', 'in_progress', 'submitted')`.execute(db);

  await sql`create table kernel.case_parties (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    role text not null default 'party',
    name text not null,
    id_number text,
    phone text,
    address text,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references kernel.cases(tenant_id, id) on delete cascade
  )`.execute(db);
  await sql`create index case_parties_case_idx on kernel.case_parties (tenant_id, case_id)`.execute(db);
  await sql`create index case_parties_id_number_idx on kernel.case_parties (tenant_id, id_number) where id_number is not null`.execute(db);

  await sql`create table kernel.case_events (
    tenant_id text not null,
    id bigint generated always as identity,
    case_id uuid not null,
    at timestamptz not null default now(),
    actor_id uuid,
    actor_name text,
    actor_org_id uuid,
    type text not null,
    from_status text,
    to_status text,
    comment text not null default '',
    data jsonb not null default '{}',
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references kernel.cases(tenant_id, id)
  )`.execute(db);
  await sql`create index case_events_case_idx on kernel.case_events (tenant_id, case_id, id)`.execute(db);
  await sql`create function kernel.case_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'kernel.case_events is append-only (% refused)', tg_op;
    end $$`.execute(db);
  await sql`create trigger case_events_no_update before update or delete on kernel.case_events
    for each row execute function kernel.case_events_append_only()`.execute(db);

  await sql`create table kernel.case_links (
    tenant_id text not null,
    from_case_id uuid not null,
    to_case_id uuid not null,
    kind text not null check (kind in ('related', 'duplicate_of', 'derived_from')),
    created_at timestamptz not null default now(),
    created_by uuid,
    primary key (tenant_id, from_case_id, to_case_id, kind),
    foreign key (tenant_id, from_case_id) references kernel.cases(tenant_id, id),
    foreign key (tenant_id, to_case_id) references kernel.cases(tenant_id, id)
  )`.execute(db);

  await sql`create table kernel.dispatch_records (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    held_on date not null,
    summary text not null,
    next_steps text not null default '',
    recorded_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references kernel.cases(tenant_id, id)
  )`.execute(db);

  await sql`create table kernel.calendar_days (
    tenant_id text not null references kernel.tenants(id),
    date date not null,
    kind text not null check (kind in ('holiday', 'workday')),
    name text not null default '',
    source text not null default 'official',
    primary key (tenant_id, date)
  )`.execute(db);

  // One row per (case, due point, recipient): the unique key is what makes a reminder
  // exactly-once, whatever number of sweepers run.
  await sql`create table kernel.reminders (
    tenant_id text not null,
    case_id uuid not null,
    due_kind text not null,
    due_on date not null,
    user_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, case_id, due_kind, due_on, user_id)
  )`.execute(db);

  await sql`create table kernel.notifications (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    title text not null,
    body text not null default '',
    link text,
    case_id uuid,
    created_at timestamptz not null default now(),
    read_at timestamptz,
    primary key (tenant_id, id)
  )`.execute(db);
  await sql`create index notifications_inbox_idx on kernel.notifications (tenant_id, user_id, created_at desc)`.execute(db);
  await sql`create index notifications_unread_idx on kernel.notifications (tenant_id, user_id) where read_at is null`.execute(db);

  // Statutory clocks (e.g. 60 days to handle, extendable by 30; 5 working days to object).
  await sql`create table kernel.case_clocks (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    key text not null,
    name text not null,
    start_on date not null,
    days integer not null check (days > 0),
    unit text not null check (unit in ('natural', 'working')),
    extension_days integer not null default 0,
    max_extension_days integer not null default 0,
    pauses jsonb not null default '[]',
    due_on date,
    stopped_on date,
    version integer not null default 1,
    primary key (tenant_id, id),
    unique (tenant_id, case_id, key),
    foreign key (tenant_id, case_id) references kernel.cases(tenant_id, id)
  )`.execute(db);
  await sql`create index case_clocks_due_idx on kernel.case_clocks (due_on) where stopped_on is null and due_on is not null`.execute(db);

  await sql`create table kernel.clock_extensions (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    clock_id uuid not null,
    days integer not null check (days > 0),
    reason text not null,
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    requested_by uuid not null,
    requested_at timestamptz not null default now(),
    decided_by uuid,
    decided_at timestamptz,
    decision_comment text not null default '',
    primary key (tenant_id, id),
    foreign key (tenant_id, clock_id) references kernel.case_clocks(tenant_id, id)
  )`.execute(db);

  // Attachments are stored once per content hash under the data folder; this table says
  // which case (and timeline event) each upload belongs to and who may see it.
  await sql`create table kernel.attachments (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    name text not null,
    size bigint not null,
    mime text not null,
    sha256 text not null,
    uploaded_by uuid not null,
    uploaded_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references kernel.cases(tenant_id, id)
  )`.execute(db);
  await sql`create index attachments_case_idx on kernel.attachments (tenant_id, case_id)`.execute(db);

  // Ledger exports run in the background; progress lives here so any process can report it.
  await sql`create table kernel.exports (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    user_id uuid not null,
    kind text not null,
    filter jsonb not null default '{}',
    status text not null default 'running' check (status in ('running', 'done', 'failed')),
    total_rows integer not null default 0,
    done_rows integer not null default 0,
    file_name text not null,
    error text,
    created_at timestamptz not null default now(),
    finished_at timestamptz,
    primary key (tenant_id, id)
  )`.execute(db);
}
