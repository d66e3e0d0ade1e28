// Unit names as ledgers write them. A name resolves, in order, to:
// 1. the active unit of that exact name;
// 2. the county's alias table (petitions.unit_aliases), which the officer extends from the
//    dry run ("县住建局 → …") and which every later import remembers;
// 3. a short form derived from the tree: the county's name dropped or shortened to its
//    level (示范县公安局 → 公安局, 县公安局), and 人民 dropped (示范县人民检察院 → 县检察院,
//    检察院; 示范县人民法院 → 法院) — used only when exactly one unit has it.
// Anything else is unknown (a bad row naming the name).
import type { KernelOrg } from '@zhengfa/plugin-api';
import type { PetitionsDb } from '../db.js';

export type UnitMatch = { orgId: string; orgName: string } | { ambiguous: string[] } | null;

/** A unit name or alias as compared: NFKC, no spaces. */
export function unitKey(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

export interface AliasRow {
  alias: string;
  org_id: string;
}

export async function loadAliases(db: PetitionsDb, tenantId: string): Promise<AliasRow[]> {
  return db.selectFrom('petitions.unit_aliases').select(['alias', 'org_id']).where('tenant_id', '=', tenantId).orderBy('alias').execute();
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

  constructor(orgs: KernelOrg[], aliases: AliasRow[], county: string) {
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

  unit(orgId: string): KernelOrg | undefined {
    return this.byId.get(orgId);
  }

  resolve(name: string): UnitMatch {
    const key = unitKey(name);
    const exact = this.exact.get(key);
    if (exact?.length === 1) return { orgId: exact[0]!.id, orgName: exact[0]!.name };
    if (exact && exact.length > 1) return { ambiguous: exact.map((o) => o.name) };
    const aliased = this.aliases.get(key);
    if (aliased) {
      const org = this.byId.get(aliased);
      // An alias of a unit disabled since is no longer an answer.
      return org ? { orgId: org.id, orgName: org.name } : null;
    }
    const derived = this.derived.get(key);
    if (derived?.length === 1) return { orgId: derived[0]!.id, orgName: derived[0]!.name };
    if (derived && derived.length > 1) return { ambiguous: derived.map((o) => o.name) };
    return null;
  }
}
