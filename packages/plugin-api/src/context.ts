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

/** The kernel's public API for plugins: cases are how plugins meet. */
export interface KernelApi {
  orgs: {
    /** The organisations within the signed-in user's scope (the whole county for the committee). */
    list(opts?: InTransaction): Promise<KernelOrg[]>;
  };
  cases: {
    register(input: CaseRegistration, opts?: InTransaction): Promise<{ id: string; docNo: string; duplicate: boolean }>;
    get(id: string, opts?: InTransaction): Promise<KernelCase>;
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
}

/** The context after authentication: tenant and user are present. */
export interface AuthedContext extends RequestContext {
  tenant: TenantInfo;
  user: SessionUser;
  sessionId: string;
}
