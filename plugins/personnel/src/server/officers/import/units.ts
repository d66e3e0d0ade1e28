// Unit names as rosters write them. A name resolves to the active unit of that exact name, or
// to a short form derived from the tree when exactly one unit has it: the county's name
// dropped or shortened to its level (示范县公安局 → 公安局, 县公安局) and 人民 dropped
// (示范县人民检察院 → 县检察院, 检察院). Anything else is unknown, or ambiguous when several match.
import type { KernelOrg } from '@zhengfa/plugin-api';

export type UnitMatch = { orgId: string } | { ambiguous: string[] } | null;

export function unitKey(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
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
  private readonly derived = new Map<string, KernelOrg[]>();

  constructor(orgs: KernelOrg[], county: string) {
    for (const o of orgs) {
      if (o.disabled) continue;
      const key = unitKey(o.name);
      this.exact.set(key, [...(this.exact.get(key) ?? []), o]);
      for (const f of shortForms(o.name, county)) this.derived.set(f, [...(this.derived.get(f) ?? []), o]);
    }
  }

  resolve(name: string): UnitMatch {
    const key = unitKey(name);
    for (const found of [this.exact.get(key), this.derived.get(key)]) {
      if (found?.length === 1) return { orgId: found[0]!.id };
      if (found && found.length > 1) return { ambiguous: found.map((o) => o.name) };
    }
    return null;
  }
}
