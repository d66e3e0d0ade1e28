// Problem clues (问题线索) about an officer and their handling: 受理 → 初步核实 → 立案 → 调查 →
// 审理 → 决定 (the decision is a sanction of sanctions/service.ts), or 了结 when nothing is
// found, or 移交 to the discipline inspection and supervision commission. A handler in a
// conflict of interest withdraws (回避) and is replaced; every step is recorded and audited.
//
// Sources: petitions, complaints, reports, higher-level transfers and 三个规定 records are
// entered here; inspection findings will arrive through the inspections plugin's
// `inspections.finding.attributed` event once its contract publishes it (subscribe in
// index.ts and call createClue with source 'inspection' and the finding's reference).
import { badRequest, chinaDay, sql, versionConflict, type AuthedContext, type Kysely, type Vault } from '@zhengfa/plugin-api';
import { requireOfficer } from '../discipline-officers.js';
import { auditActions as a, clueStatusNames, messages as m } from '../discipline-strings.js';
import { openText, sealText } from '../sealing.js';

export const clueSources = ['petition', 'complaint', 'report', 'inspection', 'higher_transfer', 'conduct_record'] as const;
export const clueStatuses = ['accepted', 'verifying', 'filed', 'investigating', 'reviewing', 'decided', 'closed', 'transferred'] as const;
export type ClueStatus = (typeof clueStatuses)[number];
/** The steps advance() takes: the next stage, or 了结. */
export const advanceTargets = ['verifying', 'filed', 'investigating', 'reviewing', 'decided', 'closed'] as const;
export const withdrawalReasons = ['relative', 'interest', 'colleague', 'other'] as const;

const ORDER: ClueStatus[] = ['accepted', 'verifying', 'filed', 'investigating', 'reviewing', 'decided'];
const OPEN: ClueStatus[] = ['accepted', 'verifying', 'filed', 'investigating', 'reviewing'];

export interface ClueRow {
  id: string;
  officer_id: string;
  officer_name: string;
  officer_no: string;
  unit_id: string;
  source: string;
  source_ref: string | null;
  conduct_record_id: string | null;
  received_on: string;
  summary: string;
  status: ClueStatus;
  handler_user_id: string | null;
  handler_name: string | null;
  transferred_to: string | null;
  transferred_on: string | null;
  version: number;
  created_at: Date;
}

export interface Clue {
  id: string;
  officerId: string;
  officerName: string;
  officerNo: string;
  unitId: string;
  source: string;
  sourceRef: string | null;
  conductRecordId: string | null;
  receivedOn: string;
  summary: string;
  status: ClueStatus;
  handlerUserId: string | null;
  handlerName: string | null;
  transferredTo: string | null;
  transferredOn: string | null;
  version: number;
}

export interface ClueStep {
  step: string;
  on: string;
  note: string | null;
  detail: Record<string, unknown>;
  createdAt: Date;
}

// summary is stored sealed (sealing.ts): opened here.
const toClue = (vault: Vault, r: ClueRow): Clue => ({
  id: r.id,
  officerId: r.officer_id,
  officerName: r.officer_name,
  officerNo: r.officer_no,
  unitId: r.unit_id,
  source: r.source,
  sourceRef: r.source_ref,
  conductRecordId: r.conduct_record_id,
  receivedOn: r.received_on,
  summary: openText(vault, r.summary),
  status: r.status,
  handlerUserId: r.handler_user_id,
  handlerName: r.handler_name,
  transferredTo: r.transferred_to,
  transferredOn: r.transferred_on,
  version: r.version,
});

const selectClues = sql`select c.id, c.officer_id, o.name as officer_name, o.officer_no, o.unit_id, c.source, c.source_ref, c.conduct_record_id,
    to_char(c.received_on, 'YYYY-MM-DD') as received_on, c.summary, c.status, c.handler_user_id, c.handler_name, c.transferred_to,
    to_char(c.transferred_on, 'YYYY-MM-DD') as transferred_on, c.version, c.created_at
  from personnel.clues c join personnel.officers o on o.tenant_id = c.tenant_id and o.id = c.officer_id`;

