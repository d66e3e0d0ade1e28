// Imports of real county ledgers: the county's table of unit names as ledgers write them
// (remembered from one import to the next), and the dry run's parsed rows kept until the
// officer confirms (so confirm does not send the file again), owned by the user who ran the
// check and removed on confirm or when they expire.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table petitions.unit_aliases (
    tenant_id text not null,
    -- The name as compared (NFKC, no spaces), e.g. 县住建局.
    alias text not null,
    org_id uuid not null,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, alias)
  )`.execute(db);

  await sql`alter table petitions.imports
    add column expires_at timestamptz,
    add column summary jsonb not null default '{}'::jsonb`.execute(db);
  await sql`alter table petitions.imports drop constraint imports_status_check`.execute(db);
  await sql`alter table petitions.imports add constraint imports_status_check check (status in ('checked', 'importing', 'imported'))`.execute(db);
  await sql`create index imports_expires_idx on petitions.imports (expires_at) where expires_at is not null`.execute(db);

  // One row per data row of a checked file: its cells by field (personal data: kept only
  // until confirm or expiry).
  await sql`create table petitions.import_rows (
    tenant_id text not null,
    import_id uuid not null,
    row_no integer not null,
    cells jsonb not null,
    primary key (tenant_id, import_id, row_no),
    foreign key (tenant_id, import_id) references petitions.imports(tenant_id, id) on delete cascade
  )`.execute(db);
}
