// Error-case accountability (错案追究): the finding of an error in a case → the officer's
// statement of defence (申辩; by the officer, or recorded by the discipline staff, e.g. that
// they waived it) → the decision (optionally a sanction of the officer) → the review (复核)
// the officer asked for. Each step in order, versioned and audited.
import { badRequest, forbidden, sql, versionConflict, type AuthedContext, type Kysely, type Vault } from '@zhengfa/plugin-api';
import { officerOfUser, requireOfficer } from '../discipline-officers.js';
import { accountabilityStatusNames, auditActions as a, fieldNames as n, messages as m } from '../discipline-strings.js';
import { openText, sealText } from '../sealing.js';

export const reviewResults = ['upheld', 'changed', 'revoked'] as const;
type Status = keyof typeof accountabilityStatusNames;

export interface Accountability {
  id: string;
  officerId: string;
  officerName: string;
  caseRef: string;
  finding: string;
  foundOn: string;
  status: Status;
  defence: string | null;
  defendedOn: string | null;
  decision: string | null;
  decidedOn: string | null;
  sanctionId: string | null;
  reviewRequest: string | null;
  reviewResult: string | null;
  reviewNote: string | null;
  reviewedOn: string | null;
  version: number;
}

interface Row {
  id: string;
  officer_id: string;
  officer_name: string;
  officer_user_id: string | null;
  case_ref: string;
  finding: string;
  found_on: string;
  status: Status;
  defence: string | null;
  defended_on: string | null;
  decision: string | null;
  decided_on: string | null;
  sanction_id: string | null;
  review_request: string | null;
  review_result: string | null;
  review_note: string | null;
  reviewed_on: string | null;
  version: number;
}

const select = sql`select x.id, x.officer_id, o.name as officer_name, o.user_id as officer_user_id, x.case_ref, x.finding,
    to_char(x.found_on, 'YYYY-MM-DD') as found_on, x.status, x.defence, to_char(x.defended_on, 'YYYY-MM-DD') as defended_on,
    x.decision, to_char(x.decided_on, 'YYYY-MM-DD') as decided_on, x.sanction_id, x.review_request, x.review_result, x.review_note,
    to_char(x.reviewed_on, 'YYYY-MM-DD') as reviewed_on, x.version
  from personnel.accountability x join personnel.officers o on o.tenant_id = x.tenant_id and o.id = x.officer_id`;

// finding, defence, decision, review_request and review_note are stored sealed (sealing.ts): opened here.
const shape = (vault: Vault, r: Row): Accountability => ({
  id: r.id,
  officerId: r.officer_id,
  officerName: r.officer_name,
  caseRef: r.case_ref,
  finding: openText(vault, r.finding),
  foundOn: r.found_on,
  status: r.status,
  defence: openText(vault, r.defence),
  defendedOn: r.defended_on,
  decision: openText(vault, r.decision),
  decidedOn: r.decided_on,
  sanctionId: r.sanction_id,
  reviewRequest: openText(vault, r.review_request),
  reviewResult: r.review_result,
  reviewNote: openText(vault, r.review_note),
  reviewedOn: r.reviewed_on,
  version: r.version,
});

async function load(ctx: AuthedContext, db: Kysely<any>, id: string, version: number, expected: Status): Promise<Row> {
  const r = await sql<Row>`${select} where x.tenant_id = ${ctx.tenant.id} and x.id = ${id} for update of x`.execute(db);
  const row = r.rows[0];
  if (!row) throw badRequest(m.accountabilityNotFound);
  if (row.version !== version) throw versionConflict();
  if (row.status !== expected) throw badRequest(m.accountabilityStep(accountabilityStatusNames[row.status]));
  return row;
}

async function step(ctx: AuthedContext, trx: Kysely<any>, id: string, status: Status, detail: Record<string, unknown>): Promise<void> {
  await ctx.audit.record({ action: a.accountabilityStep, targetType: 'personnel.accountability', targetId: id, detail: { status, ...detail } }, { db: trx });
}

