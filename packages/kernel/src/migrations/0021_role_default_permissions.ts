// What the kernel last granted each built-in role by default (kernel.roles.default_permissions),
// so that when a default is withdrawn (a plugin declares a permission sensitive, given to no
// role) the next start takes it back from the built-in roles, while keeping what an
// administrator granted them. Null until the first sync after this migration, which takes
// the plugin permissions the role then holds to have come from the old defaults (built-in
// roles cannot be edited through the console).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table kernel.roles add column default_permissions text[]`.execute(db);
}
