// Encryption at rest of personal identifiers and accusation content (等保 level 3): what
// the kernel hands every procedure, event handler, job and migration as `vault`.
import type { Kysely } from 'kysely';

export interface Vault {
  /**
   * Encrypts a value for storage: SM4-CBC under the current data key with a random IV, then
   * an HMAC-SM3 over the version, key id, IV and ciphertext (encrypt-then-MAC). The result
   * is a text envelope (`zv1.<key id>.<iv>.<ciphertext>.<mac>`) that fits any text column.
   */
  seal(plain: string): string;
  /**
   * Decrypts an envelope made by `seal` under the current or an old data key. Refuses
   * (throws VaultError) an envelope whose MAC does not hold — tampered with, or sealed
   * under a key this server does not have — and a value that is no envelope at all.
   */
  open(sealed: string): string;
  /**
   * The blind index of a value, for equality look-ups without plaintext: HMAC-SM3 under a
   * key derived from the current data key, as hex. `kind` keeps look-ups of one kind of
   * value apart from another's ('id_number', 'phone'). Normalize the value first.
   */
  index(kind: string, value: string): string;
  /** The blind indexes under the current and every old key: what to look up while a rotation runs. */
  indexes(kind: string, value: string): string[];
  /** Whether a stored text is an envelope (rather than plaintext). */
  isSealed(text: string): boolean;
  /** The current key's id, as written into new envelopes. */
  readonly keyId: string;
}

/**
 * A column a plugin (or the kernel) stores sealed, declared so that migrations can seal
 * what was written before as plaintext and `pnpm zhengfa rotate-key` re-seals it under a
 * new key. The table has `tenant_id` and `id` (its primary key).
 */
export interface SealedColumn {
  /** Schema-qualified table, e.g. 'petitions.petitioners'. */
  table: string;
  /** The column holding the envelope. */
  column: string;
  /** The blind index column kept beside it, and the kind passed to `vault.index`. */
  index?: { column: string; kind: string; normalize?: (plain: string) => string };
  /**
   * SQL condition (on the table aliased `t`) that selects the rows whose value is sealed,
   * when only some are (e.g. the content of accusations only). Default: every row.
   */
  where?: string;
}

/** What a plugin's `afterKeyRotation` reports: a derived column it re-computed under the new key. */
export interface RekeyedColumn {
  table: string;
  column: string;
  resealed: number;
}

/** What a migration receives besides the database. */
export interface MigrationEnv {
  /** The deployment's vault (absent only where nothing needs sealing, e.g. a bare migration test). */
  vault?: Vault;
}

export type { Kysely };
