// Which cases a user may see, in SQL: the committee sees every case of its tenant; a unit
// sees a case from the moment it is assigned, when the unit (or a unit above it in the
// user's subtree) leads it or cooperates on it: exactly when the user's organisation is
// among the case's scope organisations (kernel.cases.scope_org_ids, kept by a trigger,
// migration 0014), the organisations whose subtree holds one of its units.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { SessionUser } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { subtreeOrgIds } from '../scope.js';
import { unitVisibleStatuses } from './lifecycle.js';
import { statusLiterals } from './plan-literals.js';

export interface CaseVisibleOptions {
  /**
   * Let the planner find the scope through the index (the second column of the search
   * grams' GIN index): for a scope much smaller than its county, or to intersect it with a
   * term's grams. Otherwise it is a filter on rows read along another index, spelled so the
   * planner cannot take the index for it whatever it guesses the scope's size to be.
   */
  indexed?: boolean;
}

export function caseVisible(user: SessionUser, alias = 'c', opts: CaseVisibleOptions = {}): Expression<SqlBool> {
  if (user.committee) return sql<SqlBool>`true`;
  const scope = sql.ref(`${alias}.scope_org_ids`);
  // Through the index the organisation is a value the planner cannot look into, as a
  // search's term is (cases/queries.ts): the statement's shape has chosen the plan, and a
  // prepared statement keeps one generic plan for every unit.
  const inScope = opts.indexed ? sql<SqlBool>`${scope} @> (select array[${user.orgId}]::uuid[])` : sql<SqlBool>`coalesce(${scope} @> array[${user.orgId}]::uuid[], false)`;
  return sql<SqlBool>`(${sql.ref(`${alias}.status`)} in (${statusLiterals(unitVisibleStatuses)}) and ${inScope})`;
}

/** The user leads the case: its lead unit is inside the user's subtree. */
export function caseLedByUser(db: Kysely<KernelDatabase>, user: SessionUser, alias = 'c'): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${alias}.lead_unit_id`)} in (${subtreeOrgIds(db, user)})`;
}

/**
 * The user may see the material of a case restricted to the permission `restrictedTo`
 * (null: an ordinary case): only committee users holding it. Everyone else who sees the
 * case sees its title, state, four fixes and the units' own records, but not its summary,
 * parties, the committee's attachments, notes or dispatch records (migration 0020).
 */
export function mayOpenRestricted(user: SessionUser, restrictedTo: string | null): boolean {
  return restrictedTo === null || (user.committee && user.permissions.has(restrictedTo));
}

/**
 * A record of a restricted case written by `authorId` (of a committee organisation when
 * `authorIsCommittee`) is withheld from this user: the committee's records are the
 * restricted material, except from whoever wrote them; a unit's own records are not.
 */
export function withheldFrom(user: SessionUser, restrictedTo: string | null, author: { id: string | null; committee: boolean }): boolean {
  return !mayOpenRestricted(user, restrictedTo) && author.committee && author.id !== user.id;
}
