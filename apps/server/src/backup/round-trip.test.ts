// Backup and restore as an operator runs them (`pnpm zhengfa backup|restore`, real
// processes), on each engine: a running server is backed up while officers keep
// registering cases and uploading attachments; the archive is restored into an empty
// target, whose data must be one consistent moment of the source. Once the writes stop, a
// second backup restored elsewhere must equal the source in every table and every file.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '@zhengfa/db';
import { createTestDatabase, type TestDatabase } from '@zhengfa/db/testing';
import { DEMO_PASSWORD, SESSION_COOKIE, type Kernel } from '@zhengfa/kernel';
import type { AuthedContext } from '@zhengfa/plugin-api';
import { describeEachEngine, startTestKernel, type TestKernel, TEST_DATA_KEY } from '@zhengfa/test-utils';
import { startServer, type RunningServer } from '../boot.js';
import { loadConfig, type ServerConfig } from '../config.js';
import { loadInstalledPlugins } from '../plugins.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function cli(env: Record<string, string>, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { cwd: serverDir, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DATA_KEY: TEST_DATA_KEY, ...env }, encoding: 'utf8', timeout: 240_000 },
      (err, stdout, stderr) => {
        const code = (err as (Error & { code?: unknown }) | null)?.code;
        if (err && typeof code !== 'number') reject(err);
        else resolve({ status: typeof code === 'number' ? code : 0, stdout, stderr });
      },
    );
  });
}

/** Every table outside the system schemas: its row count and a digest of all its rows. */
async function tableDigests(db: Kysely<any>): Promise<Record<string, string>> {
  const tables = await sql<{ schema: string; name: string }>`
    select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    order by 1, 2`.execute(db);
  const out: Record<string, string> = {};
  for (const t of tables.rows) {
    const r = await sql<{ n: string; digest: string | null }>`
      select count(*) as n, md5(string_agg(t::text, E'\\n' order by t::text)) as digest from ${sql.id(t.schema, t.name)} t`.execute(db);
    out[`${t.schema}.${t.name}`] = `${r.rows[0]!.n} ${r.rows[0]!.digest ?? '-'}`;
  }
  return out;
}

/** Every file under DATA_DIR's files/ and exports/, by path, with its SHA-256. */
function fileDigests(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    const abs = path.join(dataDir, rel);
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      return;
    }
    for (const name of names) {
      const r = path.join(rel, name);
      if (statSync(path.join(dataDir, r)).isDirectory()) walk(r);
      else out[r] = createHash('sha256').update(readFileSync(path.join(dataDir, r))).digest('hex');
    }
  };
  walk('files');
  walk('exports');
  return out;
}

/** A supervisor signed in on `kernel`, acting through its procedures. */
async function supervisor(kernel: Kernel) {
  const responseHeaders = new Headers();
  const anonymous = await kernel.createContext({ headers: new Headers({ 'user-agent': 'vitest' }), ip: '127.0.0.1', method: 'POST', responseHeaders });
  await kernel.createCaller(anonymous).auth.signIn({ username: 'supervisor', password: DEMO_PASSWORD });
  const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(responseHeaders.get('set-cookie') ?? '')![1]!;
  const ctx = await kernel.createContext({ headers: new Headers({ cookie: `${SESSION_COOKIE}=${cookie}`, 'user-agent': 'vitest' }), ip: '127.0.0.1', method: 'POST' });
  return { ctx: ctx as AuthedContext, caller: kernel.createCaller(ctx) };
}

/** Registers cases with an attachment each, one after another, until told to stop. */
function keepWriting(kernel: Kernel) {
  let stop = false;
  let written = 0;
  const done = (async () => {
    const { ctx, caller } = await supervisor(kernel);
    while (!stop) {
      const i = written + 1;
      const kase = await caller.cases.register({ title: `备份期间登记的第${i}件事项`, summary: '群众反映问题', source: 'letter', urgency: 'normal', isKey: false, parties: [{ name: '王五' }] });
      await kernel.storeAttachment(ctx, { caseId: kase.id, name: `材料${i}.txt`, bytes: new TextEncoder().encode(`第${i}件事项的材料 ${'内容'.repeat(i)}`) });
      written = i;
    }
  })();
  return {
    written: () => written,
    async stop() {
      stop = true;
      await done;
      return written;
    },
  };
}

