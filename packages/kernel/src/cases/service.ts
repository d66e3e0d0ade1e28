// Case operations. Each runs in one transaction: load the case inside the user's scope
// with a row lock, check the version the user saw, check the transition, write the new
// state, append the timeline event and the audit row. A refusal throws before any write.
import type { AuthedContext, FourFixesInput as ApiFourFixesInput } from '@zhengfa/plugin-api';
import { randomUUID } from 'node:crypto';
import { auditActorOf, auditAppendCtes } from '../audit/audit-log.js';
import { inTransaction } from '../db/transaction.js';
import { outboxEventCte } from '../events/outbox.js';
import { apiStrings, badRequest, DEADLINE_DAYS_AHEAD, dateProblem, forbidden, notFound, versionConflict } from '@zhengfa/plugin-api';
import { sql, type Kysely, type Transaction } from 'kysely';
import { nextReportDate } from '../cadence/index.js';
import { countyCadence } from '../cadence/settings.js';
import type { KernelDatabase, Urgency } from '../db/schema.js';
import type { PluginHost } from '../plugin-host/host.js';
import { maskAddress, maskIdNumber, maskName, maskPhone, validateIdNumber, validatePhone } from '../parties/index.js';
import { openIdentifiers, sealIdentifiers } from '../vault/parties.js';
import {
  caseActionNames,
  caseStatusNames,
  caseStrings as s,
  fieldNames,
  fourFixNames,
  sixClarityNames,
} from '../strings.js';
import { chinaDate } from './dates.js';
import { startClocks } from '../clocks/service.js';
import { checkAttachmentsOfCase } from '../files/attachments.js';
import {
  canTransition,
  closedStatuses,
  editableStatuses,
  missingClarities,
  missingFourFixes,
  transitions,
  type CaseAction,
  type CaseStatus,
  type SixClarities,
} from './lifecycle.js';
import { takeDocNumber } from './numbering.js';
import { caseStepNotices, dispatchNotices } from './next-step.js';
import { sendNotices } from '../notifications/recipients.js';
import { caseLedByUser, caseVisible, mayOpenRestricted } from './scope.js';
import { documentGrams, tenantGrams } from './search-grams.js';

