// The mediators of a dispute: one or more of the committee the dispute was routed to, in the
// roster and active. A mediator who is one of the parties by name (与当事人同名) is refused
// outright; a mediator who declares a conflict (related to a party, or to a unit involved:
// 回避事由) stays on record but must be replaced before the next session.
import { badRequest, chinaDay, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { bumpDispute, lockMediation, partiesOf, type MediationDispute } from './dispute.js';

export const conflictKinds = ['party', 'unit'] as const;
export type ConflictKind = (typeof conflictKinds)[number];

export interface Assignment {
  id: string;
  mediatorId: string;
  mediatorName: string;
  assignedOn: string;
  conflict: { kind: ConflictKind; detail: string; declaredOn: string } | null;
  releasedOn: string | null;
  releaseReason: string | null;
  replacedBy: string | null;
}

interface AssignmentRow {
  id: string;
  mediator_id: string;
  mediator_name: string;
  assigned_on: string;
  conflict_kind: ConflictKind | null;
  conflict_detail: string | null;
  conflict_declared_on: string | null;
  released_on: string | null;
  release_reason: string | null;
  replaced_by: string | null;
}

const assignmentColumns = sql`id, mediator_id, mediator_name, to_char(assigned_on, 'YYYY-MM-DD') as assigned_on, conflict_kind, conflict_detail,
  to_char(conflict_declared_on, 'YYYY-MM-DD') as conflict_declared_on, to_char(released_on, 'YYYY-MM-DD') as released_on, release_reason, replaced_by`;

function toAssignment(r: AssignmentRow): Assignment {
  return {
    id: r.id,
    mediatorId: r.mediator_id,
    mediatorName: r.mediator_name,
    assignedOn: r.assigned_on,
    conflict: r.conflict_kind ? { kind: r.conflict_kind, detail: r.conflict_detail ?? '', declaredOn: r.conflict_declared_on ?? '' } : null,
    releasedOn: r.released_on,
    releaseReason: r.release_reason,
    replacedBy: r.replaced_by,
  };
}

/** Every assignment of the dispute, current and released, in the order they were made. */
export async function assignmentsOf(db: Kysely<any>, ctx: AuthedContext, disputeId: string): Promise<Assignment[]> {
  const r = await sql<AssignmentRow>`select ${assignmentColumns} from mediation.assignments
    where tenant_id = ${ctx.tenant.id} and dispute_id = ${disputeId} order by created_at, mediator_name`.execute(db);
  return r.rows.map(toAssignment);
}

/** The mediators on the dispute now (not released). */
export async function currentAssignments(db: Kysely<any>, ctx: AuthedContext, disputeId: string): Promise<Assignment[]> {
  return (await assignmentsOf(db, ctx, disputeId)).filter((a) => a.releasedOn === null);
}

/** Checks the mediators may take the dispute; refuses naming the mediator and the rule. */
async function checkMediators(trx: Kysely<any>, ctx: AuthedContext, d: MediationDispute, ids: string[]): Promise<{ id: string; name: string }[]> {
  const r = await sql<{ id: string; name: string; active: boolean; org_id: string }>`select id, name, active, org_id from mediation.mediators
    where tenant_id = ${ctx.tenant.id} and id = any(${sql.val(ids)}::uuid[])`.execute(trx);
  const org = await sql<{ name: string }>`select name from mediation.organisations where tenant_id = ${ctx.tenant.id} and id = ${d.route_org_id}`.execute(trx);
  const partyNames = new Set((await partiesOf(trx, ctx, d.id)).map((p) => p.name.trim()));
  const current = new Set((await currentAssignments(trx, ctx, d.id)).map((a) => a.mediatorId));
  const seen = new Set<string>();
  return ids.map((id) => {
    const x = r.rows.find((row) => row.id === id);
    if (!x) throw badRequest(m.mediatorNotFound);
    if (seen.has(id)) throw badRequest(m.mediatorTwice(x.name));
    seen.add(id);
    if (!x.active) throw badRequest(m.mediatorInactive(x.name));
    if (x.org_id !== d.route_org_id) throw badRequest(m.mediatorOfOtherOrg(x.name, org.rows[0]?.name ?? ''));
    if (partyNames.has(x.name.trim())) throw badRequest(m.mediatorSameNameAsParty(x.name));
    if (current.has(id)) throw badRequest(m.mediatorAlreadyAssigned(x.name));
    return { id: x.id, name: x.name };
  });
}

async function insertAssignment(trx: Kysely<any>, ctx: AuthedContext, disputeId: string, mediator: { id: string; name: string }, on: string): Promise<string> {
  const r = await sql<{ id: string }>`insert into mediation.assignments (tenant_id, dispute_id, mediator_id, mediator_name, assigned_on, assigned_by)
    values (${ctx.tenant.id}, ${disputeId}, ${mediator.id}, ${mediator.name}, ${on}, ${ctx.user.id}) returning id`.execute(trx);
  return r.rows[0]!.id;
}

export async function assignMediators(ctx: AuthedContext, input: { disputeId: string; version: number; mediatorIds: string[] }): Promise<{ version: number; assignmentIds: string[] }> {
  const today = chinaDay(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockMediation(trx, ctx, input.disputeId, input.version);
    const mediators = await checkMediators(trx, ctx, d, input.mediatorIds);
    const assignmentIds: string[] = [];
    for (const x of mediators) assignmentIds.push(await insertAssignment(trx, ctx, d.id, x, today));
    const version = await bumpDispute(trx, ctx, d);
    await ctx.audit.record(
      { action: 'mediation.mediators.assign', targetType: 'mediation.dispute', targetId: d.id, detail: { mediators: mediators.map((x) => ({ id: x.id, name: x.name })) } },
      { db: trx },
    );
    return { version, assignmentIds };
  });
}