export async function loadClue(ctx: AuthedContext, db: Kysely<any>, id: string, opts: { lock?: boolean } = {}): Promise<ClueRow> {
  const r = await sql<ClueRow>`${selectClues} where c.tenant_id = ${ctx.tenant.id} and c.id = ${id} ${opts.lock ? sql`for update of c` : sql``}`.execute(db);
  if (!r.rows[0]) throw badRequest(m.clueNotFound);
  return r.rows[0];
}

async function addStep(ctx: AuthedContext, trx: Kysely<any>, clueId: string, step: string, on: string, note: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  await sql`insert into personnel.clue_steps (tenant_id, clue_id, step, on_date, note, detail, actor_id)
    values (${ctx.tenant.id}, ${clueId}, ${step}, ${on}, ${sealText(ctx.vault, note)}, ${JSON.stringify(detail)}::jsonb, ${ctx.user.id})`.execute(trx);
}

/** A discipline staff member who may handle the clue (holds personnel.discipline), by user id. */
async function staffMember(ctx: AuthedContext, trx: Kysely<any>, userId: string, subjectUserId: string | null): Promise<{ id: string; displayName: string }> {
  if (subjectUserId && userId === subjectUserId) throw badRequest(m.handlerIsSubject);
  const staff = await ctx.kernel.users.find({ permission: 'personnel.discipline', limit: 500 }, { db: trx });
  const u = staff.find((x) => x.id === userId);
  if (!u) throw badRequest(m.handlerNotStaff);
  return u;
}

async function subjectUserOf(ctx: AuthedContext, trx: Kysely<any>, officerId: string): Promise<string | null> {
  return (await requireOfficer(ctx, officerId, trx)).user_id;
}

function checkVersion(row: { version: number }, version: number): void {
  if (row.version !== version) throw versionConflict();
}

function checkOpen(row: ClueRow): void {
  if (!OPEN.includes(row.status)) throw badRequest(m.clueClosed(clueStatusNames[row.status]));
}

function checkOn(row: ClueRow, on: string): void {
  if (on < row.received_on) throw badRequest(m.stepBeforeReceipt(row.received_on));
}

export interface CreateClueInput {
  officerId: string;
  source: (typeof clueSources)[number];
  sourceRef?: string | null | undefined;
  conductRecordId?: string | null | undefined;
  receivedOn: string;
  summary: string;
  handlerUserId?: string | null | undefined;
}

/** 受理: registers a clue about an officer, optionally with its handler. */
export async function createClue(ctx: AuthedContext, input: CreateClueInput): Promise<{ id: string; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const officer = await requireOfficer(ctx, input.officerId, trx);
    if (input.source === 'conduct_record') {
      if (!input.conductRecordId) throw badRequest(m.conductRecordRequired);
      const rec = await sql<{ subject_officer_id: string | null }>`select subject_officer_id from personnel.conduct_records
        where tenant_id = ${ctx.tenant.id} and id = ${input.conductRecordId}`.execute(trx);
      if (!rec.rows[0]) throw badRequest(m.recordNotFound);
      if (rec.rows[0].subject_officer_id && rec.rows[0].subject_officer_id !== officer.id) throw badRequest(m.conductRecordSubject);
    }
    const handler = input.handlerUserId ? await staffMember(ctx, trx, input.handlerUserId, officer.user_id) : null;
    const r = await sql<{ id: string }>`insert into personnel.clues (tenant_id, officer_id, source, source_ref, conduct_record_id, received_on, summary,
        handler_user_id, handler_name, created_by)
      values (${ctx.tenant.id}, ${officer.id}, ${input.source}, ${input.sourceRef ?? null},
        ${input.source === 'conduct_record' ? (input.conductRecordId ?? null) : null}, ${input.receivedOn}, ${sealText(ctx.vault, input.summary)},
        ${handler?.id ?? null}, ${handler?.displayName ?? null}, ${ctx.user.id})
      returning id`.execute(trx);
    const id = r.rows[0]!.id;
    await addStep(ctx, trx, id, 'accepted', input.receivedOn, null, { source: input.source });
    if (handler) await addStep(ctx, trx, id, 'handler', input.receivedOn, null, { handlerUserId: handler.id, handlerName: handler.displayName });
    await ctx.audit.record({ action: a.clueCreate, targetType: 'personnel.clue', targetId: id, detail: { officerId: officer.id, source: input.source } }, { db: trx });
    return { id, version: 1 };
  });
}

