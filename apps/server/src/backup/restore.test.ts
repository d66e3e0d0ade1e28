// What a restore refuses, before it touches anything: a damaged or altered archive, one
// from newer code, one of the other engine, a target that holds data or that a server uses.
// Each archive here differs from an acceptable one in the one respect its test names.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import * as tar from 'tar';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '@zhengfa/db';
import { kernelMigrations } from '@zhengfa/kernel';
import { loadConfig, type ServerConfig } from '../config.js';
import { writeArchive } from './archive.js';
import { startControlSocket } from './control-socket.js';
import { ARCHIVE_FORMAT, DATABASE_ENTRY, manifestMigrations, type ArchiveEngine, type BackupManifest } from './manifest.js';
import { loadInstalledPlugins } from '../plugins.js';
import { codeMigrationSets, RestoreRefused, runRestore } from './restore.js';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function config(over: Partial<ServerConfig> = {}): ServerConfig {
  const r = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: '0' });
  if (!r.ok) throw new Error(r.error);
  return { ...r.config, dataDir: tempDir('zf-restore-target-'), ...over };
}

/** The migration history of a database this code migrated completely. */
const installed = await loadInstalledPlugins();
const currentHistory = () =>
  Object.fromEntries(codeMigrationSets(installed).map((set) => [set.owner, { version: set.version, migrations: Object.keys(set.migrations).sort() }]));

const ATTACHMENT = 'files/ab/cd/abcd0123456789abcd0123456789abcd0123456789abcd0123456789abcd0123';

/** An archive like a backup's, with `change` applied to its manifest; the dump is a stand-in (nothing here reaches it). */
async function archive(opts: { engine?: ArchiveEngine; change?: (m: BackupManifest) => void } = {}): Promise<string> {
  const engine = opts.engine ?? 'pglite';
  const staging = tempDir('zf-restore-staging-');
  const data = tempDir('zf-restore-data-');
  mkdirSync(path.join(staging, 'database'));
  writeFileSync(path.join(staging, DATABASE_ENTRY[engine]), 'stand-in for the database dump');
  mkdirSync(path.dirname(path.join(data, ATTACHMENT)), { recursive: true });
  writeFileSync(path.join(data, ATTACHMENT), '附件内容：信访材料扫描件');
  const file = path.join(tempDir('zf-restore-archive-'), 'backup.tar');
  await writeArchive(file, staging, data, (entries) => {
    const m: BackupManifest = {
      format: ARCHIVE_FORMAT,
      product: { name: 'zhengfa', version: '0.1.0' },
      kernel: '0.1.0',
      plugins: [],
      engine,
      database: { entry: DATABASE_ENTRY[engine], serverVersion: '18.0' },
      migrations: manifestMigrations(currentHistory()),
      createdAt: '2026-11-21T06:03:00.000Z',
      entries,
    };
    opts.change?.(m);
    return m;
  });
  return file;
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('restore did not refuse');
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(RestoreRefused);
      return (err as Error).message;
    },
  );

