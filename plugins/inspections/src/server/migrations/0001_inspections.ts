// The plugin's first migration: campaigns (检查活动) with their scope, phases and team, the
// versioned checklists (评查标准), the grade scales (等级标准), the units' self-checks, the
// candidate and sampled case files with their draws, reviewer assignments and item scores.
// Grades are never stored: they follow from the stored scores and the campaign's scale.
// Points are numeric(6,1) (one decimal). Written, forward-only: never edit it once released;
// add 0002_… instead. Every table is documented with `comment on table`.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create schema inspections`.execute(db);

  await sql`create table inspections.settings (
    tenant_id text not null primary key,
    campaign_kinds text[] not null,
    version integer not null default 1,
    updated_by uuid not null,
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`comment on table inspections.settings is 'One row per county once saved (no row: defaults): the county''s list of campaign kinds.'`.execute(db);

  await sql`create table inspections.scales (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    name text not null,
    total numeric(6, 1) not null check (total > 0),
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name)
  )`.execute(db);
  await sql`comment on table inspections.scales is 'Grade scales as data (优秀/合格/不合格, 优质/合格/基本合格/不合格, 达标/不达标): a total and ordered grades.'`.execute(db);

  await sql`create table inspections.scale_grades (
    tenant_id text not null,
    scale_id uuid not null,
    position integer not null check (position >= 1),
    label text not null,
    min_score numeric(6, 1) not null check (min_score >= 0),
    band text not null check (band in ('excellent', 'good', 'pass', 'fail')),
    primary key (tenant_id, scale_id, position),
    foreign key (tenant_id, scale_id) references inspections.scales (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.scale_grades is 'A scale''s grades from the highest (position 1): a score at or above min_score takes the first grade it reaches; band feeds the rates (excellent: 优秀率; excellent+good: 优良率; all but fail: 合格率). The last grade has min 0 and band fail; a veto gives it.'`.execute(db);

  await sql`create table inspections.templates (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    family_id uuid not null,
    version_no integer not null check (version_no >= 1),
    name text not null,
    unit_type text not null check (unit_type in ('any', 'police', 'procuratorate', 'court', 'justice')),
    total numeric(6, 1) not null check (total > 0),
    current boolean not null default true,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, family_id, version_no)
  )`.execute(db);
  await sql`comment on table inspections.templates is 'Checklist templates (评查标准), versioned: editing writes a new row of the same family with version_no + 1 and clears current on the old one; rows are never changed otherwise, so a campaign keeps the version it scores with.'`.execute(db);

  await sql`create table inspections.template_items (
    tenant_id text not null,
    template_id uuid not null,
    id uuid not null default gen_random_uuid(),
    position integer not null check (position >= 1),
    aspect text not null,
    content text not null,
    kind text not null check (kind in ('points', 'deduction', 'veto')),
    max_points numeric(6, 1) not null check (max_points >= 0),
    per_defect numeric(6, 1) check (per_defect > 0),
    primary key (tenant_id, id),
    unique (tenant_id, template_id, position),
    foreign key (tenant_id, template_id) references inspections.templates (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.template_items is 'A template''s items grouped by aspect (实体, 程序, 法律文书, 卷宗装订 …): points (scored 0..max), deduction (倒扣分: max - per_defect × defects, not below 0) or veto (一票否决, max 0: the lowest grade when triggered).'`.execute(db);

  await sql`create table inspections.campaigns (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    kind text not null,
    title text not null,
    year integer not null,
    case_types text[] not null default '{}',
    case_from date,
    case_to date,
    self_check_from date not null,
    self_check_to date not null,
    review_from date not null,
    review_to date not null,
    rectify_from date not null,
    rectify_to date not null,
    bulletin_on date not null,
    status text not null default 'planning' check (status in ('planning', 'self_check', 'review', 'rectification', 'bulletin', 'closed')),
    scale_id uuid,
    double_scoring boolean not null default false,
    margin numeric(6, 1) not null default 0 check (margin >= 0),
    client_key text,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, client_key),
    foreign key (tenant_id, scale_id) references inspections.scales (tenant_id, id),
    check (case_to is null or case_from is null or case_to >= case_from),
    check (self_check_to >= self_check_from and review_from >= self_check_to and review_to >= review_from
      and rectify_from >= review_to and rectify_to >= rectify_from and bulletin_on >= rectify_to)
  )`.execute(db);
  await sql`comment on table inspections.campaigns is 'A campaign (检查活动): kind from the county''s list, scope (case types, case period), the four phases 自查自纠 → 抽查评查 → 整改 → 通报 with ordered dates, status = the current phase, the grade scale it grades with (switchable: grades are recomputed), double scoring and its margin.'`.execute(db);

  await sql`create table inspections.campaign_units (
    tenant_id text not null,
    campaign_id uuid not null,
    unit_id uuid not null,
    unit_name text not null,
    unit_type text not null,
    primary key (tenant_id, campaign_id, unit_id),
    foreign key (tenant_id, campaign_id) references inspections.campaigns (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.campaign_units is 'The units a campaign covers: kernel organisation ids, with the name and kind (police, procuratorate, court, justice …) as they were when added.'`.execute(db);

  await sql`create table inspections.campaign_templates (
    tenant_id text not null,
    campaign_id uuid not null,
    unit_type text not null check (unit_type in ('any', 'police', 'procuratorate', 'court', 'justice')),
    template_id uuid not null,
    primary key (tenant_id, campaign_id, unit_type),
    foreign key (tenant_id, campaign_id) references inspections.campaigns (tenant_id, id),
    foreign key (tenant_id, template_id) references inspections.templates (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.campaign_templates is 'The template version a campaign scores each unit type with (any: the rest).'`.execute(db);

  await sql`create table inspections.members (
    tenant_id text not null,
    campaign_id uuid not null,
    id uuid not null default gen_random_uuid(),
    kind text not null check (kind in ('staff', 'external')),
    role text check (role in ('law_supervisor', 'people_supervisor', 'npc_deputy', 'lawyer')),
    user_id uuid,
    name text not null,
    unit_id uuid,
    unit_name text,
    pledge_signed_on date,
    client_key text,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, client_key),
    foreign key (tenant_id, campaign_id) references inspections.campaigns (tenant_id, id),
    check ((kind = 'external') = (role is not null))
  )`.execute(db);
  await sql`comment on table inspections.members is 'The campaign''s team: staff from the units (a kernel user or a name with a unit) and external members (执法监督员, 人民监督员, 人大代表, 律师) with the date their confidentiality pledge was signed. unit_id drives the cross-review conflict rule.'`.execute(db);

  await sql`create table inspections.self_checks (
    tenant_id text not null,
    campaign_id uuid not null,
    unit_id uuid not null,
    files_checked integer not null check (files_checked >= 0),
    problems_found integer not null check (problems_found >= 0),
    problems_fixed integer not null check (problems_fixed >= 0 and problems_fixed <= problems_found),
    note text,
    version integer not null default 1,
    reported_by uuid not null,
    reported_at timestamptz not null default now(),
    primary key (tenant_id, campaign_id, unit_id),
    foreign key (tenant_id, campaign_id, unit_id) references inspections.campaign_units (tenant_id, campaign_id, unit_id)
  )`.execute(db);
  await sql`comment on table inspections.self_checks is 'Each unit''s self-check report (自查自纠) before sampling: files checked, problems found and fixed.'`.execute(db);

  await sql`create table inspections.draws (
    tenant_id text not null,
    campaign_id uuid not null,
    id uuid not null default gen_random_uuid(),
    unit_id uuid not null,
    method text not null check (method in ('random', 'targeted', 'manual')),
    seed text,
    strata jsonb not null default '[]',
    reason text,
    client_key text,
    drawn_by uuid not null,
    drawn_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, client_key),
    foreign key (tenant_id, campaign_id, unit_id) references inspections.campaign_units (tenant_id, campaign_id, unit_id)
  )`.execute(db);
  await sql`comment on table inspections.draws is 'Each sampling of a unit''s files: stratified random with the stored seed and the count per case type (the same seed over the same candidates draws the same files), targeted (by case number, with the reason) or manual.'`.execute(db);

  await sql`create table inspections.files (
    tenant_id text not null,
    campaign_id uuid not null,
    id uuid not null default gen_random_uuid(),
    unit_id uuid not null,
    case_no text not null,
    case_type text not null,
    title text,
    handler_name text,
    volumes integer not null default 1 check (volumes >= 1),
    closed_on date,
    kernel_case_id uuid,
    draw_id uuid,
    final_total numeric(6, 1),
    final_vetoed boolean,
    final_source text check (final_source in ('single', 'average', 'arbiter', 'panel')),
    panel_note text,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, campaign_id, unit_id, case_no),
    foreign key (tenant_id, campaign_id, unit_id) references inspections.campaign_units (tenant_id, campaign_id, unit_id),
    foreign key (tenant_id, draw_id) references inspections.draws (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.files is 'Case files (件, with their volumes 卷) registered as candidates of a unit; draw_id set: sampled. kernel_case_id is optional (a file need not be a kernel case). final_*: the file''s decided score (one reviewer, the average of two within the margin, the third reviewer, or the panel 合议); the grade is computed from it and the campaign''s scale.'`.execute(db);

  await sql`create table inspections.assignments (
    tenant_id text not null,
    campaign_id uuid not null,
    id uuid not null default gen_random_uuid(),
    file_id uuid not null,
    member_id uuid not null,
    role text not null check (role in ('first', 'second', 'arbiter')),
    submitted_at timestamptz,
    total numeric(6, 1),
    vetoed boolean,
    version integer not null default 1,
    assigned_by uuid not null,
    assigned_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, file_id, role),
    unique (tenant_id, file_id, member_id),
    foreign key (tenant_id, file_id) references inspections.files (tenant_id, id),
    foreign key (tenant_id, member_id) references inspections.members (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.assignments is 'A reviewer (team member, never of the file''s unit: 交叉评查) scoring a file as first, second (double scoring, blind) or third reviewer (when the two differ by more than the margin). total/vetoed: the submitted sheet''s sum.'`.execute(db);

  await sql`create table inspections.scores (
    tenant_id text not null,
    assignment_id uuid not null,
    item_id uuid not null,
    points numeric(6, 1) not null check (points >= 0),
    defects integer check (defects >= 0),
    vetoed boolean not null default false,
    note text,
    primary key (tenant_id, assignment_id, item_id),
    foreign key (tenant_id, assignment_id) references inspections.assignments (tenant_id, id),
    foreign key (tenant_id, item_id) references inspections.template_items (tenant_id, id)
  )`.execute(db);
  await sql`comment on table inspections.scores is 'One reviewer''s score of one item with its note: points given (a deduction item: max - per_defect × defects, not below 0; a veto item: 0), defects counted, veto triggered.'`.execute(db);
}
