// Data scope in SQL: committee users see their whole tenant; everyone else sees their
// own organisation and the organisations below it. Queries embed these conditions, so
// rows outside a user's scope are never read, rather than read and filtered.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { SessionUser } from '@zhengfa/plugin-api';
import type { KernelDatabase } from './db/schema.js';

/** A condition "org id column is inside the user's scope", for any table's org column. */
export function orgInScope(db: Kysely<KernelDatabase>, user: SessionUser, orgIdColumn: string): Expression<SqlBool> {
  if (user.committee) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(orgIdColumn)} in (${db
    .selectFrom('kernel.orgs as scope_o')
    .select('scope_o.id')
    .where('scope_o.tenant_id', '=', user.tenantId)
    .where('scope_o.path', 'like', `${user.orgPath}%`)})`;
}
