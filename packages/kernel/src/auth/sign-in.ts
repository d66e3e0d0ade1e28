// Signing in: a user name and password checked against the county's accounts, with three
// counts that parallel attempts cannot outrun (each attempt is reserved in the database
// before the slow hash; auth/throttle.ts, auth/lockout.ts):
// - per account: the fifth wrong password in a row locks it for 15 minutes;
// - per user name that is no account: the same, so that answers never tell whether a
//   name is an account (the same messages in the same order; an unknown name's password is
//   hashed against a dummy hash so the answer takes as long);
// - per client address: twenty failures within 15 minutes refuse it for 15 minutes,
//   whichever names they tried.
// A disabled account is named as such only to whoever knows its password.
import { TRPCError } from '@trpc/server';
import { badRequest, type RequestContext } from '@zhengfa/plugin-api';
import { appendAudit, PLATFORM_TENANT, type AuditActor } from '../audit/audit-log.js';
import { kdb } from '../context.js';
import { kernelStrings } from '../strings.js';
import { lockoutPolicy, reserveAccountAttempt } from './lockout.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createSession } from './sessions.js';
import { addressSubject, releaseAttempt, reserveAttempt, type Reservation, type ThrottleKey, type ThrottleRule } from './throttle.js';

const s = kernelStrings.auth;

/** Per client address, across accounts, names and counties. */
export const addressThrottlePolicy = {
  maxFailures: 20,
  lockMinutes: 15,
  windowMinutes: 15,
} as const satisfies ThrottleRule;

export interface SignInInput {
  tenantId?: string | undefined;
  username: string;
  password: string;
}

function formatLocalTime(d: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
}

const refused = (message: string, code: 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS' = 'UNAUTHORIZED') => new TRPCError({ code, message });

/** Checks the credentials and returns the new session's token; throws a Chinese refusal. */
export async function signIn(ctx: RequestContext, input: SignInInput, now = ctx.now()): Promise<{ token: string }> {
  const db = kdb(ctx);
  const { ip, userAgent } = ctx.request;
  const tenantId = await tenantOf(ctx, input.tenantId);
  const actorBase = { tenantId, ip, userAgent };

  // The address first: a refused address spends nothing of an account's count.
  const addressKey: ThrottleKey = { tenantId: PLATFORM_TENANT, kind: 'address', subject: addressSubject(ip) };
  const address = await reserveAttempt(db, addressKey, addressThrottlePolicy, now);
  if (!address.ok) {
    await appendAudit(db, { ...actorBase, userId: null, userName: null }, {
      action: 'auth.signin',
      outcome: 'failure',
      detail: { username: input.username, reason: 'address-throttled' },
    });
    throw refused(s.addressThrottled(formatLocalTime(address.lockedUntil)), 'TOO_MANY_REQUESTS');
  }
  const releaseAddress = () => releaseAttempt(db, addressKey, addressThrottlePolicy, address);

  const user = await db
    .selectFrom('kernel.users')
    .select(['id', 'display_name', 'password_hash', 'locked_until', 'disabled'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
    .executeTakeFirst();
  const actor: AuditActor = user ? { ...actorBase, userId: user.id, userName: user.display_name } : { ...actorBase, userId: null, userName: null };
  const nameKey: ThrottleKey = { tenantId, kind: 'username', subject: input.username.toLowerCase() };

  // A lock seen on the row refuses without a write; otherwise the reservation decides.
  const attempt: Reservation =
    user?.locked_until && user.locked_until > now
      ? { ok: false, lockedUntil: user.locked_until }
      : user
        ? await reserveAccountAttempt(db, { tenantId, userId: user.id }, now)
        : await reserveAttempt(db, nameKey, lockoutPolicy, now);
  if (!attempt.ok) {
    await releaseAddress();
    await appendAudit(db, actor, {
      action: 'auth.signin',
      outcome: 'failure',
      detail: user ? { reason: 'locked' } : { username: input.username, reason: 'unknown-user-locked' },
    });
    throw refused(s.locked(formatLocalTime(attempt.lockedUntil)));
  }

  const right = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !right) {
    // The reservation stays: it is this failure. The one that reached the limit set the lock.
    const locks = attempt.failures >= lockoutPolicy.maxFailures;
    await db.transaction().execute(async (trx) => {
      await appendAudit(trx, actor, {
        action: 'auth.signin',
        outcome: 'failure',
        detail: user
          ? { reason: 'wrong-password', attempt: attempt.failures }
          : { username: input.username, reason: 'unknown-user', attempt: attempt.failures },
      });
      if (user && locks) {
        await appendAudit(trx, actor, {
          action: 'auth.lock',
          outcome: 'success',
          targetType: 'user',
          targetId: user.id,
          detail: { failures: attempt.failures, lockedUntil: attempt.lockedUntil?.toISOString(), minutes: lockoutPolicy.lockMinutes },
        });
      }
    });
    throw refused(locks ? s.lockedNow(lockoutPolicy.lockMinutes) : s.wrongCredentials(lockoutPolicy.maxFailures, lockoutPolicy.lockMinutes));
  }

  // The right password: the account's count starts again, the address gets its attempt back.
  if (user.disabled) {
    await db.updateTable('kernel.users').set({ failed_attempts: 0, locked_until: null }).where('tenant_id', '=', tenantId).where('id', '=', user.id).execute();
    await releaseAddress();
    await appendAudit(db, actor, { action: 'auth.signin', outcome: 'failure', detail: { reason: 'disabled' } });
    throw refused(s.disabled);
  }
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('kernel.users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: now })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', user.id)
      .execute();
    const created = await createSession(trx, { tenantId, userId: user.id, ip, userAgent }, now);
    await appendAudit(trx, actor, { action: 'auth.signin', outcome: 'success' });
    return created;
  });
  await releaseAddress();
  return { token: session.token };
}

/** The county signed in to: the one named, or the only one. */
async function tenantOf(ctx: RequestContext, named: string | undefined): Promise<string> {
  const db = kdb(ctx);
  if (named) {
    const tenant = await db.selectFrom('kernel.tenants').select('id').where('id', '=', named).executeTakeFirst();
    if (!tenant) throw badRequest(s.unknownTenant);
    return tenant.id;
  }
  const tenants = await db.selectFrom('kernel.tenants').select('id').limit(2).execute();
  if (tenants.length !== 1) throw badRequest(s.unknownTenant);
  return tenants[0]!.id;
}
