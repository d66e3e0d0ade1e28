// PostgreSQL's own tools for a backup and its restore: pg_dump in its custom format, run
// inside a snapshot this process exported (so the dump and the migration history in the
// manifest are one and the same moment, while the servers go on writing), and pg_restore
// in one transaction. Both must be at least the server's major version; the password
// travels in PGPASSWORD, never on a command line others can read.
import { execFile } from 'node:child_process';
import { sql, type Kysely } from 'kysely';
import { openPostgres, readMigrationHistory } from '@zhengfa/db';
import { serverStrings } from '../strings.js';
import type { DatabaseInfo } from './control-socket.js';

const s = serverStrings.backup;

export class ToolError extends Error {
  override name = 'ToolError';
}

type Tool = 'pg_dump' | 'pg_restore';

/** The URL without its password (for the tools' command line) and the environment that carries it. */
export function toolConnection(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function run(tool: Tool, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return reject(new ToolError(s.toolMissing(tool)));
      const reason = stderr.split('\n').find((l) => l.trim()) ?? err.message.split('\n')[0]!;
      reject(new ToolError(s.toolFailed(tool, reason.trim())));
    });
  });
}

/** The tool's version, e.g. { text: '15.20', major: 15 }. */
export async function toolVersion(tool: Tool): Promise<{ text: string; major: number }> {
  const out = await run(tool, ['--version']);
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(out);
  if (!m) throw new ToolError(s.toolFailed(tool, out.trim()));
  return { text: m[2] ? `${m[1]}.${m[2]}` : m[1]!, major: Number(m[1]) };
}

async function serverVersion(db: Kysely<any>): Promise<{ text: string; major: number }> {
  const r = await sql<{ v: string; n: string }>`select current_setting('server_version') as v, current_setting('server_version_num') as n`.execute(db);
  return { text: r.rows[0]!.v.split(' ')[0]!, major: Math.floor(Number(r.rows[0]!.n) / 10_000) };
}

/** Refuses when the tool is missing or older than the server's major version. */
export async function checkToolFor(tool: Tool, db: Kysely<any>): Promise<void> {
  const [client, server] = [await toolVersion(tool), await serverVersion(db)];
  if (client.major < server.major) throw new ToolError(s.toolTooOld(tool, client.text, server.text));
}

/** Dumps the database at `url` to `file` (custom format) and reads its migration history in the same snapshot. */
export async function dumpPostgres(url: string, file: string): Promise<DatabaseInfo> {
  const database = openPostgres({ url, poolSize: 1, applicationName: 'zhengfa-backup' });
  try {
    await checkToolFor('pg_dump', database.db);
    const { dbname, env } = toolConnection(url);
    return await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const snapshot = (await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx)).rows[0]!.id;
        const info: DatabaseInfo = { serverVersion: (await serverVersion(trx)).text, migrations: await readMigrationHistory(trx) };
        // The transaction stays open, holding the snapshot, until pg_dump has read everything.
        await run('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, '--no-password', `--file=${file}`, `--dbname=${dbname}`], { ...env, PGAPPNAME: 'zhengfa-backup' });
        return info;
      });
  } finally {
    await database.close();
  }
}

/** Refuses, before anything is changed, a dump this pg_restore cannot read. */
export async function checkDumpReadable(file: string): Promise<void> {
  await run('pg_restore', ['--list', file]);
}

/** What a target database already holds: its schemas besides the system's, and relations in public. */
export async function databaseContents(db: Kysely<any>): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select n.nspname as name from pg_namespace n
    where n.nspname not in ('pg_catalog', 'information_schema', 'public') and n.nspname not like 'pg\\_%'
    union all
    select 'public.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    order by 1`.execute(db);
  return r.rows.map((row) => row.name);
}

/** Connections of the product's servers (not this command's) to the target database. */
export async function serverConnections(db: Kysely<any>): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and application_name in ('zhengfa', 'zhengfa-listen')`.execute(db);
  return Number(r.rows[0]!.n);
}

/** Empties the target (restore --force): every schema besides the system's, and public's relations. */
export async function clearDatabase(db: Kysely<any>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const name of await databaseContents(trx)) {
      if (name.startsWith('public.')) {
        const rel = name.slice('public.'.length);
        const kind = await sql<{ relkind: string }>`select c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = ${rel}`.execute(trx);
        const what = { v: 'view', m: 'materialized view', S: 'sequence', f: 'foreign table' }[kind.rows[0]?.relkind ?? ''] ?? 'table';
        await sql`drop ${sql.raw(what)} if exists ${sql.id('public', rel)} cascade`.execute(trx);
      } else {
        await sql`drop schema if exists ${sql.id(name)} cascade`.execute(trx);
      }
    }
  });
}

/** Restores a custom-format dump into the database at `url`, in one transaction; objects belong to the restoring user. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const { dbname, env } = toolConnection(url);
  await run('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', '--no-password', `--dbname=${dbname}`, file], { ...env, PGAPPNAME: 'zhengfa-restore' });
}
