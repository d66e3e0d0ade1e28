// What every procedure, event handler and job receives from the kernel.
import type { Kysely } from 'kysely';

export interface TenantInfo {
  /** The county's administrative code (GB/T 2260), e.g. '431121'. */
  id: string;
  name: string;
}

export interface SessionUser {
  id: string;
  tenantId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  /** Materialised path of the user's organisation, e.g. '/<root>/<unit>/'. */
  orgPath: string;
  /** True for users of the committee: their data scope is the whole tenant. */
  committee: boolean;
  roleKeys: string[];
  permissions: ReadonlySet<string>;
  mustChangePassword: boolean;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  /** Dotted action key, e.g. 'users.create', 'petitions.visit.register'. */
  action: string;
  targetType?: string;
  targetId?: string;
  /** Facts worth keeping; never passwords or unmasked personal data. */
  detail?: Record<string, unknown>;
  outcome?: AuditOutcome;
}

export interface AuditWriter {
  /**
   * Appends to the tamper-evident audit log. Pass the transaction of the change so the
   * audit row commits (or rolls back) with it.
   */
  record(entry: AuditEntry, opts?: { db?: Kysely<any> }): Promise<void>;
}

export interface EventPublisher {
  /**
   * Writes an event to the kernel's outbox in the given transaction; subscribers receive
   * it at least once after the transaction commits.
   */
  emit(name: string, payload: Record<string, unknown>, opts?: { db?: Kysely<any> }): Promise<void>;
}

export interface RequestInfo {
  id: string;
  ip: string | null;
  userAgent: string | null;
}

export interface RequestContext {
  db: Kysely<any>;
  tenant: TenantInfo | null;
  user: SessionUser | null;
  sessionId: string | null;
  /** True when the signed-in user holds the permission. */
  can(permission: string): boolean;
  /** Display name of a permission key, for messages. */
  permissionName(permission: string): string;
  audit: AuditWriter;
  events: EventPublisher;
  request: RequestInfo;
  /** Headers added to the HTTP response (cookies). */
  responseHeaders: Headers;
}

/** The context after authentication: tenant and user are present. */
export interface AuthedContext extends RequestContext {
  tenant: TenantInfo;
  user: SessionUser;
  sessionId: string;
}
