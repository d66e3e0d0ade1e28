// Who a plugin may name (a lead leader, a unit's liaisons): enabled users within the
// signed-in user's scope, by organisation and by built-in role or permission.
import type { AuthedContext, KernelUser } from '@zhengfa/plugin-api';
import { field as f, z } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import { userHolds } from '../cases/service.js';
import type { KernelDatabase } from '../db/schema.js';
import { orgInScope } from '../scope.js';
import { fieldNames as n } from '../strings.js';

export const findUsersSchema = z.object({
  orgId: f.uuid(n.org).optional(),
  includeSubOrgs: f.bool(n.includeSubOrgs).default(true),
  /** A built-in role's key, e.g. 'leader' for 包案领导 choices. */
  roleKey: f.text(n.roleKey, { min: 1, max: 30 }).optional(),
  permission: f.text(n.permission, { min: 1, max: 80 }).optional(),
  limit: f.int(n.pageSize, { min: 1, max: 500 }).default(200),
});

export type FindUsersInput = z.output<typeof findUsersSchema>;

/**
 * The users of the signed-in user's scope, joined with their organisation (`u`, `o`), within
 * an organisation (and its subtree unless `includeSubOrgs` is false) and holding a built-in
 * role: the base of users.list (the console) and ctx.kernel.users.find (plugins).
 */
export function scopedUsers(db: Kysely<KernelDatabase>, ctx: AuthedContext, filter: { orgId?: string; includeSubOrgs?: boolean; roleKey?: string }) {
  let q = db
    .selectFrom('kernel.users as u')
    .innerJoin('kernel.orgs as o', (j) => j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.org_id'))
    .where('u.tenant_id', '=', ctx.tenant.id)
    .where(orgInScope(db, ctx.user, 'u.org_id'));
  if (filter.orgId) {
    const orgId = filter.orgId;
    q =
      filter.includeSubOrgs !== false
        ? q.where('o.path', 'like', (eb) =>
            eb
              .selectFrom('kernel.orgs as f')
              .select(sql<string>`f.path || '%'`.as('p'))
              .where('f.tenant_id', '=', ctx.tenant.id)
              .where('f.id', '=', orgId),
          )
        : q.where('u.org_id', '=', orgId);
  }
  if (filter.roleKey) {
    const roleKey = filter.roleKey;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('kernel.user_roles as ur')
          .innerJoin('kernel.roles as r', (j) => j.onRef('r.tenant_id', '=', 'ur.tenant_id').onRef('r.id', '=', 'ur.role_id'))
          .select(sql`1`.as('one'))
          .whereRef('ur.tenant_id', '=', 'u.tenant_id')
          .whereRef('ur.user_id', '=', 'u.id')
          .where('r.key', '=', roleKey),
      ),
    );
  }
  return q;
}

export async function findUsers(ctx: AuthedContext, input: FindUsersInput): Promise<KernelUser[]> {
  const db = ctx.db as unknown as Kysely<KernelDatabase>;
  let q = scopedUsers(db, ctx, input).select(['u.id', 'u.display_name', 'u.org_id', 'o.name as org_name']).where('u.disabled', '=', false);
  if (input.permission) q = q.where(userHolds(input.permission));
  const rows = await q.orderBy('o.path').orderBy('u.display_name').limit(input.limit).execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, orgId: r.org_id, orgName: r.org_name }));
}
