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
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
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
}

export interface OutboxTable {
  id: Generated<number>;
  tenant_id: string | null;
  name: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  occurred_at: GeneratedTimestamp;
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

export interface KernelDatabase {
  'kernel.tenants': TenantsTable;
  'kernel.orgs': OrgsTable;
  'kernel.users': UsersTable;
  'kernel.roles': RolesTable;
  'kernel.user_roles': UserRolesTable;
  'kernel.sessions': SessionsTable;
  'kernel.audit_log': AuditLogTable;
  'kernel.outbox': OutboxTable;
  'kernel.event_deliveries': EventDeliveriesTable;
  'kernel.job_runs': JobRunsTable;
}