/** The clues, optionally of one status or officer (discipline staff; the read is audited). */
export async function listClues(ctx: AuthedContext, filter: { status?: ClueStatus | undefined; officerId?: string | undefined }): Promise<Clue[]> {
  const r = await sql<ClueRow>`${selectClues} where c.tenant_id = ${ctx.tenant.id}
      and (${filter.status ?? null}::text is null or c.status = ${filter.status ?? null})
      and (${filter.officerId ?? null}::uuid is null or c.officer_id = ${filter.officerId ?? null}::uuid)
    order by c.received_on desc, c.created_at desc limit 500`.execute(ctx.db);
  await ctx.audit.record({ action: a.clueRead, targetType: 'personnel.clue', detail: { status: filter.status ?? null, officerId: filter.officerId ?? null, count: r.rows.length } });
  return r.rows.map((x) => toClue(ctx.vault, x));
}

/** One clue with its steps (discipline staff; the read is audited). */
export async function getClue(ctx: AuthedContext, id: string): Promise<Clue & { steps: ClueStep[] }> {
  const row = await loadClue(ctx, ctx.db, id);
  const steps = await sql<{ step: string; on: string; note: string | null; detail: Record<string, unknown>; created_at: Date }>`
    select step, to_char(on_date, 'YYYY-MM-DD') as on, note, detail, created_at from personnel.clue_steps
    where tenant_id = ${ctx.tenant.id} and clue_id = ${id} order by created_at, on_date`.execute(ctx.db);
  await ctx.audit.record({ action: a.clueRead, targetType: 'personnel.clue', targetId: id });
  return { ...toClue(ctx.vault, row), steps: steps.rows.map((s) => ({ step: s.step, on: s.on, note: openText(ctx.vault, s.note), detail: s.detail, createdAt: s.created_at })) };
}

/** Moves a clue to its next stage in order (受理 → 初步核实 → 立案 → 调查 → 审理 → 决定), or to 了结. */
export async function advanceClue(ctx: AuthedContext, input: { id: string; version: number; to: (typeof advanceTargets)[number]; on: string; note?: string | null | undefined }): Promise<{ version: number; status: ClueStatus }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadClue(ctx, trx, input.id, { lock: true });
    checkVersion(row, input.version);
    checkOpen(row);
    if (input.to !== 'closed' && ORDER.indexOf(input.to) !== ORDER.indexOf(row.status) + 1) {
      throw badRequest(m.stepOrder(clueStatusNames[row.status], clueStatusNames[input.to]));
    }
    checkOn(row, input.on);
    await sql`update personnel.clues set status = ${input.to}, closing_note = ${input.to === 'closed' ? sealText(ctx.vault, input.note ?? null) : null},
        version = version + 1 where tenant_id = ${ctx.tenant.id} and id = ${row.id}`.execute(trx);
    await addStep(ctx, trx, row.id, input.to, input.on, input.note ?? null);
    await ctx.audit.record({ action: a.clueStep, targetType: 'personnel.clue', targetId: row.id, detail: { from: row.status, to: input.to, on: input.on } }, { db: trx });
    return { version: row.version + 1, status: input.to };
  });
}

