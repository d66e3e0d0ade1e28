// 三个规定 records: any officer with an account records that someone asked about or tried to
// influence a case; the units report monthly (a zero report when there was nothing); the
// committee sees a quarterly summary by unit and who has not reported.
//
// The reporter is protected: who recorded is returned only by the discipline staff's
// procedures (personnel.discipline), every such read is audited, and a unit's report and the
// summary carry counts only.
import { badRequest, chinaDay, forbidden, sql, type AuthedContext, type KernelOrg, type Vault } from '@zhengfa/plugin-api';
import { officerOfUser, requireOfficer, requireOwnOfficer } from '../discipline-officers.js';
import { auditActions as a, messages as m } from '../discipline-strings.js';
import { openText, sealText } from '../sealing.js';

export const intervenerKinds = ['outside_official', 'colleague', 'party', 'lawyer'] as const;
export const manners = ['in_person', 'phone', 'message', 'letter', 'other'] as const;
/** The law-enforcement units (政法单位) that report monthly. */
export const reportingKinds = ['police', 'procuratorate', 'court', 'justice'] as const;

export interface RecordInput {
  intervenerKind: (typeof intervenerKinds)[number];
  intervenerName: string;
  intervenerPost?: string | null | undefined;
  subjectOfficerId?: string | null | undefined;
  occurredOn: string;
  manner: (typeof manners)[number];
  caseRef: string;
  content: string;
  clientKey?: string | undefined;
}

/** A record as its reporter sees it (their own) — no other identity in it. */
export interface OwnRecord {
  id: string;
  intervenerKind: string;
  intervenerName: string;
  intervenerPost: string | null;
  occurredOn: string;
  manner: string;
  caseRef: string;
  content: string;
  createdAt: Date;
}

/** A record as the discipline staff see it: with the reporter. */
export interface StaffRecord extends OwnRecord {
  reporterOfficerId: string;
  reporterName: string;
  reporterOfficerNo: string;
  reporterUnitId: string;
  subjectOfficerId: string | null;
  subjectName: string | null;
}

interface RecordRow {
  id: string;
  reporter_officer_id: string;
  reporter_name: string;
  reporter_officer_no: string;
  reporter_unit_id: string;
  intervener_kind: string;
  intervener_name: string;
  intervener_post: string | null;
  subject_officer_id: string | null;
  subject_name: string | null;
  occurred_on: string;
  manner: string;
  case_ref: string;
  content: string;
  created_at: Date;
}

// content is stored sealed (sealing.ts): opened here.
const own = (vault: Vault, r: RecordRow): OwnRecord => ({
  id: r.id,
  intervenerKind: r.intervener_kind,
  intervenerName: r.intervener_name,
  intervenerPost: r.intervener_post,
  occurredOn: r.occurred_on,
  manner: r.manner,
  caseRef: r.case_ref,
  content: openText(vault, r.content),
  createdAt: r.created_at,
});

const staff = (vault: Vault, r: RecordRow): StaffRecord => ({
  ...own(vault, r),
  reporterOfficerId: r.reporter_officer_id,
  reporterName: r.reporter_name,
  reporterOfficerNo: r.reporter_officer_no,
  reporterUnitId: r.reporter_unit_id,
  subjectOfficerId: r.subject_officer_id,
  subjectName: r.subject_name,
});

const selectRecords = sql`select c.id, c.reporter_officer_id, o.name as reporter_name, o.officer_no as reporter_officer_no, c.reporter_unit_id,
    c.intervener_kind, c.intervener_name, c.intervener_post, c.subject_officer_id, s.name as subject_name,
    to_char(c.occurred_on, 'YYYY-MM-DD') as occurred_on, c.manner, c.case_ref, c.content, c.created_at
  from personnel.conduct_records c
  join personnel.officers o on o.tenant_id = c.tenant_id and o.id = c.reporter_officer_id
  left join personnel.officers s on s.tenant_id = c.tenant_id and s.id = c.subject_officer_id`;

