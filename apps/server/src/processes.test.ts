// Several server processes (SERVER_PROCESSES) as an operator meets them: a real primary
// with its workers on one port, on PostgreSQL.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, onPostgres, type TestDatabase } from '@zhengfa/db/testing';
import { migrate } from '@zhengfa/db';
import { kernelMigrations } from '@zhengfa/kernel';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATA_KEY } from '@zhengfa/test-utils';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The server's workers: the live processes whose parent is `pid` and that run main.ts (not tsx's esbuild service). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
      if (readFileSync(`/proc/${e}/cmdline`, 'utf8').includes('src/main.ts')) out.push(Number(e));
    } catch {
      /* gone */
    }
  }
  return out;
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PLUGINS: '', DEMO_DATA: '0', DATA_KEY: TEST_DATA_KEY, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zf-processes-')), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

const lines = (s: string) => s.split('\n').filter(Boolean);
const urlOf = (stdout: string) => /已启动：(http:\/\/\S+)/.exec(stdout)?.[1]?.replace('localhost', '127.0.0.1');

describe.skipIf(!onPostgres())('several server processes on PostgreSQL', () => {
  let db: TestDatabase;
  let running: Started | null = null;
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    await migrate(db.db, [kernelMigrations]);
  });
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    running = null;
  });
  afterAll(() => db.drop());

  it('starts as many workers as asked, prints its start lines once and serves on one port', async () => {
    running = start({ DATABASE_URL: db.url!, SERVER_PROCESSES: '2' });
    const r = running;
    await until('the start lines', () => r.stdout().includes('服务进程：2 个'));
    expect(lines(r.stdout()).filter((l) => l.includes('已启动'))).toHaveLength(1);
    expect(childrenOf(r.child.pid!)).toHaveLength(2);
    const res = await fetch(`${urlOf(r.stdout())}/healthz`);
    expect(await res.json()).toMatchObject({ status: 'ok', engine: 'postgres' });
  }, 90_000);

  it('answers /metrics with the requests of every server process summed', async () => {
    running = start({ DATABASE_URL: db.url!, SERVER_PROCESSES: '2' });
    const r = running;
    await until('the start lines', () => r.stdout().includes('服务进程：2 个'));
    // A connection of its own for each request: the primary hands connections to the workers in turn.
    const get = (url: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get(url, { agent: false }, (res) => {
            let body = '';
            res.on('data', (d) => (body += d));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
    const base = urlOf(r.stdout())!;
    for (let i = 0; i < 6; i++) expect((await get(`${base}/healthz`)).status).toBe(200);
    const metrics = await get(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('zhengfa_http_requests_total{method="GET",route="/healthz",status="200"} 6\n');
  }, 90_000);

  it('stops every worker on SIGTERM and exits 0', async () => {
    running = start({ DATABASE_URL: db.url!, SERVER_PROCESSES: '2' });
    const r = running;
    await until('the start lines', () => r.stdout().includes('服务进程：2 个'));
    const workers = childrenOf(r.child.pid!);
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
    expect(r.stdout()).toContain('服务已停止');
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 90_000);

  it('replaces a worker that dies and keeps serving meanwhile', async () => {
    running = start({ DATABASE_URL: db.url!, SERVER_PROCESSES: '2' });
    const r = running;
    await until('the start lines', () => r.stdout().includes('服务进程：2 个'));
    const [victim, survivor] = childrenOf(r.child.pid!);
    process.kill(victim!, 'SIGKILL');
    await until('the restart line', () => r.stderr().includes(`服务进程 ${victim} 意外退出`));
    expect((await fetch(`${urlOf(r.stdout())}/healthz`)).status).toBe(200);
    const replaced = await until('a replacement worker', () => {
      const now = childrenOf(r.child.pid!);
      return now.length === 2 && !now.includes(victim!) && now.includes(survivor!) && now;
    });
    expect(replaced).toHaveLength(2);
  }, 90_000);

  it('prints one line and exits 1 when the workers cannot start', async () => {
    const unmigrated = await createTestDatabase('postgres');
    try {
      running = start({ DATABASE_URL: unmigrated.url!, SERVER_PROCESSES: '2' });
      expect(await running.exited).toBe(1);
      const err = lines(running.stderr()).filter((l) => !l.startsWith('{'));
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^数据库有 \d+ 个待执行的迁移.*pnpm zhengfa migrate$/);
      expect(running.stdout()).not.toContain('已启动');
    } finally {
      await unmigrated.drop();
    }
  }, 90_000);
});
