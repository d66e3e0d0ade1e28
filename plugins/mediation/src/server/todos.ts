// The workbench's to-dos of the center: disputes awaiting triage and those past their triage
// deadline, for whoever may triage; mediations falling due within three days and those past
// their time limit, for whoever mediates; judicial confirmation periods ending within 7 days or
// ended without an application, and obligations due for a return visit, for whoever records
// outcomes. Counted with the same conditions as the list each link opens (disputes/queries.ts).
import { chinaDay, sql, type AuthedContext, type TodoItem } from '@zhengfa/plugin-api';
import { addCalendarDays } from './mediations/dispute.js';
import { DUE_SOON_DAYS } from './mediations/time-limit.js';
import { dueCondition } from './outcomes/due.js';
import { outcomeTodoLabels, todoLabels } from './strings.js';

async function triageTodos(ctx: AuthedContext, today: string): Promise<TodoItem[]> {
  const r = await sql<{ awaiting: number; overdue: number; oldest: string | null; oldest_overdue: string | null }>`select
      count(*)::int as awaiting,
      count(*) filter (where triage_due_on < ${today})::int as overdue,
      to_char(min(received_on), 'YYYY-MM-DD') as oldest,
      to_char(min(received_on) filter (where triage_due_on < ${today}), 'YYYY-MM-DD') as oldest_overdue
    from mediation.disputes where tenant_id = ${ctx.tenant.id} and status = 'registered'`.execute(ctx.db);
  const row = r.rows[0]!;
  return [
    { key: 'triage', label: todoLabels.triage, count: row.awaiting, link: '/mediation?status=registered', oldest: row.oldest },
    { key: 'triage-overdue', label: todoLabels.triageOverdue, count: row.overdue, link: '/mediation?overdue=1', oldest: row.oldest_overdue },
  ];
}

async function mediationDueTodos(ctx: AuthedContext, today: string): Promise<TodoItem[]> {
  const soonUntil = addCalendarDays(today, DUE_SOON_DAYS);
  const r = await sql<{ soon: number; overdue: number; oldest_soon: string | null; oldest_overdue: string | null }>`select
      count(*) filter (where mediation_due_on between ${today} and ${soonUntil})::int as soon,
      count(*) filter (where mediation_due_on < ${today})::int as overdue,
      to_char(min(accepted_on) filter (where mediation_due_on between ${today} and ${soonUntil}), 'YYYY-MM-DD') as oldest_soon,
      to_char(min(accepted_on) filter (where mediation_due_on < ${today}), 'YYYY-MM-DD') as oldest_overdue
    from mediation.disputes where tenant_id = ${ctx.tenant.id} and status = 'mediating' and mediation_due_on is not null`.execute(ctx.db);
  const row = r.rows[0]!;
  return [
    { key: 'mediation-due-soon', label: todoLabels.mediationDueSoon, count: row.soon, link: '/mediation?mediationDue=soon', oldest: row.oldest_soon },
    { key: 'mediation-overdue', label: todoLabels.mediationOverdue, count: row.overdue, link: '/mediation?mediationDue=overdue', oldest: row.oldest_overdue },
  ];
}

async function outcomeTodos(ctx: AuthedContext, today: string): Promise<TodoItem[]> {
  const r = await sql<{ confirmation: number; confirmation_oldest: string | null; lapsed: number; lapsed_oldest: string | null; follow_up: number; follow_up_oldest: string | null }>`select
      count(*) filter (where ${dueCondition('confirmation', today)})::int as confirmation,
      to_char(min(a.confirmation_due_on) filter (where ${dueCondition('confirmation', today)}), 'YYYY-MM-DD') as confirmation_oldest,
      count(*) filter (where ${dueCondition('confirmation-overdue', today)})::int as lapsed,
      to_char(min(a.confirmation_due_on) filter (where ${dueCondition('confirmation-overdue', today)}), 'YYYY-MM-DD') as lapsed_oldest,
      count(*) filter (where ${dueCondition('follow-up', today)})::int as follow_up,
      to_char(min((select min(o.due_on) from mediation.obligations o where o.tenant_id = d.tenant_id and o.dispute_id = d.id
        and o.performance <> 'full')) filter (where ${dueCondition('follow-up', today)}), 'YYYY-MM-DD') as follow_up_oldest
    from mediation.disputes d join mediation.agreements a on a.tenant_id = d.tenant_id and a.dispute_id = d.id
    where d.tenant_id = ${ctx.tenant.id} and d.status = 'agreed'`.execute(ctx.db);
  const row = r.rows[0]!;
  return [
    { key: 'confirmation-due', label: outcomeTodoLabels.confirmationDue, count: row.confirmation, link: '/mediation?due=confirmation', oldest: row.confirmation_oldest },
    { key: 'confirmation-overdue', label: outcomeTodoLabels.confirmationOverdue, count: row.lapsed, link: '/mediation?due=confirmation-overdue', oldest: row.lapsed_oldest },
    { key: 'follow-up', label: outcomeTodoLabels.followUp, count: row.follow_up, link: '/mediation?due=follow-up', oldest: row.follow_up_oldest },
  ];
}

export async function mediationTodos(ctx: AuthedContext): Promise<TodoItem[]> {
  const today = chinaDay(ctx.now());
  return [
    ...(ctx.can('mediation.triage') ? await triageTodos(ctx, today) : []),
    ...(ctx.can('mediation.mediate') ? await mediationDueTodos(ctx, today) : []),
    ...(ctx.can('mediation.outcomes') ? await outcomeTodos(ctx, today) : []),
  ];
}
