// 等保 level 3: the content of the discipline records (a clue's summary and notes, a
// sanction's reason, a 三个规定 record's content, an error-case accountability's finding,
// defence, decision and review) is stored sealed (SM4 + HMAC-SM3, the kernel's vault), like
// the officers' ID numbers and phones. What was written before is sealed here, in batches,
// under the deployment's data key. Forward-only: never edit it once released.
import { sql, type Kysely, type MigrationEnv, type SealedColumn } from '@zhengfa/plugin-api';
import { sealingStrings } from '../discipline-strings.js';
import { disciplineSealedColumns } from '../sealing.js';

const BATCH = 500;

export async function up(db: Kysely<any>, env: MigrationEnv = {}): Promise<void> {
  for (const col of disciplineSealedColumns) await sealPlaintext(db, env, col);
}

/** Seals a column's values still stored as plaintext (safe to run again: envelopes are skipped). */
export async function sealPlaintext(db: Kysely<any>, env: MigrationEnv, col: SealedColumn): Promise<void> {
  const column = sql.ref(`t.${col.column}`);
  const table = sql.raw(col.table);
  let after: { tenant_id: string; id: string } | null = null;
  for (;;) {
    const from: ReturnType<typeof sql> = after ? sql`and (t.tenant_id, t.id) > (${after.tenant_id}, ${after.id}::uuid)` : sql``;
    const batch: { tenant_id: string; id: string; value: string }[] = (
      await sql<{ tenant_id: string; id: string; value: string }>`select t.tenant_id, t.id, ${column} as value from ${table} t
        where ${column} is not null and ${column} not like 'zv1.%' ${from} order by t.tenant_id, t.id limit ${BATCH}`.execute(db)
    ).rows;
    if (batch.length === 0) return;
    const vault = env.vault;
    if (!vault) throw new Error(sealingStrings.needsDataKey);
    for (const r of batch) {
      await sql`update ${table} set ${sql.id(col.column)} = ${vault.seal(r.value)} where tenant_id = ${r.tenant_id} and id = ${r.id}::uuid`.execute(db);
    }
    const last: { tenant_id: string; id: string } = batch[batch.length - 1]!;
    after = { tenant_id: last.tenant_id, id: last.id };
  }
}
