// What a plugin job acts as: the system (系统), not a user, for one county at a time. Its
// ctx.kernel is the plugin API (kernel-api.ts) over a context whose "user" is the system:
// the whole county in scope, only the operations the job declares (JobDefinition.kernelAccess),
// audit rows with no user id and the name 系统, case timelines naming 系统.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { BIND_KERNEL, type AuditWriter, type AuthedContext, type KernelApi, type SessionUser, type Vault } from '@zhengfa/plugin-api';
import { appendAudit, type AuditActor } from '../audit/audit-log.js';
import { SYSTEM_ACTOR_ID } from '../auth/system-actor.js';
import type { KernelDatabase } from '../db/schema.js';
import { createEventPublisher } from '../events/outbox.js';
import { createKernelApi } from '../kernel-api.js';
import type { PluginHost } from '../plugin-host/host.js';
import { kernelApiStrings as s } from '../strings.js';

export { SYSTEM_ACTOR_ID };

export interface SystemJob {
  /** `<plugin id>.<job name>`. */
  key: string;
  operations: readonly string[];
}

export interface SystemSide {
  kernel: KernelApi;
  audit: AuditWriter;
}

/**
 * The kernel and audit writer a job's run in county `tenantId` receives, bound to the job's
 * transaction `trx`. The county's root organisation stands as the system's own.
 */
export async function systemSide(
  trx: Kysely<any>,
  host: PluginHost,
  job: SystemJob,
  tenantId: string,
  env: { now: Date; vault?: Vault | undefined; filesDir?: string | undefined },
): Promise<SystemSide> {
  const k = trx as unknown as Kysely<KernelDatabase>;
  const tenant = await k.selectFrom('kernel.tenants').select(['id', 'name']).where('id', '=', tenantId).executeTakeFirstOrThrow();
  const root = await k
    .selectFrom('kernel.orgs')
    .select(['id', 'name', 'path'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', 'is', null)
    .orderBy('path')
    .executeTakeFirst();
  const grant = `(job) ${job.key}`;
  const actor: AuditActor = { tenantId, userId: null, userName: s.system, ip: null, userAgent: null };
  const audit: AuditWriter = { record: (entry, opts) => appendAudit(opts?.db ?? trx, actor, entry) };
  const user: SessionUser = {
    id: SYSTEM_ACTOR_ID,
    tenantId,
    username: 'system',
    displayName: s.system,
    orgId: root?.id ?? SYSTEM_ACTOR_ID,
    orgName: root?.name ?? s.system,
    orgPath: root?.path ?? '/',
    committee: true,
    roleKeys: [],
    permissions: new Set([grant]),
    mustChangePassword: false,
  };
  const noVault = () => {
    throw new Error(`job ${job.key}: no vault in this background pass`);
  };
  const ctx: AuthedContext = {
    db: trx,
    tenant: { id: tenant.id, name: tenant.name },
    user,
    sessionId: grant,
    can: (p) => p === grant,
    permissionName: (p) => (p === grant ? job.key : host.permissionName(p)),
    audit,
    events: createEventPublisher(trx, tenantId, host.events),
    request: { id: randomUUID(), ip: null, userAgent: null },
    responseHeaders: new Headers(),
    kernel: null as unknown as KernelApi,
    now: () => env.now,
    vault: env.vault ?? (new Proxy({}, { get: noVault }) as Vault),
  };
  const granting: PluginHost = { ...host, kernelAccess: new Map([[grant, new Set(job.operations)]]) };
  const unbound = createKernelApi(() => ctx, granting, { filesDir: env.filesDir, undeclared: (operation) => s.jobUndeclared(operation, job.key) });
  const kernel = unbound[BIND_KERNEL]!([grant]);
  ctx.kernel = kernel;
  return { kernel, audit };
}
