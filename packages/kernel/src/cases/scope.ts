// Which cases a user may see, in SQL: the committee sees every case of its tenant; a unit
// sees a case from the moment it is assigned, when the unit (or a unit above it in the
// user's subtree) leads it or cooperates on it.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { SessionUser } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { subtreeOrgIds } from '../scope.js';
import { unitVisibleStatuses } from './lifecycle.js';
import { statusLiterals } from './plan-literals.js';

export function caseVisible(db: Kysely<KernelDatabase>, user: SessionUser, alias = 'c'): Expression<SqlBool> {
  if (user.committee) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.ref(`${alias}.status`)} in (${statusLiterals(unitVisibleStatuses)}) and (
    ${sql.ref(`${alias}.lead_unit_id`)} in (${subtreeOrgIds(db, user)})
    or ${sql.ref(`${alias}.cooperating_unit_ids`)} && array(${subtreeOrgIds(db, user)})))`;
}

/** The user leads the case: its lead unit is inside the user's subtree. */
export function caseLedByUser(db: Kysely<KernelDatabase>, user: SessionUser, alias = 'c'): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${alias}.lead_unit_id`)} in (${subtreeOrgIds(db, user)})`;
}