/** Records a 三个规定 record as the signed-in officer; a repeated clientKey returns the first. */
export async function recordConduct(ctx: AuthedContext, input: RecordInput): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const reporter = await requireOwnOfficer(ctx, trx);
    if (input.clientKey) {
      const prior = await sql<{ id: string }>`select id from personnel.conduct_records
        where tenant_id = ${ctx.tenant.id} and reporter_user_id = ${ctx.user.id} and client_key = ${input.clientKey}`.execute(trx);
      if (prior.rows[0]) return { id: prior.rows[0].id };
    }
    if (input.subjectOfficerId) {
      if (input.subjectOfficerId === reporter.id) throw badRequest(m.subjectIsReporter);
      await requireOfficer(ctx, input.subjectOfficerId, trx);
    }
    const r = await sql<{ id: string }>`insert into personnel.conduct_records (tenant_id, reporter_officer_id, reporter_user_id, reporter_unit_id,
        intervener_kind, intervener_name, intervener_post, subject_officer_id, occurred_on, manner, case_ref, content, client_key)
      values (${ctx.tenant.id}, ${reporter.id}, ${ctx.user.id}, ${reporter.unit_id}, ${input.intervenerKind}, ${input.intervenerName},
        ${input.intervenerPost ?? null}, ${input.subjectOfficerId ?? null}, ${input.occurredOn}, ${input.manner}, ${input.caseRef},
        ${sealText(ctx.vault, input.content)}, ${input.clientKey ?? null})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    // The audit row names the record only: the reporter is its actor, as for every change.
    await ctx.audit.record({ action: a.conductRecord, targetType: 'personnel.conduct_record', targetId: id }, { db: trx });
    return { id };
  });
}

/** The signed-in officer's own records, newest first. */
export async function myRecords(ctx: AuthedContext): Promise<OwnRecord[]> {
  const me = await officerOfUser(ctx);
  if (!me) return [];
  const r = await sql<RecordRow>`${selectRecords}
    where c.tenant_id = ${ctx.tenant.id} and c.reporter_officer_id = ${me.id}
    order by c.occurred_on desc, c.created_at desc limit 500`.execute(ctx.db);
  return r.rows.map((x) => own(ctx.vault, x));
}

/** Every record in a period, with its reporter (discipline staff; the read is audited). */
export async function listRecords(ctx: AuthedContext, filter: { from?: string | undefined; to?: string | undefined; unitId?: string | undefined }): Promise<StaffRecord[]> {
  const r = await sql<RecordRow>`${selectRecords}
    where c.tenant_id = ${ctx.tenant.id}
      and (${filter.from ?? null}::date is null or c.occurred_on >= ${filter.from ?? null}::date)
      and (${filter.to ?? null}::date is null or c.occurred_on <= ${filter.to ?? null}::date)
      and (${filter.unitId ?? null}::uuid is null or c.reporter_unit_id = ${filter.unitId ?? null}::uuid)
    order by c.occurred_on desc, c.created_at desc limit 1000`.execute(ctx.db);
  await ctx.audit.record({ action: a.conductRead, targetType: 'personnel.conduct_record', detail: { from: filter.from ?? null, to: filter.to ?? null, unitId: filter.unitId ?? null, count: r.rows.length } });
  return r.rows.map((x) => staff(ctx.vault, x));
}

/** One record with its reporter (discipline staff; the read is audited). */
export async function getRecord(ctx: AuthedContext, id: string): Promise<StaffRecord> {
  const r = await sql<RecordRow>`${selectRecords} where c.tenant_id = ${ctx.tenant.id} and c.id = ${id}`.execute(ctx.db);
  if (!r.rows[0]) throw badRequest(m.recordNotFound);
  await ctx.audit.record({ action: a.conductRead, targetType: 'personnel.conduct_record', targetId: id });
  return staff(ctx.vault, r.rows[0]);
}

function monthRange(month: string): { first: string; last: string } {
  const [y, mo] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last };
}

/** The ids of `root` and every organisation below it. */
function subtree(orgs: KernelOrg[], root: string): string[] {
  const ids = [root];
  for (let i = 0; i < ids.length; i++) for (const o of orgs) if (o.parentId === ids[i]) ids.push(o.id);
  return ids;
}

async function countInUnits(ctx: AuthedContext, unitIds: string[], first: string, last: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from personnel.conduct_records
    where tenant_id = ${ctx.tenant.id} and reporter_unit_id = any(${sql.val(unitIds)}::uuid[])
      and occurred_on between ${first} and ${last}`.execute(ctx.db);
  return r.rows[0]!.n;
}

export interface UnitMonth {
  unitId: string;
  unitName: string;
  month: string;
  recordCount: number;
  report: { recordCount: number; zero: boolean; submittedAt: Date; note: string | null } | null;
}

/** The reporting unit of the signed-in liaison: their own organisation, when it is a law-enforcement unit. */
async function reportingUnit(ctx: AuthedContext): Promise<{ unit: KernelOrg; orgs: KernelOrg[] }> {
  const orgs = await ctx.kernel.orgs.list();
  const unit = orgs.find((o) => o.id === ctx.user.orgId);
  if (!unit || !(reportingKinds as readonly string[]).includes(unit.kind)) throw forbidden(m.noReportingUnit);
  return { unit, orgs };
}

function checkMonth(ctx: AuthedContext, month: string): void {
  const current = chinaDay(ctx.now()).slice(0, 7);
  if (month > current) throw badRequest(m.monthInFuture(current));
}

