// 最新动态: the latest workflow steps on the cases that concern the user: cases the user
// follows, registered, leads as 包案领导, or whose lead unit is the user's (a unit's user).
// Only the step, who and when: comments stay on the case page, where the restricted
// material rules apply (cases/queries.ts).
import type { AuthedContext } from '@zhengfa/plugin-api';
import { sql, type Kysely, type SqlBool } from 'kysely';
import { caseActions } from '../cases/lifecycle.js';
import { caseLedByUser, caseVisible } from '../cases/scope.js';
import type { KernelDatabase } from '../db/schema.js';
import { caseEventNames } from '../strings.js';

type K = Kysely<KernelDatabase>;

export const ACTIVITY_SHOWN = 10;
/** The cases that concern the user, most recently changed first, whose steps are read. */
const CASES_READ = 50;

export async function recentActivity(ctx: AuthedContext) {
  const db = ctx.db as unknown as K;
  const u = ctx.user;
  const concerns = sql<SqlBool>`(exists (select 1 from kernel.case_follows f where f.tenant_id = c.tenant_id and f.case_id = c.id and f.user_id = ${u.id}::uuid)
    or c.registered_by = ${u.id}::uuid or c.lead_leader_id = ${u.id}::uuid ${u.committee ? sql`` : sql`or ${caseLedByUser(db, u)}`})`;
  const mine = db
    .selectFrom('kernel.cases as c')
    .select(['c.id', 'c.doc_no', 'c.title'])
    .where('c.tenant_id', '=', u.tenantId)
    .where(caseVisible(u))
    .where(concerns)
    .orderBy('c.updated_at', 'desc')
    .limit(CASES_READ);
  const rows = await db
    .with('mine', () => mine)
    .selectFrom('kernel.case_events as e')
    .innerJoin('mine', 'mine.id', 'e.case_id')
    .select(['e.id', 'e.case_id', 'e.type', 'e.actor_name', 'e.at', 'mine.doc_no', 'mine.title'])
    .where('e.tenant_id', '=', u.tenantId)
    .where('e.type', 'in', ['register', ...caseActions])
    .orderBy('e.id', 'desc')
    .limit(ACTIVITY_SHOWN)
    .execute();
  return rows.map((r) => ({ id: String(r.id), caseId: r.case_id, docNo: r.doc_no, title: r.title, type: r.type, typeName: caseEventNames[r.type] ?? r.type, actorName: r.actor_name, at: r.at }));
}
