// 等保 level 3: petitioners' ID numbers and phones are stored sealed (SM4 + HMAC-SM3, the
// kernel's vault), with blind indexes (HMAC-SM3) for repeat detection instead of the
// plaintext indexes; an accusation's content, demands and visits' content are sealed too.
// What was written before is sealed here, in batches, under the deployment's data key.
import { sql, type Kysely, type MigrationEnv } from '@zhengfa/plugin-api';
import { areSealedGrams, petitionsSealedColumns, sealGrams } from '../matters/sealing.js';
import { sealingStrings } from '../strings.js';

const BATCH = 500;

export async function up(db: Kysely<any>, env: MigrationEnv = {}): Promise<void> {
  await sql`alter table petitions.petitioners add column id_number_index text, add column phone_index text`.execute(db);
  await sql`drop index if exists petitions.petitioners_id_number_idx`.execute(db);
  await sql`drop index if exists petitions.petitioners_name_phone_idx`.execute(db);
  for (const col of petitionsSealedColumns) await sealPlaintext(db, env, col);
  await sealAccusationGrams(db, env);
  await sql`create index petitioners_id_number_index_idx on petitions.petitioners (tenant_id, id_number_index) where id_number_index is not null`.execute(db);
  await sql`create index petitioners_name_phone_index_idx on petitions.petitioners (tenant_id, name, phone_index)`.execute(db);
}

// A plugin reaches only @zhengfa/plugin-api, so the batch loop is its own (the kernel's
// migration 0023 does the same for the parties' columns).
export async function sealPlaintext(db: Kysely<any>, env: MigrationEnv, col: (typeof petitionsSealedColumns)[number]): Promise<void> {
  const column = sql.ref(`t.${col.column}`);
  const needs = sql`${column} is not null and ${column} not like 'zv1.%'${col.where ? sql` and (${sql.raw(col.where)})` : sql``}`;
  const table = sql.raw(col.table);
  let after: { tenant_id: string; id: string } | null = null;
  for (;;) {
    const from: ReturnType<typeof sql> = after ? sql`and (t.tenant_id, t.id) > (${after.tenant_id}, ${after.id}::uuid)` : sql``;
    const batch: { tenant_id: string; id: string; value: string }[] = (
      await sql<{ tenant_id: string; id: string; value: string }>`select t.tenant_id, t.id, ${column} as value from ${table} t
        where ${needs} ${from} order by t.tenant_id, t.id limit ${BATCH}`.execute(db)
    ).rows;
    if (batch.length === 0) return;
    const vault = env.vault;
    if (!vault) throw new Error(sealingStrings.needsDataKey);
    for (const r of batch) {
      const sets = [sql`${sql.id(col.column)} = ${vault.seal(r.value)}`];
      if (col.index) sets.push(sql`${sql.id(col.index.column)} = ${vault.index(col.index.kind, col.index.normalize ? col.index.normalize(r.value) : r.value)}`);
      await sql`update ${table} set ${sql.join(sets)} where tenant_id = ${r.tenant_id} and id = ${r.id}::uuid`.execute(db);
    }
    const last: { tenant_id: string; id: string } = batch[batch.length - 1]!;
    after = { tenant_id: last.tenant_id, id: last.id };
  }
}

/** An accusation's stored bigrams become their keyed hashes (sealing.ts), as registration now writes them. */
export async function sealAccusationGrams(db: Kysely<any>, env: MigrationEnv): Promise<void> {
  let after: { tenant_id: string; id: string } | null = null;
  for (;;) {
    const from: ReturnType<typeof sql> = after ? sql`and (tenant_id, id) > (${after.tenant_id}, ${after.id}::uuid)` : sql``;
    const batch: { tenant_id: string; id: string; issue_grams: string[] }[] = (
      await sql<{ tenant_id: string; id: string; issue_grams: string[] }>`select tenant_id, id, issue_grams from petitions.matters
        where is_accusation and cardinality(issue_grams) > 0 ${from} order by tenant_id, id limit ${BATCH}`.execute(db)
    ).rows;
    if (batch.length === 0) return;
    for (const m of batch) {
      if (areSealedGrams(m.issue_grams)) continue;
      if (!env.vault) throw new Error(sealingStrings.needsDataKey);
      await sql`update petitions.matters set issue_grams = ${sql.val(sealGrams(env.vault, m.issue_grams))}::text[] where tenant_id = ${m.tenant_id} and id = ${m.id}::uuid`.execute(db);
    }
    const last: { tenant_id: string; id: string } = batch[batch.length - 1]!;
    after = { tenant_id: last.tenant_id, id: last.id };
  }
}
