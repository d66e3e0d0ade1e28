// 我的关注: cases a user follows, to find them again on the workbench. Following needs only
// that the user may see the case; the list shows only cases the user still may see.
import { notFound, type AuthedContext } from '@zhengfa/plugin-api';
import type { Kysely } from 'kysely';
import { inTransaction } from '../db/transaction.js';
import { chinaDate } from '../cases/dates.js';
import { closedStatuses, openStatuses, type CaseStatus } from '../cases/lifecycle.js';
import { caseVisible } from '../cases/scope.js';
import type { KernelDatabase } from '../db/schema.js';
import { caseStatusNames, urgencyNames, workbenchStrings as s } from '../strings.js';

type K = Kysely<KernelDatabase>;

/** Follows (or stops following) a case the user may see; answers whether the user now follows it. */
export async function setFollow(ctx: AuthedContext, input: { caseId: string; follow: boolean }): Promise<{ following: boolean }> {
  const db = ctx.db as unknown as K;
  const c = await db.selectFrom('kernel.cases as c').select('c.id').where('c.tenant_id', '=', ctx.tenant.id).where('c.id', '=', input.caseId).where(caseVisible(ctx.user)).executeTakeFirst();
  if (!c) throw notFound(s.caseNotFound);
  await inTransaction(db, async (trx) => {
    const changed = input.follow
      ? await trx.insertInto('kernel.case_follows').values({ tenant_id: ctx.tenant.id, user_id: ctx.user.id, case_id: c.id }).onConflict((oc) => oc.doNothing()).executeTakeFirst()
      : await trx.deleteFrom('kernel.case_follows').where('tenant_id', '=', ctx.tenant.id).where('user_id', '=', ctx.user.id).where('case_id', '=', c.id).executeTakeFirst();
    const rows = 'numInsertedOrUpdatedRows' in changed ? changed.numInsertedOrUpdatedRows : changed.numDeletedRows;
    // Only a change is audited: following a followed case again changes nothing.
    if (rows && Number(rows) > 0) await ctx.audit.record({ action: input.follow ? 'cases.follow' : 'cases.unfollow', targetType: 'case', targetId: c.id }, { db: trx });
  });
  return { following: input.follow };
}

export async function isFollowing(ctx: AuthedContext, caseId: string): Promise<boolean> {
  const db = ctx.db as unknown as K;
  const r = await db.selectFrom('kernel.case_follows').select('case_id').where('tenant_id', '=', ctx.tenant.id).where('user_id', '=', ctx.user.id).where('case_id', '=', caseId).executeTakeFirst();
  return Boolean(r);
}

export const FOLLOWS_SHOWN = 20;

/** The followed cases the user may still see: open ones by deadline first, then the rest. */
export async function followedCases(ctx: AuthedContext) {
  const db = ctx.db as unknown as K;
  const today = chinaDate(ctx.now());
  const rows = await db
    .selectFrom('kernel.case_follows as f')
    .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'f.tenant_id').onRef('c.id', '=', 'f.case_id'))
    .select(['c.id', 'c.doc_no', 'c.title', 'c.status', 'c.urgency', 'c.deadline', 'f.created_at'])
    .where('f.tenant_id', '=', ctx.tenant.id)
    .where('f.user_id', '=', ctx.user.id)
    .where(caseVisible(ctx.user))
    .orderBy((eb) => eb.case().when('c.status', 'in', [...closedStatuses]).then(1).else(0).end())
    .orderBy('c.deadline', (ob) => ob.asc().nullsLast())
    .orderBy('f.created_at', 'desc')
    .limit(FOLLOWS_SHOWN)
    .execute();
  return rows.map((r) => {
    const status = r.status as CaseStatus;
    return {
      id: r.id,
      docNo: r.doc_no,
      title: r.title,
      status,
      statusName: caseStatusNames[status],
      urgency: r.urgency,
      urgencyName: urgencyNames[r.urgency],
      deadline: r.deadline,
      overdue: openStatuses.includes(status) && r.deadline !== null && r.deadline < today,
    };
  });
}
