// Which migrations a generated benchmark database was built with, each by a hash of its
// source. A reused database is only sound when every migration it already ran is still the
// same code: a migration edited in place (before its plugin's first release) leaves the
// database with a schema no current migration describes, and the next one fails on it.
import { createHash } from 'node:crypto';
import type { MigrationSet } from '@zhengfa/db';

/** "owner/name" → sha256 of the migration's up() source. */
export type SchemaFingerprint = Record<string, string>;

export function schemaFingerprint(sets: readonly MigrationSet[]): SchemaFingerprint {
  const out: SchemaFingerprint = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set.migrations)) {
      out[`${set.owner}/${name}`] = createHash('sha256').update(String(migration.up)).digest('hex').slice(0, 16);
    }
  }
  return out;
}

/**
 * The migrations a database ran that are no longer the same code (changed or gone); empty
 * when the database can be reused and only newer migrations need to run.
 */
export function staleMigrations(recorded: SchemaFingerprint | undefined, current: SchemaFingerprint): string[] {
  if (!recorded) return ['(no fingerprint recorded)'];
  return Object.keys(recorded)
    .filter((key) => recorded[key] !== current[key])
    .sort();
}
