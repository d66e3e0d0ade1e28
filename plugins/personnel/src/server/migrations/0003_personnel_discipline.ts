// Conduct and discipline (纪律作风): 三个规定 records and the units' monthly reports, problem
// clues and their handling, outcomes and sanctions with their effect periods, error-case
// accountability, commendations and assessments. Every row hangs on personnel.officers.
// Written, forward-only: never edit it once released; add a later migration instead.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  // A 三个规定 record: someone asked about or tried to influence a case. The reporter's
  // identity (reporter_officer_id, reporter_user_id) is shown to discipline staff only.
  // subject_officer_id is set when the person recorded is an officer of the registry.
  await sql`create table personnel.conduct_records (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    reporter_officer_id uuid not null,
    reporter_user_id uuid not null,
    reporter_unit_id uuid not null,
    intervener_kind text not null check (intervener_kind in ('outside_official', 'colleague', 'party', 'lawyer')),
    intervener_name text not null,
    intervener_post text,
    subject_officer_id uuid,
    occurred_on date not null,
    manner text not null check (manner in ('in_person', 'phone', 'message', 'letter', 'other')),
    case_ref text not null,
    content text not null,
    client_key text,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, reporter_officer_id) references personnel.officers (tenant_id, id),
    foreign key (tenant_id, subject_officer_id) references personnel.officers (tenant_id, id)
  )`.execute(db);
  await sql`create index conduct_records_unit on personnel.conduct_records (tenant_id, reporter_unit_id, occurred_on)`.execute(db);
  await sql`create unique index conduct_records_client_key on personnel.conduct_records (tenant_id, reporter_user_id, client_key) where client_key is not null`.execute(db);

  // A unit's monthly 三个规定 report; record_count 0 is the zero report (零报告).
  await sql`create table personnel.conduct_reports (
    tenant_id text not null,
    unit_id uuid not null,
    month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    record_count integer not null check (record_count >= 0),
    note text,
    submitted_by uuid not null,
    submitted_at timestamptz not null default now(),
    primary key (tenant_id, unit_id, month)
  )`.execute(db);

  // A problem clue (问题线索) about an officer and its handling.
  await sql`create table personnel.clues (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    officer_id uuid not null,
    source text not null check (source in ('petition', 'complaint', 'report', 'inspection', 'higher_transfer', 'conduct_record')),
    source_ref text,
    conduct_record_id uuid,
    received_on date not null,
    summary text not null,
    status text not null default 'accepted' check (status in ('accepted', 'verifying', 'filed', 'investigating', 'reviewing', 'decided', 'closed', 'transferred')),
    handler_user_id uuid,
    handler_name text,
    transferred_to text,
    transferred_on date,
    closing_note text,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, officer_id) references personnel.officers (tenant_id, id),
    foreign key (tenant_id, conduct_record_id) references personnel.conduct_records (tenant_id, id)
  )`.execute(db);
  await sql`create index clues_officer on personnel.clues (tenant_id, officer_id)`.execute(db);

  // Each step of a clue (受理, 初步核实, 立案 …, 回避, 移交), in order.
  await sql`create table personnel.clue_steps (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    clue_id uuid not null,
    step text not null,
    on_date date not null,
    note text,
    detail jsonb not null default '{}',
    actor_id uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, clue_id) references personnel.clues (tenant_id, id)
  )`.execute(db);
  await sql`create index clue_steps_clue on personnel.clue_steps (tenant_id, clue_id, created_at)`.execute(db);

  // A county's own effect periods (months) per sanction kind; no row: the law's default.
  await sql`create table personnel.sanction_periods (
    tenant_id text not null,
    kind text not null,
    months integer not null check (months between 1 and 600),
    updated_by uuid not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, kind)
  )`.execute(db);

  // An outcome for an officer: its form (四种形态), its kind, and the period its effect lasts
  // (decided_on through effective_until, inclusive; permanent: no end; neither: no period).
  await sql`create table personnel.sanctions (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    officer_id uuid not null,
    clue_id uuid,
    form smallint not null check (form between 1 and 4),
    category text not null check (category in ('organisational', 'governmental', 'party')),
    kind text not null,
    probation_years smallint check (probation_years in (1, 2)),
    decided_on date not null,
    effect_months integer,
    effective_until date,
    permanent boolean not null default false,
    decision_no text,
    reason text not null,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, officer_id) references personnel.officers (tenant_id, id),
    foreign key (tenant_id, clue_id) references personnel.clues (tenant_id, id)
  )`.execute(db);
  await sql`create index sanctions_officer on personnel.sanctions (tenant_id, officer_id, decided_on)`.execute(db);
  await sql`create index sanctions_until on personnel.sanctions (tenant_id, effective_until)`.execute(db);

  // Error-case accountability (错案追究): finding → 申辩 → decision → 复核.
  await sql`create table personnel.accountability (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    officer_id uuid not null,
    case_ref text not null,
    finding text not null,
    found_on date not null,
    status text not null default 'found' check (status in ('found', 'defended', 'decided', 'reviewed')),
    defence text,
    defended_on date,
    decision text,
    decided_on date,
    sanction_id uuid,
    review_request text,
    review_result text check (review_result in ('upheld', 'changed', 'revoked')),
    review_note text,
    reviewed_on date,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, officer_id) references personnel.officers (tenant_id, id),
    foreign key (tenant_id, sanction_id) references personnel.sanctions (tenant_id, id)
  )`.execute(db);

  // Commendations (表彰奖励, 三个十佳): of an officer, a unit or a case.
  await sql`create table personnel.commendations (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    kind text not null check (kind in ('best_officer', 'best_unit', 'best_case', 'merit', 'other')),
    officer_id uuid,
    unit_id uuid,
    case_ref text,
    title text not null,
    awarded_on date not null,
    awarded_by text,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, officer_id) references personnel.officers (tenant_id, id)
  )`.execute(db);
  await sql`create index commendations_officer on personnel.commendations (tenant_id, officer_id)`.execute(db);

  // Quarterly and yearly assessments (考核) with their grade; one per officer and period.
  await sql`create table personnel.assessments (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    officer_id uuid not null,
    period text not null check (period ~ '^[0-9]{4}(-Q[1-4])?$'),
    grade text not null check (grade in ('excellent', 'competent', 'basically_competent', 'incompetent')),
    assessed_on date not null,
    note text,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, officer_id, period),
    foreign key (tenant_id, officer_id) references personnel.officers (tenant_id, id)
  )`.execute(db);
}
