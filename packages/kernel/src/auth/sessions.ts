// Server-side sessions. The cookie holds a random token; the database holds only its
// SHA-256, so a leaked database cannot be replayed as cookies. A session ends after
// 30 idle minutes or 12 hours in all, whichever comes first.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SessionUser } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { separatedPermissions } from '../permissions.js';
import type { PrincipalCache } from './principal-cache.js';

export const SESSION_COOKIE = 'zf_session';
export const sessionPolicy = {
  idleMinutes: 30,
  absoluteHours: 12,
  /** last_seen_at is written at most this often, to keep reads cheap. */
  touchEverySeconds: 60,
} as const;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Kysely<KernelDatabase>,
  input: { tenantId: string; userId: string; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newSessionToken();
  const sessionId = sessionIdOf(token);
  const expiresAt = new Date(now.getTime() + sessionPolicy.absoluteHours * 3600_000);
  await db
    .insertInto('kernel.sessions')
    .values({
      id: sessionId,
      tenant_id: input.tenantId,
      user_id: input.userId,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 400) ?? null,
    })
    .execute();
  return { token, sessionId, expiresAt };
}

/** A row of kernel.session_principal(). */
export interface PrincipalRow {
  session_id: string;
  last_seen_at: Date;
  expires_at: Date;
  tenant_id: string;
  tenant_name: string;
  user_id: string;
  username: string;
  display_name: string;
  disabled: boolean;
  must_change_password: boolean;
  org_id: string;
  org_name: string;
  org_path: string;
  org_kind: string;
  role_keys: string[];
  permissions: string[];
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired'; tenantId: string; userId: string; userName: string }
  | { state: 'active'; sessionId: string; user: SessionUser & { tenantName: string } };

/**
 * The session a token names, with its user's principal. With `cache` (reads only: see
 * principal-cache.ts) a principal read in the last seconds is reused; the session's idle
 * and absolute deadlines are checked against `now` either way.
 */
export async function resolveSession(
  db: Kysely<KernelDatabase>,
  token: string | null | undefined,
  now = new Date(),
  cache?: PrincipalCache<PrincipalRow>,
): Promise<SessionLookup> {
  if (!token || token.length > 200) return { state: 'none' };
  const sessionId = sessionIdOf(token);
  let row = cache?.get(sessionId, now.getTime());
  if (!row) {
    // One round trip: session, user, organisation, tenant and the union of role permissions,
    // through a PL/pgSQL function so the statement's plan is cached per connection
    // (migration 0008_session_principal).
    const { rows } = await sql<PrincipalRow>`select * from kernel.session_principal(${sessionId})`.execute(db);
    row = rows[0];
    if (!row) return { state: 'none' };
    cache?.set(sessionId, row, now.getTime());
  }
  const idleDeadline = new Date(row.last_seen_at.getTime() + sessionPolicy.idleMinutes * 60_000);
  if (row.disabled || now > idleDeadline || now > row.expires_at) {
    cache?.delete(sessionId);
    await db.deleteFrom('kernel.sessions').where('tenant_id', '=', row.tenant_id).where('id', '=', sessionId).execute();
    return row.disabled
      ? { state: 'none' }
      : { state: 'expired', tenantId: row.tenant_id, userId: row.user_id, userName: row.display_name };
  }
  if (now.getTime() - row.last_seen_at.getTime() > sessionPolicy.touchEverySeconds * 1000) {
    // The cached row's last_seen_at is now behind the database's: the next request reads it again.
    cache?.delete(sessionId);
    await db.updateTable('kernel.sessions').set({ last_seen_at: now }).where('tenant_id', '=', row.tenant_id).where('id', '=', sessionId).execute();
  }
  return {
    state: 'active',
    sessionId,
    user: {
      id: row.user_id,
      tenantId: row.tenant_id,
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      orgName: row.org_name,
      orgPath: row.org_path,
      committee: row.org_kind === 'committee',
      tenantName: row.tenant_name,
      roleKeys: row.role_keys,
      // The second wall of the separation of duties (permissions.ts): none when the roles combine.
      permissions: new Set(separatedPermissions(row.permissions)),
      mustChangePassword: row.must_change_password,
    },
  };
}

export async function deleteSession(db: Kysely<KernelDatabase>, tenantId: string, sessionId: string): Promise<void> {
  await db.deleteFrom('kernel.sessions').where('tenant_id', '=', tenantId).where('id', '=', sessionId).execute();
}

export function sessionCookie(token: string, opts: { secure: boolean }): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${sessionPolicy.absoluteHours * 3600}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearSessionCookie(opts: { secure: boolean }): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(opts.secure ? ['Secure'] : [])].join('; ');
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}
