import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import { createApp } from './app.js';

describeEachEngine('HTTP surface', (engine) => {
  let t: TestKernel;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    app = createApp({ kernel: t.kernel, log: pino({ level: 'silent' }), consoleHandler: null, trustProxy: false });
  });
  afterAll(() => t.stop());

  it('answers /healthz with 200 and JSON when the database answers', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok', engine });
  });

  it('signs in over /trpc and sets an httpOnly cookie', async () => {
    const res = await app.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Zhengfa@2026' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^zf_session=.+HttpOnly/);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = await app.request('/trpc/auth.me', { headers: { cookie } });
    expect(((await me.json()) as any).result.data.user.username).toBe('admin');
  });

  it('ends a session for the next read as soon as signing out has answered, though reads remember sessions', async () => {
    const res = await app.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: 'Zhengfa@2026' }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const me = async () => ((await (await app.request('/trpc/auth.me', { headers: { cookie } })).json()) as any).result.data?.user?.username ?? null;
    expect(await me()).toBe('supervisor');
    expect(await me()).toBe('supervisor');
    const out = await app.request('/trpc/auth.signOut', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(out.status).toBe(200);
    expect(await me()).toBeNull();
  });

  it('answers invalid input with 400 and a Chinese message naming the problem', async () => {
    const res = await app.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '', password: 'x' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.message).toBe('提交的内容有误：请填写「用户名」');
    expect(body.error.data.issues[0]).toMatchObject({ path: 'username' });
    expect(JSON.stringify(body)).not.toContain('stack');
  });

  it('answers a NUL byte in a keyword and a date that does not exist with 400 naming the field, not 500', async () => {
    const sup = await t.signIn('supervisor');
    const ledger = (input: unknown) => app.request(`/trpc/cases.ledger?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie: `zf_session=${sup.cookie}` } });
    const nul = await ledger({ keyword: '土地\u0000纠纷' });
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as any).error.message).toBe('提交的内容有误：「关键词」不能包含空字符（\\0），请删除后重新提交');
    const day = await ledger({ from: '2026-02-30' });
    expect(day.status).toBe(400);
    expect(((await day.json()) as any).error.message).toBe('提交的内容有误：「起始日期」2026-02-30 不是存在的日期');
  });

  const consolePage = `<!DOCTYPE html><html lang="zh-CN"><head><style>${'.ant-btn{color:#b71c1c}'.repeat(400)}</style></head><body>台账</body></html>`;
  const withConsole = () =>
    createApp({
      kernel: t.kernel,
      log: pino({ level: 'silent' }),
      consoleHandler: async () => new Response(consolePage, { headers: { 'content-type': 'text/html; charset=utf-8' } }),
      trustProxy: false,
    });

  it('sends a console page gzip-compressed to a browser that accepts it', async () => {
    const res = await withConsole().request('/cases', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.byteLength).toBeLessThan(consolePage.length / 10);
    expect(gunzipSync(body).toString('utf8')).toBe(consolePage);
  });

  it('sends a console page as it is to a client that accepts no compression', async () => {
    const res = await withConsole().request('/cases');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(consolePage);
  });

  it('says the console is not built instead of failing when the build is missing', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('pnpm build');
  });

  const signInBody = (username: string, password: string) => JSON.stringify({ username, password });
  const lastSignInAddress = async () =>
    (await sql<{ ip: string | null }>`select ip from kernel.audit_log where action = 'auth.signin' order by at desc, seq desc limit 1`.execute(t.database.db)).rows[0]!.ip;

  it('takes the address the trusted proxy appended to X-Forwarded-For, not the one the client wrote', async () => {
    const proxied = createApp({ kernel: t.kernel, log: pino({ level: 'silent' }), consoleHandler: null, trustProxy: true });
    await proxied.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.66, 203.0.113.9' },
      body: signInBody('leader', 'Wrong-pass1'),
    });
    expect(await lastSignInAddress()).toBe('203.0.113.9');
  });

  it('takes the address as many entries from the end as TRUST_PROXY_HOPS counts proxies', async () => {
    const proxied = createApp({ kernel: t.kernel, log: pino({ level: 'silent' }), consoleHandler: null, trustProxy: true, trustProxyHops: 2 });
    await proxied.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.66, 203.0.113.10, 192.0.2.1' },
      body: signInBody('leader', 'Wrong-pass1'),
    });
    expect(await lastSignInAddress()).toBe('203.0.113.10');
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    await app.request('/trpc/auth.signIn', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.67' },
      body: signInBody('leader', 'Wrong-pass1'),
    });
    expect(await lastSignInAddress()).toBeNull();
  });

  it('refuses sign-ins sent as one batch, with a Chinese message, and checks none of them', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log where action = 'auth.signin'`.execute(t.database.db)).rows[0]!.n;
    const calls = Array.from({ length: 3 }, () => 'auth.signIn');
    const body = Object.fromEntries(calls.map((_, i) => [String(i), { username: 'leader', password: `Wrong-pass${i}` }]));
    const res = await app.request(`/trpc/${calls.join(',')}?batch=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    const answers = (await res.json()) as Array<{ error: { message: string } }>;
    expect(answers.map((a) => a.error.message)).toEqual(Array.from({ length: 3 }, () => '登录、退出和修改密码的请求不能与其他调用合并发送，请单独发送'));
    const after = (await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log where action = 'auth.signin'`.execute(t.database.db)).rows[0]!.n;
    expect(after).toBe(before);
  });

  it('refuses a batch of more than 10 calls with a Chinese message', async () => {
    const calls = Array.from({ length: 11 }, () => 'cases.vocab');
    const res = await app.request(`/trpc/${calls.join(',')}?batch=1&input=${encodeURIComponent('{}')}`);
    expect(res.status).toBe(400);
    const answers = (await res.json()) as Array<{ error: { message: string } }>;
    expect(answers[0]!.error.message).toBe('一次请求最多合并 10 个调用，请分开发送');
  });

  it('answers a batch of 10 calls', async () => {
    const signedIn = await app.request('/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'application/json' }, body: signInBody('supervisor', 'Zhengfa@2026') });
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const calls = Array.from({ length: 10 }, () => 'cases.vocab');
    const res = await app.request(`/trpc/${calls.join(',')}?batch=1&input=${encodeURIComponent('{}')}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBe(10);
  });
});
