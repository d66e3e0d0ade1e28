// `pnpm zhengfa restore <file>`: puts a backup back into an empty target.
//
// Nothing is touched until the whole archive has been read and checked: every entry's
// SHA-256 against the manifest, the migration history against this code (an archive from
// newer code is refused with both versions named, as the server refuses a downgraded
// database), the engine against the configured one, and the target: empty, with no
// server using it (--force replaces what is there). Everything is unpacked beside the
// target first and moved into place only once it is complete. Then the audit chain of
// every county is verified in the restored database, and a summary printed.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import semver from 'semver';
import { historyStatus, loadPGliteDataDir, openDatabase, openPostgres, type MigrationSet } from '@zhengfa/db';
import { kernelMigrations, verifyAuditChain } from '@zhengfa/kernel';
import type { AnyPlugin } from '@zhengfa/plugin-api';
import type { ServerConfig } from '../config.js';
import { loadInstalledPlugins } from '../plugins.js';
import { serverStrings } from '../strings.js';
import { extractEntries, verifyArchive, type ArchiveProblem } from './archive.js';
import { hasEntries, humanSize } from './backup.js';
import { embeddedDatabaseOpen, runningServer } from './control-socket.js';
import { DATA_FOLDERS, type BackupManifest } from './manifest.js';
import { checkDumpReadable, checkToolFor, clearDatabase, databaseContents, restorePostgres, serverConnections } from './postgres-tools.js';

const s = serverStrings.restore;
const engines = serverStrings.backup.engines;

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

function problemMessage(file: string, p: ArchiveProblem): string {
  switch (p.kind) {
    case 'unreadable':
      return s.unreadable(file, p.reason);
    case 'no-manifest':
      return s.noManifest(file);
    case 'bad-manifest':
      return s.badManifest(p.reason);
    case 'missing':
      return s.missing(p.path);
    case 'unlisted':
      return s.unlisted(p.path);
    case 'checksum':
      return s.checksum(p.path);
  }
}

/** The migration sets of this code: the kernel and every installed plugin, enabled or not. */
export function codeMigrationSets(plugins: AnyPlugin[]): MigrationSet[] {
  return [kernelMigrations, ...plugins.filter((p) => p.migrations).map((p) => ({ owner: p.id, version: p.version, migrations: p.migrations! }))];
}

/** Refuses an archive whose migrations this code does not know, naming both versions. */
export function checkVersions(manifest: BackupManifest, sets: MigrationSet[]): { pending: number; uninstalled: string[] } {
  const status = historyStatus(manifest.migrations, sets);
  if (status.newer.length > 0) {
    throw new RestoreRefused(
      status.newer
        .map((n) => {
          const archive = manifest.migrations[n.owner]!.version;
          const newer = archive !== null && semver.valid(archive) !== null && semver.valid(n.codeVersion) !== null && semver.gt(archive, n.codeVersion);
          return newer ? s.newer(n.owner, archive, n.codeVersion, n.unknownMigrations.join('、')) : s.foreign(n.owner, archive, n.codeVersion, n.unknownMigrations.join('、'));
        })
        .join('；'),
    );
  }
  const known = new Set(sets.map((set) => set.owner));
  return { pending: status.pending.length, uninstalled: Object.keys(manifest.migrations).filter((owner) => !known.has(owner)) };
}

export interface TableCount {
  table: string;
  rows: number;
}

/** Every table of the database outside the system schemas, with its row count. */
export async function tableCounts(db: Kysely<any>): Promise<TableCount[]> {
  const tables = await sql<{ schema: string; name: string }>`
    select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and not c.relispartition
      and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    order by 1, 2`.execute(db);
  const out: TableCount[] = [];
  for (const t of tables.rows) {
    const r = await sql<{ n: string }>`select count(*) as n from ${sql.id(t.schema, t.name)}`.execute(db);
    out.push({ table: `${t.schema}.${t.name}`, rows: Number(r.rows[0]!.n) });
  }
  return out;
}

export interface RestoreOptions {
  force?: boolean;
  out?: (line: string) => void;
  plugins?: AnyPlugin[];
}

export interface RestoreReport {
  manifest: BackupManifest;
  tables: TableCount[];
  auditIntact: boolean;
}

/** Refuses a target that holds data (unless forced) or that a server is using. */
async function checkTarget(config: ServerConfig, force: boolean): Promise<void> {
  const found: string[] = [];
  if (config.databaseUrl) {
    const database = openPostgres({ url: config.databaseUrl, poolSize: 1, applicationName: 'zhengfa-restore' });
    try {
      const servers = await serverConnections(database.db);
      if (servers > 0) throw new RestoreRefused(s.databaseInUse(servers));
      await checkToolFor('pg_restore', database.db);
      const contents = await databaseContents(database.db);
      if (contents.length > 0) found.push(s.notEmptyDatabase(contents.slice(0, 5).join('、') + (contents.length > 5 ? ' 等' : '')));
    } finally {
      await database.close();
    }
  } else {
    if (await runningServer(config.dataDir)) throw new RestoreRefused(s.serverRunning(config.dataDir));
    if (embeddedDatabaseOpen(config.dataDir)) throw new RestoreRefused(serverStrings.backup.openElsewhere(path.join(config.dataDir, 'pglite')));
    const folder = path.join(config.dataDir, 'pglite');
    if (hasEntries(folder)) found.push(s.notEmptyEmbedded(folder));
  }
  for (const f of DATA_FOLDERS) if (hasEntries(path.join(config.dataDir, f))) found.push(s.notEmptyFolder(path.join(config.dataDir, f)));
  if (found.length > 0 && !force) throw new RestoreRefused(s.notEmpty(found.join('；')));
}

