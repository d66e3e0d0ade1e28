import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import pino from 'pino';
import { describeEachEngine, startTestKernel, type ActingUser, type TestKernel } from '@zhengfa/test-utils';
import { createApp } from './app.js';
import { ANONYMOUS_BODY_BYTES, SIGNED_IN_BODY_BYTES } from './request-guards.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const HOST = 'zhengfa.example';
const SAME = `http://${HOST}`;
const FOREIGN = 'https://evil.example';

/** A body sent without Content-Length (chunked), as a client that streams it would. */
function streamed(bytes: Uint8Array, chunk = 16 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

describeEachEngine('requests from browsers: origin, content type, size', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let caseId: string;
  let consoleCalls: { request: Request; nonce: string | undefined }[] = [];
  const app = () =>
    createApp({
      kernel: t.kernel,
      log: pino({ level: 'silent' }),
      consoleHandler: async (request, _ctx, nonce) => {
        consoleCalls.push({ request, nonce });
        return new Response('<!DOCTYPE html><html><body>控制台</body></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
      },
      trustProxy: false,
      maxUploadBytes: 64 * 1024,
    });
  const cookie = (u: ActingUser) => `zf_session=${u.cookie}`;
  const url = (p: string) => `${SAME}${p}`;

  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    caseId = (await sup.caller.cases.register({ title: '跨站请求测试', summary: '附件上传来源检查', source: 'letter', urgency: 'normal', isKey: false, parties: [] })).id;
  });
  afterAll(() => t.stop());
  beforeEach(() => {
    consoleCalls = [];
  });

  const signInForm = () => new URLSearchParams({ username: 'admin', password: 'Zhengfa@2026' });

  it('lets a sign-in form posted from the console itself through to the console', async () => {
    const res = await app().request(url('/login'), { method: 'POST', headers: { host: HOST, origin: SAME, 'content-type': 'application/x-www-form-urlencoded' }, body: signInForm() });
    expect(res.status).toBe(200);
    expect(consoleCalls).toHaveLength(1);
  });

  it('refuses a form posted from another site with 403 and a Chinese message, before the console sees it', async () => {
    const res = await app().request(url('/login'), { method: 'POST', headers: { host: HOST, origin: FOREIGN, 'content-type': 'application/x-www-form-urlencoded' }, body: signInForm() });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('请求不是从本系统的页面发出的，已拒绝');
    expect(consoleCalls).toHaveLength(0);
  });

  it('refuses a form whose Origin is null (sent from a page that hides its origin) with 403', async () => {
    const res = await app().request(url('/logout'), { method: 'POST', headers: { host: HOST, origin: 'null', cookie: cookie(sup), 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(res.status).toBe(403);
    expect(consoleCalls).toHaveLength(0);
  });

  it('refuses a form that names no origin at all with 403', async () => {
    const res = await app().request(url('/login'), { method: 'POST', headers: { host: HOST, 'content-type': 'application/x-www-form-urlencoded' }, body: signInForm() });
    expect(res.status).toBe(403);
    expect(consoleCalls).toHaveLength(0);
  });

  it('compares the Origin with the host the proxy names in X-Forwarded-Host, as the console does', async () => {
    const res = await app().request('http://127.0.0.1:3000/login', {
      method: 'POST',
      headers: { host: '127.0.0.1:3000', 'x-forwarded-host': HOST, origin: `https://${HOST}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: signInForm(),
    });
    expect(res.status).toBe(200);
    expect(consoleCalls).toHaveLength(1);
  });

  it('refuses a console post that is not a form with 415', async () => {
    const res = await app().request(url('/login'), { method: 'POST', headers: { host: HOST, origin: SAME, 'content-type': 'application/json' }, body: '{"username":"admin"}' });
    expect(res.status).toBe(415);
    expect(await res.text()).toContain('请通过系统页面上的表单提交');
    expect(consoleCalls).toHaveLength(0);
  });

  it('answers a console post with a malformed multipart body with 400 instead of failing', async () => {
    const res = await app().request(url('/login'), {
      method: 'POST',
      headers: { host: HOST, origin: SAME, 'content-type': 'multipart/form-data; boundary=----zf' },
      body: '------zf\r\nContent-Disposition: form-data; name="username"\r\n\r\nadmin',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('提交的表单内容不完整或格式有误');
    expect(consoleCalls).toHaveLength(0);
  });

  it('hands the console a request whose form it can still read after the check', async () => {
    const form = new FormData();
    form.set('username', 'admin');
    await app().request(url('/login'), { method: 'POST', headers: { host: HOST, origin: SAME }, body: form });
    expect(consoleCalls).toHaveLength(1);
    expect((await consoleCalls[0]!.request.formData()).get('username')).toBe('admin');
  });

  it('refuses a /trpc mutation posted as a multipart form with 415 and does not run it, even from its own origin', async () => {
    const signedIn = await t.signIn('leader');
    const form = new FormData();
    form.set('x', '1');
    const res = await app().request(url('/trpc/auth.signOut'), { method: 'POST', headers: { host: HOST, origin: SAME, cookie: cookie(signedIn) }, body: form });
    expect(res.status).toBe(415);
    const body = (await res.json()) as { error: { message: string; data: { code: string; httpStatus: number } } };
    expect(body.error.message).toBe('接口只接受 JSON 格式的请求（Content-Type: application/json）');
    expect(body.error.data).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', httpStatus: 415 });
    expect((await signedIn.caller.auth.me())?.user.username).toBe('leader');
  });

  it('refuses a /trpc mutation posted as a multipart form from another site with 403 and does not run it', async () => {
    const signedIn = await t.signIn('leader');
    const form = new FormData();
    form.set('x', '1');
    const res = await app().request(url('/trpc/auth.signOut'), { method: 'POST', headers: { host: HOST, origin: FOREIGN, cookie: cookie(signedIn) }, body: form });
    expect(res.status).toBe(403);
    expect((await signedIn.caller.auth.me())?.user.username).toBe('leader');
  });

  it('refuses a /trpc mutation sent as JSON from another origin with 403, one error per call of a batch', async () => {
    const signedIn = await t.signIn('leader');
    const res = await app().request(url('/trpc/auth.signOut,auth.signOut?batch=1'), {
      method: 'POST',
      headers: { host: HOST, origin: FOREIGN, cookie: cookie(signedIn), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { message: string; data: { code: string; path: string } } }[];
    expect(body.map((b) => b.error.data)).toMatchObject([
      { code: 'FORBIDDEN', path: 'auth.signOut' },
      { code: 'FORBIDDEN', path: 'auth.signOut' },
    ]);
    expect(body[0]!.error.message).toContain('请求不是从本系统的页面发出的，已拒绝');
    expect((await signedIn.caller.auth.me())?.user.username).toBe('leader');
  });

  it('runs a /trpc mutation sent as JSON from the console’s own origin', async () => {
    const res = await app().request(url('/trpc/auth.signIn'), {
      method: 'POST',
      headers: { host: HOST, origin: SAME, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Zhengfa@2026' }),
    });
    expect(res.status).toBe(200);
  });

  it('refuses an upload from another origin with 403 and stores nothing', async () => {
    const before = (await sup.caller.cases.get({ id: caseId })).attachments.length;
    const form = new FormData();
    form.set('caseId', caseId);
    form.set('file', new File([PDF], '外站上传.pdf'));
    const res = await app().request(url('/files'), { method: 'POST', headers: { host: HOST, origin: FOREIGN, cookie: cookie(sup) }, body: form });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('请求不是从本系统的页面发出的，已拒绝');
    expect((await sup.caller.cases.get({ id: caseId })).attachments.length).toBe(before);
  });

  it('stores an upload from the console’s own origin', async () => {
    const form = new FormData();
    form.set('caseId', caseId);
    form.set('file', new File([PDF], '本站上传.pdf'));
    const res = await app().request(url('/files'), { method: 'POST', headers: { host: HOST, origin: SAME, cookie: cookie(sup) }, body: form });
    expect(res.status).toBe(201);
  });

  it('answers a malformed multipart upload with 400 and a Chinese message', async () => {
    const res = await app().request(url('/files'), {
      method: 'POST',
      headers: { host: HOST, origin: SAME, cookie: cookie(sup), 'content-type': 'multipart/form-data; boundary=----zf' },
      body: '------zf\r\nContent-Disposition: form-data; name="caseId"\r\n\r\n' + caseId,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('提交的表单内容不完整或格式有误，请刷新页面后重新提交');
  });

  it('refuses an upload sent without Content-Length once it passes the limit, without reading it whole', async () => {
    const big = new Uint8Array(4 * 1024 * 1024);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= big.byteLength) return controller.close();
        controller.enqueue(big.subarray(pulled, pulled + 16 * 1024));
        pulled += 16 * 1024;
      },
    });
    const res = await app().request(url('/files'), {
      method: 'POST',
      headers: { host: HOST, origin: SAME, cookie: cookie(sup), 'content-type': 'multipart/form-data; boundary=----zf' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('附件不能超过 64 KB');
    expect(pulled).toBeLessThan(big.byteLength);
  });

  it('refuses a /trpc body over the signed-in limit with 413', async () => {
    const res = await app().request(url('/trpc/auth.signOut'), {
      method: 'POST',
      headers: { host: HOST, cookie: cookie(sup), 'content-type': 'application/json', 'content-length': String(SIGNED_IN_BODY_BYTES + 1) },
      body: streamed(new Uint8Array(16)),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.message).toBe('提交的内容过大（不能超过 16 MB），请减少内容后重试');
  });

  it('refuses an anonymous body over the anonymous limit with 413, sent with or without Content-Length', async () => {
    const json = JSON.stringify({ username: 'admin', password: 'x'.repeat(ANONYMOUS_BODY_BYTES) });
    const declared = await app().request(url('/trpc/auth.signIn'), { method: 'POST', headers: { host: HOST, 'content-type': 'application/json' }, body: json });
    expect(declared.status).toBe(413);
    const chunked = await app().request(url('/trpc/auth.signIn'), {
      method: 'POST',
      headers: { host: HOST, 'content-type': 'application/json' },
      body: streamed(new TextEncoder().encode(json)),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: { message: string } }).error.message).toBe('提交的内容过大（不能超过 64 KB），请减少内容后重试');
  });

  it('refuses an anonymous console post over the anonymous limit with 413', async () => {
    const res = await app().request(url('/login'), {
      method: 'POST',
      headers: { host: HOST, origin: SAME, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'admin', password: 'x'.repeat(ANONYMOUS_BODY_BYTES) }),
    });
    expect(res.status).toBe(413);
    expect(consoleCalls).toHaveLength(0);
  });

  it('sends a Content-Security-Policy whose script nonce is new on every page and reaches the console', async () => {
    const first = await app().request(url('/cases'), { headers: { host: HOST } });
    const second = await app().request(url('/cases'), { headers: { host: HOST } });
    const csp = first.headers.get('content-security-policy')!;
    const [a, b] = consoleCalls.map((call) => call.nonce);
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(b).not.toBe(a);
    expect(csp).toContain(`script-src 'self' 'nonce-${a}'`);
    expect(second.headers.get('content-security-policy')).toContain(`'nonce-${b}'`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('sends Referrer-Policy same-origin, so the console’s own form posts carry their Origin', async () => {
    const res = await app().request(url('/login'), { headers: { host: HOST } });
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
  });
});
