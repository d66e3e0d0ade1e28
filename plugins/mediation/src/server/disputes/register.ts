// One-window intake (无差别受理): a dispute from any source, its parties (ID numbers and
// phones sealed), its code (一案一码: 调2026-000123, per county and year, gap-free) and the
// triage deadline on the county's working calendar. Idempotent on the client's key.
import { badRequest, chinaDay, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { readSettings } from '../settings.js';
import { messages as m } from '../strings.js';
import { isIdNumber, isPhone, normalizeIdNumber, normalizePhone } from './personal-data.js';

export const sources = ['walk_in', 'petition', 'police', 'court', 'grassroots', 'phone', 'online'] as const;
export const riskLevels = ['low', 'medium', 'high'] as const;
export const partyKinds = ['person', 'organisation'] as const;
export const partyRoles = ['applicant', 'respondent', 'other'] as const;
export type Source = (typeof sources)[number];

export interface PartyInput {
  kind: (typeof partyKinds)[number];
  role: (typeof partyRoles)[number];
  name: string;
  idNumber?: string | null | undefined;
  phone?: string | null | undefined;
  address?: string | null | undefined;
}

export interface RegisterDisputeInput {
  source: Source;
  referenceNo?: string | null | undefined;
  consent?: boolean | undefined;
  receivedOn: string;
  summary: string;
  disputeType: string;
  amount?: number | null | undefined;
  personCount: number;
  riskLevel: (typeof riskLevels)[number];
  parties: PartyInput[];
  /** The seconded staff member who received it at the window (受理人员), if recorded. */
  receivedByStaffId?: string | null | undefined;
  clientKey?: string | undefined;
}

export interface RegisterDisputeResult {
  id: string;
  code: string;
  triageDueOn: string;
  duplicate: boolean;
}

/** 调2026-000123 */
export function disputeCode(year: number, n: number): string {
  return `调${year}-${String(n).padStart(6, '0')}`;
}

/** The county's next code of `year`, taken in the caller's transaction (gap-free). */
export async function nextCode(trx: Kysely<any>, tenantId: string, year: number): Promise<string> {
  const counter = await sql<{ last: number }>`insert into mediation.code_counters (tenant_id, year, last) values (${tenantId}, ${year}, 1)
    on conflict (tenant_id, year) do update set last = mediation.code_counters.last + 1
    returning last`.execute(trx);
  return disputeCode(year, counter.rows[0]!.last);
}

/** The parties checked and in their stored form (not yet sealed); refuses naming the party's field. */
export function checkParties(parties: PartyInput[]): PartyInput[] {
  return parties.map((p, i) => {
    const no = i + 1;
    const name = p.name?.trim() ?? '';
    if (!name) throw badRequest(m.partyNameRequired(no));
    const idNumber = p.idNumber?.trim() ? p.idNumber : null;
    const phone = p.phone?.trim() ? p.phone : null;
    if (idNumber && p.kind === 'organisation') throw badRequest(m.idNumberForOrganisation(no));
    if (idNumber && !isIdNumber(idNumber)) throw badRequest(m.badIdNumber(no));
    if (phone && !isPhone(phone)) throw badRequest(m.badPhone(no));
    return {
      kind: p.kind,
      role: p.role,
      name,
      idNumber: idNumber ? normalizeIdNumber(idNumber) : null,
      phone: phone ? normalizePhone(phone) : null,
      address: p.address?.trim() || null,
    };
  });
}

/** The staff member `staffId` if active and seconded to the center on `day`; refuses naming 受理人员. */
async function secondedOn(trx: Kysely<any>, tenantId: string, staffId: string, day: string): Promise<string> {
  const r = await sql<{ name: string; active: boolean; seconded_from: string; seconded_to: string | null }>`
    select name, active, to_char(seconded_from, 'YYYY-MM-DD') as seconded_from, to_char(seconded_to, 'YYYY-MM-DD') as seconded_to
    from mediation.staff where tenant_id = ${tenantId} and id = ${staffId}`.execute(trx);
  const x = r.rows[0];
  if (!x) throw badRequest(m.receiverNotFound);
  if (!x.active || day < x.seconded_from || (x.seconded_to !== null && day > x.seconded_to)) throw badRequest(m.receiverNotSeconded(x.name, day));
  return staffId;
}

async function byClientKey(db: Kysely<any>, tenantId: string, key: string): Promise<RegisterDisputeResult | undefined> {
  const r = await sql<{ id: string; code: string; triage_due_on: string }>`select id, code, to_char(triage_due_on, 'YYYY-MM-DD') as triage_due_on
    from mediation.disputes where tenant_id = ${tenantId} and client_key = ${key}`.execute(db);
  const d = r.rows[0];
  return d ? { id: d.id, code: d.code, triageDueOn: d.triage_due_on, duplicate: true } : undefined;
}

export async function registerDispute(ctx: AuthedContext, input: RegisterDisputeInput): Promise<RegisterDisputeResult> {
  const tenantId = ctx.tenant.id;
  const today = chinaDay(ctx.now());
  if (input.receivedOn > today) throw badRequest(m.receivedInFuture);
  if (input.amount != null) {
    if (input.amount < 0) throw badRequest(m.amountNegative);
    if (Math.round(input.amount * 100) !== input.amount * 100) throw badRequest(m.amountTooPrecise);
  }
  if (input.source === 'petition' && !input.consent) throw badRequest(m.consentRequired);
  const parties = checkParties(input.parties);
  const run = async (trx: Kysely<any>): Promise<RegisterDisputeResult> => {
    if (input.clientKey) {
      const seen = await byClientKey(trx, tenantId, input.clientKey);
      if (seen) return seen;
    }
    const settings = await readSettings(trx, tenantId);
    if (!settings.disputeTypes.includes(input.disputeType)) throw badRequest(m.unknownType(input.disputeType));
    const receiver = input.receivedByStaffId ? await secondedOn(trx, tenantId, input.receivedByStaffId, input.receivedOn) : null;
    // On the county's working calendar, as the kernel's own clocks count (holidays, make-up days).
    const triageDueOn = await ctx.kernel.calendar.addWorkingDays(input.receivedOn, settings.triageDays, { db: trx });
    const code = await nextCode(trx, tenantId, Number(input.receivedOn.slice(0, 4)));
    const r = await sql<{ id: string }>`insert into mediation.disputes
        (tenant_id, code, source, reference_no, consent, received_on, summary, dispute_type, amount, person_count, risk_level,
         triage_due_on, client_key, registered_by, registered_by_name, received_by_staff_id)
      values (${tenantId}, ${code}, ${input.source}, ${input.referenceNo?.trim() || null}, ${input.consent ?? false}, ${input.receivedOn},
        ${input.summary}, ${input.disputeType}, ${input.amount ?? null}, ${input.personCount}, ${input.riskLevel},
        ${triageDueOn}, ${input.clientKey ?? null}, ${ctx.user.id}, ${ctx.user.displayName}, ${receiver})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    let position = 1;
    for (const p of parties) {
      await sql`insert into mediation.parties (tenant_id, dispute_id, position, kind, role, name, id_number, phone, address)
        values (${tenantId}, ${id}, ${position}, ${p.kind}, ${p.role}, ${p.name},
          ${p.idNumber ? ctx.vault.seal(p.idNumber) : null}, ${p.phone ? ctx.vault.seal(p.phone) : null}, ${p.address ?? null})`.execute(trx);
      position += 1;
    }
    await ctx.audit.record(
      {
        action: 'mediation.disputes.register',
        targetType: 'mediation.dispute',
        targetId: id,
        detail: { code, source: input.source, receivedByStaffId: receiver, disputeType: input.disputeType, personCount: input.personCount, riskLevel: input.riskLevel, parties: parties.length },
      },
      { db: trx },
    );
    return { id, code, triageDueOn, duplicate: false };
  };
  try {
    return await ctx.db.transaction().execute(run);
  } catch (err) {
    // A concurrent request with the same key won the race: answer with its dispute.
    if ((err as { code?: string }).code === '23505' && input.clientKey) {
      const seen = await byClientKey(ctx.db, tenantId, input.clientKey);
      if (seen) return seen;
    }
    throw err;
  }
}