export async function recordFinding(ctx: AuthedContext, input: { officerId: string; caseRef: string; finding: string; foundOn: string }): Promise<{ id: string; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireOfficer(ctx, input.officerId, trx);
    const r = await sql<{ id: string }>`insert into personnel.accountability (tenant_id, officer_id, case_ref, finding, found_on, created_by)
      values (${ctx.tenant.id}, ${input.officerId}, ${input.caseRef}, ${sealText(ctx.vault, input.finding)}, ${input.foundOn}, ${ctx.user.id}) returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await step(ctx, trx, id, 'found', { officerId: input.officerId });
    return { id, version: 1 };
  });
}

/** 申辩: by the officer concerned (their own), or recorded by the discipline staff. */
export async function defend(ctx: AuthedContext, input: { id: string; version: number; defence: string; on: string }): Promise<{ version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const exists = await sql<{ officer_user_id: string | null }>`select o.user_id as officer_user_id from personnel.accountability x
      join personnel.officers o on o.tenant_id = x.tenant_id and o.id = x.officer_id where x.tenant_id = ${ctx.tenant.id} and x.id = ${input.id}`.execute(trx);
    // Someone neither concerned nor on the staff learns nothing of the matter, not even that it exists.
    if (!exists.rows[0]) throw badRequest(m.accountabilityNotFound);
    if (exists.rows[0].officer_user_id !== ctx.user.id && !ctx.can('personnel.discipline')) throw forbidden(m.defenceNotOwn);
    const row = await load(ctx, trx, input.id, input.version, 'found');
    if (input.on < row.found_on) throw badRequest(m.dateBeforeFinding(n.defendedOn, row.found_on));
    await sql`update personnel.accountability set status = 'defended', defence = ${sealText(ctx.vault, input.defence)}, defended_on = ${input.on}, version = version + 1
      where tenant_id = ${ctx.tenant.id} and id = ${row.id}`.execute(trx);
    await step(ctx, trx, row.id, 'defended', { byOfficer: row.officer_user_id === ctx.user.id });
    return { version: row.version + 1 };
  });
}

export async function decide(ctx: AuthedContext, input: { id: string; version: number; decision: string; on: string; sanctionId?: string | null | undefined }): Promise<{ version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await load(ctx, trx, input.id, input.version, 'defended');
    if (input.on < row.found_on) throw badRequest(m.dateBeforeFinding(n.decidedOn, row.found_on));
    if (input.sanctionId) {
      const s = await sql`select 1 from personnel.sanctions where tenant_id = ${ctx.tenant.id} and id = ${input.sanctionId} and officer_id = ${row.officer_id}`.execute(trx);
      if (!s.rows.length) throw badRequest(m.sanctionNotFound);
    }
    await sql`update personnel.accountability set status = 'decided', decision = ${sealText(ctx.vault, input.decision)}, decided_on = ${input.on},
        sanction_id = ${input.sanctionId ?? null}, version = version + 1 where tenant_id = ${ctx.tenant.id} and id = ${row.id}`.execute(trx);
    await step(ctx, trx, row.id, 'decided', { sanctionId: input.sanctionId ?? null });
    return { version: row.version + 1 };
  });
}

export async function review(
  ctx: AuthedContext,
  input: { id: string; version: number; request: string; result: (typeof reviewResults)[number]; note?: string | null | undefined; on: string },
): Promise<{ version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await load(ctx, trx, input.id, input.version, 'decided');
    if (input.on < row.decided_on!) throw badRequest(m.dateBeforeDecision(n.reviewedOn, row.decided_on!));
    await sql`update personnel.accountability set status = 'reviewed', review_request = ${sealText(ctx.vault, input.request)}, review_result = ${input.result},
        review_note = ${sealText(ctx.vault, input.note ?? null)}, reviewed_on = ${input.on}, version = version + 1 where tenant_id = ${ctx.tenant.id} and id = ${row.id}`.execute(trx);
    await step(ctx, trx, row.id, 'reviewed', { result: input.result });
    return { version: row.version + 1 };
  });
}

/** Every matter, or one officer's (discipline staff; the read is audited). */
export async function listAccountability(ctx: AuthedContext, officerId: string | undefined): Promise<Accountability[]> {
  const r = await sql<Row>`${select} where x.tenant_id = ${ctx.tenant.id} and (${officerId ?? null}::uuid is null or x.officer_id = ${officerId ?? null}::uuid)
    order by x.found_on desc, x.created_at desc limit 500`.execute(ctx.db);
  await ctx.audit.record({ action: a.accountabilityRead, targetType: 'personnel.accountability', detail: { officerId: officerId ?? null, count: r.rows.length } });
  return r.rows.map((x) => shape(ctx.vault, x));
}

/** The signed-in officer's own matters (to read the finding and state their defence). */
export async function myAccountability(ctx: AuthedContext): Promise<Accountability[]> {
  const me = await officerOfUser(ctx);
  if (!me) return [];
  const r = await sql<Row>`${select} where x.tenant_id = ${ctx.tenant.id} and x.officer_id = ${me.id} order by x.found_on desc limit 100`.execute(ctx.db);
  return r.rows.map((x) => shape(ctx.vault, x));
}
