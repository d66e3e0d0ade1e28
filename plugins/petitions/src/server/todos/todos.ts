// What waits for the signed-in user in the petition office's work, for the console's
// workbench: the committee's officers route what was registered and conclude what was
// answered; a unit accepts and answers what was routed to it. Each count is the matters list
// under one status filter (the same SQL status), within the user's scope, so the link shows
// exactly what was counted.
import { sql, type AuthedContext, type TodoItem } from '@zhengfa/plugin-api';
import { matterStatusSql } from '../matters/access.js';
import { scopeCondition } from '../matters/queries.js';
import { todoStrings as s } from '../strings.js';
import { own } from '../db.js';

const LIST = '/petitions/matters';

interface Waiting {
  key: string;
  label: string;
  status: 'registered' | 'routed' | 'accepted' | 'answered';
  /** The day the matter started waiting for this step. */
  since: ReturnType<typeof sql<string>>;
}

const steps: Record<'route' | 'accept' | 'answer' | 'conclude', Waiting> = {
  route: { key: 'route', label: s.route, status: 'registered', since: sql<string>`m.first_received_on` },
  accept: { key: 'accept', label: s.accept, status: 'routed', since: sql<string>`(m.routed_at at time zone 'Asia/Shanghai')::date` },
  answer: { key: 'answer', label: s.answer, status: 'accepted', since: sql<string>`coalesce(m.acceptance_on, (m.routed_at at time zone 'Asia/Shanghai')::date)` },
  conclude: { key: 'conclude', label: s.conclude, status: 'answered', since: sql<string>`m.answered_on` },
};

/** The steps this user takes: routing and concluding in the committee, accepting and answering in a unit. */
export function stepsFor(ctx: Pick<AuthedContext, 'can' | 'user'>): Waiting[] {
  if (!ctx.can('petitions.read')) return [];
  if (ctx.user.committee) return [...(ctx.can('petitions.route') ? [steps.route] : []), ...(ctx.can('petitions.conclude') ? [steps.conclude] : [])];
  return [steps.accept, steps.answer];
}

export async function petitionTodos(ctx: AuthedContext): Promise<TodoItem[]> {
  const wanted = stepsFor(ctx);
  if (wanted.length === 0) return [];
  const scope = await scopeCondition(ctx, own(ctx));
  const items: TodoItem[] = [];
  for (const step of wanted) {
    const r = await sql<{ n: number; oldest: string | null }>`select count(*)::int as n, min(${step.since})::text as oldest
      from petitions.matters m
      where m.tenant_id = ${ctx.tenant.id} and ${scope} and (${matterStatusSql}) = ${step.status}`.execute(own(ctx));
    const row = r.rows[0]!;
    items.push({ key: step.key, label: step.label, count: row.n, link: `${LIST}?status=${step.status}`, oldest: row.oldest });
  }
  // 访调对接: matters the mediation center reported settled, for the committee to close on its result.
  if (ctx.user.committee && ctx.can('petitions.conclude')) {
    const r = await sql<{ n: number; oldest: string | null }>`select count(*)::int as n, min(r.settled_on)::text as oldest
      from petitions.matters m join petitions.mediation_referrals r on r.tenant_id = m.tenant_id and r.matter_id = m.id
      where m.tenant_id = ${ctx.tenant.id} and ${scope} and m.outcome is null and r.settled_on is not null`.execute(own(ctx));
    const row = r.rows[0]!;
    items.push({ key: 'concludeMediated', label: s.concludeMediated, count: row.n, link: `${LIST}?mediationSettled=1`, oldest: row.oldest });
  }
  return items;
}
