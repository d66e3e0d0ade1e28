// Repeat visits in an imported ledger (重复信访): rows of the same person on the same issue
// are visits of one matter, as registration links a repeat to the existing matter. The
// rule: the same person — the same ID number; or, when the two rows do not both carry one,
// the same name with no differing phone — and the same issue — at least SAME_ISSUE_OVERLAP
// of the shorter content's bigrams in common (the share registration's look-up uses). A
// group's rows join an earlier matter of the county (registered or imported before) that
// passes the same rule; otherwise the group's earliest row opens a new matter and the later
// rows are its repeat visits.
import { sql, type Vault } from '@zhengfa/plugin-api';
import { gramOverlap, issueGrams, SAME_ISSUE_OVERLAP } from '../matters/grams.js';
import { idIndexes, openIdentifiers } from '../matters/sealing.js';
import type { GoodRow } from './rows.js';
import type { PetitionsDb } from '../db.js';

export interface Person {
  name: string;
  idNumber: string | null;
  phone: string | null;
}

export interface MatterPlan {
  /** An existing matter the rows are repeat visits of; null: the first row opens a new one. */
  existingMatterId: string | null;
  /** The group's rows, earliest visit first. */
  rows: GoodRow[];
}

export function samePerson(a: Person, b: Person): boolean {
  if (a.idNumber && b.idNumber) return a.idNumber === b.idNumber;
  if (a.name !== b.name) return false;
  return !(a.phone && b.phone && a.phone !== b.phone);
}

function personOf(g: GoodRow): Person {
  const p = g.input.petitioners[0]!;
  return { name: p.name, idNumber: p.idNumber ?? null, phone: p.phone ?? null };
}

function gramsOf(g: GoodRow): string[] {
  return issueGrams(`${g.input.content} ${g.input.demands ?? ''}`);
}

interface ExistingMatter {
  id: string;
  grams: string[];
  people: Person[];
}

async function existingMatters(db: PetitionsDb, vault: Vault, tenantId: string, rows: GoodRow[]): Promise<ExistingMatter[]> {
  const names = [...new Set(rows.map((g) => g.input.petitioners[0]!.name))];
  const ids = [...new Set(rows.map((g) => g.input.petitioners[0]!.idNumber).filter((x): x is string => Boolean(x)))];
  const found = new Map<string, ExistingMatter>();
  for (let i = 0; i < Math.max(names.length, ids.length); i += 1000) {
    const n = names.slice(i, i + 1000);
    // ID numbers are sealed: looked up by their blind indexes.
    const d = idIndexes(vault, ids.slice(i, i + 1000));
    const r = await sql<{ id: string; issue_grams: string[]; name: string; id_number: string | null; phone: string | null }>`
      select m.id, m.issue_grams, p.name, p.id_number, p.phone
      from petitions.petitioners p join petitions.matters m on m.tenant_id = p.tenant_id and m.id = p.matter_id
      where p.tenant_id = ${tenantId} and not m.is_accusation
        and (p.name = any(${sql.val(n)}::text[]) or p.id_number_index = any(${sql.val(d)}::text[]))
      order by m.first_received_on, m.created_at`.execute(db);
    for (const row of r.rows) {
      const m = found.get(row.id) ?? { id: row.id, grams: row.issue_grams, people: [] };
      const open = openIdentifiers(vault, row);
      m.people.push({ name: row.name, idNumber: open.id_number, phone: open.phone });
      found.set(row.id, m);
    }
  }
  return [...found.values()];
}

/** Groups the rows to import into matters: new ones and repeat visits of existing ones. */
export async function planMatters(db: PetitionsDb, vault: Vault, tenantId: string, rows: GoodRow[]): Promise<MatterPlan[]> {
  const sorted = [...rows].sort((a, b) => (a.input.receivedOn < b.input.receivedOn ? -1 : a.input.receivedOn > b.input.receivedOn ? 1 : a.row - b.row));
  const groups: { rows: GoodRow[]; grams: string[][]; people: Person[] }[] = [];
  // Groups by the name and ID number of their people, so a row is compared only with its likely matches.
  const byPerson = new Map<string, number[]>();
  const keysOf = (p: Person) => [`n:${p.name}`, ...(p.idNumber ? [`i:${p.idNumber}`] : [])];
  for (const g of sorted) {
    const person = personOf(g);
    const grams = gramsOf(g);
    const candidates = [...new Set(keysOf(person).flatMap((k) => byPerson.get(k) ?? []))].sort((a, b) => a - b);
    const hit = candidates.find((i) => groups[i]!.rows.some((_, j) => samePerson(person, groups[i]!.people[j]!) && gramOverlap(grams, groups[i]!.grams[j]!) >= SAME_ISSUE_OVERLAP));
    const index = hit ?? groups.length;
    if (hit === undefined) groups.push({ rows: [], grams: [], people: [] });
    const group = groups[index]!;
    group.rows.push(g);
    group.grams.push(grams);
    group.people.push(person);
    for (const k of keysOf(person)) {
      const list = byPerson.get(k) ?? [];
      if (!list.includes(index)) byPerson.set(k, [...list, index]);
    }
  }
  const existing = await existingMatters(db, vault, tenantId, sorted);
  return groups.map((group) => {
    let best: { id: string; overlap: number } | null = null;
    for (const m of existing) {
      for (let j = 0; j < group.rows.length; j += 1) {
        if (!m.people.some((p) => samePerson(group.people[j]!, p))) continue;
        const overlap = gramOverlap(group.grams[j]!, m.grams);
        if (overlap >= SAME_ISSUE_OVERLAP && (!best || overlap > best.overlap)) best = { id: m.id, overlap };
      }
    }
    return { existingMatterId: best?.id ?? null, rows: group.rows };
  });
}
