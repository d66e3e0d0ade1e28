// The mediation's time limit: the county's number of calendar days from acceptance (default
// 30, 「调解期限（日）」 in the settings), extended when the parties agree (reason, the day they
// agreed, and the new due date or a number of days), as often as they agree, each extension
// recorded and audited. Overdue: still in mediation after its due date.
import { badRequest, chinaDay, field, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';
import { addCalendarDays, bumpDispute, lockMediation } from './dispute.js';

/** Due within this many days (today included) counts as falling due on the workbench. */
export const DUE_SOON_DAYS = 3;

export interface ExtendInput {
  disputeId: string;
  version: number;
  reason: string;
  agreedOn: string;
  newDueOn?: string | null | undefined;
  days?: number | null | undefined;
}

export interface Extension {
  previousDueOn: string;
  newDueOn: string;
  reason: string;
  agreedOn: string;
  recordedBy: string;
}

export async function extendMediation(ctx: AuthedContext, input: ExtendInput): Promise<{ version: number; mediationDueOn: string }> {
  const hasDate = input.newDueOn != null;
  const hasDays = input.days != null;
  if (hasDate === hasDays) throw badRequest(m.extensionEitherDateOrDays);
  const today = chinaDay(ctx.now());
  if (input.agreedOn > today) throw badRequest(m.agreedInFuture);
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockMediation(trx, ctx, input.disputeId, input.version);
    if (!d.accepted_on || !d.mediation_due_on) throw badRequest(m.notAccepted);
    if (input.agreedOn < d.accepted_on) throw badRequest(m.agreedBeforeAcceptance(d.accepted_on));
    const newDueOn = input.newDueOn ?? addCalendarDays(d.mediation_due_on, input.days!);
    if (newDueOn <= d.mediation_due_on) throw badRequest(m.extensionNotLater(d.mediation_due_on));
    const latest = addCalendarDays(today, field.DEADLINE_DAYS_AHEAD);
    if (newDueOn > latest) throw badRequest(m.extensionTooFar(latest));
    await sql`insert into mediation.extensions (tenant_id, dispute_id, previous_due_on, new_due_on, reason, agreed_on, recorded_by, recorded_by_name)
      values (${ctx.tenant.id}, ${d.id}, ${d.mediation_due_on}, ${newDueOn}, ${input.reason}, ${input.agreedOn}, ${ctx.user.id}, ${ctx.user.displayName})`.execute(trx);
    const version = await bumpDispute(trx, ctx, d, sql`mediation_due_on = ${newDueOn}`);
    await ctx.audit.record(
      {
        action: 'mediation.mediations.extend',
        targetType: 'mediation.dispute',
        targetId: d.id,
        detail: { previousDueOn: d.mediation_due_on, newDueOn, reason: input.reason, agreedOn: input.agreedOn },
      },
      { db: trx },
    );
    return { version, mediationDueOn: newDueOn };
  });
}

export async function listExtensions(ctx: AuthedContext, disputeId: string): Promise<Extension[]> {
  const r = await sql<{ previous_due_on: string; new_due_on: string; reason: string; agreed_on: string; recorded_by_name: string }>`
    select to_char(previous_due_on, 'YYYY-MM-DD') as previous_due_on, to_char(new_due_on, 'YYYY-MM-DD') as new_due_on, reason,
      to_char(agreed_on, 'YYYY-MM-DD') as agreed_on, recorded_by_name
    from mediation.extensions where tenant_id = ${ctx.tenant.id} and dispute_id = ${disputeId} order by created_at`.execute(ctx.db);
  return r.rows.map((e) => ({ previousDueOn: e.previous_due_on, newDueOn: e.new_due_on, reason: e.reason, agreedOn: e.agreed_on, recordedBy: e.recorded_by_name }));
}
