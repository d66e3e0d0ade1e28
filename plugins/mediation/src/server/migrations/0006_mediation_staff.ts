// The people the departments second to the center (派驻人员: police, procuratorate, court,
// justice bureau, human resources …) and the duty rota (值班表): who is on duty at the
// center's window on each day. Written, forward-only: never edit it once released.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table mediation.staff (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    name text not null,
    unit text not null,
    post text,
    seconded_from date not null,
    seconded_to date,
    active boolean not null default true,
    version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    check (seconded_to is null or seconded_to >= seconded_from)
  )`.execute(db);
  // One row per person on duty on a day, in the order the rota lists them.
  await sql`create table mediation.duty (
    tenant_id text not null,
    duty_on date not null,
    staff_id uuid not null,
    position integer not null,
    recorded_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, duty_on, staff_id),
    foreign key (tenant_id, staff_id) references mediation.staff (tenant_id, id)
  )`.execute(db);
}
