import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDatabase } from '@zhengfa/db/testing';
import { migrate } from '@zhengfa/db';
import { KERNEL_VERSION, kernelMigrations } from '@zhengfa/kernel';
import { loadConfig, type ServerConfig } from './config.js';
import { BootError, KEEP_ALIVE_TIMEOUT_MS, startServer } from './boot.js';

function config(over: Partial<ServerConfig>): ServerConfig {
  const r = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: '0' });
  if (!r.ok) throw new Error(r.error);
  return { ...r.config, port: 0, host: '127.0.0.1', dataDir: mkdtempSync(path.join(tmpdir(), 'zf-boot-')), ...over };
}

describe('first start on the embedded database', () => {
  it('migrates, seeds the demo county, prints the address and sign-in, and reuses the data on a second start', async () => {
    const cfg = config({});
    const out: string[] = [];
    const first = await startServer(cfg, (l) => out.push(l));
    const health = await fetch(`${first.url}/healthz`);
    expect(health.status).toBe(200);
    await first.close();
    expect(out.join('\n')).toMatch(/已启动：http:\/\/localhost:\d+/);
    expect(out.join('\n')).toContain('演示密码（所有演示账号相同）：Zhengfa@2026');
    expect(out.join('\n')).toContain('admin      系统管理员');

    const again: string[] = [];
    const second = await startServer(cfg, (l) => again.push(l));
    await second.close();
    expect(again.join('\n')).not.toContain('演示');
  });
});

describe('connections', () => {
  it('keeps an idle connection open longer than a reverse proxy keeps its own', async () => {
    const server = await startServer(config({}), () => {});
    const agent = new http.Agent({ keepAlive: true });
    try {
      const keepAlive = await new Promise<string | undefined>((resolve, reject) => {
        http.get(`${server.url}/healthz`, { agent }, (res) => {
          res.resume();
          const header = res.headers['keep-alive'];
          res.on('end', () => resolve(Array.isArray(header) ? header.join(', ') : header));
        }).on('error', reject);
      });
      expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
      expect(keepAlive).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});

describe.skipIf(!onPostgres())('starting on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(() => db.drop());

  it('refuses to start with pending migrations and names the command', async () => {
    const err = await startServer(config({ databaseUrl: db.url, plugins: [] }), () => {}).catch((e) => e);
    expect(err).toBeInstanceOf(BootError);
    const pending = Object.keys(kernelMigrations.migrations).length;
    expect(err.message).toBe(`数据库有 ${pending} 个待执行的迁移（kernel 0001_foundation、kernel 0002_cases、kernel 0003_supervision 等），服务拒绝启动。请先运行：pnpm zhengfa migrate`);
  });

  it('never seeds demo data and asks for pnpm zhengfa init when no county exists', async () => {
    await migrate(db.db, [kernelMigrations]);
    const out: string[] = [];
    const server = await startServer(config({ databaseUrl: db.url, plugins: [] }), (l) => out.push(l));
    await server.close();
    expect(out.join('\n')).toContain('pnpm zhengfa init');
    const tenants = await db.db.selectFrom('kernel.tenants' as never).selectAll().execute();
    expect(tenants).toEqual([]);
  });

  it('refuses a database migrated by newer code, naming both versions', async () => {
    await migrate(db.db, [{ ...kernelMigrations, version: '9.9.9', migrations: { ...kernelMigrations.migrations, '9999_future': { up: async () => {} } } }]);
    const err = await startServer(config({ databaseUrl: db.url, plugins: [] }), () => {}).catch((e) => e);
    expect(err).toBeInstanceOf(BootError);
    expect(err.message).toContain(`「kernel」的结构版本为 9.9.9，比当前程序的 ${KERNEL_VERSION} 新`);
  });
});
