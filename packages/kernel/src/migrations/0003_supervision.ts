// Supervision instruments (监督文书), uses of supervision powers, and coordination meetings
// (案(事)件协调会) with their opinions.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table kernel.instruments (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    kind text not null check (kind in ('warning', 'guidance', 'correction', 'removal_proposal', 'discipline_transfer', 'judicial_transfer')),
    doc_no text,
    doc_year integer,
    doc_seq integer,
    recipient_org_id uuid not null,
    officer_name text,
    officer_post text,
    facts text not null,
    legal_basis text not null default '',
    requirement text not null,
    response_deadline date not null,
    status text not null default 'draft',
    previous_id uuid,
    drafted_by uuid not null,
    drafted_at timestamptz not null default now(),
    signed_by uuid,
    signed_at timestamptz,
    issued_on date,
    acknowledged_by uuid,
    acknowledged_at timestamptz,
    answer text,
    answered_by uuid,
    answered_at timestamptz,
    decision_comment text,
    decided_by uuid,
    decided_at timestamptz,
    version integer not null default 1,
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references kernel.cases(tenant_id, id),
    foreign key (tenant_id, recipient_org_id) references kernel.orgs(tenant_id, id)
  )`.execute(db);
  await sql`create index instruments_case_idx on kernel.instruments (tenant_id, case_id)`.execute(db);
  await sql`create index instruments_recipient_idx on kernel.instruments (tenant_id, recipient_org_id, status)`.execute(db);
  await sql`create unique index instruments_doc_idx on kernel.instruments (tenant_id, doc_year, doc_seq) where doc_seq is not null`.execute(db);

  await sql`create table kernel.power_uses (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    case_id uuid not null,
    power text not null check (power in ('file_review', 'inquiry', 'investigation', 'appointment_proposal', 'discipline_proposal')),
    used_on date not null,
    target_org_id uuid,
    target_person text,
    description text not null,
    result text not null default '',
    recorded_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, case_id) references kernel.cases(tenant_id, id)
  )`.execute(db);
  await sql`create index power_uses_case_idx on kernel.power_uses (tenant_id, case_id)`.execute(db);

  await sql`create table kernel.meetings (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    title text not null,
    scheduled_at timestamptz not null,
    place text not null default '',
    chair_id uuid,
    status text not null default 'scheduled' check (status in ('scheduled', 'held', 'consensus', 'escalated')),
    minutes text not null default '',
    opinion_text text,
    opinion_doc_no text,
    opinion_year integer,
    opinion_seq integer,
    opinion_signed_by uuid,
    opinion_signed_at timestamptz,
    escalation text check (escalation in ('unit_superiors', 'higher_committee')),
    escalation_note text,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    version integer not null default 1,
    primary key (tenant_id, id)
  )`.execute(db);
  await sql`create index meetings_scheduled_idx on kernel.meetings (tenant_id, scheduled_at desc)`.execute(db);

  await sql`create table kernel.meeting_orgs (
    tenant_id text not null,
    meeting_id uuid not null,
    org_id uuid not null,
    attended boolean,
    attendees text not null default '',
    acknowledged_by uuid,
    acknowledged_at timestamptz,
    execution_report text,
    reported_at timestamptz,
    primary key (tenant_id, meeting_id, org_id),
    foreign key (tenant_id, meeting_id) references kernel.meetings(tenant_id, id),
    foreign key (tenant_id, org_id) references kernel.orgs(tenant_id, id)
  )`.execute(db);
  await sql`create index meeting_orgs_org_idx on kernel.meeting_orgs (tenant_id, org_id)`.execute(db);

  await sql`create table kernel.meeting_cases (
    tenant_id text not null,
    meeting_id uuid not null,
    case_id uuid not null,
    primary key (tenant_id, meeting_id, case_id),
    foreign key (tenant_id, meeting_id) references kernel.meetings(tenant_id, id),
    foreign key (tenant_id, case_id) references kernel.cases(tenant_id, id)
  )`.execute(db);
}
