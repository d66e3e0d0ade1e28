// What a backup refuses before it writes anything.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type ServerConfig } from '../config.js';
import { BackupRefused, runBackup } from './backup.js';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function config(dataDir: string): ServerConfig {
  const r = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: '0' });
  if (!r.ok) throw new Error(r.error);
  return { ...r.config, dataDir };
}

describe('backup refuses, writing nothing', () => {
  it('to open an embedded database some process holds open when no server answers for it', async () => {
    const dataDir = tempDir('zf-backup-data-');
    mkdirSync(path.join(dataDir, 'pglite'));
    writeFileSync(path.join(dataDir, 'pglite', 'PG_VERSION'), '18\n');
    writeFileSync(path.join(dataDir, 'pglite', 'postmaster.pid'), '-42\n');
    const out = tempDir('zf-backup-out-');
    const err = await runBackup(config(dataDir), path.join(out, 'b.tar'), { out: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupRefused);
    expect((err as Error).message).toContain(`内置数据库 ${path.join(dataDir, 'pglite')} 正被某个进程打开（其中有 postmaster.pid），而没有服务在控制套接字上应答，不能直接读取`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a data folder with no embedded database in it', async () => {
    const dataDir = tempDir('zf-backup-empty-');
    const out = tempDir('zf-backup-out-');
    const err = await runBackup(config(dataDir), path.join(out, 'b.tar'), { out: () => {} }).catch((e: unknown) => e);
    expect((err as Error).message).toBe(`数据目录 ${dataDir} 中没有内置数据库，没有可备份的内容（请检查 DATA_DIR）`);
    expect(existsSync(path.join(out, 'b.tar'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});
