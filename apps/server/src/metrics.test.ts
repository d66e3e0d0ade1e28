// /metrics as Prometheus and an operator meet it: who may read it, and what it holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernel, type Kernel } from '@zhengfa/kernel';
import { describeEachEngine, startTestKernel, type TestKernel, testVault } from '@zhengfa/test-utils';
import { createNotesPlugin } from '@zhengfa/test-utils/fixtures';
import { addressAllowList } from './address-allow.js';
import { createApp } from './app.js';
import { createServerMetrics, type ServerMetrics } from './metrics.js';

/** The connection a request arrived on, as @hono/node-server hands it to the app. */
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, remotePort: 50000, remoteFamily: remoteAddress.includes(':') ? 'IPv6' : 'IPv4' } } });

/** The value of the sample `name` whose labels include `labels`, or undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

const families = [
  ['zhengfa_http_requests_total', 'counter'],
  ['zhengfa_http_request_duration_seconds', 'histogram'],
  ['zhengfa_trpc_calls_total', 'counter'],
  ['zhengfa_trpc_call_duration_seconds', 'histogram'],
  ['zhengfa_trpc_errors_total', 'counter'],
  ['zhengfa_http_unhandled_errors_total', 'counter'],
  ['zhengfa_db_pool_connections', 'gauge'],
  ['zhengfa_db_pool_waiting', 'gauge'],
  ['zhengfa_outbox_deliveries_total', 'counter'],
  ['zhengfa_outbox_pending_events', 'gauge'],
  ['zhengfa_outbox_lag_seconds', 'gauge'],
  ['zhengfa_job_runs_total', 'counter'],
  ['zhengfa_job_last_success_timestamp_seconds', 'gauge'],
  ['zhengfa_reminder_sweep_duration_seconds', 'histogram'],
  ['zhengfa_database_up', 'gauge'],
  ['process_cpu_user_seconds_total', 'counter'],
  ['process_resident_memory_bytes', 'gauge'],
  ['nodejs_eventloop_lag_seconds', 'gauge'],
] as const;

describeEachEngine('/metrics', (engine) => {
  let t: TestKernel;
  let kernel: Kernel;
  let metrics: ServerMetrics;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zf-metrics-'));
  const appWith = (allow: string[], trustProxy = false) =>
    createApp({ kernel, log: pino({ level: 'silent' }), consoleHandler: null, trustProxy, metrics: { server: metrics, allow: addressAllowList(allow) } });
  let app: ReturnType<typeof createApp>;
  const scrape = async () => {
    const res = await app.request('/metrics', {}, from('127.0.0.1'));
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    const notes = createNotesPlugin();
    t = await startTestKernel({ engine, plugins: [notes] });
    metrics = createServerMetrics();
    kernel = createKernel({ vault: testVault(), database: t.database, plugins: [notes], dataDir, observer: metrics.observer });
    metrics.attach(kernel);
    app = appWith(['127.0.0.1', '::1']);
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a loopback address in Prometheus text format with every metric family', async () => {
    await app.request('/healthz', {}, from('127.0.0.1'));
    const res = await app.request('/metrics', {}, from('127.0.0.1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    for (const [name, type] of families) expect(text, name).toContain(`# TYPE ${name} ${type}\n`);
    expect(sample(text, 'zhengfa_database_up')).toBe(1);
  });

  it('counts requests by their matched route and status, not by the path asked for', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    await app.request(`/files/${id}`, {}, from('127.0.0.1'));
    await app.request(`/files/${id}`, {}, from('127.0.0.1'));
    const text = await scrape();
    expect(sample(text, 'zhengfa_http_requests_total', { method: 'GET', route: '/files/:id', status: '401' })).toBe(2);
    expect(text).not.toContain(id);
    expect(sample(text, 'zhengfa_http_request_duration_seconds_count', { method: 'GET', route: '/files/:id' })).toBe(2);
  });

  it('counts tRPC calls by procedure, and failed ones by their error code', async () => {
    const res = await app.request('/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: '', password: 'x' }) }, from('127.0.0.1'));
    expect(res.status).toBe(400);
    const text = await scrape();
    expect(sample(text, 'zhengfa_trpc_calls_total', { procedure: 'auth.signIn' })).toBe(1);
    expect(sample(text, 'zhengfa_trpc_call_duration_seconds_count', { procedure: 'auth.signIn' })).toBe(1);
    expect(sample(text, 'zhengfa_trpc_errors_total', { procedure: 'auth.signIn', code: 'BAD_REQUEST' })).toBe(1);
    expect(sample(text, 'zhengfa_http_requests_total', { method: 'POST', route: '/trpc/*', status: '400' })).toBe(1);
  });

  it('counts each call of a batch, and an unknown procedure as "unknown" whatever it was called', async () => {
    await app.request('/trpc/auth.me,no.such.procedure?batch=1&input=%7B%7D', {}, from('127.0.0.1'));
    await app.request('/trpc/another.made.up.name', {}, from('127.0.0.1'));
    const text = await scrape();
    expect(sample(text, 'zhengfa_trpc_calls_total', { procedure: 'auth.me' })).toBe(1);
    expect(sample(text, 'zhengfa_trpc_calls_total', { procedure: 'unknown' })).toBe(2);
    expect(sample(text, 'zhengfa_trpc_errors_total', { procedure: 'unknown', code: 'NOT_FOUND' })).toBe(2);
    expect(text).not.toContain('made.up');
  });

  it('shows the events a subscription has not had yet, until the background loop delivers them', async () => {
    const { caller } = await t.signIn('supervisor');
    await (caller as any).notes.notes.add({ body: '待投递' });
    await (caller as any).notes.notes.add({ body: '又一条' });
    const before = await scrape();
    expect(sample(before, 'zhengfa_outbox_pending_events', { subscriber: 'notes:notes.note.added' })).toBe(2);
    expect(sample(before, 'zhengfa_outbox_lag_seconds', { subscriber: 'notes:notes.note.added' })).toBeGreaterThan(0);
    await kernel.tick(new Date('2026-11-21T08:00:30Z'));
    const after = await scrape();
    expect(sample(after, 'zhengfa_outbox_pending_events', { subscriber: 'notes:notes.note.added' })).toBe(0);
    expect(sample(after, 'zhengfa_outbox_lag_seconds', { subscriber: 'notes:notes.note.added' })).toBe(0);
    expect(sample(after, 'zhengfa_outbox_deliveries_total', { outcome: 'delivered' })).toBe(2);
    expect(sample(after, 'zhengfa_outbox_deliveries_total', { outcome: 'failed' })).toBe(0);
  });

  it('counts job runs and reminder sweeps, and shows when each job last succeeded', async () => {
    const text = await scrape();
    expect(sample(text, 'zhengfa_job_runs_total', { job: 'notes.tick', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'zhengfa_job_runs_total', { job: 'kernel.reminders', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'zhengfa_job_runs_total', { job: 'kernel.reminders', outcome: 'failed' })).toBe(0);
    expect(sample(text, 'zhengfa_reminder_sweep_duration_seconds_count')).toBe(1);
    const finished = await kernel.db.selectFrom('kernel.job_runs').select('finished_at').where('job', '=', 'notes.tick').executeTakeFirstOrThrow();
    expect(sample(text, 'zhengfa_job_last_success_timestamp_seconds', { job: 'notes.tick' })).toBe(new Date(finished.finished_at!).getTime() / 1000);
  });

  it('shows the database pool of the process on PostgreSQL', async () => {
    const text = await scrape();
    if (engine === 'postgres') {
      expect(sample(text, 'zhengfa_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'zhengfa_db_pool_waiting')).toBe(0);
    } else {
      // The test's PGlite runs on the test's own thread: no queue to show.
      expect(sample(text, 'zhengfa_db_pool_connections', { state: 'total' })).toBeUndefined();
    }
  });
});

describe('who may read /metrics', () => {
  let t: TestKernel;
  let metrics: ServerMetrics;
  const appWith = (allow: string[], trustProxy = false) =>
    createApp({ kernel: t.kernel, log: pino({ level: 'silent' }), consoleHandler: null, trustProxy, metrics: { server: metrics, allow: addressAllowList(allow) } });
  beforeAll(async () => {
    t = await startTestKernel();
    metrics = createServerMetrics();
    metrics.attach(t.kernel);
  });
  afterAll(() => t?.stop());

  it('refuses an address outside the allowed ones with 403, naming the setting', async () => {
    const res = await appWith(['127.0.0.1', '::1']).request('/metrics', {}, from('198.51.100.7'));
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('不允许从此地址读取监控指标（见配置项 METRICS_ALLOW）');
  });

  it('answers an IPv6 loopback client and one inside an allowed range', async () => {
    expect((await appWith(['127.0.0.1', '::1']).request('/metrics', {}, from('::1'))).status).toBe(200);
    expect((await appWith(['10.8.0.0/16']).request('/metrics', {}, from('10.8.3.4'))).status).toBe(200);
    expect((await appWith(['10.8.0.0/16']).request('/metrics', {}, from('10.9.3.4'))).status).toBe(403);
  });

  it('does not believe an X-Forwarded-For the client wrote when no proxy is trusted', async () => {
    const res = await appWith(['127.0.0.1']).request('/metrics', { headers: { 'x-forwarded-for': '127.0.0.1' } }, from('198.51.100.7'));
    expect(res.status).toBe(403);
  });

  it('behind a trusted proxy judges the address the proxy appended, not one the client put before it', async () => {
    const app = appWith(['127.0.0.1', '10.8.0.0/16'], true);
    // nginx on the same host: the socket's peer is loopback; the client is what nginx appended.
    const spoofed = await app.request('/metrics', { headers: { 'x-forwarded-for': '127.0.0.1, 198.51.100.7' } }, from('127.0.0.1'));
    expect(spoofed.status).toBe(403);
    const allowed = await app.request('/metrics', { headers: { 'x-forwarded-for': '10.8.3.4' } }, from('127.0.0.1'));
    expect(allowed.status).toBe(200);
  });
});