export async function runRestore(config: ServerConfig, archive: string, opts: RestoreOptions = {}): Promise<RestoreReport> {
  const out = opts.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (!existsSync(archive)) throw new RestoreRefused(s.archiveMissing(archive));

  // 1. Check everything before touching anything.
  const verified = await verifyArchive(archive);
  if (!verified.ok) throw new RestoreRefused(problemMessage(archive, verified.problem));
  const { manifest } = verified;
  const { pending, uninstalled } = checkVersions(manifest, codeMigrationSets(opts.plugins ?? (await loadInstalledPlugins())));
  const engine = config.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== engine) throw new RestoreRefused(s.engineMismatch(engines[manifest.engine]!, engines[engine]!));
  await checkTarget(config, opts.force ?? false);

  // 2. Unpack beside the target, then move into place.
  await mkdir(config.dataDir, { recursive: true });
  const staging = await mkdtemp(path.join(config.dataDir, '.restoring-'));
  try {
    const wanted = new Set(manifest.entries.map((e) => e.path));
    await extractEntries(archive, staging, wanted);
    // What was unpacked, checked again: the archive could have changed since it was read.
    for (const e of manifest.entries) {
      const unpacked = path.join(staging, e.path);
      if (!existsSync(unpacked)) throw new RestoreRefused(s.missing(e.path));
      if ((await sha256Of(unpacked)) !== e.sha256) throw new RestoreRefused(s.checksum(e.path));
    }
    const dump = path.join(staging, manifest.database.entry);
    if (engine === 'postgres') {
      await checkDumpReadable(dump);
      if (opts.force) await withPostgres(config.databaseUrl!, (db) => clearDatabase(db));
      await restorePostgres(config.databaseUrl!, dump);
    } else {
      await loadPGliteDataDir(path.join(staging, 'pglite'), new Uint8Array(await readFile(dump)));
      await rm(path.join(config.dataDir, 'pglite'), { recursive: true, force: true });
      await rename(path.join(staging, 'pglite'), path.join(config.dataDir, 'pglite'));
    }
    for (const f of DATA_FOLDERS) {
      await rm(path.join(config.dataDir, f), { recursive: true, force: true });
      if (existsSync(path.join(staging, f))) await rename(path.join(staging, f), path.join(config.dataDir, f));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  // 3. Verify the audit chains in the restored database, and say what is there.
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const tables = await tableCounts(database.db);
    const attachments = manifest.entries.filter((e) => e.path.startsWith('files/'));
    const exports = manifest.entries.filter((e) => e.path.startsWith('exports/'));
    out(s.restored(archive, chinaTime(manifest.createdAt), manifest.product.version, manifest.kernel, engines[manifest.engine]!));
    out(s.tables(tables.length, tables.reduce((n, t) => n + t.rows, 0)));
    for (const t of tables) out(s.table(t.table, t.rows));
    out(s.files(attachments.length, exports.length, humanSize([...attachments, ...exports].reduce((n, e) => n + e.size, 0))));
    const auditIntact = await reportAuditChains(database.db, out);
    if (pending > 0) out(engine === 'pglite' ? s.pendingEmbedded(pending) : s.pendingPostgres(pending));
    for (const owner of uninstalled) out(s.uninstalled(owner, manifest.migrations[owner]!.version));
    return { manifest, tables, auditIntact };
  } finally {
    await database.close();
  }
}

async function withPostgres<T>(url: string, fn: (db: Kysely<any>) => Promise<T>): Promise<T> {
  const database = openPostgres({ url, poolSize: 1, applicationName: 'zhengfa-restore' });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

/** Verifies each county's audit chain; prints one line per county; false when any is broken. */
async function reportAuditChains(db: Kysely<any>, out: (line: string) => void): Promise<boolean> {
  const exists = await sql<{ ok: boolean }>`select to_regclass('kernel.audit_log') is not null as ok`.execute(db);
  if (!exists.rows[0]!.ok) {
    out(s.auditNone);
    return true;
  }
  const tenants = (await sql<{ tenant_id: string }>`select tenant_id from kernel.audit_log union select tenant_id from kernel.audit_heads order by tenant_id`.execute(db)).rows;
  if (tenants.length === 0) out(s.auditNone);
  let intact = true;
  for (const { tenant_id: tenant } of tenants) {
    const r = await verifyAuditChain(db, tenant);
    if (r.ok) out(s.auditIntact(tenant, r.checked));
    else {
      intact = false;
      out(s.auditBroken(tenant, r.firstBroken!.seq, serverStrings.cli.auditReasons[r.firstBroken!.reason]));
    }
  }
  return intact;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** 2026年11月21日 14:03 (China time). */
function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
