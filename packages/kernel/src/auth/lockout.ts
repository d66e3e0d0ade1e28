// Failed sign-ins of an account: the fifth wrong password in a row locks it for 15 minutes.
// The count lives on kernel.users (failed_attempts, locked_until), where the security
// administrator sees and lifts locks (users.unlock).
//
// As with addresses (auth/throttle.ts), an attempt is reserved before its password is
// checked: one UPDATE adds it to the count unless the account is locked, and the
// reservation that reaches the fifth sets the lock. However many sign-ins run in parallel,
// at most five passwords are checked per lock period. A right password resets the count.
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import type { Reservation, ThrottleRule } from './throttle.js';

/** Accounts count failures until a lock or a success, whenever they happened. */
export const lockoutPolicy = {
  maxFailures: 5,
  lockMinutes: 15,
  windowMinutes: null,
} as const satisfies ThrottleRule;

/**
 * Adds one attempt to the account's count, or refuses when the account is locked. The count
 * starts again once a lock has expired.
 */
export async function reserveAccountAttempt(
  db: Kysely<KernelDatabase>,
  account: { tenantId: string; userId: string },
  now: Date,
): Promise<Reservation> {
  const lockUntil = new Date(now.getTime() + lockoutPolicy.lockMinutes * 60_000);
  // Past the `where`, a lock the row still carries has expired: the count starts again.
  const { rows } = await sql<{ failed_attempts: number; locked_until: Date | null }>`
    update kernel.users set
      failed_attempts = case when locked_until is not null then 1 else failed_attempts + 1 end,
      locked_until = case
        when (case when locked_until is not null then 1 else failed_attempts + 1 end) >= ${lockoutPolicy.maxFailures}::int
        then ${lockUntil}::timestamptz end
    where tenant_id = ${account.tenantId} and id = ${account.userId}
      and (locked_until is null or locked_until <= ${now}::timestamptz)
    returning failed_attempts, locked_until`.execute(db);
  const row = rows[0];
  if (row) return { ok: true, failures: row.failed_attempts, countingSince: now, lockedUntil: row.locked_until };
  const locked = await db
    .selectFrom('kernel.users')
    .select('locked_until')
    .where('tenant_id', '=', account.tenantId)
    .where('id', '=', account.userId)
    .executeTakeFirst();
  return { ok: false, lockedUntil: locked?.locked_until ?? now };
}
