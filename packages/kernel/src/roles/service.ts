// Role operations: the roles of the tenant, and their creation and editing. A role's
// permissions must exist in this deployment and respect the separation of duties, for the
// role itself and for every user holding it.
import { badRequest, notFound, versionConflict, type AuthedContext } from '@zhengfa/plugin-api';
import { sql } from 'kysely';
import { kdb } from '../context.js';
import type { PluginHost } from '../plugin-host/host.js';
import { separationViolation } from '../permissions.js';
import { kernelStrings } from '../strings.js';
import type { CreateRoleInput, UpdateRoleInput } from './schemas.js';

const s = kernelStrings.roles;

function checkPermissions(host: PluginHost, permissions: string[]): void {
  const unknown = permissions.find((p) => !host.hasPermission(p));
  if (unknown) throw badRequest(s.unknownPermission(unknown));
  const violation = separationViolation(permissions, host.permissionName);
  if (violation) throw badRequest(violation);
}

export async function listRoles(ctx: AuthedContext, host: PluginHost) {
  const db = kdb(ctx);
  const rows = await db
    .selectFrom('kernel.roles as r')
    .select(['r.id', 'r.key', 'r.name', 'r.description', 'r.builtin', 'r.permissions', 'r.version'])
    .select((eb) =>
      eb
        .selectFrom('kernel.user_roles as ur')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('ur.tenant_id', '=', 'r.tenant_id')
        .whereRef('ur.role_id', '=', 'r.id')
        .as('user_count'),
    )
    .where('r.tenant_id', '=', ctx.tenant.id)
    .orderBy('r.builtin', 'desc')
    .orderBy('r.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    builtin: r.builtin,
    // Only permissions that exist in this deployment (a disabled plugin's stay stored).
    permissions: r.permissions.filter((p) => host.hasPermission(p)),
    version: r.version,
    userCount: Number(r.user_count ?? 0),
  }));
}

/** Every permission of the kernel and the enabled plugins, grouped for the role editor. */
export function listPermissions(host: PluginHost) {
  return host.permissions.map((p) => ({ key: p.key, name: p.name, group: p.group, owner: p.owner, ownerName: p.ownerName, description: p.description ?? '' }));
}

export async function createRole(ctx: AuthedContext, host: PluginHost, input: CreateRoleInput) {
  checkPermissions(host, input.permissions);
  const db = kdb(ctx);
  return db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom('kernel.roles').select('id').where('tenant_id', '=', ctx.tenant.id).where('name', '=', input.name).executeTakeFirst();
    if (dup) throw badRequest(s.duplicateName(input.name));
    const { id } = await trx
      .insertInto('kernel.roles')
      .values({ tenant_id: ctx.tenant.id, name: input.name, description: input.description, permissions: [...new Set(input.permissions)].sort() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit.record({ action: 'roles.create', targetType: 'role', targetId: id, detail: { name: input.name, permissions: input.permissions } }, { db: trx });
    return { id };
  });
}

export async function updateRole(ctx: AuthedContext, host: PluginHost, input: UpdateRoleInput) {
  checkPermissions(host, input.permissions);
  const db = kdb(ctx);
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('kernel.roles').selectAll().where('tenant_id', '=', ctx.tenant.id).where('id', '=', input.id).executeTakeFirst();
    if (!current) throw notFound(s.notFound);
    const permissions = [...new Set(input.permissions)].sort();
    if (current.builtin && (current.name !== input.name || permissions.join() !== current.permissions.filter((p) => host.hasPermission(p)).sort().join())) {
      throw badRequest(s.builtinImmutable);
    }
    const dup = await trx
      .selectFrom('kernel.roles')
      .select('id')
      .where('tenant_id', '=', ctx.tenant.id)
      .where('name', '=', input.name)
      .where('id', '!=', input.id)
      .executeTakeFirst();
    if (dup) throw badRequest(s.duplicateName(input.name));
    // Users holding this role must still respect the separation of duties.
    const holders = await trx
      .selectFrom('kernel.user_roles as ur')
      .innerJoin('kernel.roles as r', (j) => j.onRef('r.tenant_id', '=', 'ur.tenant_id').onRef('r.id', '=', 'ur.role_id'))
      .select(['ur.user_id', 'r.id', 'r.permissions'])
      .where('ur.tenant_id', '=', ctx.tenant.id)
      .where('ur.user_id', 'in', (eb) => eb.selectFrom('kernel.user_roles').select('user_id').where('tenant_id', '=', ctx.tenant.id).where('role_id', '=', input.id))
      .execute();
    const byUser = new Map<string, string[]>();
    for (const h of holders) {
      const perms = h.id === input.id ? permissions : h.permissions;
      byUser.set(h.user_id, [...(byUser.get(h.user_id) ?? []), ...perms]);
    }
    for (const perms of byUser.values()) {
      const violation = separationViolation(perms, host.permissionName);
      if (violation) throw badRequest(violation);
    }
    const updated = await trx
      .updateTable('kernel.roles')
      .set({ name: input.name, description: input.description, permissions, version: sql`version + 1`, updated_at: new Date() })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw versionConflict();
    await ctx.audit.record(
      { action: 'roles.update', targetType: 'role', targetId: input.id, detail: { before: current.permissions, after: permissions, name: input.name } },
      { db: trx },
    );
    return { version: updated.version };
  });
}
