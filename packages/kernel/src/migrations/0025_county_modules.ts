// Which installed plugins each county (tenant) has switched off (system/county-modules.ts).
// A plugin installed and enabled for the deployment (PLUGINS) is on for every county until
// the county's system administrator turns it off on the 功能模块 page; a row records the
// county's choice, with a version for optimistic concurrency. Turning a plugin off hides it
// and keeps its data.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table kernel.county_modules (
    tenant_id text not null references kernel.tenants(id),
    plugin_id text not null,
    enabled boolean not null,
    version integer not null default 1,
    updated_by uuid,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, plugin_id),
    foreign key (tenant_id, updated_by) references kernel.users(tenant_id, id)
  )`.execute(db);
  // The background loop reads, at each pass, where each plugin is off.
  await sql`create index county_modules_off on kernel.county_modules (plugin_id, tenant_id) where not enabled`.execute(db);
}