describe('restore refuses, touching nothing', () => {
  it('an archive from newer code, naming both versions', async () => {
    const file = await archive({
      change: (m) => {
        m.migrations.kernel = { version: '9.9.9', latest: '9999_future', migrations: [...m.migrations.kernel!.migrations, '9999_future'] };
      },
    });
    const target = config();
    const message = await refusal(runRestore(target, file, { out: () => {} }));
    expect(message).toBe(`备份中「kernel」的结构版本为 9.9.9，比当前程序的 ${kernelMigrations.version} 新（含本程序没有的迁移 9999_future），拒绝恢复；请使用 9.9.9 或更高版本的程序恢复`);
    expect(readdirSync(target.dataDir)).toEqual([]);
  });

  it('an archive with migrations from another build of the same version, without calling it newer', async () => {
    const file = await archive({
      change: (m) => {
        m.migrations.kernel = { ...m.migrations.kernel!, migrations: [...m.migrations.kernel!.migrations, '0099_elsewhere'] };
      },
    });
    const message = await refusal(runRestore(config(), file, { out: () => {} }));
    expect(message).toBe(
      `备份中「kernel」含本程序没有的迁移 0099_elsewhere（备份记录的结构版本为 ${kernelMigrations.version}，当前程序为 ${kernelMigrations.version}），这些迁移来自另一个构建的程序，拒绝恢复；请使用写入这些迁移的程序恢复`,
    );
  });

  it('an archive one of whose entries no longer matches its checksum', async () => {
    const file = await archive();
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('信访材料'));
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(file, bytes);
    const target = config();
    expect(await refusal(runRestore(target, file, { out: () => {} }))).toBe(`备份已损坏：${ATTACHMENT} 的 SHA-256 与清单不符，未做任何改动`);
    expect(readdirSync(target.dataDir)).toEqual([]);
  });

  it('an archive holding an entry its manifest does not list', async () => {
    const file = await archive();
    const extra = tempDir('zf-restore-extra-');
    mkdirSync(path.join(extra, 'files'));
    writeFileSync(path.join(extra, 'files', 'planted'), 'not from the backup');
    await tar.r({ file, cwd: extra }, ['files/planted']);
    expect(await refusal(runRestore(config(), file, { out: () => {} }))).toBe('备份文件中的 files/planted 不在清单中，文件可能被改动过，未做任何改动');
  });

  it('a file that is no archive of ours', async () => {
    const file = path.join(tempDir('zf-restore-other-'), 'notes.tar');
    const src = tempDir('zf-restore-src-');
    writeFileSync(path.join(src, 'readme.txt'), 'hello');
    await tar.c({ file, cwd: src }, ['readme.txt']);
    expect(await refusal(runRestore(config(), file, { out: () => {} }))).toBe(`${file} 中没有 manifest.json，不是本系统的备份文件，未做任何改动`);
  });

  it('an archive of the embedded database into PostgreSQL', async () => {
    const file = await archive({ engine: 'pglite' });
    const message = await refusal(runRestore(config({ databaseUrl: 'postgres://zhengfa@127.0.0.1:1/none' }), file, { out: () => {} }));
    expect(message).toBe('这份备份来自内置数据库（PGlite），而当前配置的数据库是PostgreSQL，不能恢复到不同种类的数据库；请按备份时的配置（是否设置 DATABASE_URL）恢复');
  });

  it('a target that already holds files, unless forced', async () => {
    const file = await archive();
    const target = config();
    mkdirSync(path.join(target.dataDir, 'files'));
    writeFileSync(path.join(target.dataDir, 'files', 'kept'), '已有的附件');
    const message = await refusal(runRestore(target, file, { out: () => {} }));
    expect(message).toBe(`恢复目标不是空的（${path.join(target.dataDir, 'files')} 中已有文件），拒绝覆盖。确认要用备份替换现有数据时，加 --force`);
    expect(readFileSync(path.join(target.dataDir, 'files', 'kept'), 'utf8')).toBe('已有的附件');
  });

  it('an embedded database a running server answers for', async () => {
    const file = await archive();
    const target = config();
    const control = await startControlSocket(target.dataDir, {} as Database, pino({ level: 'silent' }));
    try {
      expect(await refusal(runRestore(target, file, { force: true, out: () => {} }))).toBe(
        `数据目录 ${target.dataDir} 的内置数据库正被运行中的服务使用。请先停止服务（如 systemctl stop zhengfa），再恢复`,
      );
    } finally {
      await control?.close();
    }
    expect(existsSync(path.join(target.dataDir, 'pglite'))).toBe(false);
  });

  it('an embedded database some process holds open though no server answers for it, even forced', async () => {
    const file = await archive();
    const target = config();
    mkdirSync(path.join(target.dataDir, 'pglite'));
    writeFileSync(path.join(target.dataDir, 'pglite', 'PG_VERSION'), '18\n');
    writeFileSync(path.join(target.dataDir, 'pglite', 'postmaster.pid'), '-42\n');
    const message = await refusal(runRestore(target, file, { force: true, out: () => {} }));
    expect(message).toContain(`内置数据库 ${path.join(target.dataDir, 'pglite')} 正被某个进程打开（其中有 postmaster.pid）`);
    expect(readFileSync(path.join(target.dataDir, 'pglite', 'PG_VERSION'), 'utf8')).toBe('18\n');
  });
});
