// Problems an inspection campaign attributed to a named officer (the inspections plugin's
// `inspections.finding.attributed` event), kept for the officer's law-enforcement file. The
// officer is matched by officer number, else by name within the unit; a finding that matches
// nobody is kept with officer_id null, so that a roster imported later can still claim it.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table personnel.inspection_findings (
    tenant_id text not null,
    id uuid not null default gen_random_uuid(),
    finding_id text not null,
    campaign_id text not null,
    unit_id uuid not null,
    officer_id uuid,
    officer_name text not null,
    officer_no text,
    defect_type text not null,
    severity text not null check (severity in ('general', 'serious')),
    found_on date not null,
    received_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, finding_id),
    foreign key (tenant_id, officer_id) references personnel.officers (tenant_id, id)
  )`.execute(db);
  await sql`create index inspection_findings_officer on personnel.inspection_findings (tenant_id, officer_id, found_on)`.execute(db);
}
