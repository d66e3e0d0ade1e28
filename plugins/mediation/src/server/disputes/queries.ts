// The disputes list (filters, search, the triage queue with its overdue ones, the mediations
// falling due or overdue) and one dispute with its parties (identifiers masked) and hand-offs.
import { badRequest, chinaDay, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { dueCondition, type DueFilter } from '../outcomes/due.js';
import { addCalendarDays } from '../mediations/dispute.js';
import { DUE_SOON_DAYS } from '../mediations/time-limit.js';
import { messages as m } from '../strings.js';
import { maskIdNumber, maskPhone } from './personal-data.js';
import { listUrgings, type UrgingView } from './urgings.js';

/** The mediations falling due within DUE_SOON_DAYS days (today included), or past their due date. */
export const mediationDueFilters = ['soon', 'overdue'] as const;

export const statuses = ['registered', 'mediating', 'handed_off', 'guided', 'returned', 'declined', 'withdrawn', 'escalated', 'terminated', 'agreed', 'closed'] as const;

export interface DisputeRow {
  id: string;
  code: string;
  source: string;
  receivedOn: string;
  disputeType: string;
  summary: string;
  amount: string | null;
  personCount: number;
  riskLevel: string;
  status: string;
  triageDueOn: string;
  triagedOn: string | null;
  /** Registered, not triaged, and its triage deadline has passed. */
  overdue: boolean;
  /** Accepted for mediation here (all parties consented). */
  acceptedOn: string | null;
  /** The mediation's time limit, with its extensions. */
  mediationDueOn: string | null;
  /** Still in mediation after its time limit. */
  mediationOverdue: boolean;
  /** The kernel case of an escalated dispute, and its document number. */
  kernelCaseId: string | null;
  kernelCaseDocNo: string | null;
  partyNames: string[];
  version: number;
}

export interface ListInput {
  status?: (typeof statuses)[number] | undefined;
  overdue?: boolean | undefined;
  search?: string | undefined;
  /** What is due on agreed disputes (the outcome to-dos' links). */
  due?: DueFilter | undefined;
  mediationDue?: (typeof mediationDueFilters)[number] | undefined;
}

interface Row {
  id: string;
  code: string;
  source: string;
  received_on: string;
  dispute_type: string;
  summary: string;
  amount: string | null;
  person_count: number;
  risk_level: string;
  status: string;
  triage_due_on: string;
  triaged_on: string | null;
  accepted_on: string | null;
  mediation_due_on: string | null;
  kernel_case_id: string | null;
  kernel_case_doc_no: string | null;
  version: number;
  party_names: string[];
}

function toRow(r: Row, today: string): DisputeRow {
  return {
    id: r.id,
    code: r.code,
    source: r.source,
    receivedOn: r.received_on,
    disputeType: r.dispute_type,
    summary: r.summary,
    amount: r.amount,
    personCount: r.person_count,
    riskLevel: r.risk_level,
    status: r.status,
    triageDueOn: r.triage_due_on,
    triagedOn: r.triaged_on,
    overdue: r.status === 'registered' && r.triage_due_on < today,
    acceptedOn: r.accepted_on,
    mediationDueOn: r.mediation_due_on,
    mediationOverdue: r.status === 'mediating' && r.mediation_due_on !== null && r.mediation_due_on < today,
    kernelCaseId: r.kernel_case_id,
    kernelCaseDocNo: r.kernel_case_doc_no,
    partyNames: r.party_names,
    version: r.version,
  };
}

const columns = sql`d.id, d.code, d.source, to_char(d.received_on, 'YYYY-MM-DD') as received_on, d.dispute_type, d.summary,
  d.amount::text as amount, d.person_count, d.risk_level, d.status, to_char(d.triage_due_on, 'YYYY-MM-DD') as triage_due_on,
  to_char(d.triaged_on, 'YYYY-MM-DD') as triaged_on, to_char(d.accepted_on, 'YYYY-MM-DD') as accepted_on,
  to_char(d.mediation_due_on, 'YYYY-MM-DD') as mediation_due_on, d.kernel_case_id, d.kernel_case_doc_no, d.version,
  coalesce((select array_agg(p.name order by p.position) from mediation.parties p where p.tenant_id = d.tenant_id and p.dispute_id = d.id), '{}') as party_names`;

export async function listDisputes(ctx: AuthedContext, input: ListInput): Promise<DisputeRow[]> {
  const today = chinaDay(ctx.now());
  const soonUntil = addCalendarDays(today, DUE_SOON_DAYS);
  const due = input.mediationDue ?? null;
  const search = input.search?.trim() ? `%${input.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const r = await sql<Row>`select ${columns} from mediation.disputes d
    where d.tenant_id = ${ctx.tenant.id}
      and (${input.status ?? null}::text is null or d.status = ${input.status ?? null})
      and (${input.overdue ?? false} = false or (d.status = 'registered' and d.triage_due_on < ${today}))
      and ${input.due ? dueCondition(input.due, today) : sql`true`}
      and (${due}::text is null
        or (${due} = 'soon' and d.status = 'mediating' and d.mediation_due_on between ${today} and ${soonUntil})
        or (${due} = 'overdue' and d.status = 'mediating' and d.mediation_due_on < ${today}))
      and (${search}::text is null or d.code ilike ${search} or d.summary ilike ${search}
        or exists (select 1 from mediation.parties p where p.tenant_id = d.tenant_id and p.dispute_id = d.id and p.name ilike ${search}))
    order by d.received_on desc, d.code desc limit 500`.execute(ctx.db);
  return r.rows.map((row) => toRow(row, today));
}

export interface PartyView {
  id: string;
  kind: string;
  role: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface HandoffView {
  id: string;
  route: string;
  orgName: string | null;
  reason: string | null;
  recordedOn: string;
  recordedBy: string;
  acknowledged: boolean;
  acknowledgedBy: string | null;
}

export async function getDispute(
  ctx: AuthedContext,
  id: string,
): Promise<
  DisputeRow & {
    referenceNo: string | null;
    consent: boolean;
    petitionRef: string | null;
    receivedBy: { name: string; unit: string } | null;
    parties: PartyView[];
    handoffs: HandoffView[];
    urgings: UrgingView[];
  }
> {
  const today = chinaDay(ctx.now());
  const r = await sql<Row & { reference_no: string | null; consent: boolean; petition_ref: string | null; receiver_name: string | null; receiver_unit: string | null }>`
    select ${columns}, d.reference_no, d.consent, d.petition_ref, s.name as receiver_name, s.unit as receiver_unit from mediation.disputes d
    left join mediation.staff s on s.tenant_id = d.tenant_id and s.id = d.received_by_staff_id
    where d.tenant_id = ${ctx.tenant.id} and d.id = ${id}`.execute(ctx.db);
  const d = r.rows[0];
  if (!d) throw badRequest(m.disputeNotFound);
  const parties = await sql<{ id: string; kind: string; role: string; name: string; id_number: string | null; phone: string | null; address: string | null }>`
    select id, kind, role, name, id_number, phone, address from mediation.parties
    where tenant_id = ${ctx.tenant.id} and dispute_id = ${id} order by position`.execute(ctx.db);
  const handoffs = await sql<{ id: string; acknowledged_by_name: string | null; route: string; org_name: string | null; reason: string | null; recorded_on: string; recorded_by_name: string; acknowledged_at: Date | null }>`
    select id, acknowledged_by_name, route, org_name, reason, to_char(recorded_on, 'YYYY-MM-DD') as recorded_on, recorded_by_name, acknowledged_at from mediation.handoffs
    where tenant_id = ${ctx.tenant.id} and dispute_id = ${id} order by created_at`.execute(ctx.db);
  return {
    ...toRow(d, today),
    referenceNo: d.reference_no,
    consent: d.consent,
    /** The petitions matter it was referred from (访调对接), or null. */
    petitionRef: d.petition_ref,
    /** The seconded staff member who received it at the window, or null when not recorded. */
    receivedBy: d.receiver_name !== null && d.receiver_unit !== null ? { name: d.receiver_name, unit: d.receiver_unit } : null,
    parties: parties.rows.map((p) => ({
      id: p.id,
      kind: p.kind,
      role: p.role,
      name: p.name,
      idNumber: p.id_number ? maskIdNumber(ctx.vault.open(p.id_number)) : null,
      phone: p.phone ? maskPhone(ctx.vault.open(p.phone)) : null,
      address: p.address,
    })),
    handoffs: handoffs.rows.map((h) => ({ id: h.id, route: h.route, orgName: h.org_name, reason: h.reason, recordedOn: h.recorded_on, recordedBy: h.recorded_by_name, acknowledged: h.acknowledged_at !== null, acknowledgedBy: h.acknowledged_by_name })),
    urgings: await listUrgings(ctx, ctx.db, id),
  };
}