/** The liaison's unit in a month: how many records its officers made (a count only), and its report. */
export async function unitMonth(ctx: AuthedContext, month: string): Promise<UnitMonth> {
  checkMonth(ctx, month);
  const { unit, orgs } = await reportingUnit(ctx);
  const { first, last } = monthRange(month);
  const count = await countInUnits(ctx, subtree(orgs, unit.id), first, last);
  const rep = await sql<{ record_count: number; submitted_at: Date; note: string | null }>`select record_count, submitted_at, note
    from personnel.conduct_reports where tenant_id = ${ctx.tenant.id} and unit_id = ${unit.id} and month = ${month}`.execute(ctx.db);
  const row = rep.rows[0];
  return {
    unitId: unit.id,
    unitName: unit.name,
    month,
    recordCount: count,
    report: row ? { recordCount: row.record_count, zero: row.record_count === 0, submittedAt: row.submitted_at, note: row.note } : null,
  };
}

/** Submits the unit's monthly report with the month's count; a month without records is a zero report. */
export async function submitReport(ctx: AuthedContext, input: { month: string; note?: string | null | undefined }): Promise<{ recordCount: number; zero: boolean }> {
  checkMonth(ctx, input.month);
  const { unit, orgs } = await reportingUnit(ctx);
  const { first, last } = monthRange(input.month);
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await sql`select 1 from personnel.conduct_reports where tenant_id = ${ctx.tenant.id} and unit_id = ${unit.id} and month = ${input.month}`.execute(trx);
    if (exists.rows.length) throw badRequest(m.reportExists(input.month));
    const count = await countInUnits({ ...ctx, db: trx }, subtree(orgs, unit.id), first, last);
    await sql`insert into personnel.conduct_reports (tenant_id, unit_id, month, record_count, note, submitted_by)
      values (${ctx.tenant.id}, ${unit.id}, ${input.month}, ${count}, ${input.note ?? null}, ${ctx.user.id})`.execute(trx);
    await ctx.audit.record({ action: a.conductReport, targetType: 'personnel.conduct_report', targetId: `${unit.id}:${input.month}`, detail: { month: input.month, recordCount: count } }, { db: trx });
    return { recordCount: count, zero: count === 0 };
  });
}

export interface QuarterUnitRow {
  unitId: string;
  unitName: string;
  months: { month: string; records: number; reported: boolean; zero: boolean }[];
  records: number;
  missing: string[];
}

export interface QuarterSummary {
  year: number;
  quarter: number;
  units: QuarterUnitRow[];
  totalRecords: number;
  /** The units that have not reported every month of the quarter. */
  notReported: { unitId: string; unitName: string; missing: string[] }[];
}

/** The quarter by law-enforcement unit (county level): records per month and the reports, counts only. */
export async function quarterSummary(ctx: AuthedContext, year: number, quarter: number): Promise<QuarterSummary> {
  const orgs = await ctx.kernel.orgs.list();
  const units = orgs
    .filter((o) => (reportingKinds as readonly string[]).includes(o.kind) && o.level === 'county' && !o.disabled)
    .sort((x, y) => reportingKinds.indexOf(x.kind as never) - reportingKinds.indexOf(y.kind as never) || x.name.localeCompare(y.name, 'zh-CN'));
  const months = [0, 1, 2].map((i) => `${year}-${String((quarter - 1) * 3 + i + 1).padStart(2, '0')}`);
  const reports = await sql<{ unit_id: string; month: string; record_count: number }>`select unit_id, month, record_count from personnel.conduct_reports
    where tenant_id = ${ctx.tenant.id} and month = any(${sql.val(months)}::text[])`.execute(ctx.db);
  const counts = await sql<{ unit_id: string; month: string; n: number }>`select reporter_unit_id as unit_id, to_char(occurred_on, 'YYYY-MM') as month, count(*)::int as n
    from personnel.conduct_records where tenant_id = ${ctx.tenant.id}
      and occurred_on between ${`${months[0]}-01`} and ${monthRange(months[2]!).last}
    group by 1, 2`.execute(ctx.db);
  const rows: QuarterUnitRow[] = units.map((u) => {
    const ids = new Set(subtree(orgs, u.id));
    const perMonth = months.map((month) => {
      const records = counts.rows.filter((c) => ids.has(c.unit_id) && c.month === month).reduce((n, c) => n + c.n, 0);
      const rep = reports.rows.find((r) => r.unit_id === u.id && r.month === month);
      return { month, records, reported: Boolean(rep), zero: rep ? rep.record_count === 0 : false };
    });
    return { unitId: u.id, unitName: u.name, months: perMonth, records: perMonth.reduce((n, x) => n + x.records, 0), missing: perMonth.filter((x) => !x.reported).map((x) => x.month) };
  });
  return {
    year,
    quarter,
    units: rows,
    totalRecords: rows.reduce((n, r) => n + r.records, 0),
    notReported: rows.filter((r) => r.missing.length).map((r) => ({ unitId: r.unitId, unitName: r.unitName, missing: r.missing })),
  };
}
