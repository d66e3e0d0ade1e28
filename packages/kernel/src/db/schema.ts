// Kysely types of the kernel's tables (schema `kernel`). Hand-written beside the
// migrations that create them.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrgKind =
  | 'committee'
  | 'police'
  | 'procuratorate'
  | 'court'
  | 'justice'
  | 'township'
  | 'village'
  | 'department'
  | 'other';

export type OrgLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export interface TenantsTable {
  id: string;
  name: string;
  short_name: string;
  doc_abbr: Generated<string>;
  created_at: GeneratedTimestamp;
}

export interface OrgsTable {
  tenant_id: string;
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  kind: OrgKind;
  level: OrgLevel;
  path: string;
  sort_order: Generated<number>;
  disabled: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface UsersTable {
  tenant_id: string;
  id: Generated<string>;
  org_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp | null;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  disabled: Generated<boolean>;
  last_login_at: Timestamp | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface RolesTable {
  tenant_id: string;
  id: Generated<string>;
  key: string | null;
  name: string;
  description: Generated<string>;
  builtin: Generated<boolean>;
  permissions: ColumnType<string[], string[], string[]>;
  /** Built-in roles: the permissions the kernel last granted by default (migration 0021). */
  default_permissions: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type PasswordResetStatus = 'pending' | 'countersigned' | 'rejected' | 'cancelled' | 'expired';

export interface PasswordResetRequestsTable {
  tenant_id: string;
  id: Generated<string>;
  /** The account whose password is to be reset (a holder of security duties). */
  user_id: string;
  reason: string;
  status: Generated<PasswordResetStatus>;
  requested_by: string;
  requested_at: GeneratedTimestamp;
  expires_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface UserRolesTable {
  tenant_id: string;
  user_id: string;
  role_id: string;
}

export interface SessionsTable {
  id: string;
  tenant_id: string;
  user_id: string;
  created_at: GeneratedTimestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

/** Failed sign-ins per client address or unknown user name (auth/throttle.ts, migration 0018). */
export interface SignInThrottleTable {
  tenant_id: string;
  kind: 'address' | 'username';
  subject: string;
  failures: number;
  counting_since: Timestamp;
  last_attempt_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AuditLogTable {
  tenant_id: string;
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  detail: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
  /** 1: hash over every field and the previous hash; 2: over the previous hash, seq and a content digest (migration 0010). */
  scheme: number;
}

export interface AuditHeadsTable {
  tenant_id: string;
  seq: number;
  hash: string;
  /** The hash before the last append, which that append's row carries as its prev_hash. */
  prev_hash: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  tenant_id: string | null;
  name: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  occurred_at: GeneratedTimestamp;
  /** The writing transaction (xid8, read as text); with id, the event's delivery position. */
  tx: Generated<string>;
}

export interface EventSubscribersTable {
  subscriber: string;
  cursor_tx: Generated<string>;
  cursor_id: Generated<number>;
  failing_event_id: number | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  last_error: string | null;
  updated_at: GeneratedTimestamp;
}

export interface EventDeadLettersTable {
  subscriber: string;
  event_id: number;
  tenant_id: string | null;
  name: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  occurred_at: Timestamp;
  attempts: number;
  last_error: string;
  failed_at: Timestamp;
  retry_requested_at: Timestamp | null;
  retry_requested_by: string | null;
}

export interface EventDeliveriesTable {
  subscriber: string;
  event_id: number;
  delivered_at: GeneratedTimestamp;
}

export interface JobRunsTable {
  job: string;
  slot: number;
  started_at: GeneratedTimestamp;
  finished_at: Timestamp | null;
  error: string | null;
}

export interface DocCountersTable {
  tenant_id: string;
  kind: string;
  year: number;
  last_no: number;
}

export type Urgency = 'normal' | 'urgent' | 'critical';

export interface CasesTable {
  tenant_id: string;
  id: Generated<string>;
  kind: string;
  doc_no: string;
  doc_year: number;
  doc_seq: number;
  title: string;
  summary: Generated<string>;
  source: string;
  urgency: Urgency;
  status: string;
  is_key: Generated<boolean>;
  lead_leader_id: string | null;
  handler_name: string | null;
  handler_phone: string | null;
  resolution_plan: string | null;
  deadline: string | null;
  lead_unit_id: string | null;
  cooperating_unit_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** Every organisation whose subtree holds a unit of the case; kept by a trigger (migration 0014). */
  scope_org_ids: ColumnType<string[], never, never>;
  six_clarities: ColumnType<Record<string, string>, string | undefined, string>;
  result_report: string | null;
  registered_by: string;
  registered_at: GeneratedTimestamp;
  received_on: string;
  assigned_at: Timestamp | null;
  closed_at: Timestamp | null;
  next_dispatch_on: string | null;
  next_report_on: string | null;
  last_dispatch_on: string | null;
  /** The first dispatch point raised without a dispatch recorded since (0027); null: none owed. */
  dispatch_owed_since: string | null;
  idempotency_key: string | null;
  search_grams: ColumnType<string[], string[] | undefined, string[]>;
  /** The parties' names in name order (migration 0016), written with search_grams. */
  party_names: ColumnType<string[], string[] | undefined, string[]>;
  /** The permission guarding the case's material (migration 0020); null: not restricted. */
  restricted_to: ColumnType<string | null, string | null | undefined, never>;
  version: Generated<number>;
  updated_at: GeneratedTimestamp;
}

export interface CasePartiesTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  role: Generated<string>;
  name: string;
  /** Sealed (vault envelope), as is phone (migration 0023). */
  id_number: string | null;
  phone: string | null;
  /** Blind indexes (HMAC-SM3) of the normalized ID number and phone. */
  id_number_index: string | null;
  phone_index: string | null;
  address: string | null;
}

export interface CaseEventsTable {
  tenant_id: string;
  id: Generated<number>;
  case_id: string;
  at: GeneratedTimestamp;
  actor_id: string | null;
  actor_name: string | null;
  actor_org_id: string | null;
  type: string;
  from_status: string | null;
  to_status: string | null;
  comment: Generated<string>;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface CaseLinksTable {
  tenant_id: string;
  from_case_id: string;
  to_case_id: string;
  kind: 'related' | 'duplicate_of' | 'derived_from';
  created_at: GeneratedTimestamp;
  created_by: string | null;
}

export interface DispatchRecordsTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  held_on: string;
  summary: string;
  next_steps: Generated<string>;
  recorded_by: string;
  created_at: GeneratedTimestamp;
}

export interface CalendarDaysTable {
  tenant_id: string;
  date: string;
  kind: 'holiday' | 'workday';
  name: Generated<string>;
  source: Generated<string>;
}

export interface DispatchDayCountingTable {
  tenant_id: string;
  urgency: Urgency;
  counting: 'working' | 'natural';
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface RemindersTable {
  tenant_id: string;
  case_id: string;
  due_kind: string;
  due_on: string;
  user_id: string;
  created_at: GeneratedTimestamp;
}

export interface NotificationsTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  case_id: string | null;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
}

/** 我的关注: a case a user follows (migration 0028). */
export interface CaseFollowsTable {
  tenant_id: string;
  user_id: string;
  case_id: string;
  created_at: GeneratedTimestamp;
}

export interface CaseClocksTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  key: string;
  name: string;
  start_on: string;
  days: number;
  unit: 'natural' | 'working';
  extension_days: Generated<number>;
  max_extension_days: Generated<number>;
  pauses: ColumnType<{ from: string; to: string | null; reason: string }[], string | undefined, string>;
  due_on: string | null;
  stopped_on: string | null;
  version: Generated<number>;
}

export interface ClockExtensionsTable {
  tenant_id: string;
  id: Generated<string>;
  clock_id: string;
  days: number;
  reason: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  requested_by: string;
  requested_at: GeneratedTimestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_comment: Generated<string>;
}

export interface AttachmentsTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  uploaded_by: string;
  uploaded_at: GeneratedTimestamp;
}

export interface ExportsTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  kind: string;
  filter: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<'running' | 'done' | 'failed'>;
  total_rows: Generated<number>;
  done_rows: Generated<number>;
  file_name: string;
  error: string | null;
  created_at: GeneratedTimestamp;
  finished_at: Timestamp | null;
}

export type InstrumentKind = 'warning' | 'guidance' | 'correction' | 'removal_proposal' | 'discipline_transfer' | 'judicial_transfer';
export type InstrumentStatus = 'draft' | 'pending_signoff' | 'issued' | 'acknowledged' | 'answered' | 'accepted' | 'rejected';

export interface InstrumentsTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  kind: InstrumentKind;
  doc_no: string | null;
  doc_year: number | null;
  doc_seq: number | null;
  recipient_org_id: string;
  officer_name: string | null;
  officer_post: string | null;
  facts: string;
  legal_basis: Generated<string>;
  requirement: string;
  response_deadline: string;
  status: Generated<InstrumentStatus>;
  previous_id: string | null;
  drafted_by: string;
  drafted_at: GeneratedTimestamp;
  signed_by: string | null;
  signed_at: Timestamp | null;
  issued_on: string | null;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  decision_comment: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  version: Generated<number>;
}

export type PowerKind = 'file_review' | 'inquiry' | 'investigation' | 'appointment_proposal' | 'discipline_proposal';

export interface PowerUsesTable {
  tenant_id: string;
  id: Generated<string>;
  case_id: string;
  power: PowerKind;
  used_on: string;
  target_org_id: string | null;
  target_person: string | null;
  description: string;
  result: Generated<string>;
  recorded_by: string;
  created_at: GeneratedTimestamp;
}

export type MeetingStatus = 'scheduled' | 'held' | 'consensus' | 'escalated';

export interface MeetingsTable {
  tenant_id: string;
  id: Generated<string>;
  title: string;
  scheduled_at: Timestamp;
  place: Generated<string>;
  chair_id: string | null;
  status: Generated<MeetingStatus>;
  minutes: Generated<string>;
  opinion_text: string | null;
  opinion_doc_no: string | null;
  opinion_year: number | null;
  opinion_seq: number | null;
  opinion_signed_by: string | null;
  opinion_signed_at: Timestamp | null;
  escalation: 'unit_superiors' | 'higher_committee' | null;
  escalation_note: string | null;
  created_by: string;
  created_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface MeetingOrgsTable {
  tenant_id: string;
  meeting_id: string;
  org_id: string;
  attended: boolean | null;
  attendees: Generated<string>;
  acknowledged_by: string | null;
  acknowledged_at: Timestamp | null;
  execution_report: string | null;
  reported_at: Timestamp | null;
}

export interface MeetingCasesTable {
  tenant_id: string;
  meeting_id: string;
  case_id: string;
}

/** A county's choice to switch an installed plugin on or off (migration 0025); no row: on. */
export interface CountyModulesTable {
  tenant_id: string;
  plugin_id: string;
  enabled: boolean;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

export interface KernelDatabase {
  'kernel.instruments': InstrumentsTable;
  'kernel.power_uses': PowerUsesTable;
  'kernel.meetings': MeetingsTable;
  'kernel.meeting_orgs': MeetingOrgsTable;
  'kernel.meeting_cases': MeetingCasesTable;
  'kernel.attachments': AttachmentsTable;
  'kernel.exports': ExportsTable;
  'kernel.case_clocks': CaseClocksTable;
  'kernel.clock_extensions': ClockExtensionsTable;
  'kernel.doc_counters': DocCountersTable;
  'kernel.cases': CasesTable;
  'kernel.case_parties': CasePartiesTable;
  'kernel.case_events': CaseEventsTable;
  'kernel.case_links': CaseLinksTable;
  'kernel.dispatch_records': DispatchRecordsTable;
  'kernel.calendar_days': CalendarDaysTable;
  'kernel.dispatch_day_counting': DispatchDayCountingTable;
  'kernel.reminders': RemindersTable;
  'kernel.notifications': NotificationsTable;
  'kernel.case_follows': CaseFollowsTable;
  'kernel.tenants': TenantsTable;
  'kernel.orgs': OrgsTable;
  'kernel.users': UsersTable;
  'kernel.roles': RolesTable;
  'kernel.user_roles': UserRolesTable;
  'kernel.password_reset_requests': PasswordResetRequestsTable;
  'kernel.sessions': SessionsTable;
  'kernel.sign_in_throttle': SignInThrottleTable;
  'kernel.audit_log': AuditLogTable;
  'kernel.audit_heads': AuditHeadsTable;
  'kernel.outbox': OutboxTable;
  'kernel.event_deliveries': EventDeliveriesTable;
  'kernel.event_subscribers': EventSubscribersTable;
  'kernel.event_dead_letters': EventDeadLettersTable;
  'kernel.job_runs': JobRunsTable;
  'kernel.county_modules': CountyModulesTable;
}
