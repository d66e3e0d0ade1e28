// `pnpm zhengfa backup <file>`: the database and DATA_DIR's files in one archive.
//
// The database comes first, from one consistent moment: on PostgreSQL pg_dump inside an
// exported snapshot; on the embedded database the running server's own dump between two
// transactions (control-socket.ts), or with no server running the data folder opened
// directly. Files are read after it: attachments are written before the row that names
// them commits, and never change once written, so every attachment the dump names is on
// disk by then (a file stored in the meantime only comes along unnamed).
import { chmod, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { openPGlite } from '@zhengfa/db';
import { KERNEL_VERSION } from '@zhengfa/kernel';
import serverPackage from '../../package.json' with { type: 'json' };
import type { ServerConfig } from '../config.js';
import { loadInstalledPlugins } from '../plugins.js';
import { serverStrings } from '../strings.js';
import { writeArchive } from './archive.js';
import { databaseInfo, embeddedDatabaseOpen, runningServer, type DatabaseInfo } from './control-socket.js';
import { ARCHIVE_FORMAT, DATABASE_ENTRY, manifestMigrations, type ArchiveEngine, type BackupManifest } from './manifest.js';
import { dumpPostgres } from './postgres-tools.js';

const s = serverStrings.backup;

export class BackupRefused extends Error {
  override name = 'BackupRefused';
}

/** A size for people: 1.2 MB, 830 KB, 512 B. */
export function humanSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Dumps the embedded database to `file`: through the running server, or from the folder when none runs. */
async function dumpEmbedded(dataDir: string, file: string, out: (line: string) => void): Promise<DatabaseInfo> {
  const server = await runningServer(dataDir);
  if (server) {
    out(s.online);
    const info = await server.info();
    await writeFile(file, await server.dump());
    return info;
  }
  const folder = path.join(dataDir, 'pglite');
  if (!existsSync(path.join(folder, 'PG_VERSION'))) throw new BackupRefused(s.noDatabase(dataDir));
  // Open elsewhere (a server without its control socket): a second opening would corrupt it.
  if (embeddedDatabaseOpen(dataDir)) throw new BackupRefused(s.openElsewhere(folder));
  out(s.offline);
  const database = await openPGlite({ dataDir: folder, ownThread: true });
  try {
    const info = await databaseInfo(database);
    await writeFile(file, await database.dumpDataDir!());
    return info;
  } finally {
    await database.close();
  }
}

export interface BackupOptions {
  force?: boolean;
  out?: (line: string) => void;
  now?: Date;
}

export async function runBackup(config: ServerConfig, target: string, opts: BackupOptions = {}): Promise<BackupManifest> {
  const out = opts.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (existsSync(target) && !opts.force) throw new BackupRefused(s.targetExists(target));
  const engine: ArchiveEngine = config.databaseUrl ? 'postgres' : 'pglite';
  await mkdir(path.dirname(target), { recursive: true });
  // Beside the target: the same disk, which must hold the archive anyway.
  const staging = await mkdtemp(path.join(path.dirname(target), '.zhengfa-backup-'));
  const partial = path.join(staging, 'archive.tar');
  try {
    await mkdir(path.join(staging, 'database'));
    const dumpFile = path.join(staging, DATABASE_ENTRY[engine]);
    const info = config.databaseUrl ? await dumpPostgres(config.databaseUrl, dumpFile) : await dumpEmbedded(config.dataDir, dumpFile, out);
    const createdAt = (opts.now ?? new Date()).toISOString();
    const installed = await loadInstalledPlugins();
    const manifest = await writeArchive(partial, staging, config.dataDir, (files) => ({
      format: ARCHIVE_FORMAT,
      product: { name: 'zhengfa', version: serverPackage.version },
      kernel: KERNEL_VERSION,
      plugins: installed.map((p) => ({ id: p.id, version: p.version })),
      engine,
      database: { entry: DATABASE_ENTRY[engine], serverVersion: info.serverVersion },
      migrations: manifestMigrations(info.migrations),
      createdAt,
      entries: files,
    }));
    // The archive holds personal data: readable by this user only.
    await chmod(partial, 0o600);
    await rename(partial, target);
    const db = manifest.entries.find((e) => e.path === manifest.database.entry)!;
    const attachments = manifest.entries.filter((e) => e.path.startsWith('files/'));
    const exports = manifest.entries.filter((e) => e.path.startsWith('exports/'));
    out(s.done(target, humanSize((await stat(target)).size)));
    out(s.database(s.engines[engine]!, info.serverVersion, humanSize(db.size)));
    out(s.files(attachments.length, exports.length, humanSize([...attachments, ...exports].reduce((n, e) => n + e.size, 0))));
    out(s.versions(manifest.product.version, manifest.kernel));
    out(s.keepSafe);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Whether a folder exists and holds anything. */
export function hasEntries(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}
