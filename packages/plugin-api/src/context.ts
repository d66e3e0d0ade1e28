// What every procedure, event handler and job receives from the kernel.
import type { Kysely } from 'kysely';
import type { Vault } from './vault.js';

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

/**
 * Binds a publisher to the code that emits with it: given a procedure's path (or a
 * permission key), the publisher of the plugin owning it emits only that plugin's own
 * events. The procedures call it (plugins never need to); a bound publisher has none.
 */
export const BIND_EVENTS: unique symbol = Symbol.for('zhengfa.events.bindToEmitter');

export interface EventPublisher {
  /**
   * Writes an event to the kernel's outbox in the given transaction; subscribers receive
   * it at least once after the transaction commits. A plugin emits only the events it
   * declares in its own `events`: another plugin's or the kernel's is refused.
   */
  emit(name: string, payload: Record<string, unknown>, opts?: { db?: Kysely<any> }): Promise<void>;
  /** @internal See BIND_EVENTS. */
  readonly [BIND_EVENTS]?: (pathOrPermission: string) => EventPublisher;
}

export interface RequestInfo {
  id: string;
  ip: string | null;
  userAgent: string | null;
}

export type Urgency = 'normal' | 'urgent' | 'critical';

export interface CasePartyInput {
  role?: string;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface CaseRegistration {
  /** A kind the plugin declared in `caseKinds`. */
  kind: string;
  title: string;
  summary?: string;
  /** letter | visit | online | phone | leader_instruction | higher_assignment | inspection | unit_report */
  source: string;
  urgency?: Urgency;
  isKey?: boolean;
  receivedOn?: string;
  parties?: CasePartyInput[];
  /** Same key, same case: a retried request never registers twice. */
  idempotencyKey?: string;
  /**
   * A past matter already concluded (e.g. from an imported ledger): registered directly
   * as 已办结 on its received date, with no statutory clocks, cadence or reminders.
   */
  historical?: boolean;
  /**
   * A permission key of the registering plugin (e.g. 'petitions.accusations') that guards the
   * case's material: its summary, parties, attachments and the committee's notes and dispatch
   * records are shown only to committee users holding it, never to a unit or to another
   * committee user, in any page, procedure, download, export, search or document. The title
   * stays visible (it must not name anyone). Set at registration; it cannot be lifted.
   */
  restrictedTo?: string;
}

export interface KernelCase {
  id: string;
  docNo: string;
  kind: string;
  title: string;
  status: string;
  statusName: string;
  urgency: Urgency;
  leadUnitId: string | null;
  leadUnitName: string | null;
  deadline: string | null;
  /** The case's material is restricted to a permission (CaseRegistration.restrictedTo). */
  restricted: boolean;
  version: number;
  clocks: { id: string; key: string; name: string; dueOn: string | null; paused: boolean; stoppedOn: string | null; version: number }[];
}

export interface FourFixesInput {
  id: string;
  version: number;
  leadLeaderId: string;
  handlerName: string;
  handlerPhone?: string | null;
  resolutionPlan: string;
  deadline: string;
  leadUnitId: string;
  cooperatingUnitIds?: string[];
}

export interface CaseTransitionInput {
  id: string;
  version: number;
  action:
    | 'submitForApproval'
    | 'approve'
    | 'assign'
    | 'acknowledge'
    | 'reportProgress'
    | 'transfer'
    | 'submitResult'
    | 'review'
    | 'returnForRework'
    | 'withdraw'
    | 'archive'
    | 'reopen';
  comment?: string;
  toUnitId?: string;
  report?: string;
  attachmentIds?: string[];
}

/** Pass the plugin's transaction so kernel writes commit with the plugin's own. */
export interface InTransaction {
  db?: Kysely<any>;
}

export interface KernelOrg {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  level: string;
  disabled: boolean;
}

export interface KernelUser {
  id: string;
  displayName: string;
  orgId: string;
  orgName: string;
}

export interface KernelAttachment {
  id: string;
  name: string;
  size: number;
  mime: string;
  uploadedAt: Date;
}

/** A case-changing verb of `KernelOperation`: a transition's action, or one of the case's own. */
export type KernelCaseVerb = 'read' | 'register' | 'link' | 'clocks' | CaseTransitionInput['action'];

/**
 * A kernel operation a plugin may call through ctx.kernel, declared per permission in
 * `kernelAccess`. Case operations name the case kind they act on:
 * - `cases.read:<kind>`: cases.get, cases.visibleIds, attachments.list and attachments.open;
 * - `cases.register:<kind>`: cases.register;
 * - `cases.link:<kind>`: cases.link (the kind of the case linked from);
 * - `cases.clocks:<kind>`: cases.startClock and cases.stopClock;
 * - `cases.assign:<kind>`: cases.setFourFixes and the transition 'assign';
 * - `cases.<action>:<kind>`: cases.transition with that action (review, withdraw, …).
 * And `orgs.list`, `users.find` for the organisations and users of the user's scope.
 */
export type KernelOperation = 'orgs.list' | 'users.find' | 'calendar.read' | `cases.${KernelCaseVerb}:${string}`;

/**
 * Binds a request's ctx.kernel to the permissions a procedure holds; `permissionProcedure`
 * calls it (plugins never need to). Symbol.for, so a plugin built against another copy of
 * this package binds the same way.
 */
export const BIND_KERNEL: unique symbol = Symbol.for('zhengfa.kernel.bindToPermissions');

/**
 * The kernel's public API for plugins: cases are how plugins meet. Every call acts for the
 * signed-in user within that user's scope (a unit sees only its own cases), is validated by
 * the same schemas as the kernel's own procedures, and is allowed only when the plugin has
 * declared the operation (`kernelAccess`) for a permission the calling procedure holds.
 */
export interface KernelApi {
  orgs: {
    /** The organisations within the signed-in user's scope (the whole county for the committee). `orgs.list`. */
    list(opts?: InTransaction): Promise<KernelOrg[]>;
  };
  /**
   * The county's working calendar: the official arrangement (holidays, make-up workdays)
   * corrected by the county's administrator, as the kernel's own clocks count. `calendar.read`.
   */
  calendar: {
    /** The `days`-th working day after `date` (YYYY-MM-DD; the day itself never counts). */
    addWorkingDays(date: string, days: number, opts?: InTransaction): Promise<string>;
    /** Whether `date` (YYYY-MM-DD) is a working day in the county. */
    isWorkingDay(date: string, opts?: InTransaction): Promise<boolean>;
  };
  users: {
    /**
     * The enabled users within the signed-in user's scope, optionally only those of one
     * organisation (and its sub-organisations unless `includeSubOrgs: false`), holding a
     * built-in role (`roleKey`, e.g. 'leader' for 包案领导) or a permission. `users.find`.
     */
    find(
      input: { orgId?: string; includeSubOrgs?: boolean; roleKey?: string; permission?: string; limit?: number },
      opts?: InTransaction,
    ): Promise<KernelUser[]>;
  };
  cases: {
    register(input: CaseRegistration, opts?: InTransaction): Promise<{ id: string; docNo: string; duplicate: boolean }>;
    get(id: string, opts?: InTransaction): Promise<KernelCase>;
    /**
     * The ids of the cases of `kind` the user may see (a unit: those assigned to it, from
     * assignment on), or, given `ids`, which of those. `cases.read:<kind>`.
     */
    visibleIds(input: { kind: string; ids?: string[] }, opts?: InTransaction): Promise<string[]>;
    setFourFixes(input: FourFixesInput, opts?: InTransaction): Promise<{ version: number }>;
    transition(input: CaseTransitionInput, opts?: InTransaction): Promise<{ version: number; status: string }>;
    link(input: { fromId: string; toId: string; kind: 'related' | 'duplicate_of' | 'derived_from' }, opts?: InTransaction): Promise<void>;
    /** Starts a statutory clock on a case (e.g. a 30-day review window after the answer). */
    startClock(
      input: { caseId: string; key: string; name: string; days: number; unit: 'natural' | 'working'; startOn: string; maxExtensionDays?: number },
      opts?: InTransaction,
    ): Promise<void>;
    /** Stops a running clock (the step it measured is done). */
    stopClock(input: { caseId: string; key: string; on?: string }, opts?: InTransaction): Promise<void>;
  };
  attachments: {
    /**
     * A case's attachments as the user may see them: of a restricted case (an accusation)
     * the committee's material stays hidden from a unit, as in the kernel's own pages.
     * `cases.read:<kind>`.
     */
    list(caseId: string, opts?: InTransaction): Promise<KernelAttachment[]>;
    /** One attachment's content, refused as the kernel's download refuses it. `cases.read:<kind>`. */
    open(id: string): Promise<{ name: string; size: number; mime: string; bytes: Uint8Array }>;
  };
  /** @internal See BIND_KERNEL. */
  readonly [BIND_KERNEL]?: (permissions: readonly string[]) => KernelApi;
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
  /** The kernel's public API, acting as the signed-in user (refuses when signed out). */
  kernel: KernelApi;
  /**
   * The current instant on the kernel's clock (the system clock unless a test injected
   * one). Everything that takes "today", starts a clock or computes a deadline reads it here,
   * never the wall clock.
   */
  now(): Date;
  /**
   * Encryption at rest: seal personal identifiers (ID numbers, phones) and accusation
   * content before writing them, open them after reading, and look them up by blind index.
   */
  vault: Vault;
  /**
   * Refuses (FORBIDDEN, in Chinese) a call to the procedure at `path` when it belongs to a
   * plugin the caller's county has switched off on the 功能模块 page. Every procedure runs it
   * first (trpc.ts); a plugin need not call it. A public procedure that learns its county
   * from its input (a look-up by code) calls it again with that county's id. The kernel's
   * contexts always carry it; a bare context built by a unit test of a router may leave it out.
   */
  checkModule?(path: string, tenantId?: string): Promise<void>;
  /**
   * Runs `fn` behind the database walls of the county this context acts for (set by the
   * kernel for a signed-in user): statements see only that county's rows, and those of a
   * plugin's procedure (`path` starting with its id) reach only the plugin's own schema.
   * The authed procedures enter it; nothing else needs to.
   */
  inCounty?<T>(path: string, fn: () => Promise<T>): Promise<T>;
}

/** The context after authentication: tenant and user are present. */
export interface AuthedContext extends RequestContext {
  tenant: TenantInfo;
  user: SessionUser;
  sessionId: string;
}
