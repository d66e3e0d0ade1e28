// The migration runner. Each owner (the kernel, then each plugin by id) has its own
// history, so upgrading one plugin runs only that plugin's new migrations. Migrations are
// forward-only; a database that has applied migrations this code does not know (migrated
// by newer code, or by another build) is refused with both versions named instead of
// being "repaired". All work happens in one transaction under an advisory lock, so two
// processes migrating at once apply each migration exactly once.
import { sql, type Kysely, type Transaction } from 'kysely';
import semver from 'semver';
import { dbStrings } from './strings.js';

export interface Migration {
  /** `env` is what the caller of migrate() passes on (the kernel passes its vault). */
  up(db: Kysely<any>, env?: object): Promise<void>;
}

export interface MigrationSet {
  /** 'kernel' or a plugin id. */
  owner: string;
  /** The owner's package version, recorded with each run so a downgrade can name it. */
  version: string;
  /** Migration name → migration. Names sort in application order (e.g. 0001_init). */
  migrations: Record<string, Migration>;
}

export interface PendingMigration {
  owner: string;
  name: string;
}

export interface MigrationStatus {
  pending: PendingMigration[];
  /** Owners whose database history contains migrations the code does not know. */
  newer: SchemaNewerThanCode[];
}

export interface SchemaNewerThanCode {
  owner: string;
  databaseVersion: string;
  codeVersion: string;
  unknownMigrations: string[];
}

export class SchemaNewerError extends Error {
  constructor(readonly details: SchemaNewerThanCode[]) {
    super(details.map(describeNewer).join('；'));
    this.name = 'SchemaNewerError';
  }
}

export function describeNewer(d: SchemaNewerThanCode): string {
  const newer = semver.valid(d.databaseVersion) && semver.valid(d.codeVersion) && semver.gt(d.databaseVersion, d.codeVersion);
  return newer ? dbStrings.schemaNewer(d) : dbStrings.schemaForeign(d);
}

// Any constant works; it only has to be the same in every process of this product.
const MIGRATION_LOCK_KEY = 720_431_001;

async function ensureBookkeeping(db: Kysely<any>): Promise<void> {
  await sql`create schema if not exists meta`.execute(db);
  await sql`create table if not exists meta.migrations (
    owner text not null,
    name text not null,
    owner_version text not null,
    applied_at timestamptz not null default now(),
    primary key (owner, name)
  )`.execute(db);
  await sql`create table if not exists meta.schema_versions (
    owner text primary key,
    version text not null,
    updated_at timestamptz not null default now()
  )`.execute(db);
}

async function bookkeepingExists(db: Kysely<any>): Promise<boolean> {
  const r = await sql<{ exists: boolean }>`select to_regclass('meta.migrations') is not null as exists`.execute(db);
  return Boolean(r.rows[0]?.exists);
}

async function readApplied(db: Kysely<any>): Promise<Map<string, Set<string>>> {
  const rows = await sql<{ owner: string; name: string }>`select owner, name from meta.migrations`.execute(db);
  const applied = new Map<string, Set<string>>();
  for (const r of rows.rows) {
    if (!applied.has(r.owner)) applied.set(r.owner, new Set());
    applied.get(r.owner)!.add(r.name);
  }
  return applied;
}

async function readVersions(db: Kysely<any>): Promise<Map<string, string>> {
  const rows = await sql<{ owner: string; version: string }>`select owner, version from meta.schema_versions`.execute(db);
  return new Map(rows.rows.map((r) => [r.owner, r.version]));
}

function sortedNames(set: MigrationSet): string[] {
  return Object.keys(set.migrations).sort();
}

function computeStatus(sets: MigrationSet[], applied: Map<string, Set<string>>, versions: Map<string, string>): MigrationStatus {
  const pending: PendingMigration[] = [];
  const newer: SchemaNewerThanCode[] = [];
  for (const set of sets) {
    const done = applied.get(set.owner) ?? new Set<string>();
    const known = new Set(Object.keys(set.migrations));
    const unknown = [...done].filter((n) => !known.has(n)).sort();
    if (unknown.length > 0) {
      newer.push({
        owner: set.owner,
        databaseVersion: versions.get(set.owner) ?? dbStrings.versionUnknown,
        codeVersion: set.version,
        unknownMigrations: unknown,
      });
    }
    for (const name of sortedNames(set)) if (!done.has(name)) pending.push({ owner: set.owner, name });
  }
  return { pending, newer };
}

/** What would run, without running anything or taking locks. */
export async function migrationStatus(db: Kysely<any>, sets: MigrationSet[]): Promise<MigrationStatus> {
  if (!(await bookkeepingExists(db))) {
    return { pending: sets.flatMap((s) => sortedNames(s).map((name) => ({ owner: s.owner, name }))), newer: [] };
  }
  return computeStatus(sets, await readApplied(db), await readVersions(db));
}

/** What a database records of its migrations, by owner: as a backup's manifest keeps it. */
export type MigrationHistory = Record<string, { version: string | null; migrations: string[] }>;

/** The database's migration history (empty before anything was migrated). */
export async function readMigrationHistory(db: Kysely<any>): Promise<MigrationHistory> {
  if (!(await bookkeepingExists(db))) return {};
  const [applied, versions] = [await readApplied(db), await readVersions(db)];
  const history: MigrationHistory = {};
  for (const owner of [...new Set([...applied.keys(), ...versions.keys()])].sort()) {
    history[owner] = { version: versions.get(owner) ?? null, migrations: [...(applied.get(owner) ?? [])].sort() };
  }
  return history;
}

/** The status a database with this recorded history would have against the code's sets. */
export function historyStatus(history: MigrationHistory, sets: MigrationSet[]): MigrationStatus {
  const applied = new Map(Object.entries(history).map(([owner, h]) => [owner, new Set(h.migrations)]));
  const versions = new Map(Object.entries(history).flatMap(([owner, h]) => (h.version === null ? [] : [[owner, h.version] as const])));
  return computeStatus(sets, applied, versions);
}

export interface MigrateResult {
  applied: PendingMigration[];
}

/**
 * Applies pending migrations of the given sets, in the given order (kernel first, then
 * plugins in dependency order). Throws SchemaNewerError, applying nothing, when the
 * database is ahead of the code for any owner.
 */
export async function migrate(db: Kysely<any>, sets: MigrationSet[], env: object = {}): Promise<MigrateResult> {
  return db.transaction().execute(async (trx: Transaction<any>) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await ensureBookkeeping(trx);
    const status = computeStatus(sets, await readApplied(trx), await readVersions(trx));
    if (status.newer.length > 0) throw new SchemaNewerError(status.newer);
    const bySet = new Map(sets.map((s) => [s.owner, s]));
    for (const p of status.pending) {
      const set = bySet.get(p.owner)!;
      await set.migrations[p.name]!.up(trx, env);
      await sql`insert into meta.migrations (owner, name, owner_version) values (${p.owner}, ${p.name}, ${set.version})`.execute(trx);
    }
    for (const set of sets) {
      await sql`insert into meta.schema_versions (owner, version) values (${set.owner}, ${set.version})
        on conflict (owner) do update set version = excluded.version, updated_at = now()
        where meta.schema_versions.version is distinct from excluded.version`.execute(trx);
    }
    return { applied: status.pending };
  });
}
