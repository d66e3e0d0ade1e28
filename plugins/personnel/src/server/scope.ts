// Which units' officers and training a user sees: the committee its whole county, a unit's
// user the units of its own scope (its organisation subtree, as the kernel lists it). The
// condition goes into the SQL itself.
import { sql, type AuthedContext, type KernelOrg } from '@zhengfa/plugin-api';
import type { RawBuilder } from 'kysely';

export interface UnitScope {
  /** Null: the whole county. */
  unitIds: string[] | null;
  /** The organisations of the user's scope, for names. */
  orgs: KernelOrg[];
}

export async function unitScope(ctx: AuthedContext): Promise<UnitScope> {
  const orgs = await ctx.kernel.orgs.list();
  return { unitIds: ctx.user.committee ? null : orgs.map((o) => o.id), orgs };
}

/** `column` lies in the scope (the committee: always). */
export function inScope(scope: UnitScope, column: RawBuilder<unknown>): RawBuilder<unknown> {
  if (scope.unitIds === null) return sql`true`;
  if (scope.unitIds.length === 0) return sql`false`;
  return sql`${column} = any(${sql.val(scope.unitIds)}::uuid[])`;
}

export function mayUseUnit(scope: UnitScope, unitId: string): boolean {
  return scope.unitIds === null ? scope.orgs.some((o) => o.id === unitId && !o.disabled) : scope.unitIds.includes(unitId);
}

export function unitNames(scope: UnitScope): Map<string, string> {
  return new Map(scope.orgs.map((o) => [o.id, o.name]));
}
