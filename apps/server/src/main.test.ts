// The entry point as an operator meets it: a real process, its exit code and its output.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_DATA_KEY } from '@zhengfa/test-utils';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zf-main-')), DATA_KEY: TEST_DATA_KEY, DEMO_DATA: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process did not exit: ${stdout} ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function lines(s: string): string[] {
  return s.split('\n').filter(Boolean);
}

describe('starting the server', () => {
  it('prints one line naming PORT and exits non-zero when PORT is bad', async () => {
    const r = await run({ PORT: 'abc' });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['配置错误：PORT 应为 0 到 65535 之间的整数，当前为 "abc"']);
    expect(r.stdout).toBe('');
  });

  it('prints one line naming TRUST_PROXY_HOPS and exits non-zero when it is not a count of proxies', async () => {
    const r = await run({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '-1' });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['配置错误：TRUST_PROXY_HOPS 应为 1 到 10 之间的整数，当前为 "-1"']);
  });

  it('prints one line naming DATABASE_URL and exits non-zero when it is malformed', async () => {
    const r = await run({ DATABASE_URL: 'mysql://root@127.0.0.1/zhengfa' });
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['配置错误：DATABASE_URL 协议应为 postgres:// 或 postgresql://，当前为 mysql://']);
  });

  it('prints one line and exits non-zero when DATABASE_URL points at no server', async () => {
    const r = await run({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/zhengfa' });
    expect(r.code).toBe(1);
    const errLines = lines(r.stderr);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^无法连接数据库 PostgreSQL 127\.0\.0\.1:1\/zhengfa：.*ECONNREFUSED.*请检查 DATABASE_URL/);
    expect(r.stderr).not.toMatch(/\s+at\s/);
  });

  it('stops gracefully on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zf-main-')), LOG_LEVEL: 'warn', DEMO_DATA: '0' },
    });
    let stdout = '';
    const started = new Promise<void>((resolve) =>
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('已启动')) resolve();
      }),
    );
    await started;
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('服务已停止');
  });
});
