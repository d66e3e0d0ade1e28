// Builds the per-request context every procedure receives: who is signed in, in which
// tenant, with which permissions, and audit/event writers bound to them.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthedContext, RequestContext } from '@zhengfa/plugin-api';
import { appendAudit, auditActorOf, type AuditActor } from './audit/audit-log.js';
import type { PrincipalCache } from './auth/principal-cache.js';
import { readCookie, resolveSession, SESSION_COOKIE, type PrincipalRow } from './auth/sessions.js';
import type { KernelDatabase } from './db/schema.js';
import { createEventPublisher } from './events/outbox.js';
import { createKernelApi } from './kernel-api.js';
import type { PluginHost } from './plugin-host/host.js';

export interface RequestInput {
  headers: Headers;
  ip?: string | null;
  responseHeaders?: Headers;
  /**
   * The HTTP method. Only a read (GET or HEAD) may reuse a recently resolved session
   * (auth/principal-cache.ts); any other method, or none, reads it fresh, and a write
   * empties the cache first.
   */
  method?: string;
  /**
   * The instant the session's idle and absolute deadlines are checked at (auth/sessions.ts);
   * the current time unless a test sets it.
   */
  now?: Date;
}

export interface KernelContextDeps {
  db: Kysely<any>;
  host: PluginHost;
  principals?: PrincipalCache<PrincipalRow>;
}

export function isReadMethod(method: string | undefined): boolean {
  return method === 'GET' || method === 'HEAD';
}

export function kdb(ctx: { db: Kysely<any> }): Kysely<KernelDatabase> {
  return ctx.db as unknown as Kysely<KernelDatabase>;
}

export async function createRequestContext(deps: KernelContextDeps, input: RequestInput): Promise<RequestContext> {
  const db = deps.db as unknown as Kysely<KernelDatabase>;
  // The server decides which address to believe (apps/server/src/client-address.ts): a
  // header the client wrote is never read here.
  const ip = input.ip ?? null;
  const userAgent = input.headers.get('user-agent');
  const token = readCookie(input.headers.get('cookie'), SESSION_COOKIE);
  const read = isReadMethod(input.method);
  if (!read && input.method) deps.principals?.clear();
  const lookup = await resolveSession(db, token, input.now ?? new Date(), read ? deps.principals : undefined);

  let self: RequestContext | null = null;
  const kernel = createKernelApi(() => self!, deps.host);
  const base = {
    db: deps.db,
    kernel,
    request: { id: randomUUID(), ip, userAgent },
    responseHeaders: input.responseHeaders ?? new Headers(),
    permissionName: (key: string) => deps.host.permissionName(key),
  };

  if (lookup.state === 'expired') {
    await appendAudit(deps.db, { tenantId: lookup.tenantId, userId: lookup.userId, userName: lookup.userName, ip, userAgent }, {
      action: 'auth.session.expired',
      outcome: 'success',
    });
  }

  if (lookup.state !== 'active') {
    const actor: AuditActor = { tenantId: null, userId: null, userName: null, ip, userAgent };
    return (self = {
      ...base,
      tenant: null,
      user: null,
      sessionId: null,
      can: () => false,
      audit: { record: (entry, opts) => appendAudit(opts?.db ?? deps.db, actor, entry) },
      events: createEventPublisher(deps.db, null),
    });
  }

  const { tenantName, ...user } = lookup.user;
  const tenant = { id: user.tenantId, name: tenantName };
  const ctx: AuthedContext = {
    ...base,
    tenant,
    user,
    sessionId: lookup.sessionId,
    can: (perm) => user.permissions.has(perm),
    audit: { record: (entry, opts) => appendAudit(opts?.db ?? deps.db, auditActorOf(ctx), entry) },
    events: createEventPublisher(deps.db, tenant.id),
  };
  self = ctx;
  return ctx;
}