async function lockAssignment(trx: Kysely<any>, ctx: AuthedContext, disputeId: string, assignmentId: string): Promise<Assignment> {
  const r = await sql<AssignmentRow>`select ${assignmentColumns} from mediation.assignments
    where tenant_id = ${ctx.tenant.id} and dispute_id = ${disputeId} and id = ${assignmentId} and released_on is null for update`.execute(trx);
  if (!r.rows[0]) throw badRequest(m.assignmentNotFound);
  return toAssignment(r.rows[0]);
}

export interface DeclareConflictInput {
  disputeId: string;
  version: number;
  assignmentId: string;
  kind: ConflictKind;
  detail: string;
  declaredOn: string;
}

/** A mediator declares a conflict (回避): recorded; the mediator must be replaced before the next session. */
export async function declareConflict(ctx: AuthedContext, input: DeclareConflictInput): Promise<{ version: number }> {
  if (input.declaredOn > chinaDay(ctx.now())) throw badRequest(m.conflictDeclaredInFuture);
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockMediation(trx, ctx, input.disputeId, input.version);
    const a = await lockAssignment(trx, ctx, d.id, input.assignmentId);
    if (a.conflict) throw badRequest(m.conflictAlreadyDeclared(a.mediatorName));
    await sql`update mediation.assignments set conflict_kind = ${input.kind}, conflict_detail = ${input.detail}, conflict_declared_on = ${input.declaredOn}
      where tenant_id = ${ctx.tenant.id} and id = ${a.id}`.execute(trx);
    const version = await bumpDispute(trx, ctx, d);
    await ctx.audit.record(
      {
        action: 'mediation.mediators.declareConflict',
        targetType: 'mediation.dispute',
        targetId: d.id,
        detail: { assignmentId: a.id, mediatorId: a.mediatorId, kind: input.kind, detail: input.detail, declaredOn: input.declaredOn },
      },
      { db: trx },
    );
    return { version };
  });
}

/** Replaces a mediator who declared a conflict with another of the committee. */
export async function replaceMediator(
  ctx: AuthedContext,
  input: { disputeId: string; version: number; assignmentId: string; replacementId: string },
): Promise<{ version: number; assignmentId: string }> {
  const today = chinaDay(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockMediation(trx, ctx, input.disputeId, input.version);
    const a = await lockAssignment(trx, ctx, d.id, input.assignmentId);
    if (!a.conflict) throw badRequest(m.noConflictToReplace(a.mediatorName));
    const [replacement] = await checkMediators(trx, ctx, d, [input.replacementId]);
    const assignmentId = await insertAssignment(trx, ctx, d.id, replacement!, today);
    await sql`update mediation.assignments set released_on = ${today}, release_reason = ${a.conflict.detail}, replaced_by = ${assignmentId}
      where tenant_id = ${ctx.tenant.id} and id = ${a.id}`.execute(trx);
    const version = await bumpDispute(trx, ctx, d);
    await ctx.audit.record(
      {
        action: 'mediation.mediators.replace',
        targetType: 'mediation.dispute',
        targetId: d.id,
        detail: { released: { assignmentId: a.id, mediatorId: a.mediatorId }, assigned: { assignmentId, mediatorId: replacement!.id } },
      },
      { db: trx },
    );
    return { version, assignmentId };
  });
}
