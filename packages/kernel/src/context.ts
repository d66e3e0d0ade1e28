// Builds the per-request context every procedure receives: who is signed in, in which
// tenant, with which permissions, and audit/event writers bound to them.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuthedContext, RequestContext, Vault } from '@zhengfa/plugin-api';
import { appendAudit, auditActorOf, type AuditActor } from './audit/audit-log.js';
import type { PrincipalCache } from './auth/principal-cache.js';
import { readCookie, resolveSession, SESSION_COOKIE, type PrincipalRow } from './auth/sessions.js';
import type { KernelDatabase } from './db/schema.js';
import { createEventPublisher } from './events/outbox.js';
import { asKernel, inCounty, kernelSide } from './db/walls.js';
import { createKernelApi } from './kernel-api.js';
import type { PluginHost } from './plugin-host/host.js';
import { systemClock, type Clock } from './time/clock.js';
import { createModuleGate } from './system/county-modules.js';

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
   * the kernel clock's current time unless a test sets it.
   */
  now?: Date;
}

export interface KernelContextDeps {
  db: Kysely<any>;
  host: PluginHost;
  /** Where attachments' content lives, for ctx.kernel.attachments.open. */
  filesDir?: string;
  vault: Vault;
  principals?: PrincipalCache<PrincipalRow>;
  /** The kernel's clock (time/clock.ts); the system clock when absent. */
  clock?: Clock;
  /** Run signed-in requests behind the database walls (db/walls.ts); default true. */
  walls?: boolean;
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
  const clock = deps.clock ?? systemClock;
  const lookup = await resolveSession(db, token, input.now ?? clock.now(), read ? deps.principals : undefined);

  // A plugin's procedure emits only its own events (trpc.ts binds ctx.events to its path).
  const emitters = { plugins: deps.host.enabled.map((p) => p.id) };
  let self: RequestContext | null = null;
  // What a plugin's procedure asks of the kernel runs as the kernel again (db/walls.ts).
  const kernel = kernelSide(createKernelApi(() => self!, deps.host, { filesDir: deps.filesDir }));
  const base = {
    db: deps.db,
    kernel,
    vault: deps.vault,
    request: { id: randomUUID(), ip, userAgent },
    responseHeaders: input.responseHeaders ?? new Headers(),
    permissionName: (key: string) => deps.host.permissionName(key),
    now: () => clock.now(),
    checkModule: createModuleGate(deps.db, deps.host, () => self?.tenant?.id ?? null),
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
      events: createEventPublisher(deps.db, null, deps.host.events, emitters),
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
    audit: { record: (entry, opts) => asKernel(opts?.db, () => appendAudit(opts?.db ?? deps.db, auditActorOf(ctx), entry)) },
    events: kernelSide(createEventPublisher(deps.db, tenant.id, deps.host.events, emitters)),
    ...(deps.walls === false ? {} : { inCounty: <T>(path: string, fn: () => Promise<T>) => inCounty(deps.host, tenant.id, path, fn) }),
  };
  self = ctx;
  return ctx;
}
