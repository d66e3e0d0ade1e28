// Who may reset whose password (三员分立). The system administrator resets ordinary
// accounts and other system administrators, never an account holding security or audit
// duties: otherwise it could reset the audit administrator's password, sign in as them and
// read the whole log, or take the security administrator's and grant itself any role.
// - An audit administrator's password is reset by the security administrator.
// - A security administrator's password is reset by a request (from the system or another
//   security administrator) that the audit administrator countersigns: the countersign
//   issues a temporary password, shown once to the countersigner, that must be changed at
//   the next sign-in. A request lapses after RESET_REQUEST_HOURS.
// - On the server, `pnpm zhengfa reset-password --username X` resets any account directly:
//   whoever runs it already holds the database.
// Every step, refusals included, is audited.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import type { KernelDatabase } from '../db/schema.js';
import { dutiesOf, type AdminDuty } from '../permissions.js';
import { kernelStrings } from '../strings.js';

/** How long a request to reset a security administrator's password waits for its countersign. */
export const RESET_REQUEST_HOURS = 24;

/** The administrator duties a user's roles hold together. */
export async function dutiesOfUser(db: Kysely<KernelDatabase>, tenantId: string, userId: string): Promise<AdminDuty[]> {
  const rows = await db
    .selectFrom('kernel.user_roles as ur')
    .innerJoin('kernel.roles as r', (j) => j.onRef('r.tenant_id', '=', 'ur.tenant_id').onRef('r.id', '=', 'ur.role_id'))
    .select('r.permissions')
    .where('ur.tenant_id', '=', tenantId)
    .where('ur.user_id', '=', userId)
    .execute();
  return dutiesOf(rows.flatMap((r) => r.permissions));
}

/**
 * Why a direct reset (no countersign) of an account holding `targetDuties` is refused to the
 * system administrator (`users.resetPassword`, which needs users.manage) or the security
 * administrator (`users.resetAuditorPassword`, security.manage); null when it is allowed.
 */
export function directResetRefusal(by: 'system' | 'security', targetDuties: readonly AdminDuty[]): string | null {
  const s = kernelStrings.users;
  if (targetDuties.includes('security')) return s.resetSecurityNeedsCountersign;
  if (by === 'system') return targetDuties.includes('audit') ? s.resetAuditorNeedsSecurityAdmin : null;
  return targetDuties.includes('audit') ? null : s.securityResetsOnlyAuditors;
}

/** A temporary password that meets the password policy (three classes, 17 characters). */
export function temporaryPassword(username: string): string {
  for (;;) {
    const candidate = `Zf-${randomBytes(9).toString('base64url')}9a`;
    if (!passwordProblem(candidate, username)) return candidate;
  }
}

/** Sets a user's password to one that must be changed at the next sign-in, and ends their sessions. */
export async function setResetPassword(db: Kysely<KernelDatabase>, tenantId: string, userId: string, hashed: string): Promise<void> {
  await db
    .updateTable('kernel.users')
    .set((eb) => ({ password_hash: hashed, must_change_password: true, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('kernel.sessions').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

export interface ServerReset {
  tenantId: string;
  username: string;
  displayName: string;
  password: string;
}

/**
 * `pnpm zhengfa reset-password`: gives any account a temporary password, on the server's
 * own authority, audited under the server's command line as the actor. `tenantId` may be
 * left out when the database holds one county.
 */
export async function resetPasswordOnServer(db: Kysely<KernelDatabase>, input: { tenantId?: string; username: string }): Promise<ServerReset> {
  const s = kernelStrings.passwordResets;
  let tenantId = input.tenantId;
  if (!tenantId) {
    const tenants = await db.selectFrom('kernel.tenants').select('id').limit(2).execute();
    if (tenants.length !== 1) throw new Error(s.serverNeedsTenant);
    tenantId = tenants[0]!.id;
  } else if (!(await db.selectFrom('kernel.tenants').select('id').where('id', '=', tenantId).executeTakeFirst())) {
    throw new Error(s.serverUnknownTenant(tenantId));
  }
  const user = await db
    .selectFrom('kernel.users')
    .select(['id', 'username', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.trim().toLowerCase()))
    .executeTakeFirst();
  if (!user) throw new Error(s.serverUnknownUser(input.username, tenantId));
  const password = temporaryPassword(user.username);
  const hashed = await hashPassword(password);
  const tenant = tenantId;
  await db.transaction().execute(async (trx) => {
    await setResetPassword(trx, tenant, user.id, hashed);
    await appendAudit(trx, { tenantId: tenant, userId: null, userName: kernelStrings.audit.serverActor, ip: null, userAgent: null }, {
      action: 'users.password.reset.server',
      targetType: 'user',
      targetId: user.id,
      detail: { username: user.username, duties: await dutiesOfUser(trx, tenant, user.id) },
    });
  });
  return { tenantId: tenant, username: user.username, displayName: user.display_name, password };
}
