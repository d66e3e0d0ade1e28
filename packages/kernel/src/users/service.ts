// User operations: the users within the administrator's scope, creating and editing accounts,
// assigning roles (never to oneself, always respecting the separation of duties), direct
// password resets and unlocking. Each write runs in one transaction with its audit row.
import { badRequest, forbidden, notFound, versionConflict, type AuthedContext, type SessionUser } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { kdb } from '../context.js';
import type { KernelDatabase } from '../db/schema.js';
import { dutiesOf, separationViolation, type AdminDuty } from '../permissions.js';
import { directResetRefusal, dutiesOfUser, setResetPassword } from './password-resets.js';
import { scopedUsers } from './lookup.js';
import { orgInScope } from '../scope.js';
import { kernelStrings } from '../strings.js';
import type { AssignRolesInput, CreateUserInput, ListUsersInput, ResetPasswordInput, UnlockUserInput, UpdateUserInput } from './schemas.js';

const s = kernelStrings.users;

async function orgVisible(db: Kysely<KernelDatabase>, user: SessionUser, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('kernel.orgs')
    .select('id')
    .where('tenant_id', '=', user.tenantId)
    .where('id', '=', orgId)
    .where('disabled', '=', false)
    .where(orgInScope(db, user, 'id'))
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Checks role ids exist and that together they respect the separation of duties (no two
 * administrator duties, no administrator duty with business work).
 */
async function checkRoles(db: Kysely<KernelDatabase>, tenantId: string, ids: string[], nameOf: (key: string) => string): Promise<void> {
  if (ids.length === 0) return;
  const roles = await db
    .selectFrom('kernel.roles')
    .select(['id', 'permissions'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  if (roles.length !== new Set(ids).size) throw badRequest(kernelStrings.roles.notFound);
  const violation = separationViolation(roles.flatMap((r) => r.permissions), nameOf);
  if (violation) throw badRequest(violation);
}

async function setRoles(db: Kysely<KernelDatabase>, tenantId: string, userId: string, ids: string[]): Promise<void> {
  await db.deleteFrom('kernel.user_roles').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  if (ids.length > 0) {
    await db
      .insertInto('kernel.user_roles')
      .values([...new Set(ids)].map((role_id) => ({ tenant_id: tenantId, user_id: userId, role_id })))
      .execute();
  }
}

/**
 * A reset with a password the administrator chose (password-resets.ts says who may reset
 * whom). A refusal for the target's duties is audited; the duties are read again under the
 * target's row lock, so a role granted meanwhile cannot slip past.
 */
async function directReset(ctx: AuthedContext, input: ResetPasswordInput, by: 'system' | 'security'): Promise<{ ok: true }> {
  const db = kdb(ctx);
  const target = await db
    .selectFrom('kernel.users')
    .select(['username'])
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', input.id)
    .where(orgInScope(db, ctx.user, 'org_id'))
    .executeTakeFirst();
  if (!target) throw notFound(s.notFound);
  const refuse = async (duties: AdminDuty[]): Promise<never> => {
    await ctx.audit.record({ action: 'users.password.reset', outcome: 'denied', targetType: 'user', targetId: input.id, detail: { by, duties } });
    throw forbidden(directResetRefusal(by, duties)!);
  };
  const duties = await dutiesOfUser(db, ctx.tenant.id, input.id);
  if (directResetRefusal(by, duties)) await refuse(duties);
  const problem = passwordProblem(input.password, target.username);
  if (problem) throw badRequest(problem);
  const hashed = await hashPassword(input.password);
  const refusedDuties = await db.transaction().execute(async (trx) => {
    await trx.selectFrom('kernel.users').select('id').where('tenant_id', '=', ctx.tenant.id).where('id', '=', input.id).forUpdate().execute();
    const now = await dutiesOfUser(trx, ctx.tenant.id, input.id);
    if (directResetRefusal(by, now)) return now;
    await setResetPassword(trx, ctx.tenant.id, input.id, hashed);
    await ctx.audit.record({ action: 'users.password.reset', targetType: 'user', targetId: input.id, detail: { by, duties: now } }, { db: trx });
    return null;
  });
  if (refusedDuties) await refuse(refusedDuties);
  return { ok: true };
}

export async function listUsers(ctx: AuthedContext, input: ListUsersInput) {
  const db = kdb(ctx);
  let q = scopedUsers(db, ctx, input);
  if (input.keyword) {
    const like = `%${input.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  const [{ total }] = [await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()];
  const rows = await q
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_id',
      'o.name as org_name',
      'u.disabled',
      'u.locked_until',
      'u.last_login_at',
      'u.must_change_password',
      'u.version',
      'u.created_at',
    ])
    .orderBy('o.path')
    .orderBy('u.username')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const ids = rows.map((r) => r.id);
  const roles = ids.length
    ? await db
        .selectFrom('kernel.user_roles as ur')
        .innerJoin('kernel.roles as r', (j) => j.onRef('r.tenant_id', '=', 'ur.tenant_id').onRef('r.id', '=', 'ur.role_id'))
        .select(['ur.user_id', 'r.id', 'r.name', 'r.permissions'])
        .where('ur.tenant_id', '=', ctx.tenant.id)
        .where('ur.user_id', 'in', ids)
        .execute()
    : [];
  const now = ctx.now();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      orgId: r.org_id,
      orgName: r.org_name,
      disabled: r.disabled,
      locked: Boolean(r.locked_until && r.locked_until > now),
      lockedUntil: r.locked_until,
      lastLoginAt: r.last_login_at,
      mustChangePassword: r.must_change_password,
      version: r.version,
      createdAt: r.created_at,
      roles: roles.filter((x) => x.user_id === r.id).map((x) => ({ id: x.id, name: x.name })),
      /** The administrator duties the user's roles hold: the console offers the reset each allows. */
      duties: dutiesOf(roles.filter((x) => x.user_id === r.id).flatMap((x) => x.permissions)),
    })),
  };
}

export async function createUser(ctx: AuthedContext, input: CreateUserInput) {
  const db = kdb(ctx);
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw badRequest(problem);
  if (input.roleIds.length > 0 && !ctx.can('roles.assign')) throw forbidden(s.rolesNeedAssignPermission);
  const hashed = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (!(await orgVisible(trx, ctx.user, input.orgId))) throw badRequest(s.orgNotFound);
    await checkRoles(trx, ctx.tenant.id, input.roleIds, ctx.permissionName);
    const taken = await trx
      .selectFrom('kernel.users')
      .select('id')
      .where('tenant_id', '=', ctx.tenant.id)
      .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw badRequest(s.duplicateUsername(input.username));
    const { id } = await trx
      .insertInto('kernel.users')
      .values({
        tenant_id: ctx.tenant.id,
        org_id: input.orgId,
        username: input.username,
        display_name: input.displayName,
        password_hash: hashed,
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setRoles(trx, ctx.tenant.id, id, input.roleIds);
    await ctx.audit.record(
      { action: 'users.create', targetType: 'user', targetId: id, detail: { username: input.username, orgId: input.orgId, roleIds: input.roleIds } },
      { db: trx },
    );
    return { id };
  });
}

export async function updateUser(ctx: AuthedContext, input: UpdateUserInput) {
  const db = kdb(ctx);
  if (input.disabled && input.id === ctx.user.id) throw badRequest(s.cannotDisableSelf);
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('kernel.users')
      .select(['org_id', 'display_name', 'disabled'])
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.id)
      .where(orgInScope(trx, ctx.user, 'org_id'))
      .executeTakeFirst();
    if (!current) throw notFound(s.notFound);
    if (!(await orgVisible(trx, ctx.user, input.orgId))) throw badRequest(s.orgNotFound);
    const updated = await trx
      .updateTable('kernel.users')
      .set({ org_id: input.orgId, display_name: input.displayName, disabled: input.disabled, version: sql`version + 1`, updated_at: new Date() })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .where(orgInScope(trx, ctx.user, 'org_id'))
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw versionConflict();
    if (input.disabled) {
      await trx.deleteFrom('kernel.sessions').where('tenant_id', '=', ctx.tenant.id).where('user_id', '=', input.id).execute();
    }
    await ctx.audit.record(
      {
        action: 'users.update',
        targetType: 'user',
        targetId: input.id,
        detail: { before: { orgId: current.org_id, displayName: current.display_name, disabled: current.disabled }, after: { orgId: input.orgId, displayName: input.displayName, disabled: input.disabled } },
      },
      { db: trx },
    );
    return { version: updated.version };
  });
}

/** The system administrator's reset: any account in scope but those holding security or audit duties. */
export function resetPassword(ctx: AuthedContext, input: ResetPasswordInput): Promise<{ ok: true }> {
  return directReset(ctx, input, 'system');
}

/** The security administrator's reset: audit administrators only. */
export function resetAuditorPassword(ctx: AuthedContext, input: ResetPasswordInput): Promise<{ ok: true }> {
  return directReset(ctx, input, 'security');
}

export async function assignUserRoles(ctx: AuthedContext, input: AssignRolesInput) {
  const db = kdb(ctx);
  if (input.id === ctx.user.id) {
    // Nobody grants themselves powers: another security administrator does it.
    await ctx.audit.record({ action: 'users.roles.assign', outcome: 'denied', targetType: 'user', targetId: input.id, detail: { roleIds: input.roleIds, reason: 'self' } });
    throw forbidden(kernelStrings.roles.cannotAssignSelf);
  }
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom('kernel.users')
      .select('id')
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.id)
      .where(orgInScope(trx, ctx.user, 'org_id'))
      .executeTakeFirst();
    if (!target) throw notFound(s.notFound);
    await checkRoles(trx, ctx.tenant.id, input.roleIds, ctx.permissionName);
    await setRoles(trx, ctx.tenant.id, input.id, input.roleIds);
    await trx.updateTable('kernel.users').set({ version: sql`version + 1`, updated_at: new Date() }).where('tenant_id', '=', ctx.tenant.id).where('id', '=', input.id).execute();
    await ctx.audit.record({ action: 'users.roles.assign', targetType: 'user', targetId: input.id, detail: { roleIds: input.roleIds } }, { db: trx });
    return { ok: true as const };
  });
}

export async function unlockUser(ctx: AuthedContext, input: UnlockUserInput) {
  const db = kdb(ctx);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('kernel.users')
      .set({ locked_until: null, failed_attempts: 0 })
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.id)
      .where(orgInScope(trx, ctx.user, 'org_id'))
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw notFound(s.notFound);
    await ctx.audit.record({ action: 'users.unlock', targetType: 'user', targetId: input.id }, { db: trx });
    return { ok: true as const };
  });
}
