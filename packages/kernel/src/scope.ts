// Data scope in SQL: committee users see their whole tenant; everyone else sees their
// own organisation and the organisations below it. Queries embed these conditions, so
// rows outside a user's scope are never read, rather than read and filtered.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { SessionUser } from '@zhengfa/plugin-api';
import type { KernelDatabase } from './db/schema.js';

/**
 * The ids of the organisations in the user's subtree: those whose materialised path starts
 * with the user's. The prefix is spelled as a byte-wise range, `path ~>=~ '/a/b/' and
 * path ~<~ '/a/b0'` ('0' is the byte after '/'), which is exactly `path like '/a/b/%'` and
 * is what the planner turns that `like` into for the path index (text_pattern_ops). As a
 * range of two parameters it plans the same for every user, so a prepared statement
 * (PGlite prepares every one) can keep one plan instead of re-planning each run for its
 * `like` pattern.
 */
export function subtreeOrgIds(db: Kysely<KernelDatabase>, user: SessionUser) {
  const [from, below] = subtreePathRange(user.orgPath);
  return db
    .selectFrom('kernel.orgs as so')
    .select('so.id')
    .where('so.tenant_id', '=', user.tenantId)
    .where(sql<SqlBool>`so.path ~>=~ ${from} and so.path ~<~ ${below}`);
}

/**
 * The byte-wise range `[from, below)` of the paths in the subtree of `path`: the path itself
 * and the path with its trailing '/' turned into '0'. Throws on a path without its trailing
 * slash, whose range would also take in siblings (`/a/b` → `/a/b1/`).
 */
export function subtreePathRange(path: string): [from: string, below: string] {
  if (!path.endsWith('/')) throw new Error(`organisation path without its trailing slash: ${path}`);
  return [path, `${path.slice(0, -1)}0`];
}

/** A condition "org id column is inside the user's scope", for any table's org column. */
export function orgInScope(db: Kysely<KernelDatabase>, user: SessionUser, orgIdColumn: string): Expression<SqlBool> {
  if (user.committee) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(orgIdColumn)} in (${subtreeOrgIds(db, user)})`;
}
