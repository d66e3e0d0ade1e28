// The county's names of units as rosters write them (县局, 县法院 …), each remembered as an
// alias of one unit of the kernel's organisation tree (by id), so that every later roster
// import resolves it. Mapped by the political department from the dry run's unknown names.
// Forward-only: never edit it once released.
import { sql, type Kysely } from '@zhengfa/plugin-api';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table personnel.unit_aliases (
    tenant_id text not null,
    -- The name as compared (NFKC, no spaces), e.g. 县局.
    alias text not null,
    org_id uuid not null,
    created_by uuid not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, alias)
  )`.execute(db);
}
