// Unit names as rosters write them. A name resolves, in order, to:
// 1. the active unit of that exact name;
// 2. the county's stored aliases (personnel.unit_aliases: 县局 → 示范县公安局), which the
//    political department maps from a dry run's unknown names and every later import remembers;
// 3. a short form derived from the tree when exactly one unit has it: the county's name
//    dropped or shortened to its level (示范县公安局 → 公安局, 县公安局) and 人民 dropped
//    (示范县人民检察院 → 县检察院, 检察院).
// Anything else is unknown, or ambiguous when several match.
import { sql, type KernelOrg, type Kysely } from '@zhengfa/plugin-api';

export type UnitMatch = { orgId: string } | { ambiguous: string[] } | null;

/** A unit name or alias as compared: NFKC, no spaces. */
export function unitKey(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

export interface AliasRow {
  alias: string;
  org_id: string;
}

/** The county's stored unit aliases. */
export async function loadAliases(db: Kysely<any>, tenantId: string): Promise<AliasRow[]> {
  const r = await sql<AliasRow>`select alias, org_id from personnel.unit_aliases where tenant_id = ${tenantId} order by alias`.execute(db);
  return r.rows;
}

/** The short forms people write for `name` in the county `county` (e.g. 示范县). */
export function shortForms(name: string, county: string): string[] {
  const full = unitKey(name);
  const c = unitKey(county);
  const out = new Set<string>();
  if (c && full.startsWith(c) && full.length > c.length) {
    const rest = full.slice(c.length);
    out.add(rest);
    const level = c.slice(-1);
    if (/[县区市旗]/.test(level)) out.add(level + rest);
  }
  for (const v of [full, ...out]) if (v.includes('人民')) out.add(v.replace('人民', ''));
  out.delete(full);
  out.delete('');
  return [...out];
}

export class UnitIndex {
  private readonly exact = new Map<string, KernelOrg[]>();
  private readonly aliases = new Map<string, string>();
  private readonly derived = new Map<string, KernelOrg[]>();
  private readonly byId = new Map<string, KernelOrg>();

  constructor(orgs: KernelOrg[], county: string, aliases: AliasRow[] = []) {
    for (const o of orgs) {
      if (o.disabled) continue;
      this.byId.set(o.id, o);
      const key = unitKey(o.name);
      this.exact.set(key, [...(this.exact.get(key) ?? []), o]);
      for (const f of shortForms(o.name, county)) this.derived.set(f, [...(this.derived.get(f) ?? []), o]);
    }
    for (const a of aliases) this.aliases.set(unitKey(a.alias), a.org_id);
  }

  /** True when `name` is an active unit's own name (an alias for it would be pointless). */
  isUnitName(name: string): boolean {
    return this.exact.has(unitKey(name));
  }

  /** An active unit of the index by id. */
  unit(orgId: string): KernelOrg | undefined {
    return this.byId.get(orgId);
  }

  resolve(name: string): UnitMatch {
    const key = unitKey(name);
    const exact = this.exact.get(key);
    if (exact?.length === 1) return { orgId: exact[0]!.id };
    if (exact && exact.length > 1) return { ambiguous: exact.map((o) => o.name) };
    const aliased = this.aliases.get(key);
    // An alias of a unit disabled since (or outside the index) is no longer an answer.
    if (aliased) return this.byId.has(aliased) ? { orgId: aliased } : null;
    const derived = this.derived.get(key);
    if (derived?.length === 1) return { orgId: derived[0]!.id };
    if (derived && derived.length > 1) return { ambiguous: derived.map((o) => o.name) };
    return null;
  }
}
