// Training (教育培训): the county's yearly minimum, each unit's yearly plan and its items,
// courses and their sessions (with class hours and a time window), attendance per session,
// exam results and certificates. Hours are credited only through attendance: an officer's
// hours of a year are the class hours of the sessions of that year they attended.
// Written, forward-only: never edit it once released; add a later migration instead.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  // The county's required class hours a year (公务员每年不少于 12 天或 90 学时); no row: 90.
  await sql`create table personnel.training_settings (
    tenant_id text not null primary key,
    required_hours numeric(6,1) not null check (required_hours > 0),
    version integer not null default 1,
    updated_by uuid not null,
    updated_at timestamptz not null default now()
  )`.execute(db);

  // 年度教育培训计划: one per unit and year; its items are what the unit plans to hold or attend.
  await sql`create table personnel.training_plans (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    unit_id uuid not null,
    year integer not null check (year between 2000 and 2100),
    title text not null,
    summary text not null default '',
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, unit_id, year)
  )`.execute(db);
  await sql`create table personnel.training_plan_items (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    plan_id uuid not null,
    position integer not null,
    kind text not null,
    title text not null,
    month integer check (month between 1 and 12),
    class_hours numeric(6,1) not null check (class_hours >= 0),
    audience text not null default '',
    organiser text not null default '',
    primary key (tenant_id, id),
    foreign key (tenant_id, plan_id) references personnel.training_plans (tenant_id, id) on delete cascade
  )`.execute(db);
  await sql`create index training_plan_items_plan on personnel.training_plan_items (tenant_id, plan_id, position)`.execute(db);

  // A course (集中轮训, 岗位培训 …). unit_id null: the committee's own, open to every unit.
  await sql`create table personnel.training_courses (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    unit_id uuid,
    kind text not null check (kind in ('rotation', 'post', 'new_leader', 'new_officer', 'drill', 'online')),
    title text not null,
    organiser text not null default '',
    topic text not null default '',
    client_key uuid,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
  )`.execute(db);
  // A create sent again with the same key (a retried request) answers the course made first.
  await sql`create unique index training_courses_client_key on personnel.training_courses (tenant_id, client_key) where client_key is not null`.execute(db);

  // A session of a course: when it is held (its window is also the sign-in code's) and its class hours.
  await sql`create table personnel.training_sessions (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    course_id uuid not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    held_on date not null,
    place text not null default '',
    class_hours numeric(5,1) not null check (class_hours >= 0),
    sign_in_code text not null,
    client_key uuid,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    check (ends_at > starts_at),
    foreign key (tenant_id, course_id) references personnel.training_courses (tenant_id, id)
  )`.execute(db);
  await sql`create index training_sessions_day on personnel.training_sessions (tenant_id, held_on)`.execute(db);
  await sql`create unique index training_sessions_code on personnel.training_sessions (tenant_id, sign_in_code)`.execute(db);
  await sql`create unique index training_sessions_client_key on personnel.training_sessions (tenant_id, client_key) where client_key is not null`.execute(db);

  // Attendance: one row per session and officer; only 'present' credits the session's hours.
  await sql`create table personnel.training_attendance (
    tenant_id text not null,
    session_id uuid not null,
    officer_id uuid not null,
    status text not null check (status in ('present', 'absent', 'excused')),
    method text not null check (method in ('staff', 'code')),
    recorded_by uuid not null,
    recorded_at timestamptz not null default now(),
    primary key (tenant_id, session_id, officer_id),
    foreign key (tenant_id, session_id) references personnel.training_sessions (tenant_id, id),
    foreign key (tenant_id, officer_id) references personnel.officers (tenant_id, id)
  )`.execute(db);
  await sql`create index training_attendance_officer on personnel.training_attendance (tenant_id, officer_id)`.execute(db);

  // Exam results of a course, one per officer.
  await sql`create table personnel.training_exams (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    course_id uuid not null,
    officer_id uuid not null,
    taken_on date not null,
    score numeric(5,1) not null check (score between 0 and 100),
    passed boolean not null,
    recorded_by uuid not null,
    recorded_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, course_id, officer_id),
    foreign key (tenant_id, course_id) references personnel.training_courses (tenant_id, id),
    foreign key (tenant_id, officer_id) references personnel.officers (tenant_id, id)
  )`.execute(db);

  // Certificates (结业证书, 培训合格证) an officer holds.
  await sql`create table personnel.training_certificates (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    officer_id uuid not null,
    course_id uuid,
    certificate_no text not null,
    title text not null,
    issued_on date not null,
    issuer text not null default '',
    recorded_by uuid not null,
    recorded_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, certificate_no),
    foreign key (tenant_id, officer_id) references personnel.officers (tenant_id, id),
    foreign key (tenant_id, course_id) references personnel.training_courses (tenant_id, id)
  )`.execute(db);
}
