// What this plugin stores sealed (等保 level 3, ctx.vault): every petitioner's ID number
// and phone, with a blind index beside each for repeat detection, and an accusation's
// material (检举控告: the matter's content and demands, and its visits' content). Other
// matters' content stays searchable text; the accuser's material does not.
import { sql, type Kysely, type RekeyedColumn, type SealedColumn, type Vault } from '@zhengfa/plugin-api';
import { issueGrams } from './grams.js';
import { normalizeIdNumber, normalizePhone } from './personal-data.js';

const ACCUSATION_VISIT = `exists (select 1 from petitions.matters m where m.tenant_id = t.tenant_id and m.id = t.matter_id and m.is_accusation)`;

export const petitionsSealedColumns: SealedColumn[] = [
  { table: 'petitions.petitioners', column: 'id_number', index: { column: 'id_number_index', kind: 'id_number', normalize: normalizeIdNumber } },
  { table: 'petitions.petitioners', column: 'phone', index: { column: 'phone_index', kind: 'phone', normalize: normalizePhone } },
  { table: 'petitions.matters', column: 'content', where: 't.is_accusation' },
  { table: 'petitions.matters', column: 'demands', where: `t.is_accusation and t.demands <> ''` },
  { table: 'petitions.visits', column: 'content', where: `t.content <> '' and ${ACCUSATION_VISIT}` },
];

export interface StoredIdentifiers {
  id_number: string | null;
  id_number_index: string | null;
  phone: string | null;
  phone_index: string | null;
}

/** A petitioner's ID number and phone (already normalized) as stored. */
export function sealIdentifiers(vault: Vault, p: { idNumber?: string | null; phone?: string | null }): StoredIdentifiers {
  return {
    id_number: p.idNumber ? vault.seal(p.idNumber) : null,
    id_number_index: p.idNumber ? vault.index('id_number', normalizeIdNumber(p.idNumber)) : null,
    phone: p.phone ? vault.seal(p.phone) : null,
    phone_index: p.phone ? vault.index('phone', normalizePhone(p.phone)) : null,
  };
}

/** A row's ID number and phone opened (nulls stay null). */
export function openIdentifiers<T extends { id_number: string | null; phone: string | null }>(vault: Vault, row: T): T {
  return { ...row, id_number: row.id_number === null ? null : vault.open(row.id_number), phone: row.phone === null ? null : vault.open(row.phone) };
}

/** An accusation's material as stored: sealed; any other matter's as written. */
export function sealMaterial(vault: Vault, isAccusation: boolean, text: string): string {
  return isAccusation && text !== '' ? vault.seal(text) : text;
}

/** Material as read: opened when sealed (an accusation's), else as stored. */
export function openMaterial(vault: Vault, text: string): string {
  return vault.isSealed(text) ? vault.open(text) : text;
}

/** The blind indexes (current and old keys) of ID numbers, and of name + phone pairs as `name|index`. */
export function idIndexes(vault: Vault, ids: string[]): string[] {
  return ids.flatMap((id) => vault.indexes('id_number', normalizeIdNumber(id)));
}

export function namePhoneIndexes(vault: Vault, people: { name: string; phone: string }[]): string[] {
  return people.flatMap((p) => vault.indexes('phone', normalizePhone(p.phone)).map((i) => `${p.name}|${i}`));
}

// An accusation's character bigrams (for "same issue" detection) would spell out much of the
// letter: they are stored as keyed hashes (HMAC-SM3 under the blind-index key, 16 hex, `h`
// first so they never equal a bigram), and compared as such.
const gramForm = (h: string) => `h${h.slice(0, 16)}`;

/** An accusation's bigrams as stored. */
export function sealGrams(vault: Vault, grams: readonly string[]): string[] {
  return grams.map((g) => gramForm(vault.index('issue_gram', g)));
}

/** Each bigram's stored forms under every key the vault has (current first). */
export function gramForms(vault: Vault, grams: readonly string[]): string[][] {
  return grams.map((g) => vault.indexes('issue_gram', g).map(gramForm));
}

/** Whether stored grams are an accusation's hashes rather than bigrams. */
export function areSealedGrams(stored: readonly string[]): boolean {
  return stored.length > 0 && stored.every((g) => /^h[0-9a-f]{16}$/.test(g));
}

/** gramOverlap (grams.ts) between an accusation's stored hashes and a text's bigrams in their forms. */
export function sealedGramOverlap(stored: readonly string[], forms: readonly string[][]): number {
  if (stored.length === 0 || forms.length === 0) return 0;
  const set = new Set(stored);
  const common = forms.filter((fs) => fs.some((f) => set.has(f))).length;
  return common / Math.min(stored.length, forms.length);
}

const REKEY_BATCH = 200;

/**
 * After a key rotation (definePlugin's afterKeyRotation): re-computes every accusation's
 * bigram hashes under the new key from its opened content and demands, in batches.
 */
export async function rekeyAccusationGrams({ db, vault }: { db: Kysely<any>; vault: Vault }): Promise<RekeyedColumn[]> {
  if (!(await sql<{ t: string | null }>`select to_regclass('petitions.matters')::text as t`.execute(db)).rows[0]?.t) return [];
  let after: { tenant_id: string; id: string } | null = null;
  let done = 0;
  for (;;) {
    const from: ReturnType<typeof sql> = after ? sql`and (tenant_id, id) > (${after.tenant_id}, ${after.id}::uuid)` : sql``;
    const batch: { tenant_id: string; id: string; content: string; demands: string }[] = (
      await sql<{ tenant_id: string; id: string; content: string; demands: string }>`select tenant_id, id, content, demands from petitions.matters
        where is_accusation ${from} order by tenant_id, id limit ${REKEY_BATCH}`.execute(db)
    ).rows;
    if (batch.length === 0) return [{ table: 'petitions.matters', column: 'issue_grams', resealed: done }];
    await db.transaction().execute(async (trx) => {
      for (const m of batch) {
        const grams = sealGrams(vault, issueGrams(`${openMaterial(vault, m.content)} ${openMaterial(vault, m.demands)}`));
        await sql`update petitions.matters set issue_grams = ${sql.val(grams)}::text[] where tenant_id = ${m.tenant_id} and id = ${m.id}::uuid`.execute(trx);
      }
    });
    done += batch.length;
    const last: { tenant_id: string; id: string } = batch[batch.length - 1]!;
    after = { tenant_id: last.tenant_id, id: last.id };
  }
}