/** Names (or changes) the clue's handler: a discipline staff member, never the officer concerned. */
export async function assignHandler(ctx: AuthedContext, input: { id: string; version: number; handlerUserId: string }): Promise<{ version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadClue(ctx, trx, input.id, { lock: true });
    checkVersion(row, input.version);
    checkOpen(row);
    const handler = await staffMember(ctx, trx, input.handlerUserId, await subjectUserOf(ctx, trx, row.officer_id));
    await sql`update personnel.clues set handler_user_id = ${handler.id}, handler_name = ${handler.displayName}, version = version + 1
      where tenant_id = ${ctx.tenant.id} and id = ${row.id}`.execute(trx);
    await addStep(ctx, trx, row.id, 'handler', chinaDay(ctx.now()), null, { handlerUserId: handler.id, handlerName: handler.displayName });
    await ctx.audit.record({ action: a.clueHandler, targetType: 'personnel.clue', targetId: row.id, detail: { handlerUserId: handler.id } }, { db: trx });
    return { version: row.version + 1 };
  });
}

/** 回避: the handler in a conflict of interest withdraws and another takes the clue over; both are recorded. */
export async function withdrawHandler(
  ctx: AuthedContext,
  input: { id: string; version: number; reason: (typeof withdrawalReasons)[number]; note?: string | null | undefined; replacementUserId: string; on: string },
): Promise<{ version: number; handlerName: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadClue(ctx, trx, input.id, { lock: true });
    checkVersion(row, input.version);
    checkOpen(row);
    if (!row.handler_user_id) throw badRequest(m.noHandler);
    if (input.replacementUserId === row.handler_user_id) throw badRequest(m.replacementSame);
    checkOn(row, input.on);
    const next = await staffMember(ctx, trx, input.replacementUserId, await subjectUserOf(ctx, trx, row.officer_id));
    await sql`update personnel.clues set handler_user_id = ${next.id}, handler_name = ${next.displayName}, version = version + 1
      where tenant_id = ${ctx.tenant.id} and id = ${row.id}`.execute(trx);
    await addStep(ctx, trx, row.id, 'withdrawal', input.on, input.note ?? null, {
      reason: input.reason,
      withdrawnUserId: row.handler_user_id,
      withdrawnName: row.handler_name,
      handlerUserId: next.id,
      handlerName: next.displayName,
    });
    await ctx.audit.record(
      { action: a.clueWithdrawal, targetType: 'personnel.clue', targetId: row.id, detail: { reason: input.reason, withdrawnUserId: row.handler_user_id, handlerUserId: next.id } },
      { db: trx },
    );
    return { version: row.version + 1, handlerName: next.displayName };
  });
}

/** 移交: the clue belongs to the discipline inspection and supervision commission; the transfer is recorded. */
export async function transferClue(ctx: AuthedContext, input: { id: string; version: number; to: string; on: string; note?: string | null | undefined }): Promise<{ version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadClue(ctx, trx, input.id, { lock: true });
    checkVersion(row, input.version);
    checkOpen(row);
    checkOn(row, input.on);
    await sql`update personnel.clues set status = 'transferred', transferred_to = ${input.to}, transferred_on = ${input.on}, version = version + 1
      where tenant_id = ${ctx.tenant.id} and id = ${row.id}`.execute(trx);
    await addStep(ctx, trx, row.id, 'transferred', input.on, input.note ?? null, { to: input.to });
    await ctx.audit.record({ action: a.clueTransfer, targetType: 'personnel.clue', targetId: row.id, detail: { to: input.to, on: input.on } }, { db: trx });
    return { version: row.version + 1 };
  });
}

/** Marks a clue decided when a decision is recorded on it (from any open stage: ① is often decided after 初核). */
export async function markDecided(ctx: AuthedContext, trx: Kysely<any>, row: ClueRow, on: string, sanctionId: string): Promise<void> {
  if (row.status === 'decided') return;
  await sql`update personnel.clues set status = 'decided', version = version + 1 where tenant_id = ${ctx.tenant.id} and id = ${row.id}`.execute(trx);
  await addStep(ctx, trx, row.id, 'decided', on, null, { sanctionId });
}

export { OPEN as openClueStatuses };
