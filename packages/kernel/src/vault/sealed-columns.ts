// Sealing columns in bulk: what a migration does to values written before as plaintext,
// and what `pnpm zhengfa rotate-key` does to values sealed under an old key. Rows are read
// in batches in key order (tenant_id, id), so neither holds a table in memory, and the
// blind index beside a value is re-computed with it.
import { sql, type Kysely } from 'kysely';
import type { RekeyedColumn, SealedColumn } from '@zhengfa/plugin-api';
import { vaultStrings as s } from '../strings.js';
import { ENVELOPE_LIKE, VaultError, type KernelVault } from './vault.js';

export const SEAL_BATCH = 500;

/** The kernel's own sealed columns: its parties' ID numbers and phones. */
export const kernelSealedColumns: SealedColumn[] = [
  { table: 'kernel.case_parties', column: 'id_number', index: { column: 'id_number_index', kind: 'id_number', normalize: normalizeIdNumberForIndex } },
  { table: 'kernel.case_parties', column: 'phone', index: { column: 'phone_index', kind: 'phone', normalize: normalizePhoneForIndex } },
];

/** An ID number as compared: no spaces, upper-case check character. */
export function normalizeIdNumberForIndex(v: string): string {
  return v.replace(/\s+/g, '').toUpperCase();
}

/** A phone as compared: digits (and a leading +) only. */
export function normalizePhoneForIndex(v: string): string {
  return v.replace(/[\s-]+/g, '');
}

const ident = (qualified: string) => sql.id(...qualified.split('.'));

type Mode = 'plaintext' | 'rotate';

async function sealBatches(db: Kysely<any>, vault: KernelVault, col: SealedColumn, mode: Mode, inTransaction: boolean): Promise<number> {
  const table = ident(col.table);
  const column = sql.ref(`t.${col.column}`);
  const needs =
    mode === 'plaintext'
      ? sql`${column} is not null and ${column} not like ${ENVELOPE_LIKE}${col.where ? sql` and (${sql.raw(col.where)})` : sql``}`
      : sql`${column} like ${ENVELOPE_LIKE} and substr(${column}, 5, 8) <> ${vault.keyId}`;
  let after: { tenant_id: string; id: string } | null = null;
  let done = 0;
  for (;;) {
    const from = after ? sql`and (t.tenant_id, t.id) > (${after.tenant_id}, ${after.id}::uuid)` : sql``;
    const batch: { tenant_id: string; id: string; value: string }[] = (
      await sql<{ tenant_id: string; id: string; value: string }>`select t.tenant_id, t.id, ${column} as value from ${table} t
        where ${needs} ${from} order by t.tenant_id, t.id limit ${SEAL_BATCH}`.execute(db)
    ).rows;
    if (batch.length === 0) return done;
    const write = async (trx: Kysely<any>) => {
      for (const r of batch) {
        const plain = mode === 'plaintext' ? r.value : vault.open(r.value);
        const sets = [sql`${sql.id(col.column)} = ${vault.seal(plain)}`];
        if (col.index) sets.push(sql`${sql.id(col.index.column)} = ${vault.index(col.index.kind, col.index.normalize ? col.index.normalize(plain) : plain)}`);
        await sql`update ${table} set ${sql.join(sets)} where tenant_id = ${r.tenant_id} and id = ${r.id}::uuid`.execute(trx);
      }
    };
    if (inTransaction || db.isTransaction) await write(db);
    else await db.transaction().execute(write);
    done += batch.length;
    const last = batch[batch.length - 1]!;
    after = { tenant_id: last.tenant_id, id: last.id };
  }
}

/**
 * Seals a column's plaintext values in place (a migration's step). Refuses, writing
 * nothing, when there is plaintext to seal and no vault.
 */
export async function sealPlaintext(db: Kysely<any>, vault: KernelVault | undefined, col: SealedColumn): Promise<number> {
  if (!vault) {
    const column = sql.ref(`t.${col.column}`);
    const left = await sql<{ n: number }>`select count(*)::int as n from ${ident(col.table)} t
      where ${column} is not null and ${column} not like ${ENVELOPE_LIKE}${col.where ? sql` and (${sql.raw(col.where)})` : sql``}`.execute(db);
    if (left.rows[0]!.n > 0) throw new VaultError('bad_key', s.needsVault);
    return 0;
  }
  return sealBatches(db, vault, col, 'plaintext', true);
}

/** Re-seals a column's values sealed under any other key than the current one, batch by batch (one transaction each). */
export async function resealColumn(db: Kysely<any>, vault: KernelVault, col: SealedColumn): Promise<number> {
  return sealBatches(db, vault, col, 'rotate', false);
}

export interface RotationReport {
  columns: { table: string; column: string; resealed: number }[];
  total: number;
}

/**
 * Re-seals every sealed column (the kernel's and each installed plugin's whose table
 * exists) under the vault's current key. Safe to run again after an interruption: what
 * is already under the current key is skipped.
 */
export async function rotateSealedColumns(
  db: Kysely<any>,
  vault: KernelVault,
  columns: SealedColumn[],
  after: ((env: { db: Kysely<any>; vault: KernelVault }) => Promise<RekeyedColumn[]>)[] = [],
): Promise<RotationReport> {
  const report: RotationReport = { columns: [], total: 0 };
  const exists = async (table: string) => Boolean((await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(db)).rows[0]?.t);
  for (const col of columns) {
    if (!(await exists(col.table))) continue;
    const resealed = await resealColumn(db, vault, col);
    report.columns.push({ table: col.table, column: col.column, resealed });
    report.total += resealed;
  }
  for (const step of after) {
    for (const c of await step({ db, vault })) {
      report.columns.push(c);
      report.total += c.resealed;
    }
  }
  return report;
}
