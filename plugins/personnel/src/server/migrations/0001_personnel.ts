// The personnel plugin's first migration: its schema and the officer registry every other
// record of the plugin hangs on (training, 三个规定, clues, sanctions, the law-enforcement file).
// Written, forward-only: never edit it once released; add 0002_… instead.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create schema personnel`.execute(db);

  // An officer (政法干警) of a unit of the county. unit_id is a kernel organisation; user_id a
  // kernel user when the officer has an account. id_number and phone are sealed at rest.
  await sql`create table personnel.officers (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    unit_id uuid not null,
    name text not null,
    officer_no text not null,
    gender text check (gender in ('male', 'female')),
    id_number text,
    phone text,
    post text,
    rank text,
    is_leader boolean not null default false,
    is_party_member boolean not null default false,
    status text not null default 'serving' check (status in ('serving', 'seconded', 'retired', 'left')),
    joined_on date,
    user_id uuid,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, officer_no)
  )`.execute(db);
  await sql`create index officers_unit on personnel.officers (tenant_id, unit_id, name)`.execute(db);
  await sql`create unique index officers_user on personnel.officers (tenant_id, user_id) where user_id is not null`.execute(db);
}
