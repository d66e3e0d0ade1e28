// 等保 level 3: the parties' ID numbers and phones are stored sealed (SM4-CBC + HMAC-SM3,
// kernel/src/vault), with a blind index (HMAC-SM3) beside each for equality look-ups. The
// plaintext index on ID numbers goes; the values written before are sealed here, in
// batches, under the deployment's data key.
import { sql, type Kysely } from 'kysely';
import type { MigrationEnv } from '@zhengfa/plugin-api';
import { kernelSealedColumns, sealPlaintext } from '../vault/sealed-columns.js';
import type { KernelVault } from '../vault/vault.js';

export async function up(db: Kysely<any>, env: MigrationEnv = {}): Promise<void> {
  await sql`alter table kernel.case_parties add column id_number_index text, add column phone_index text`.execute(db);
  await sql`drop index if exists kernel.case_parties_id_number_idx`.execute(db);
  for (const col of kernelSealedColumns) await sealPlaintext(db, env.vault as KernelVault | undefined, col);
  await sql`create index case_parties_id_number_index_idx on kernel.case_parties (tenant_id, id_number_index) where id_number_index is not null`.execute(db);
  await sql`create index case_parties_phone_index_idx on kernel.case_parties (tenant_id, phone_index) where phone_index is not null`.execute(db);
}
