// Who at the window received a dispute (受理人员: one of the staff seconded to the center, so
// the figures can be counted by seconded unit), and the phone urgings (电话督促) the center
// makes on a dispute it handed off or whose agreement is being performed: on whom, when and
// what was said. Written, forward-only: never edit it once released.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table mediation.disputes
    add column received_by_staff_id uuid,
    add constraint disputes_received_by_staff foreign key (tenant_id, received_by_staff_id) references mediation.staff (tenant_id, id)`.execute(db);

  await sql`create table mediation.urgings (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    dispute_id uuid not null,
    urged_on date not null,
    method text not null default 'phone' check (method in ('phone')),
    urged_party text not null,
    note text,
    recorded_by uuid not null,
    recorded_by_name text not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, dispute_id) references mediation.disputes (tenant_id, id)
  )`.execute(db);
  await sql`create index urgings_urged_on on mediation.urgings (tenant_id, urged_on)`.execute(db);
}
