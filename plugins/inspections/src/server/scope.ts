// What a user may see of the units: the committee its county, a unit's liaison the
// organisations of their scope (their unit and its subtree), as the kernel lists them.
import type { AuthedContext, KernelOrg, Kysely } from '@zhengfa/plugin-api';

/** The ids of the organisations in the user's scope (ctx.kernel.orgs.list, `orgs.list`). */
export async function scopeOrgIds(ctx: AuthedContext, db?: Kysely<any>): Promise<string[]> {
  const orgs = await ctx.kernel.orgs.list(db ? { db } : undefined);
  return orgs.map((o) => o.id);
}

/** An organisation and its ancestors, from the kernel's list. */
export function lineage(orgs: KernelOrg[], id: string): string[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const out: string[] = [];
  let cur = byId.get(id);
  for (let i = 0; cur && i < 20; i += 1) {
    out.push(cur.id);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return out;
}
