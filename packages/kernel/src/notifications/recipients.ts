// Who must act next, and telling them. A notification goes to the people who hold the
// permission the next step needs, within the scope that step is taken in: the committee (a
// case before assignment is the committee's alone) or the unit that leads the case. The one
// who took the step is never told of their own step.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';

type Db = Kysely<KernelDatabase> | Transaction<KernelDatabase>;

/** A condition on `kernel.users as u`: the user holds the permission through a role. */
export function userHolds(permission: string) {
  return sql<boolean>`exists (select 1 from kernel.user_roles ur join kernel.roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
    where ur.tenant_id = u.tenant_id and ur.user_id = u.id and ${permission} = any(r.permissions))`;
}

/**
 * Where the next step is taken: by the committee, by one organisation's own users, or by the
 * unit leading a case, whose step is taken by the users of the lead unit or of a unit above
 * it (the users whose 待签收 and 待报结 count the case: workbench/kernel-todos.ts).
 */
export type NoticeScope = { committee: true } | { orgId: string } | { leadUnitId: string };

/** Enabled users in the scope who hold every one of the permissions, in a stable order. */
export async function holdersOf(db: Db, tenantId: string, scope: NoticeScope, permissions: readonly string[]): Promise<string[]> {
  let q = db
    .selectFrom('kernel.users as u')
    .innerJoin('kernel.orgs as o', (j) => j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.org_id'))
    .select('u.id')
    .where('u.tenant_id', '=', tenantId)
    .where('u.disabled', '=', false);
  if ('orgId' in scope) q = q.where('u.org_id', '=', scope.orgId);
  else if ('leadUnitId' in scope)
    q = q
      .where('o.kind', '<>', 'committee')
      .where(sql<boolean>`exists (select 1 from kernel.orgs lu where lu.tenant_id = o.tenant_id and lu.id = ${scope.leadUnitId}::uuid and left(lu.path, length(o.path)) = o.path)`);
  else q = q.where('o.kind', '=', 'committee');
  for (const p of permissions) q = q.where(userHolds(p));
  const rows = await q.orderBy('u.id').execute();
  return rows.map((r) => r.id);
}

/** Users of an organisation who hold a permission (e.g. the unit's liaisons). */
export function usersWithPermission(db: Db, tenantId: string, orgId: string, permission: string): Promise<string[]> {
  return holdersOf(db, tenantId, { orgId }, [permission]);
}

export interface Notice {
  users: readonly string[];
  title: string;
  link: string;
  caseId: string | null;
}

/**
 * Writes the notices in the caller's transaction: each user once per notice, never the actor,
 * dated by the kernel's clock (`at`), as the daily digest reads them.
 */
export async function sendNotices(trx: Db, by: { tenantId: string; actorId: string; at: Date }, notices: readonly Notice[]): Promise<void> {
  const rows = notices.flatMap((n) =>
    [...new Set(n.users)].filter((u) => u !== by.actorId).map((user_id) => ({ tenant_id: by.tenantId, user_id, title: n.title, link: n.link, case_id: n.caseId, created_at: by.at })),
  );
  if (rows.length) await trx.insertInto('kernel.notifications').values(rows).execute();
}
