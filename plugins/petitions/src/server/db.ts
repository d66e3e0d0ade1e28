// The plugin's own tables (schema `petitions`), as its migrations leave them, and its database
// handle typed to them: the query builder on `own(ctx)` type-checks table and column names, so
// a misspelt column fails `tsc`. Only the plugin's own tables are here; the kernel's are
// reached through ctx.kernel. Add a table or column here with the migration that creates it.
import { ownDatabase, type Generated, type Kysely, type OwnSchema, type Updateable } from '@zhengfa/plugin-api';

/** A `date` column: read as 'YYYY-MM-DD' text (the kernel's type parser), written as such. */
type DateText = string;
type Uuid = string;

export interface MattersTable {
  tenant_id: string;
  id: Generated<Uuid>;
  case_id: Uuid;
  doc_no: Generated<string>;
  category: 'law' | 'litigation' | 'other';
  is_accusation: Generated<boolean>;
  accused_org_id: Uuid | null;
  accused_person: string | null;
  involved_org_id: Uuid | null;
  involved_org_name: string | null;
  accused_org_name: string | null;
  /** Sealed (ctx.vault) when the matter is an accusation. */
  content: string;
  demands: Generated<string>;
  receiving_officer_id: Uuid;
  receiving_officer_name: Generated<string>;
  first_received_on: DateText;
  routed_at: Date | null;
  routed_by: Uuid | null;
  lead_unit_id: Uuid | null;
  lead_unit_name: string | null;
  acceptance: 'accepted' | 'not_accepted' | null;
  acceptance_on: DateText | null;
  acceptance_note: string | null;
  answer: string | null;
  answered_on: DateText | null;
  review_stage: Generated<'none' | 'review_requested' | 'reviewed' | 're_review_requested' | 're_reviewed'>;
  review_requested_on: DateText | null;
  review_decided_on: DateText | null;
  review_result: string | null;
  re_review_requested_on: DateText | null;
  re_review_decided_on: DateText | null;
  re_review_result: string | null;
  outcome: 'resolved' | 'stopped' | 'concluded' | 'written_off' | null;
  outcome_on: DateText | null;
  outcome_note: string | null;
  concluded_by: Uuid | null;
  written_off_approved_by: Uuid | null;
  query_code: string;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  issue_grams: Generated<string[]>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface VisitsTable {
  tenant_id: string;
  id: Generated<Uuid>;
  matter_id: Uuid;
  channel: 'letter' | 'visit' | 'online' | 'phone' | 'leader_mailbox';
  received_on: DateText;
  person_count: number;
  receiving_officer_id: Uuid | null;
  content: Generated<string>;
  is_repeat: Generated<boolean>;
  import_key: string | null;
  idempotency_key: string | null;
  created_at: Generated<Date>;
}

export interface PetitionersTable {
  tenant_id: string;
  id: Generated<Uuid>;
  matter_id: Uuid;
  name: string;
  /** Sealed; found by `id_number_index`. */
  id_number: string | null;
  id_number_index: string | null;
  /** Sealed; found by `phone_index`. */
  phone: string | null;
  phone_index: string | null;
  address: string | null;
  is_primary: Generated<boolean>;
}

export interface ReliefTable {
  tenant_id: string;
  id: Generated<Uuid>;
  matter_id: Uuid;
  /** numeric(12, 2): read as text. */
  amount: string | number;
  reason: string;
  status: Generated<'pending' | 'approved' | 'rejected' | 'paid'>;
  requested_by: Uuid;
  approved_by: Uuid | null;
  approved_on: DateText | null;
  decision_note: string | null;
  paid_on: DateText | null;
  idempotency_key: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface LeaderVisitsTable {
  tenant_id: string;
  id: Generated<Uuid>;
  type: 'reception_day' | 'visit_down' | 'appointment' | 'return_visit';
  scheduled_on: DateText;
  leader_id: Uuid | null;
  leader_name: Generated<string>;
  place: Generated<string>;
  matter_id: Uuid | null;
  notes: Generated<string>;
  held: Generated<boolean>;
  satisfaction: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  held_on: DateText | null;
  idempotency_key: string | null;
  version: Generated<number>;
  created_by: Uuid;
  created_at: Generated<Date>;
}

/** Public look-up attempts (rate limiting); not a county's table. */
export interface LookupAttemptsTable {
  key: string;
  at: Generated<Date>;
  ok: boolean;
}

export interface ImportsTable {
  tenant_id: string;
  id: Generated<Uuid>;
  file_name: string;
  file_sha256: string;
  mapping: unknown;
  status: Generated<'checked' | 'importing' | 'imported'>;
  total_rows: number;
  bad_rows: number;
  imported_rows: Generated<number>;
  created_by: Uuid;
  created_at: Generated<Date>;
  expires_at: Date | null;
  summary: Generated<unknown>;
}

export interface ImportRowsTable {
  tenant_id: string;
  import_id: Uuid;
  row_no: number;
  cells: unknown;
}

export interface UnitAliasesTable {
  tenant_id: string;
  alias: string;
  org_id: Uuid;
  created_by: Uuid;
  created_at: Generated<Date>;
}

export interface WriteoffRequestsTable {
  tenant_id: string;
  id: Generated<Uuid>;
  matter_id: Uuid;
  reason: string;
  requested_on: DateText;
  requested_by: Uuid;
  requested_by_name: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: Uuid | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Generated<Date>;
}

export interface MediationReferralsTable {
  tenant_id: string;
  matter_id: Uuid;
  referred_on: DateText;
  referred_by: Uuid;
  referred_by_name: string;
  dispute_id: string | null;
  dispute_code: string | null;
  settled_on: DateText | null;
  performed_on: DateText | null;
  created_at: Generated<Date>;
}

/** What a step of a matter changes (its version moves by `bumpMatter`). */
export type MatterChanges = Omit<Updateable<MattersTable>, 'tenant_id' | 'id' | 'version'>;

/** The tables of the schema `petitions`, by table name. */
export interface Tables {
  matters: MattersTable;
  visits: VisitsTable;
  petitioners: PetitionersTable;
  relief: ReliefTable;
  leader_visits: LeaderVisitsTable;
  lookup_attempts: LookupAttemptsTable;
  imports: ImportsTable;
  import_rows: ImportRowsTable;
  unit_aliases: UnitAliasesTable;
  writeoff_requests: WriteoffRequestsTable;
  mediation_referrals: MediationReferralsTable;
}

/** What the plugin's handle sees: `petitions.<table>` for each of its own tables, nothing else. */
export type Database = OwnSchema<'petitions', Tables>;

/** The plugin's database handle (the request's, or a transaction of it). */
export type PetitionsDb = Kysely<Database>;

/** The request's (or a background run's) handle, typed to the plugin's own tables; `own({ db: trx })` for a transaction the kernel handed over. */
export function own(ctx: { db: Kysely<any> }): PetitionsDb {
  return ownDatabase<Database>(ctx);
}
