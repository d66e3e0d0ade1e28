// The manifest of a backup archive (manifest.json, its last entry): what made it, the
// database's migration history, and the size and SHA-256 of every other entry. A restore
// reads and checks all of it before it touches anything.
import type { MigrationHistory } from '@zhengfa/db';
import { z } from 'zod';

export const ARCHIVE_FORMAT = 1;
export const MANIFEST_NAME = 'manifest.json';

/** The database dump's entry, by engine. */
export const DATABASE_ENTRY = { pglite: 'database/pglite-datadir.tar.gz', postgres: 'database/postgres.dump' } as const;

/** The folders under DATA_DIR an archive carries: attachments and ledger exports. */
export const DATA_FOLDERS = ['files', 'exports'] as const;

export type ArchiveEngine = keyof typeof DATABASE_ENTRY;

/** A path an archive may hold: under one of its folders, plain segments only (no "..", no absolute path). */
const entryPath = z
  .string()
  .regex(/^(database|files|exports)(\/[A-Za-z0-9_][A-Za-z0-9._-]*)+$/)
  .refine((p) => !p.split('/').includes('..'));

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  product: z.object({ name: z.literal('zhengfa'), version: z.string() }),
  kernel: z.string(),
  plugins: z.array(z.object({ id: z.string(), version: z.string() })),
  engine: z.enum(['pglite', 'postgres']),
  database: z.object({ entry: entryPath, serverVersion: z.string() }),
  /** Per owner (kernel, each plugin): its recorded version, its latest migration and every migration applied. */
  migrations: z.record(z.string(), z.object({ version: z.string().nullable(), latest: z.string().nullable(), migrations: z.array(z.string()) })),
  createdAt: z.string(),
  entries: z.array(z.object({ path: entryPath, size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** A history as the manifest records it: with each owner's latest migration, for people to read. */
export function manifestMigrations(history: MigrationHistory): BackupManifest['migrations'] {
  return Object.fromEntries(Object.entries(history).map(([owner, h]) => [owner, { version: h.version, latest: h.migrations.at(-1) ?? null, migrations: h.migrations }]));
}