export interface PartyInput {
  role?: string;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface RegisterInput {
  kind: string;
  title: string;
  summary: string;
  source: string;
  urgency: Urgency;
  isKey: boolean;
  receivedOn?: string;
  parties: PartyInput[];
  idempotencyKey?: string;
  /** A past, concluded matter: registered as closed, with no clocks or reminders. */
  historical?: boolean;
  /** The permission guarding the case's material (CaseRegistration.restrictedTo). */
  restrictedTo?: string;
}

type Trx = Transaction<KernelDatabase>;

function kdbOf(ctx: AuthedContext): Kysely<KernelDatabase> {
  return ctx.db as unknown as Kysely<KernelDatabase>;
}

export function checkParties(parties: PartyInput[]): void {
  for (const p of parties) {
    if (p.idNumber) {
      const problem = validateIdNumber(p.idNumber);
      if (problem) throw badRequest(s.badIdNumber(p.name, problem));
    }
    if (p.phone) {
      const problem = validatePhone(p.phone);
      if (problem) throw badRequest(s.badPhone(p.name, problem));
    }
  }
}

async function appendEvent(
  trx: Trx,
  ctx: AuthedContext,
  caseId: string,
  type: string,
  from: string | null,
  to: string | null,
  comment = '',
  data: Record<string, unknown> = {},
): Promise<void> {
  await trx
    .insertInto('kernel.case_events')
    .values({
      tenant_id: ctx.tenant.id,
      case_id: caseId,
      actor_id: ctx.user.id,
      actor_name: ctx.user.displayName,
      actor_org_id: ctx.user.orgId,
      type,
      from_status: from,
      to_status: to,
      comment,
      data: JSON.stringify(data),
    })
    .execute();
}

// Who is told of each step (the permission the next step needs, in its scope): cases/next-step.ts.
export { userHolds, usersWithPermission } from '../notifications/recipients.js';

/** The names as kernel.cases.party_names holds them: sorted by the database, as migration 0016 sorted them. */
function partyNamesSql(names: string[]) {
  return sql<string[]>`(select coalesce(array_agg(n order by n), '{}') from unnest(${names}::text[]) as n)`;
}

/**
 * What the ledger may search and show of a case: its title, summary, number and parties'
 * names; of a restricted case only its title and number, so no search or ledger row can
 * confirm who or what it is about to someone who may not open it.
 */
function searchableOf(c: { title: string; summary: string; docNo: string; restricted: boolean }, partyNames: string[]) {
  return c.restricted
    ? { grams: documentGrams(c.title, c.docNo), partyNames: [] as string[] }
    : { grams: documentGrams(c.title, c.summary, c.docNo, ...partyNames), partyNames };
}

async function refreshSearch(trx: Trx, tenantId: string, caseId: string): Promise<void> {
  const c = await trx.selectFrom('kernel.cases').select(['title', 'summary', 'doc_no', 'restricted_to']).where('tenant_id', '=', tenantId).where('id', '=', caseId).executeTakeFirstOrThrow();
  const parties = await trx.selectFrom('kernel.case_parties').select('name').where('tenant_id', '=', tenantId).where('case_id', '=', caseId).execute();
  const searchable = searchableOf({ title: c.title, summary: c.summary, docNo: c.doc_no, restricted: c.restricted_to !== null }, parties.map((p) => p.name));
  await trx
    .updateTable('kernel.cases')
    .set({
      search_grams: tenantGrams(tenantId, searchable.grams),
      party_names: partyNamesSql(searchable.partyNames),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .execute();
}

export async function registerCase(ctx: AuthedContext, host: PluginHost, input: RegisterInput): Promise<{ id: string; docNo: string; duplicate: boolean }> {
  const kind = host.caseKinds.get(input.kind);
  if (!kind) throw badRequest(s.unknownKind(input.kind));
  // Only a permission of the plugin that owns the kind may guard its cases.
  if (input.restrictedTo !== undefined && (kind.owner === 'kernel' || !host.permissions.some((p) => p.key === input.restrictedTo && p.owner === kind.owner))) {
    throw badRequest(s.badRestriction(input.restrictedTo));
  }
  checkParties(input.parties);
  const db = kdbOf(ctx);
  // A repeated idempotency key is caught by the unique index when the case is inserted
  // (below): the transaction rolls back, returning its document number, and the request
  // is answered with the case the key first created. Inside a caller's transaction (a
  // plugin's) a failed insert would abort that transaction, so the key is looked up first.
  if (input.idempotencyKey && db.isTransaction) {
    const existing = await db
      .selectFrom('kernel.cases')
      .select(['id', 'doc_no'])
      .where('tenant_id', '=', ctx.tenant.id)
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (existing) return { id: existing.id, docNo: existing.doc_no, duplicate: true };
  }
  const today = chinaDate(ctx.now());
  const receivedOn = input.receivedOn ?? today;
  // Plugins and imports reach this without the procedure's schema: a receipt in the future
  // (or in 9999) would otherwise take a number of that year.
  const receivedProblem = dateProblem(receivedOn, fieldNames.receivedOn, { notFuture: true, today });
  if (receivedProblem) throw badRequest(receivedProblem);
  const year = Number(receivedOn.slice(0, 4));
  try {
    return await inTransaction(db, async (trx) => {
      const { seq, docNo } = await takeDocNumber(trx, ctx.tenant.id, kind.key, kind.docWord, year);
      // The case, its parties and its first timeline event in one statement (one round
      // trip: on the benchmark's machine a round trip costs more than the writes).
      const status = input.historical ? 'closed' : 'registered';
      // ID numbers and phones sealed (vault), with their blind indexes.
      const parties = input.parties.map((p) => {
        const k = sealIdentifiers(ctx.vault, p.idNumber, p.phone);
        return sql`(${p.role ?? 'party'}, ${p.name}, ${k.id_number}, ${k.id_number_index}, ${k.phone}, ${k.phone_index}, ${p.address || null})`;
      });
      const partiesCte = parties.length
        ? sql`, p as (
            insert into kernel.case_parties (tenant_id, case_id, role, name, id_number, id_number_index, phone, phone_index, address)
            select ${ctx.tenant.id}, c.id, x.role, x.name, x.id_number, x.id_number_index, x.phone, x.phone_index, x.address
            from c, (values ${sql.join(parties)}) as x(role, name, id_number, id_number_index, phone, phone_index, address))`
        : sql``;
      const eventData = JSON.stringify({ docNo, historical: Boolean(input.historical) });
      const searchable = searchableOf({ title: input.title, summary: input.summary, docNo, restricted: input.restrictedTo !== undefined }, input.parties.map((p) => p.name));
      const grams = tenantGrams(ctx.tenant.id, searchable.grams);
      // The case, its parties, its first timeline event, its audit row and its outbox event in
      // one statement (one round trip: on the benchmark's machine a round trip costs more than
      // the writes). The id is chosen here so the audit row and the event can name it.
      const id = randomUUID();
      await sql`
        with c as (
          insert into kernel.cases (tenant_id, id, kind, doc_no, doc_year, doc_seq, title, summary, source, urgency, status, closed_at, is_key, registered_by, received_on, idempotency_key, search_grams, party_names, restricted_to)
          values (${ctx.tenant.id}, ${id}::uuid, ${kind.key}, ${docNo}, ${year}, ${seq}, ${input.title}, ${input.summary}, ${input.source}, ${input.urgency}, ${status},
            ${input.historical ? new Date(`${receivedOn}T12:00:00+08:00`) : null}::timestamptz, ${input.isKey}, ${ctx.user.id}::uuid, ${receivedOn}::date,
            ${input.idempotencyKey ?? null}, ${grams}::text[], ${partyNamesSql(searchable.partyNames)}, ${input.restrictedTo ?? null})
          returning id
        )${partiesCte}, e as (
          insert into kernel.case_events (tenant_id, case_id, actor_id, actor_name, actor_org_id, type, from_status, to_status, comment, data)
          select ${ctx.tenant.id}, c.id, ${ctx.user.id}::uuid, ${ctx.user.displayName}, ${ctx.user.orgId}::uuid, 'register', null, ${status}, '', ${eventData}::jsonb from c
        ), ${auditAppendCtes(auditActorOf(ctx), { action: 'cases.register', targetType: 'case', targetId: id, detail: { docNo, kind: kind.key } })},
        ${outboxEventCte(ctx.tenant.id, 'kernel.case.registered', { caseId: id, kind: kind.key, docNo })}
        select id from c`.execute(trx);
      const registerClocks = input.historical ? [] : (kind.clocks ?? []).filter((c) => c.startsAt === 'register');
      if (registerClocks.length) await startClocks(trx, ctx.tenant.id, id, registerClocks, receivedOn);
      return { id, docNo, duplicate: false };
    });
  } catch (err) {
    // A concurrent request with the same idempotency key won the race: answer with its case.
    if ((err as { code?: string }).code === '23505' && input.idempotencyKey) {
      const existing = await db
        .selectFrom('kernel.cases')
        .select(['id', 'doc_no'])
        .where('tenant_id', '=', ctx.tenant.id)
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirst();
      if (existing) return { id: existing.id, docNo: existing.doc_no, duplicate: true };
    }
    throw err;
  }
}

async function lockCase(trx: Trx, ctx: AuthedContext, caseId: string, version?: number) {
  const row = await trx
    .selectFrom('kernel.cases as c')
    .selectAll('c')
    .where('c.tenant_id', '=', ctx.tenant.id)
    .where('c.id', '=', caseId)
    .where(caseVisible(ctx.user))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound(s.notFound);
  if (version !== undefined && row.version !== version) throw versionConflict();
  return row;
}

async function leadsCase(trx: Trx, ctx: AuthedContext, caseId: string): Promise<boolean> {
  const r = await trx
    .selectFrom('kernel.cases as c')
    .select('c.id')
    .where('c.tenant_id', '=', ctx.tenant.id)
    .where('c.id', '=', caseId)
    .where(caseLedByUser(trx, ctx.user))
    .executeTakeFirst();
  return Boolean(r);
}

async function bump(trx: Trx, ctx: AuthedContext, caseId: string, set: Record<string, unknown>): Promise<number> {
  const r = await trx
    .updateTable('kernel.cases')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() } as never)
    .where('tenant_id', '=', ctx.tenant.id)
    .where('id', '=', caseId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

export interface UpdateInput {
  id: string;
  version: number;
  title: string;
  summary: string;
  source: string;
  isKey: boolean;
  receivedOn: string;
  parties?: PartyInput[];
}

export async function updateCase(ctx: AuthedContext, input: UpdateInput): Promise<{ version: number }> {
  if (input.parties) checkParties(input.parties);
  return inTransaction(kdbOf(ctx), async (trx) => {
    const c = await lockCase(trx, ctx, input.id, input.version);
    if (!mayOpenRestricted(ctx.user, c.restricted_to)) throw forbidden(s.restrictedMaterial(ctx.permissionName(c.restricted_to!)));
    if (!editableStatuses.includes(c.status as CaseStatus)) throw badRequest(s.notEditable(caseStatusNames[c.status as CaseStatus]));
    const version = await bump(trx, ctx, c.id, { title: input.title, summary: input.summary, source: input.source, is_key: input.isKey, received_on: input.receivedOn });
    if (input.parties) {
      await trx.deleteFrom('kernel.case_parties').where('tenant_id', '=', ctx.tenant.id).where('case_id', '=', c.id).execute();
      if (input.parties.length > 0) {
        await trx
          .insertInto('kernel.case_parties')
          .values(input.parties.map((p) => ({ tenant_id: ctx.tenant.id, case_id: c.id, role: p.role ?? 'party', name: p.name, ...sealIdentifiers(ctx.vault, p.idNumber, p.phone), address: p.address || null })))
          .execute();
      }
    }
    await refreshSearch(trx, ctx.tenant.id, c.id);
    const changed = (['title', 'summary', 'source'] as const).filter((k) => c[k] !== input[k]);
    await appendEvent(trx, ctx, c.id, 'update', c.status, c.status, '', { changed, partiesChanged: Boolean(input.parties) });
    await ctx.audit.record({ action: 'cases.update', targetType: 'case', targetId: c.id, detail: { changed } }, { db: trx });
    return { version };
  });
}

export interface FourFixesInput extends ApiFourFixesInput {
  cooperatingUnitIds: string[];
  sixClarities?: SixClarities;
}

async function checkUnit(trx: Trx, tenantId: string, orgId: string): Promise<void> {
  const org = await trx.selectFrom('kernel.orgs').select(['kind']).where('tenant_id', '=', tenantId).where('id', '=', orgId).where('disabled', '=', false).executeTakeFirst();
  if (!org) throw badRequest(s.unitNotFound);
  if (org.kind === 'committee') throw badRequest(s.unitMustBeUnit);
}

/** Records the four fixes and one package (and the six clarities), before or after assignment. */
export async function setFourFixes(ctx: AuthedContext, input: FourFixesInput): Promise<{ version: number }> {
  return inTransaction(kdbOf(ctx), async (trx) => {
    const c = await lockCase(trx, ctx, input.id, input.version);
    if (closedStatuses.includes(c.status as CaseStatus)) throw badRequest(s.notEditable(caseStatusNames[c.status as CaseStatus]));
    const leader = await trx.selectFrom('kernel.users').select('id').where('tenant_id', '=', ctx.tenant.id).where('id', '=', input.leadLeaderId).where('disabled', '=', false).executeTakeFirst();
    if (!leader) throw badRequest(s.leaderNotFound);
    await checkUnit(trx, ctx.tenant.id, input.leadUnitId);
    for (const u of input.cooperatingUnitIds) await checkUnit(trx, ctx.tenant.id, u);
    if (input.deadline < chinaDate(ctx.now()) && input.deadline !== c.deadline) throw badRequest(s.deadlineInPast);
    const deadlineProblem = dateProblem(input.deadline, fieldNames.deadline, { maxDaysAhead: DEADLINE_DAYS_AHEAD, today: chinaDate(ctx.now()) });
    if (deadlineProblem) throw badRequest(deadlineProblem);
    if (input.handlerPhone) {
      const problem = validatePhone(input.handlerPhone);
      if (problem) throw badRequest(s.badPhone(input.handlerName, problem));
    }
    const version = await bump(trx, ctx, c.id, {
      lead_leader_id: input.leadLeaderId,
      handler_name: input.handlerName,
      handler_phone: input.handlerPhone || null,
      resolution_plan: input.resolutionPlan,
      deadline: input.deadline,
      lead_unit_id: c.status === 'registered' || editableStatuses.includes(c.status as CaseStatus) ? input.leadUnitId : c.lead_unit_id,
      cooperating_unit_ids: [...new Set(input.cooperatingUnitIds)].filter((u) => u !== input.leadUnitId),
      ...(input.sixClarities ? { six_clarities: JSON.stringify(input.sixClarities) } : {}),
    });
    await appendEvent(trx, ctx, c.id, 'setFourFixes', c.status, c.status, '', { deadline: input.deadline, leadUnitId: input.leadUnitId });
    await ctx.audit.record({ action: 'cases.update', targetType: 'case', targetId: c.id, detail: { fourFixes: true } }, { db: trx });
    return { version };
  });
}

export interface TransitionInput {
  id: string;
  version: number;
  action: CaseAction;
  comment?: string;
  /** transfer: the new lead unit. */
  toUnitId?: string;
  /** submitResult: the result report. */
  report?: string;
  /** Attachments uploaded to the case that belong to this step (e.g. the result report's). */
  attachmentIds?: string[];
  sixClarities?: SixClarities;
}

export async function transitionCase(ctx: AuthedContext, host: PluginHost, input: TransitionInput): Promise<{ version: number; status: CaseStatus }> {
  const t = transitions[input.action];
  const actionName = caseActionNames[input.action];
  if (!ctx.can(t.permission)) {
    await ctx.audit.record({ action: 'permission.denied', outcome: 'denied', detail: { permission: t.permission, procedure: `cases.${input.action}` } });
    throw forbidden(apiStrings.forbidden(ctx.permissionName(t.permission)));
  }
  const comment = input.comment?.trim() ?? '';
  if (['returnForRework', 'transfer', 'reopen', 'withdraw'].includes(input.action) && !comment) throw badRequest(s.reasonRequired);
  return inTransaction(kdbOf(ctx), async (trx) => {
    const c = await lockCase(trx, ctx, input.id, input.version);
    const from = c.status as CaseStatus;
    const skipApproval = Boolean(host.caseKinds.get(c.kind)?.skipApproval);
    if (!canTransition(input.action, from, { skipApproval })) throw badRequest(s.illegalTransition(actionName, caseStatusNames[from]));
    if (t.byLeadUnit && !ctx.user.committee && !(await leadsCase(trx, ctx, c.id))) throw forbidden(s.notLeadUnit);
    const to = t.to ?? from;
    await checkAttachmentsOfCase(trx, ctx, { id: c.id, restrictedTo: c.restricted_to }, input.attachmentIds ?? []);
    const set: Record<string, unknown> = { status: to };
    const today = chinaDate(ctx.now());

    switch (input.action) {
      case 'assign': {
        const missing = missingFourFixes({ leadLeaderId: c.lead_leader_id, handlerName: c.handler_name, resolutionPlan: c.resolution_plan, deadline: c.deadline, leadUnitId: c.lead_unit_id });
        if (missing.length > 0) throw badRequest(s.missingFourFixes(missing.map((k) => fourFixNames[k])));
        set.assigned_at = ctx.now();
        set.next_dispatch_on = (await countyCadence(trx, ctx.tenant.id, today)).dispatchAfter(today, c.urgency);
        set.next_report_on = nextReportDate(today, c.urgency);
        const assignClocks = (host.caseKinds.get(c.kind)?.clocks ?? []).filter((k) => k.startsAt === 'assign');
        if (assignClocks.length) await startClocks(trx, ctx.tenant.id, c.id, assignClocks, today);
        break;
      }
      case 'transfer': {
        if (!input.toUnitId) throw badRequest(s.unitNotFound);
        if (input.toUnitId === c.lead_unit_id) throw badRequest(s.sameUnit);
        await checkUnit(trx, ctx.tenant.id, input.toUnitId);
        set.lead_unit_id = input.toUnitId;
        set.cooperating_unit_ids = c.cooperating_unit_ids.filter((u) => u !== input.toUnitId);
        break;
      }
      case 'submitResult': {
        const report = input.report?.trim();
        if (!report) throw badRequest(s.resultRequired);
        const clarities = { ...c.six_clarities, ...(input.sixClarities ?? {}) };
        if (c.is_key) {
          const missing = missingClarities(clarities);
          if (missing.length > 0) throw badRequest(s.missingClarities(missing.map((k) => sixClarityNames[k])));
        }
        set.result_report = report;
        set.six_clarities = JSON.stringify(clarities);
        break;
      }
      case 'review':
      case 'withdraw':
        await trx.updateTable('kernel.case_clocks').set({ stopped_on: today }).where('tenant_id', '=', ctx.tenant.id).where('case_id', '=', c.id).where('stopped_on', 'is', null).execute();
        set.closed_at = ctx.now();
        set.next_dispatch_on = null;
        set.dispatch_owed_since = null;
        set.next_report_on = null;
        break;
      case 'returnForRework':
        set.result_report = null;
        break;
      case 'reopen':
        set.closed_at = null;
        set.next_dispatch_on = (await countyCadence(trx, ctx.tenant.id, today)).dispatchAfter(today, c.urgency);
        set.next_report_on = nextReportDate(today, c.urgency);
        break;
      case 'reportProgress':
        // The report is in: the next one falls due a cadence period after it (下次通报 moves on).
        set.next_report_on = nextReportDate(today, c.urgency);
        break;
      default:
        break;
    }

    const version = await bump(trx, ctx, c.id, set);
    await appendEvent(trx, ctx, c.id, input.action, from, to, comment, {
      ...(input.toUnitId ? { fromUnitId: c.lead_unit_id, toUnitId: input.toUnitId } : {}),
      ...(input.report ? { report: input.report } : {}),
      ...(input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : {}),
    });
    // Whoever must act next is told, in this transaction (cases/next-step.ts).
    const leadUnitId = (set.lead_unit_id as string | undefined) ?? c.lead_unit_id;
    await sendNotices(trx, { tenantId: ctx.tenant.id, actorId: ctx.user.id, at: ctx.now() }, await caseStepNotices(trx, ctx.tenant.id, input.action, { id: c.id, docNo: c.doc_no, title: c.title, leadUnitId }));
    await ctx.audit.record({ action: 'cases.transition', targetType: 'case', targetId: c.id, detail: { action: input.action, from, to } }, { db: trx });
    await ctx.events.emit(`kernel.case.${input.action}`, { caseId: c.id, kind: c.kind, from, to }, { db: trx });
    return { version, status: to };
  });
}

/** The case as a 催办 notice names it (cases/next-step.ts). */
const urgedCase = (c: { id: string; doc_no: string; title: string; lead_unit_id: string | null; restricted_to: string | null }) => ({
  id: c.id,
  docNo: c.doc_no,
  title: c.title,
  leadUnitId: c.lead_unit_id,
  restricted: c.restricted_to !== null,
});

export async function recordDispatch(ctx: AuthedContext, input: { id: string; heldOn: string; summary: string; nextSteps: string }): Promise<{ nextDispatchOn: string }> {
  return inTransaction(kdbOf(ctx), async (trx) => {
    const c = await lockCase(trx, ctx, input.id);
    if (!['assigned', 'in_progress', 'submitted'].includes(c.status)) throw badRequest(s.notOpen);
    await trx.insertInto('kernel.dispatch_records').values({ tenant_id: ctx.tenant.id, case_id: c.id, held_on: input.heldOn, summary: input.summary, next_steps: input.nextSteps, recorded_by: ctx.user.id }).execute();
    const nextDispatchOn = (await countyCadence(trx, ctx.tenant.id, input.heldOn)).dispatchAfter(input.heldOn, c.urgency);
    await bump(trx, ctx, c.id, { last_dispatch_on: input.heldOn, next_dispatch_on: nextDispatchOn, dispatch_owed_since: null });
    await appendEvent(trx, ctx, c.id, 'dispatch', c.status, c.status, input.summary, { heldOn: input.heldOn, nextDispatchOn });
    await ctx.audit.record({ action: 'cases.dispatch', targetType: 'case', targetId: c.id, detail: { heldOn: input.heldOn } }, { db: trx });
    await sendNotices(trx, { tenantId: ctx.tenant.id, actorId: ctx.user.id, at: ctx.now() }, await dispatchNotices(trx, ctx.tenant.id, urgedCase(c), { summary: input.summary, nextDispatchOn }));
    return { nextDispatchOn };
  });
}

export interface DispatchManyInput {
  ids: string[];
  heldOn: string;
  summary: string;
  nextSteps: string;
}

export interface DispatchManyResult {
  /** Matters urged by this request. */
  urged: number;
  /** Matters this user had already urged with the same date and note (a repeated request). */
  unchanged: number;
  items: { id: string; docNo: string; nextDispatchOn: string; urged: boolean }[];
}

/**
 * 批量催办: records the same dispatch on each selected matter, in one transaction. Every
 * matter must be one the user may see and still open, else the whole batch is refused with
 * the first offending matter named and nothing written. A matter this user already urged
 * with the same date and note is left as it is, so a repeated request writes nothing twice.
 */
export async function recordDispatches(ctx: AuthedContext, input: DispatchManyInput): Promise<DispatchManyResult> {
  const ids = [...new Set(input.ids)];
  return inTransaction(kdbOf(ctx), async (trx) => {
    // Locked in one order, so two overlapping batches cannot deadlock.
    const rows = await trx
      .selectFrom('kernel.cases as c')
      .selectAll('c')
      .where('c.tenant_id', '=', ctx.tenant.id)
      .where('c.id', 'in', ids)
      .where(caseVisible(ctx.user))
      .orderBy('c.id')
      .forUpdate()
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      const c = byId.get(id);
      if (!c) throw notFound(s.batchNotFound(i + 1));
      if (!['assigned', 'in_progress', 'submitted'].includes(c.status)) throw badRequest(s.batchNotOpen(c.doc_no, caseStatusNames[c.status as CaseStatus] ?? c.status));
    });
    const done = await trx
      .selectFrom('kernel.dispatch_records')
      .select('case_id')
      .where('tenant_id', '=', ctx.tenant.id)
      .where('case_id', 'in', ids)
      .where('held_on', '=', input.heldOn)
      .where('summary', '=', input.summary)
      .where('recorded_by', '=', ctx.user.id)
      .execute();
    const already = new Set(done.map((d) => d.case_id));
    const cadence = await countyCadence(trx, ctx.tenant.id, input.heldOn);
    const items: DispatchManyResult['items'] = [];
    for (const id of ids) {
      const c = byId.get(id)!;
      if (already.has(id)) {
        items.push({ id, docNo: c.doc_no, nextDispatchOn: c.next_dispatch_on ?? '', urged: false });
        continue;
      }
      await trx.insertInto('kernel.dispatch_records').values({ tenant_id: ctx.tenant.id, case_id: id, held_on: input.heldOn, summary: input.summary, next_steps: input.nextSteps, recorded_by: ctx.user.id }).execute();
      const nextDispatchOn = cadence.dispatchAfter(input.heldOn, c.urgency);
      await bump(trx, ctx, id, { last_dispatch_on: input.heldOn, next_dispatch_on: nextDispatchOn, dispatch_owed_since: null });
      await appendEvent(trx, ctx, id, 'dispatch', c.status, c.status, input.summary, { heldOn: input.heldOn, nextDispatchOn, batch: true });
      await ctx.audit.record({ action: 'cases.dispatch', targetType: 'case', targetId: id, detail: { heldOn: input.heldOn, batch: ids.length } }, { db: trx });
      await sendNotices(trx, { tenantId: ctx.tenant.id, actorId: ctx.user.id, at: ctx.now() }, await dispatchNotices(trx, ctx.tenant.id, urgedCase(c), { summary: input.summary, nextDispatchOn }));
      items.push({ id, docNo: c.doc_no, nextDispatchOn, urged: true });
    }
    const urged = items.filter((i) => i.urged).length;
    return { urged, unchanged: items.length - urged, items };
  });
}

export async function changeUrgency(ctx: AuthedContext, input: { id: string; version: number; urgency: Urgency; reason: string }): Promise<{ version: number }> {
  return inTransaction(kdbOf(ctx), async (trx) => {
    const c = await lockCase(trx, ctx, input.id, input.version);
    const base = c.last_dispatch_on ?? (c.assigned_at ? chinaDate(c.assigned_at) : null);
    const open = ['assigned', 'in_progress', 'submitted'].includes(c.status);
    const set: Record<string, unknown> = { urgency: input.urgency };
    if (open && base) {
      set.next_dispatch_on = (await countyCadence(trx, ctx.tenant.id, base)).dispatchAfter(base, input.urgency);
      set.next_report_on = nextReportDate(chinaDate(ctx.now()), input.urgency);
    }
    const version = await bump(trx, ctx, c.id, set);
    await appendEvent(trx, ctx, c.id, 'changeUrgency', c.status, c.status, input.reason, { from: c.urgency, to: input.urgency });
    await ctx.audit.record({ action: 'cases.update', targetType: 'case', targetId: c.id, detail: { urgency: { from: c.urgency, to: input.urgency } } }, { db: trx });
    return { version };
  });
}

export interface MaskedParty {
  id: string;
  role: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export function maskParty(p: { id: string; role: string; name: string; id_number: string | null; phone: string | null; address: string | null }): MaskedParty {
  return {
    id: p.id,
    role: p.role,
    name: maskName(p.name),
    idNumber: p.id_number ? maskIdNumber(p.id_number) : null,
    phone: p.phone ? maskPhone(p.phone) : null,
    address: p.address ? maskAddress(p.address) : null,
  };
}

/** Unmasked party data, for users with cases.reveal; every reveal is audited. */
export async function revealParty(ctx: AuthedContext, caseId: string, partyId: string) {
  const db = kdbOf(ctx);
  const row = await db
    .selectFrom('kernel.case_parties as p')
    .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.id', '=', 'p.case_id'))
    .select(['p.id', 'p.role', 'p.name', 'p.id_number', 'p.phone', 'p.address', 'c.restricted_to'])
    .where('p.tenant_id', '=', ctx.tenant.id)
    .where('p.case_id', '=', caseId)
    .where('p.id', '=', partyId)
    .where(caseVisible(ctx.user))
    .executeTakeFirst();
  if (!row) throw notFound(s.partyNotFound);
  if (!mayOpenRestricted(ctx.user, row.restricted_to)) {
    await ctx.audit.record({ action: 'cases.reveal', outcome: 'denied', targetType: 'case', targetId: caseId, detail: { partyId, restricted: true } });
    throw forbidden(s.restrictedMaterial(ctx.permissionName(row.restricted_to!)));
  }
  await ctx.audit.record({ action: 'cases.reveal', targetType: 'case', targetId: caseId, detail: { partyId, fields: ['name', 'idNumber', 'phone', 'address'] } });
  const open = openIdentifiers(ctx.vault, row);
  return { id: row.id, role: row.role, name: row.name, idNumber: open.id_number, phone: open.phone, address: row.address };
}

export async function linkCases(ctx: AuthedContext, input: { fromId: string; toId: string; kind: 'related' | 'duplicate_of' | 'derived_from' }): Promise<void> {
  if (input.fromId === input.toId) throw badRequest(s.linkSelf);
  await inTransaction(kdbOf(ctx), async (trx) => {
    await lockCase(trx, ctx, input.fromId);
    await lockCase(trx, ctx, input.toId);
    await trx
      .insertInto('kernel.case_links')
      .values({ tenant_id: ctx.tenant.id, from_case_id: input.fromId, to_case_id: input.toId, kind: input.kind, created_by: ctx.user.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await appendEvent(trx, ctx, input.fromId, 'link', null, null, '', { toId: input.toId, kind: input.kind });
    await ctx.audit.record({ action: 'cases.link', targetType: 'case', targetId: input.fromId, detail: { toId: input.toId, kind: input.kind } }, { db: trx });
  });
}
