// The operator's commands as a real process: migrate, init (the county and its three
// administrators) and audit:verify, against a fresh PostgreSQL database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@zhengfa/db/testing';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe.skipIf(!process.env.TEST_DATABASE_URL)('pnpm zhengfa', () => {
  let db: TestDatabase;
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url! },
      encoding: 'utf8',
      timeout: 60_000,
    });
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(() => db.drop());

  it('refuses init before the database is migrated and names the command', () => {
    const r = cli('init', '--code', '431121', '--name', '测试县');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pnpm zhengfa migrate');
  });

  it('migrates, then reports nothing pending', () => {
    const r = cli('migrate');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kernel 0001_foundation');
    expect(cli('status').stdout).toContain('没有待执行的迁移');
  });

  it('creates the county and its three administrators with one-time passwords', () => {
    const r = cli('init', '--code', '431121', '--name', '测试县');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已创建 测试县（431121）');
    for (const role of ['系统管理员', '安全管理员', '审计管理员']) expect(r.stdout).toContain(role);
    expect(r.stdout).toMatch(/用户名 admin\s+初始密码 \S{12,}/);
  });

  it('refuses a county code that is not six digits', () => {
    const r = cli('init', '--code', '4311', '--name', '坏代码县');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('6 位行政区划代码');
  });

  it('verifies the audit chain', () => {
    const r = cli('audit:verify');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/审计日志完整：已校验 \d+ 条记录/);
  });
});
