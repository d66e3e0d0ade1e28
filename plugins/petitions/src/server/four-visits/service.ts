// The four visits (四访): leader reception days (领导接访日), leader visits down (下访),
// appointments (约访) and return visits (回访) with the petitioner's satisfaction. What
// officials scheduled and did — never the petitioners' movements.
import { badRequest, forbidden, notFound, sql, versionConflict, type AuthedContext } from '@zhengfa/plugin-api';
import { loadMatter } from '../matters/access.js';
import { fourVisitStrings as s, satisfactionNames, visitTypeNames } from '../strings.js';
import { own } from '../db.js';

export const visitTypes = ['reception_day', 'visit_down', 'appointment', 'return_visit'] as const;
export const satisfactions = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type VisitType = (typeof visitTypes)[number];
export type Satisfaction = (typeof satisfactions)[number];

interface Row {
  id: string;
  type: VisitType;
  scheduled_on: string;
  leader_name: string;
  place: string;
  matter_id: string | null;
  doc_no: string | null;
  notes: string;
  held: boolean;
  held_on: string | null;
  satisfaction: Satisfaction | null;
  version: number;
}

function toItem(r: Row) {
  return {
    id: r.id,
    type: r.type,
    typeName: visitTypeNames[r.type],
    scheduledOn: r.scheduled_on,
    leaderName: r.leader_name,
    place: r.place,
    matterId: r.matter_id,
    docNo: r.doc_no,
    notes: r.notes,
    held: r.held,
    heldOn: r.held_on,
    satisfaction: r.satisfaction,
    satisfactionName: r.satisfaction ? satisfactionNames[r.satisfaction] : null,
    version: r.version,
  };
}

/** The calendar of one month (YYYY-MM), committee only. */
export async function listMonth(ctx: AuthedContext, input: { month: string; type?: VisitType }) {
  if (!ctx.user.committee) throw forbidden(s.listCommitteeOnly);
  const from = `${input.month}-01`;
  const r = await sql<Row>`select lv.id, lv.type, lv.scheduled_on, lv.leader_name, lv.place, lv.matter_id, m.doc_no, lv.notes, lv.held, lv.held_on, lv.satisfaction, lv.version
    from petitions.leader_visits lv
    left join petitions.matters m on m.tenant_id = lv.tenant_id and m.id = lv.matter_id
    where lv.tenant_id = ${ctx.tenant.id}
      and lv.scheduled_on >= ${from}::date and lv.scheduled_on < (${from}::date + interval '1 month')
      ${input.type ? sql`and lv.type = ${input.type}` : sql``}
    order by lv.scheduled_on, lv.created_at`.execute(own(ctx));
  const items = r.rows.map(toItem);
  const days: Record<string, ReturnType<typeof toItem>[]> = {};
  for (const i of items) (days[i.scheduledOn] ??= []).push(i);
  return { month: input.month, items, days };
}

export async function schedule(
  ctx: AuthedContext,
  input: { type: VisitType; scheduledOn: string; leaderName: string; place?: string; matterId?: string | null; notes?: string; idempotencyKey?: string },
) {
  if (!ctx.user.committee) throw forbidden(s.listCommitteeOnly);
  return own(ctx).transaction().execute(async (trx) => {
    if (input.idempotencyKey) {
      const done = await trx
        .selectFrom('petitions.leader_visits')
        .select(['id', 'version'])
        .where('tenant_id', '=', ctx.tenant.id)
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirst();
      if (done) return { ...done, duplicate: true };
    }
    if (input.type === 'return_visit' && !input.matterId) throw badRequest(s.matterNotFound);
    if (input.matterId) {
      try {
        await loadMatter(ctx, trx, input.matterId);
      } catch {
        throw badRequest(s.matterNotFound);
      }
    }
    const row = await trx
      .insertInto('petitions.leader_visits')
      .values({
        tenant_id: ctx.tenant.id,
        type: input.type,
        scheduled_on: input.scheduledOn,
        leader_name: input.leaderName.trim(),
        place: input.place?.trim() ?? '',
        matter_id: input.matterId ?? null,
        notes: input.notes?.trim() ?? '',
        created_by: ctx.user.id,
        idempotency_key: input.idempotencyKey ?? null,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    await ctx.audit.record({ action: 'petitions.fourVisits.schedule', targetType: 'leader_visit', targetId: row.id, detail: { type: input.type, scheduledOn: input.scheduledOn } }, { db: trx });
    return { ...row, duplicate: false };
  });
}

/** Records that a visit took place (and, for a return visit, the satisfaction). */
export async function record(ctx: AuthedContext, input: { id: string; version: number; heldOn: string; notes?: string; satisfaction?: Satisfaction | null }) {
  if (!ctx.user.committee) throw forbidden(s.listCommitteeOnly);
  return own(ctx).transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('petitions.leader_visits')
      .select(['type', 'held', 'version'])
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound(s.notFound);
    if (row.version !== input.version) throw versionConflict();
    if (row.held) throw badRequest(s.alreadyHeld);
    if (row.type !== 'return_visit' && input.satisfaction) throw badRequest(s.satisfactionOnlyReturnVisit);
    if (row.type === 'return_visit' && !input.satisfaction) throw badRequest(s.satisfactionRequired);
    const notes = input.notes?.trim() ?? '';
    const u = await trx
      .updateTable('petitions.leader_visits')
      // Notes left empty keep what was written when the visit was scheduled.
      .set((eb) => ({ held: true, held_on: input.heldOn, ...(notes ? { notes } : {}), satisfaction: input.satisfaction ?? null, version: eb('version', '+', 1) }))
      .where('tenant_id', '=', ctx.tenant.id)
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .returning('version')
      .executeTakeFirst();
    if (!u) throw versionConflict();
    await ctx.audit.record({ action: 'petitions.fourVisits.record', targetType: 'leader_visit', targetId: input.id, detail: { satisfaction: input.satisfaction ?? null } }, { db: trx });
    return { version: u.version };
  });
}