function baseConfig(over: Partial<ServerConfig>): ServerConfig {
  const r = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: '0' });
  if (!r.ok) throw new Error(r.error);
  return { ...r.config, port: 0, host: '127.0.0.1', ...over };
}

describeEachEngine('backup and restore round trip', (engine) => {
  const work = mkdtempSync(path.join(tmpdir(), 'zf-roundtrip-'));
  const sourceDir = path.join(work, 'source');
  let seeded: TestKernel | null = null;
  let targets: TestDatabase[] = [];
  let server: RunningServer;
  let sourceDb: Database;
  let sourceEnv: Record<string, string>;

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (engine === 'postgres') {
      // A migrated PostgreSQL database with the demo county in it, as `migrate` and `init` leave one.
      seeded = await startTestKernel({ engine, plugins: await loadInstalledPlugins() });
      databaseUrl = seeded.database.url!;
    }
    server = await startServer(baseConfig({ dataDir: sourceDir, databaseUrl }), () => {});
    // Only this test writes: the comparison must not see a background pass land after a dump.
    await server.kernel.stopBackground();
    sourceDb = server.kernel.database;
    sourceEnv = { DATA_DIR: sourceDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    await seeded?.stop();
    for (const t of targets) await t.drop();
    targets = [];
    rmSync(work, { recursive: true, force: true });
  });

  /** An empty target: a fresh DATA_DIR, and on PostgreSQL a fresh database. */
  async function emptyTarget(name: string): Promise<{ env: Record<string, string>; dataDir: string; databaseUrl?: string }> {
    const dataDir = path.join(work, name);
    if (engine === 'pglite') return { env: { DATA_DIR: dataDir }, dataDir };
    const db = await createTestDatabase('postgres');
    targets.push(db);
    return { env: { DATA_DIR: dataDir, DATABASE_URL: db.url! }, dataDir, databaseUrl: db.url! };
  }

  async function withTarget<T>(target: { dataDir: string; databaseUrl?: string }, fn: (db: Kysely<any>) => Promise<T>): Promise<T> {
    const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 2 });
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  }

  it('backs up the running server under writes into an archive a restore turns into one consistent moment of it', async () => {
    const writer = keepWriting(server.kernel);
    while (writer.written() < 3) await new Promise((r) => setTimeout(r, 20));
    const before = writer.written();
    const archive = path.join(work, 'under-writes.tar');
    const backup = await cli(sourceEnv, 'backup', archive);
    const during = writer.written() - before;
    await writer.stop();
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`已备份到 ${archive}`);
    if (engine === 'pglite') expect(backup.stdout).toContain('内置数据库由正在运行的服务在两次事务之间导出');
    expect(during).toBeGreaterThan(0);

    const target = await emptyTarget('restored-under-writes');
    const restore = await cli(target.env, 'restore', archive);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain(`已从 ${archive} 恢复`);
    expect(restore.stdout).toMatch(/审计日志哈希链完整：县（区）990001，已校验 \d+ 条记录/);

    await withTarget(target, async (db) => {
      // One moment: every registration has its case, its audit entry and its attachment's file.
      const cases = Number((await sql<{ n: string }>`select count(*) as n from kernel.cases where title like '备份期间登记的%'`.execute(db)).rows[0]!.n);
      const registered = Number((await sql<{ n: string }>`select count(*) as n from kernel.audit_log where action = 'cases.register'`.execute(db)).rows[0]!.n);
      const attachments = (await sql<{ sha256: string }>`select sha256 from kernel.attachments`.execute(db)).rows;
      expect(cases).toBeGreaterThanOrEqual(before);
      expect(registered).toBe(cases);
      const files = fileDigests(target.dataDir);
      for (const a of attachments) expect(files[path.join('files', a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256)]).toBe(a.sha256);
      // The append-only log is exactly the source's up to the restored head.
      const head = Number((await sql<{ seq: string }>`select seq from kernel.audit_heads where tenant_id = '990001'`.execute(db)).rows[0]!.seq);
      const restoredLog = await sql`select * from kernel.audit_log where tenant_id = '990001' order by seq`.execute(db);
      const sourceLog = await sql`select * from kernel.audit_log where tenant_id = '990001' and seq <= ${head} order by seq`.execute(sourceDb.db);
      expect(restoredLog.rows).toEqual(sourceLog.rows);
    });
  }, 300_000);

  it('restores a backup taken once the writes stopped identical to the source, every table and every file', async () => {
    // A finished ledger export, so exports/ is in the archive as well as files/.
    const { caller } = await supervisor(server.kernel);
    const { id } = await caller.cases.startExport({});
    for (let i = 0; i < 200 && (await caller.cases.exportStatus({ id })).status !== 'done'; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await caller.cases.exportStatus({ id })).status).toBe('done');
    const archive = path.join(work, 'quiet.tar');
    const backup = await cli(sourceEnv, 'backup', archive);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const target = await emptyTarget('restored-quiet');
    const restore = await cli(target.env, 'restore', archive);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);

    const source = await tableDigests(sourceDb.db);
    const restored = await withTarget(target, (db) => tableDigests(db));
    expect(Object.keys(source)).toContain('kernel.cases');
    expect(Object.keys(source)).toContain('petitions.visits');
    expect(restored).toEqual(source);
    const sourceFiles = fileDigests(sourceDir);
    expect(Object.keys(sourceFiles).filter((f) => f.startsWith('files/')).length).toBeGreaterThan(3);
    expect(Object.keys(sourceFiles).filter((f) => f.startsWith('exports/'))).toEqual([path.join('exports', '990001', `${id}.xlsx`)]);
    expect(fileDigests(target.dataDir)).toEqual(sourceFiles);
    // The summary names every table with its rows.
    for (const [table, digest] of Object.entries(source)) expect(restore.stdout).toContain(`  ${table}  ${digest.split(' ')[0]} 行`);
  }, 300_000);

  it('refuses to restore over the data it would replace without --force, and replaces it with --force', async () => {
    const archive = path.join(work, 'quiet.tar');
    const target = await emptyTarget('restored-quiet-again');
    expect((await cli(target.env, 'restore', archive)).status).toBe(0);
    const again = await cli(target.env, 'restore', archive);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('恢复目标不是空的');
    expect(again.stderr).toContain('加 --force');
    const forced = await cli(target.env, 'restore', archive, '--force');
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(await withTarget(target, (db) => tableDigests(db))).toEqual(await tableDigests(sourceDb.db));
  }, 300_000);

  it('refuses to overwrite an existing backup file without --force', async () => {
    const r = await cli(sourceEnv, 'backup', path.join(work, 'quiet.tar'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`备份文件 ${path.join(work, 'quiet.tar')} 已存在。请换一个文件名，或加 --force 覆盖\n`);
  }, 120_000);

  if (engine === 'pglite') {
    it('backs up the embedded database with the server stopped by opening its folder, and restores it identical', async () => {
      const source = await tableDigests(sourceDb.db);
      await server.close();
      const archive = path.join(work, 'stopped.tar');
      const backup = await cli(sourceEnv, 'backup', archive);
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toContain('服务未运行：直接读取数据目录中的内置数据库');
      const target = await emptyTarget('restored-stopped');
      expect((await cli(target.env, 'restore', archive)).status).toBe(0);
      expect(await withTarget(target, (db) => tableDigests(db))).toEqual(source);
      expect(fileDigests(target.dataDir)).toEqual(fileDigests(sourceDir));
    }, 300_000);
  }
});
