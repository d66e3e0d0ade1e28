// The embedded database belongs to the server process that opened it: a second process
// opening the same folder would corrupt it. So while the server runs, `pnpm zhengfa backup`
// asks it, over a Unix socket in DATA_DIR (run/control.sock, in a folder only the server's
// user may enter, the socket itself mode 0600), for the database's migration history and a
// dump, which the server takes between two transactions (pglite-worker.mjs). When no server
// answers there, the command opens the folder itself. `pnpm zhengfa restore` refuses while
// a server answers.
import { chmod, mkdir, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { sql } from 'kysely';
import { readMigrationHistory, type Database, type MigrationHistory } from '@zhengfa/db';
import type { AppLogger } from '../logger.js';
import { serverStrings } from '../strings.js';

export function controlSocketPath(dataDir: string): string {
  return path.join(dataDir, 'run', 'control.sock');
}

export interface DatabaseInfo {
  serverVersion: string;
  migrations: MigrationHistory;
}

/** The database's server version and migration history, as a backup's manifest records them. */
export async function databaseInfo(database: Database): Promise<DatabaseInfo> {
  const version = await sql<{ server_version: string }>`show server_version`.execute(database.db);
  return { serverVersion: version.rows[0]!.server_version, migrations: await readMigrationHistory(database.db) };
}

/** How long the socket may stay silent before /ping is answered (no database work). */
export const ANSWER_TIMEOUT_MS = 10_000;
/** /database-info waits its turn behind the busy server's transactions. */
export const INFO_TIMEOUT_MS = 2 * 60_000;
/**
 * The dump is taken whole before its answer starts, which for a large database or a busy
 * server takes far longer than an answer: the socket may stay silent that long.
 */
export const DUMP_TIMEOUT_MS = 30 * 60_000;

function request(socketPath: string, urlPath: string, timeout = ANSWER_TIMEOUT_MS): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath, path: urlPath, timeout }, resolve);
    req.on('timeout', () => req.destroy(new Error(serverStrings.backup.serverSilent(Math.round(timeout / 1000)))));
    req.on('error', reject);
  });
}

async function bodyOf(res: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A running server's control socket, as the CLI uses it. */
export interface RunningServerControl {
  info(): Promise<DatabaseInfo>;
  dump(): Promise<Buffer>;
}

/**
 * Whether the embedded database's folder is open in some process: PGlite keeps
 * postmaster.pid there while open and removes it on closing (it stays after a crash too).
 */
export function embeddedDatabaseOpen(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'pglite', 'postmaster.pid'));
}

/** The server that serves DATA_DIR, when one answers on its control socket; null when none does. */
export async function runningServer(dataDir: string): Promise<RunningServerControl | null> {
  const socketPath = controlSocketPath(dataDir);
  if (!existsSync(socketPath)) return null;
  const get = async (urlPath: string, timeout?: number) => {
    const res = await request(socketPath, urlPath, timeout);
    const body = await bodyOf(res);
    if (res.statusCode !== 200) throw new Error(body.toString('utf8') || `HTTP ${res.statusCode}`);
    return body;
  };
  try {
    (await request(socketPath, '/ping')).resume();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED' || code === 'ENOENT') return null;
    throw err;
  }
  return {
    info: async () => JSON.parse((await get('/database-info', INFO_TIMEOUT_MS)).toString('utf8')) as DatabaseInfo,
    dump: () => get('/database-dump', DUMP_TIMEOUT_MS),
  };
}

export interface ControlSocket {
  close(): Promise<void>;
}

/** Serves the control socket for the embedded database (the server, on PGlite only). */
export async function startControlSocket(dataDir: string, database: Database, log: AppLogger): Promise<ControlSocket | null> {
  const dir = path.dirname(controlSocketPath(dataDir));
  const socketPath = controlSocketPath(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  if (existsSync(socketPath)) {
    // Left by a server that did not stop cleanly, unless one answers there now.
    if (await runningServer(dataDir).catch(() => null)) {
      log.warn({ socketPath }, 'another server answers on the control socket of this data folder; online backups go to it');
      return null;
    }
    await unlink(socketPath).catch(() => {});
  }
  const server = http.createServer((req, res) => {
    const fail = (err: unknown) => {
      log.error({ err, path: req.url }, 'control socket request failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String((err as Error)?.message ?? err));
    };
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (req.url === '/ping') {
      res.writeHead(200).end();
    } else if (req.url === '/database-info') {
      databaseInfo(database)
        .then((info) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(info)))
        .catch(fail);
    } else if (req.url === '/database-dump' && database.dumpDataDir) {
      const started = performance.now();
      database
        .dumpDataDir()
        .then((bytes) => {
          log.info({ bytes: bytes.byteLength, ms: Math.round(performance.now() - started) }, 'database dumped for a backup');
          res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(bytes.byteLength) }).end(bytes);
        })
        .catch(fail);
    } else {
      res.writeHead(404).end();
    }
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
    await chmod(socketPath, 0o600);
  } catch (err) {
    // A DATA_DIR whose path is too long for a Unix socket (about 100 bytes), say: the server
    // serves regardless; a backup then needs the server stopped.
    log.warn({ err, socketPath }, 'control socket unavailable: back up the embedded database with the server stopped');
    server.close();
    return null;
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => unlink(socketPath).catch(() => {})),
  };
}
