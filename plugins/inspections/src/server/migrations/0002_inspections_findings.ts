// The plugin's second migration: results published to the units with the objection window
// (异议), the units' objections and the panel's decisions, the problems found on the files
// (问题清单) with their rectification (整改) reports, evidence and re-checks (复查), the
// county's defect types and year-end deduction, and the kernel matters a file or a problem
// was sent to (督促复查, 整改督办). Forward-only: never edit it once released.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table inspections.settings
    add column defect_types text[],
    add column unrectified_deduction numeric(6, 1) not null default 1 check (unrectified_deduction >= 0)`.execute(db);
  await sql`comment on column inspections.settings.defect_types is 'The county''s list of defect types a problem is classed with (null: the defaults).'`.execute(db);
  await sql`comment on column inspections.settings.unrectified_deduction is 'Year-end assessment: points deducted from a unit per problem still not rectified (closed).'`.execute(db);

  await sql`alter table inspections.campaigns
    add column objection_days integer not null default 3 check (objection_days between 1 and 30),
    add column results_published_on date`.execute(db);
  await sql`comment on column inspections.campaigns.results_published_on is 'The day the results were published to the units: their objection window (objection_days working days) starts the next working day.'`.execute(db);

  await sql`alter table inspections.files
    add column supervision_case_id uuid,
    add column supervision_doc_no text`.execute(db);
  await sql`comment on column inspections.files.supervision_case_id is 'The kernel matter (督促复查) a wrongly handled case was sent to, once.'`.execute(db);

  await sql`create table inspections.objections (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    campaign_id uuid not null,
    file_id uuid not null,
    unit_id uuid not null,
    reason text not null,
    filed_on date not null,
    status text not null default 'pending' check (status in ('pending', 'upheld', 'dismissed')),
    score_before numeric(6, 1) not null,
    vetoed_before boolean not null,
    score_after numeric(6, 1),
    vetoed_after boolean,
    decision_note text,
    decided_by uuid,
    decided_at timestamptz,
    version integer not null default 1,
    filed_by uuid not null,
    filed_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, file_id),
    foreign key (tenant_id, file_id) references inspections.files (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.objections is 'A unit''s objection (异议) to a file''s result, one per file, within the campaign''s window; the panel upholds it (the file''s score changes, before and after kept) or dismisses it, with the reason shown to the unit.'`.execute(db);

  await sql`create table inspections.findings (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    campaign_id uuid not null,
    file_id uuid not null,
    unit_id uuid not null,
    scope text not null check (scope in ('common', 'individual')),
    defect_type text not null,
    severity text not null check (severity in ('general', 'serious')),
    description text not null,
    officer_name text,
    officer_no text,
    responsible_name text not null,
    deadline date not null,
    found_on date not null,
    status text not null default 'open' check (status in ('open', 'reported', 'returned', 'closed')),
    closed_on date,
    kernel_case_id uuid,
    kernel_doc_no text,
    client_key text,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, client_key),
    foreign key (tenant_id, file_id) references inspections.files (tenant_id, id),
    check (officer_no is null or officer_name is not null)
  )`.execute(db);
  await sql`comment on table inspections.findings is 'A problem found on a reviewed file (问题清单): 共性/个性, defect type from the county''s list, severity, the officer it is attributed to (shown only with inspections.personnel), the unit''s responsible person and deadline; status open → reported → closed, or returned by the re-check; kernel_case_id: the 整改督办 matter it became when overdue.'`.execute(db);

  await sql`create table inspections.rectifications (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    finding_id uuid not null,
    measures text not null,
    reported_by uuid not null,
    reported_at timestamptz not null default now(),
    outcome text check (outcome in ('closed', 'returned')),
    recheck_note text,
    rechecked_by uuid,
    rechecked_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, finding_id) references inspections.findings (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.rectifications is 'Each rectification report of a problem by its unit, and the committee''s re-check (复查) of it: closed or returned with the reason.'`.execute(db);

  await sql`create table inspections.evidence (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    rectification_id uuid not null,
    file_name text not null,
    mime text not null,
    size integer not null check (size > 0 and size <= 5242880),
    bytes bytea not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, rectification_id) references inspections.rectifications (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.evidence is 'The evidence attached to a rectification report (at most 5 MB each), kept in the plugin.'`.execute(db);
}
