// Outcomes and sanctions: classified by the four forms, each with the period its effect lasts
// computed from the decision date (periods.ts; a county's own months where it set them). While
// a period lasts the officer is ineligible for commendation and promotion (restrictionOn).
// The period is fixed when the decision is recorded: a later change of the county's months
// does not move it.
import { badRequest, chinaDay, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { markDecided, loadClue } from '../clues/service.js';
import { requireOfficer } from '../discipline-officers.js';
import { auditActions as a, messages as m } from '../discipline-strings.js';
import { openText, sealText } from '../sealing.js';
import { adjustableKinds, effectPeriod, sanctionRules, type SanctionKind } from './periods.js';

export interface Restriction {
  /** Eligible for commendation and promotion on the day. */
  eligible: boolean;
  /** The last day of the longest period in effect (null: none, or permanent). */
  until: string | null;
  permanent: boolean;
}

/** Whether an officer is under a sanction's effect on `day` (YYYY-MM-DD), and until when. */
export async function restrictionOn(db: Kysely<any>, tenantId: string, officerId: string, day: string): Promise<Restriction> {
  const r = await sql<{ until: string | null; permanent: boolean }>`select to_char(max(effective_until), 'YYYY-MM-DD') as until, coalesce(bool_or(permanent), false) as permanent
    from personnel.sanctions where tenant_id = ${tenantId} and officer_id = ${officerId} and decided_on <= ${day}
      and (permanent or effective_until >= ${day})`.execute(db);
  const row = r.rows[0]!;
  if (row.permanent) return { eligible: false, until: null, permanent: true };
  return { eligible: row.until === null, until: row.until, permanent: false };
}

export interface DecideInput {
  officerId: string;
  clueId?: string | null | undefined;
  form: number;
  kind: SanctionKind;
  probationYears?: 1 | 2 | null | undefined;
  decidedOn: string;
  decisionNo?: string | null | undefined;
  reason: string;
}

async function countyMonths(db: Kysely<any>, tenantId: string, kind: string): Promise<number | null> {
  const r = await sql<{ months: number }>`select months from personnel.sanction_periods where tenant_id = ${tenantId} and kind = ${kind}`.execute(db);
  return r.rows[0]?.months ?? null;
}

/** Records a decision on an officer (on a clue, when it came from one) with its effect period. */
export async function decideSanction(ctx: AuthedContext, input: DecideInput): Promise<{ id: string; effectiveUntil: string | null; permanent: boolean }> {
  const rule = sanctionRules[input.kind];
  if (input.kind === 'party_probation' && !input.probationYears) throw badRequest(m.probationYearsRequired);
  return ctx.db.transaction().execute(async (trx) => {
    const officer = await requireOfficer(ctx, input.officerId, trx);
    if (rule.category === 'party' && !officer.is_party_member) throw badRequest(m.partyKindNotMember);
    const clue = input.clueId ? await loadClue(ctx, trx, input.clueId, { lock: true }) : null;
    if (clue) {
      if (clue.officer_id !== officer.id) throw badRequest(m.clueOfOtherOfficer);
      if (clue.status === 'transferred') throw badRequest(m.clueTransferred);
      if (input.decidedOn < clue.received_on) throw badRequest(m.decidedBeforeClue(clue.received_on));
    }
    const period = effectPeriod(input.kind, input.decidedOn, {
      probationYears: input.kind === 'party_probation' ? (input.probationYears ?? null) : null,
      countyMonths: await countyMonths(trx, ctx.tenant.id, input.kind),
    });
    const r = await sql<{ id: string }>`insert into personnel.sanctions (tenant_id, officer_id, clue_id, form, category, kind, probation_years,
        decided_on, effect_months, effective_until, permanent, decision_no, reason, created_by)
      values (${ctx.tenant.id}, ${officer.id}, ${clue?.id ?? null}, ${input.form}, ${rule.category}, ${input.kind},
        ${input.kind === 'party_probation' ? (input.probationYears ?? null) : null}, ${input.decidedOn}, ${period.months}, ${period.effectiveUntil},
        ${period.permanent}, ${input.decisionNo ?? null}, ${sealText(ctx.vault, input.reason)}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    if (clue) await markDecided(ctx, trx, clue, input.decidedOn, id);
    await ctx.audit.record(
      { action: a.sanctionDecide, targetType: 'personnel.sanction', targetId: id, detail: { officerId: officer.id, kind: input.kind, form: input.form, decidedOn: input.decidedOn, effectiveUntil: period.effectiveUntil } },
      { db: trx },
    );
    return { id, effectiveUntil: period.effectiveUntil, permanent: period.permanent };
  });
}

export interface Sanction {
  id: string;
  officerId: string;
  officerName: string;
  clueId: string | null;
  form: number;
  category: string;
  kind: SanctionKind;
  probationYears: number | null;
  decidedOn: string;
  effectMonths: number | null;
  effectiveUntil: string | null;
  permanent: boolean;
  inForce: boolean;
  decisionNo: string | null;
  reason: string;
}

interface SanctionRow {
  id: string;
  officer_id: string;
  officer_name: string;
  clue_id: string | null;
  form: number;
  category: string;
  kind: SanctionKind;
  probation_years: number | null;
  decided_on: string;
  effect_months: number | null;
  effective_until: string | null;
  permanent: boolean;
  decision_no: string | null;
  reason: string;
}

/** The sanctions of an officer (or all), newest decision first, with whether each is in force today. */
export async function sanctionsOf(ctx: AuthedContext, filter: { officerId?: string | undefined; inForce?: boolean | undefined }): Promise<Sanction[]> {
  const today = chinaDay(ctx.now());
  const r = await sql<SanctionRow>`select s.id, s.officer_id, o.name as officer_name, s.clue_id, s.form, s.category, s.kind, s.probation_years,
      to_char(s.decided_on, 'YYYY-MM-DD') as decided_on, s.effect_months, to_char(s.effective_until, 'YYYY-MM-DD') as effective_until,
      s.permanent, s.decision_no, s.reason
    from personnel.sanctions s join personnel.officers o on o.tenant_id = s.tenant_id and o.id = s.officer_id
    where s.tenant_id = ${ctx.tenant.id}
      and (${filter.officerId ?? null}::uuid is null or s.officer_id = ${filter.officerId ?? null}::uuid)
      and (${filter.inForce ?? false} = false or (s.decided_on <= ${today} and (s.permanent or s.effective_until >= ${today})))
    order by s.decided_on desc, s.created_at desc limit 1000`.execute(ctx.db);
  return r.rows.map((s) => ({
    id: s.id,
    officerId: s.officer_id,
    officerName: s.officer_name,
    clueId: s.clue_id,
    form: s.form,
    category: s.category,
    kind: s.kind,
    probationYears: s.probation_years,
    decidedOn: s.decided_on,
    effectMonths: s.effect_months,
    effectiveUntil: s.effective_until,
    permanent: s.permanent,
    inForce: s.decided_on <= today && (s.permanent || (s.effective_until !== null && s.effective_until >= today)),
    decisionNo: s.decision_no,
    reason: openText(ctx.vault, s.reason),
  }));
}

/** The sanctions list for the discipline staff: the read is audited. */
export async function listSanctions(ctx: AuthedContext, filter: { officerId?: string | undefined; inForce?: boolean | undefined }): Promise<Sanction[]> {
  const rows = await sanctionsOf(ctx, filter);
  await ctx.audit.record({ action: a.sanctionRead, targetType: 'personnel.sanction', detail: { officerId: filter.officerId ?? null, inForce: filter.inForce ?? false, count: rows.length } });
  return rows;
}

export interface PeriodRow {
  kind: SanctionKind;
  category: string;
  defaultMonths: number | null;
  countyMonths: number | null;
  permanent: boolean;
  adjustable: boolean;
}

/** The effect period of every kind: the law's default and the county's own months. */
export async function listPeriods(ctx: AuthedContext): Promise<PeriodRow[]> {
  const own = await sql<{ kind: string; months: number }>`select kind, months from personnel.sanction_periods where tenant_id = ${ctx.tenant.id}`.execute(ctx.db);
  return (Object.keys(sanctionRules) as SanctionKind[]).map((kind) => {
    const rule = sanctionRules[kind];
    return {
      kind,
      category: rule.category,
      defaultMonths: typeof rule.months === 'number' ? rule.months : null,
      countyMonths: own.rows.find((o) => o.kind === kind)?.months ?? null,
      permanent: rule.months === 'permanent',
      adjustable: adjustableKinds.includes(kind),
    };
  });
}

/** Sets the county's months for a kind (applies to decisions recorded from now on). */
export async function setPeriod(ctx: AuthedContext, input: { kind: SanctionKind; months: number }): Promise<void> {
  if (!adjustableKinds.includes(input.kind)) throw badRequest(m.periodNotAdjustable);
  await ctx.db.transaction().execute(async (trx) => {
    await sql`insert into personnel.sanction_periods (tenant_id, kind, months, updated_by) values (${ctx.tenant.id}, ${input.kind}, ${input.months}, ${ctx.user.id})
      on conflict (tenant_id, kind) do update set months = excluded.months, updated_by = excluded.updated_by, updated_at = now()`.execute(trx);
    await ctx.audit.record({ action: a.sanctionPeriod, targetType: 'personnel.sanction_period', targetId: input.kind, detail: { months: input.months } }, { db: trx });
  });
}

/** Eligibility for commendation and promotion of an officer on a day (default today); the read is audited. */
export async function eligibility(ctx: AuthedContext, officerId: string, on: string | undefined): Promise<Restriction & { on: string }> {
  await requireOfficer(ctx, officerId);
  const day = on ?? chinaDay(ctx.now());
  const restriction = await restrictionOn(ctx.db, ctx.tenant.id, officerId, day);
  await ctx.audit.record({ action: a.eligibilityRead, targetType: 'personnel.officer', targetId: officerId, detail: { on: day } });
  return { on: day, ...restriction };
}
