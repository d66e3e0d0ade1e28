import { authedProcedure, badRequest, field as f, publicProcedure, z } from '@zhengfa/plugin-api';
import { kdb } from '../context.js';
import { fieldNames as n, kernelStrings } from '../strings.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { clearSessionCookie, deleteSession, sessionCookie } from './sessions.js';
import { signIn } from './sign-in.js';

const s = kernelStrings.auth;

const signInInput = z.object({
  tenantId: f.text(n.tenantId, { max: 6 }).regex(/^\d{6}$/, kernelStrings.tenants.codeFormat).optional(),
  username: f.text(n.username, { min: 1, max: 64 }),
  password: f.secret(n.password, { min: 1, max: 128 }),
});

export const authRouter = {
  /** Tenants for the sign-in form's county picker (shown when there is more than one). */
  tenants: publicProcedure.query(async ({ ctx }) => {
    return kdb(ctx).selectFrom('kernel.tenants').select(['id', 'name']).orderBy('id').execute();
  }),

  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.user || !ctx.tenant) return null;
    return {
      tenant: ctx.tenant,
      user: {
        id: ctx.user.id,
        username: ctx.user.username,
        displayName: ctx.user.displayName,
        orgId: ctx.user.orgId,
        orgName: ctx.user.orgName,
        committee: ctx.user.committee,
        roleKeys: ctx.user.roleKeys,
        permissions: [...ctx.user.permissions].sort(),
        mustChangePassword: ctx.user.mustChangePassword,
      },
    };
  }),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const { token } = await signIn(ctx, input);
    ctx.responseHeaders.append('set-cookie', sessionCookie(token, { secure: secureCookies() }));
    return { ok: true as const };
  }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await kdb(ctx).transaction().execute(async (trx) => {
      await deleteSession(trx, ctx.tenant.id, ctx.sessionId);
      await ctx.audit.record({ action: 'auth.signout' }, { db: trx });
    });
    ctx.responseHeaders.append('set-cookie', clearSessionCookie({ secure: secureCookies() }));
    return { ok: true as const };
  }),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: f.secret(n.currentPassword, { min: 1, max: 128 }), newPassword: f.secret(n.newPassword, { max: 128 }) }))
    .mutation(async ({ ctx, input }) => {
      const db = kdb(ctx);
      const problem = passwordProblem(input.newPassword, ctx.user.username, ctx.tenant);
      if (problem) throw badRequest(problem);
      if (input.currentPassword === input.newPassword) throw badRequest(s.samePassword);
      const row = await db
        .selectFrom('kernel.users')
        .select('password_hash')
        .where('tenant_id', '=', ctx.tenant.id)
        .where('id', '=', ctx.user.id)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
        await ctx.audit.record({ action: 'auth.password.change', outcome: 'failure', detail: { reason: 'wrong-current' } });
        throw badRequest(s.wrongCurrentPassword);
      }
      const hashed = await hashPassword(input.newPassword);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('kernel.users')
          .set((eb) => ({
            password_hash: hashed,
            must_change_password: false,
            password_changed_at: new Date(),
            updated_at: new Date(),
            version: eb('version', '+', 1),
          }))
          .where('tenant_id', '=', ctx.tenant.id)
          .where('id', '=', ctx.user.id)
          .execute();
        // Other sessions of this user end; this one stays.
        await trx
          .deleteFrom('kernel.sessions')
          .where('tenant_id', '=', ctx.tenant.id)
          .where('user_id', '=', ctx.user.id)
          .where('id', '!=', ctx.sessionId)
          .execute();
        await ctx.audit.record({ action: 'auth.password.change', targetType: 'user', targetId: ctx.user.id }, { db: trx });
      });
      return { ok: true as const };
    }),
};

let secure = false;
/** Whether session cookies carry the Secure flag (set from configuration at boot). */
export function setSecureCookies(value: boolean): void {
  secure = value;
}
function secureCookies(): boolean {
  return secure;
}
