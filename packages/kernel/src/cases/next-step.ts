// Who must act after each step of a case, derived from the permission the next step needs
// and the scope it is taken in (issue 34): a step the committee takes next goes to the
// committee's holders of that permission; a step the lead unit takes next goes to the
// unit's holders (its liaisons). A result goes to the one who reviews it: the officer who
// assigned the case, else the supervision office (who may both assign and review), never a
// leader merely because a leader may also review.
import type { Transaction } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import { holdersOf, userHolds, type Notice } from '../notifications/recipients.js';
import { caseStrings as s } from '../strings.js';
import type { CaseAction } from './lifecycle.js';

type Trx = Transaction<KernelDatabase>;

/** Who takes the next step: its permission(s) and scope; null: nobody else must act. */
export type NextActor = { scope: 'committee'; permissions: readonly string[]; reviewer?: true } | { scope: 'leadUnit'; permissions: readonly string[] } | null;

export const nextActors: Record<CaseAction, { who: NextActor; title?: (docNo: string, title: string) => string }> = {
  submitForApproval: { who: { scope: 'committee', permissions: ['cases.approve'] }, title: s.approvalNotice },
  approve: { who: { scope: 'committee', permissions: ['cases.assign'] }, title: s.approvedNotice },
  assign: { who: { scope: 'leadUnit', permissions: ['cases.handle'] }, title: s.assignedNotice },
  transfer: { who: { scope: 'leadUnit', permissions: ['cases.handle'] }, title: s.assignedNotice },
  // The unit's own work goes on: nobody else must act.
  acknowledge: { who: null },
  reportProgress: { who: null },
  submitResult: { who: { scope: 'committee', permissions: ['cases.review'], reviewer: true }, title: s.submittedNotice },
  review: { who: { scope: 'committee', permissions: ['cases.archive'] }, title: s.closedNotice },
  returnForRework: { who: { scope: 'leadUnit', permissions: ['cases.handle'] }, title: s.returnedNotice },
  withdraw: { who: null },
  archive: { who: null },
  reopen: { who: { scope: 'leadUnit', permissions: ['cases.handle'] }, title: s.reopenedNotice },
};

/** The officer who last sent the case to a unit (交办 or 转办), when they may still review it. */
async function assignerWhoReviews(trx: Trx, tenantId: string, caseId: string): Promise<string | null> {
  const last = await trx
    .selectFrom('kernel.case_events')
    .select('actor_id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('type', 'in', ['assign', 'transfer'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last?.actor_id) return null;
  const u = await trx
    .selectFrom('kernel.users as u')
    .innerJoin('kernel.orgs as o', (j) => j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.org_id'))
    .select('u.id')
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', last.actor_id)
    .where('u.disabled', '=', false)
    .where('o.kind', '=', 'committee')
    .where(userHolds('cases.review'))
    .executeTakeFirst();
  return u?.id ?? null;
}

async function reviewers(trx: Trx, tenantId: string, caseId: string): Promise<string[]> {
  const assigner = await assignerWhoReviews(trx, tenantId, caseId);
  if (assigner) return [assigner];
  const office = await holdersOf(trx, tenantId, { committee: true }, ['cases.review', 'cases.assign']);
  return office.length ? office : holdersOf(trx, tenantId, { committee: true }, ['cases.review']);
}

/** The notice of a step just taken on a case, to whoever must act next (none: []). */
export async function caseStepNotices(
  trx: Trx,
  tenantId: string,
  action: CaseAction,
  c: { id: string; docNo: string; title: string; leadUnitId: string | null },
): Promise<Notice[]> {
  const { who, title } = nextActors[action];
  if (!who || !title) return [];
  let users: string[];
  if (who.scope === 'leadUnit') users = c.leadUnitId ? await holdersOf(trx, tenantId, { leadUnitId: c.leadUnitId }, who.permissions) : [];
  else if (who.reviewer) users = await reviewers(trx, tenantId, c.id);
  else users = await holdersOf(trx, tenantId, { committee: true }, who.permissions);
  return [{ users, title: title(c.docNo, c.title), link: `/cases/${c.id}`, caseId: c.id }];
}

/**
 * The notice of a 催办 (a dispatch recorded on a case), to the lead unit's users who handle
 * it, as an assignment is told; a case with no lead unit yet tells nobody.
 */
export async function dispatchNotices(
  trx: Trx,
  tenantId: string,
  c: { id: string; docNo: string; title: string; leadUnitId: string | null; restricted: boolean },
  dispatch: { summary: string; nextDispatchOn: string },
): Promise<Notice[]> {
  if (!c.leadUnitId) return [];
  const users = await holdersOf(trx, tenantId, { leadUnitId: c.leadUnitId }, ['cases.handle']);
  return [{ users, title: s.urgedNotice(c.docNo, c.title, c.restricted ? null : dispatch.summary, dispatch.nextDispatchOn), link: `/cases/${c.id}`, caseId: c.id }];
}
