// Failed sign-ins counted in the database (kernel.sign_in_throttle, migration 0018), so that
// every server process sees the same count: per client address, and per user name that is
// no account (auth/lockout.ts counts accounts on kernel.users by the same rule).
//
// An attempt is *reserved* before its password is checked: one statement adds it to the
// count unless the subject is locked, and the reservation that reaches the limit sets the
// lock. However many attempts run in parallel, at most `maxFailures` are checked per lock
// period. A wrong password keeps its reservation (it is the failure); an attempt that was
// not a failure (a right password, or one refused for another reason before the check)
// gives it back with `releaseAttempt`.
import { isIPv4, isIPv6 } from 'node:net';
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';

export interface ThrottleRule {
  /** Failures (and attempts being checked) that lock the subject. */
  maxFailures: number;
  lockMinutes: number;
  /** Failures older than this stop counting; null: they count until a lock or a success. */
  windowMinutes: number | null;
}

export interface ThrottleKey {
  tenantId: string;
  kind: 'address' | 'username';
  subject: string;
}

export type Reservation =
  | { ok: true; failures: number; countingSince: Date; lockedUntil: Date | null }
  | { ok: false; lockedUntil: Date };

/** Throttle rows are deleted this long after their last attempt and their lock. */
export const THROTTLE_KEPT_HOURS = 24;

/**
 * Adds one attempt to the subject's count, or refuses when the subject is locked. The count
 * starts again once a lock has expired or (with a window) its first failure is older than
 * the window.
 */
export async function reserveAttempt(db: Kysely<KernelDatabase>, key: ThrottleKey, rule: ThrottleRule, now: Date): Promise<Reservation> {
  const lockUntil = new Date(now.getTime() + rule.lockMinutes * 60_000);
  const windowStart = rule.windowMinutes === null ? null : new Date(now.getTime() - rule.windowMinutes * 60_000);
  // In the update, a row past the `where` is not locked: a lock it still carries has expired.
  const { rows } = await sql<{ failures: number; counting_since: Date; locked_until: Date | null }>`
    insert into kernel.sign_in_throttle as t (tenant_id, kind, subject, failures, counting_since, last_attempt_at, locked_until)
    values (${key.tenantId}, ${key.kind}, ${key.subject}, 1, ${now}, ${now}, case when 1 >= ${rule.maxFailures}::int then ${lockUntil}::timestamptz end)
    on conflict (tenant_id, kind, subject) do update set
      failures = case when t.locked_until is not null or t.counting_since <= ${windowStart}::timestamptz then 1 else t.failures + 1 end,
      counting_since = case when t.locked_until is not null or t.counting_since <= ${windowStart}::timestamptz then excluded.counting_since else t.counting_since end,
      last_attempt_at = excluded.last_attempt_at,
      locked_until = case
        when (case when t.locked_until is not null or t.counting_since <= ${windowStart}::timestamptz then 1 else t.failures + 1 end) >= ${rule.maxFailures}::int
        then ${lockUntil}::timestamptz end
      where t.locked_until is null or t.locked_until <= ${now}::timestamptz
    returning failures, counting_since, locked_until`.execute(db);
  const row = rows[0];
  if (row) return { ok: true, failures: row.failures, countingSince: row.counting_since, lockedUntil: row.locked_until };
  const locked = await db
    .selectFrom('kernel.sign_in_throttle')
    .select('locked_until')
    .where('tenant_id', '=', key.tenantId)
    .where('kind', '=', key.kind)
    .where('subject', '=', key.subject)
    .executeTakeFirst();
  // Nothing but a lock refuses the upsert; a lock lifted since then is reported as just ended.
  return { ok: false, lockedUntil: locked?.locked_until ?? now };
}

/**
 * Gives back a reservation that was not a failure. A lock that reservation set is lifted
 * with it; a count that started again since (`countingSince` differs) is left alone.
 */
export async function releaseAttempt(db: Kysely<KernelDatabase>, key: ThrottleKey, rule: ThrottleRule, reserved: { countingSince: Date }): Promise<void> {
  await sql`
    update kernel.sign_in_throttle set
      failures = failures - 1,
      locked_until = case when failures - 1 >= ${rule.maxFailures}::int then locked_until end
    where tenant_id = ${key.tenantId} and kind = ${key.kind} and subject = ${key.subject}
      and counting_since = ${reserved.countingSince}::timestamptz and failures > 0`.execute(db);
}

/** Deletes the rows whose last attempt and lock are more than a day old. Returns how many. */
export async function pruneSignInThrottle(db: Kysely<KernelDatabase>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - THROTTLE_KEPT_HOURS * 3600_000);
  const r = await db
    .deleteFrom('kernel.sign_in_throttle')
    .where('last_attempt_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * The subject an address is counted under: an IPv4 address as it is (also when written as
 * IPv6, `::ffff:1.2.3.4`), an IPv6 address by its /64 network (one host is usually given
 * a whole /64, so counting single addresses would count nothing), anything else as one
 * "unknown" source.
 */
export function addressSubject(ip: string | null | undefined): string {
  const raw = ip?.trim() ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (isIPv4(raw)) return raw;
  const bare = raw.replace(/%.*$/, '');
  if (isIPv6(bare)) return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
  return 'unknown';
}

/** The eight 16-bit groups of an IPv6 address, in lower case without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part stands for the last two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (v4) {
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16).toString(16));
}
