import { TRPCError } from '@trpc/server';
import { authedProcedure, badRequest, publicProcedure, z } from '@zhengfa/plugin-api';
import { appendAudit } from '../audit/audit-log.js';
import { kdb } from '../context.js';
import { kernelStrings } from '../strings.js';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { clearSessionCookie, createSession, deleteSession, sessionCookie } from './sessions.js';
import { lockoutPolicy } from './lockout.js';

const s = kernelStrings.auth;

function formatLocalTime(d: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

const signInInput = z.object({
  tenantId: z.string().regex(/^\d{6}$/, kernelStrings.tenants.codeFormat).optional(),
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
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
    const db = kdb(ctx);
    const ip = ctx.request.ip;
    const userAgent = ctx.request.userAgent;
    let tenantId = input.tenantId;
    if (!tenantId) {
      const tenants = await db.selectFrom('kernel.tenants').select('id').limit(2).execute();
      if (tenants.length !== 1) throw badRequest(s.unknownTenant);
      tenantId = tenants[0]!.id;
    }
    const user = await db
      .selectFrom('kernel.users')
      .select(['id', 'username', 'display_name', 'password_hash', 'failed_attempts', 'locked_until', 'disabled'])
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
      .executeTakeFirst();
    const actorBase = { tenantId, ip, userAgent };
    const now = new Date();

    if (!user) {
      await verifyPassword(await dummyPasswordHash(), input.password);
      await appendAudit(db, { ...actorBase, userId: null, userName: null }, {
        action: 'auth.signin',
        outcome: 'failure',
        detail: { username: input.username, reason: 'unknown-user' },
      });
      throw new TRPCError({ code: 'UNAUTHORIZED', message: s.wrongCredentials });
    }
    const actor = { ...actorBase, userId: user.id, userName: user.display_name };
    if (user.disabled) {
      await appendAudit(db, actor, { action: 'auth.signin', outcome: 'failure', detail: { reason: 'disabled' } });
      throw new TRPCError({ code: 'UNAUTHORIZED', message: s.disabled });
    }
    if (user.locked_until && user.locked_until > now) {
      await appendAudit(db, actor, { action: 'auth.signin', outcome: 'failure', detail: { reason: 'locked' } });
      throw new TRPCError({ code: 'UNAUTHORIZED', message: s.locked(formatLocalTime(user.locked_until)) });
    }

    if (!(await verifyPassword(user.password_hash, input.password))) {
      // Count under a row lock so parallel attempts cannot slip past the threshold.
      const outcome = await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('kernel.users')
          .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
          .where('tenant_id', '=', tenantId!)
          .where('id', '=', user.id)
          .returning('failed_attempts')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actor, {
          action: 'auth.signin',
          outcome: 'failure',
          detail: { reason: 'wrong-password', attempt: row.failed_attempts },
        });
        if (row.failed_attempts >= lockoutPolicy.maxFailures) {
          const until = new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000);
          await trx
            .updateTable('kernel.users')
            .set({ locked_until: until, failed_attempts: 0 })
            .where('tenant_id', '=', tenantId!)
            .where('id', '=', user.id)
            .execute();
          await appendAudit(trx, actor, {
            action: 'auth.lock',
            outcome: 'success',
            targetType: 'user',
            targetId: user.id,
            detail: { failures: row.failed_attempts, lockedUntil: until.toISOString(), minutes: lockoutPolicy.lockMinutes },
          });
          return { locked: true as const, remaining: 0 };
        }
        return { locked: false as const, remaining: lockoutPolicy.maxFailures - row.failed_attempts };
      });
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: outcome.locked ? s.lockedNow(lockoutPolicy.lockMinutes) : s.wrongCredentialsRemaining(outcome.remaining),
      });
    }

    const session = await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('kernel.users')
        .set({ failed_attempts: 0, locked_until: null, last_login_at: now })
        .where('tenant_id', '=', tenantId!)
        .where('id', '=', user.id)
        .execute();
      const created = await createSession(trx, { tenantId: tenantId!, userId: user.id, ip, userAgent }, now);
      await appendAudit(trx, actor, { action: 'auth.signin', outcome: 'success' });
      return created;
    });
    ctx.responseHeaders.append('set-cookie', sessionCookie(session.token, { secure: secureCookies() }));
    return { ok: true as const };
  }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await kdb(ctx).transaction().execute(async (trx) => {
      await deleteSession(trx, ctx.sessionId);
      await ctx.audit.record({ action: 'auth.signout' }, { db: trx });
    });
    ctx.responseHeaders.append('set-cookie', clearSessionCookie({ secure: secureCookies() }));
    return { ok: true as const };
  }),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1, '请输入当前密码').max(128), newPassword: z.string().max(128) }))
    .mutation(async ({ ctx, input }) => {
      const db = kdb(ctx);
      const problem = passwordProblem(input.newPassword, ctx.user.username);
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
