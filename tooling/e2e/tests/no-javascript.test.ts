// The console and the public look-up in a browser with JavaScript turned off (old phones,
// locked-down office machines): signing in, filtering the ledger by keyword, the petition
// list's boxes and the statistics' periods, signing out, looking up a petition and rating
// it, and changing an initial password are plain forms and links the server answers. Then, with
// JavaScript on, every page still hydrates under the Content-Security-Policy without a
// single violation, and a form posted from another site is refused with 403 in Chinese.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, screenshot, signIn, startHarness, stopHarness, textOf, visible, type Harness } from './helpers.js';

/** A /trpc client for preparing data, signed in as `username` (JSON, like any program). */
async function apiAs(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const read = async (r: Response) => {
    const body = (await r.json()) as { result?: { data: unknown }; error?: { message: string } };
    if (!body.result) throw new Error(body.error?.message ?? `HTTP ${r.status}`);
    return body.result.data;
  };
  return {
    query: async <T,>(proc: string, input: unknown): Promise<T> =>
      (await read(await fetch(`${baseUrl}/trpc/${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers: { cookie } }))) as T,
    mutate: async <T,>(proc: string, input: unknown): Promise<T> =>
      (await read(await fetch(`${baseUrl}/trpc/${proc}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(input) }))) as T,
  };
}

/** China's date today, as the server computes statutory dates. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

describe('the console without JavaScript, and with it under the Content-Security-Policy', () => {
  let h: Harness | undefined;
  const phone = '13987654321';
  let queryCode = '';
  let caseId = '';
  const newUser = { username: `nojs_${Date.now().toString(36).slice(-5)}`, initial: 'Chushi#2026', next: 'Xinmima#2027' };

  beforeAll(async () => {
    h = await startHarness();
    const api = await apiAs(h.baseUrl, 'supervisor');
    const register = (title: string) => api.mutate<{ id: string }>('cases.register', { title, summary: `${title}，请依法处理。`, source: 'letter', urgency: 'normal', isKey: false, parties: [] });
    caseId = (await register('城东菜市场噪声扰民投诉')).id;
    await register('西山村林地权属争议');
    await register('内容安全策略检查事项');
    const petition = await api.mutate<{ matterId: string; queryCode: string }>('petitions.matters.register', {
      channel: 'visit',
      receivedOn: chinaToday(),
      personCount: 1,
      category: 'other',
      content: '反映小区物业收费标准问题，经核实不属于涉法涉诉事项。',
      petitioners: [{ name: '周五', phone }],
    });
    queryCode = petition.queryCode;
    // Routed to the police, accepted and answered there, then closed as 息访: the petitioner may rate it.
    const admin = await apiAs(h.baseUrl, 'admin');
    const police = (await admin.query<{ id: string; name: string }[]>('orgs.tree', undefined)).find((o) => o.name === '示范县公安局')!;
    const leaders = await api.query<{ items: { id: string }[] }>('users.list', { roleKey: 'leader' });
    const matter = () => api.query<{ version: number }>('petitions.matters.get', { id: petition.matterId });
    await api.mutate('petitions.matters.route', {
      id: petition.matterId,
      version: (await matter()).version,
      leadLeaderId: leaders.items[0]!.id,
      handlerName: '李承办',
      resolutionPlan: '核实物业收费标准，向信访人说明',
      deadline: chinaToday(),
      leadUnitId: police.id,
    });
    const liaison = await apiAs(h.baseUrl, 'liaison');
    await liaison.mutate('petitions.matters.recordAcceptance', { id: petition.matterId, version: (await matter()).version, accepted: true });
    await liaison.mutate('petitions.matters.recordAnswer', { id: petition.matterId, version: (await matter()).version, answer: '经核实，物业收费符合备案标准，已向信访人说明。' });
    await api.mutate('petitions.matters.conclude', { id: petition.matterId, version: (await matter()).version, outcome: 'stopped', note: '信访人表示理解，承诺息访。' });
    await admin.mutate('users.create', { orgId: police.id, username: newUser.username, displayName: '吴民警', password: newUser.initial, roleIds: [] });
  }, 300_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('signs in, filters the ledger by keyword, signs out, and looks up and rates a petition', async () => {
    const { baseUrl, browser, server } = h!;
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      // Sign in: a wrong password answers on the page, the right one opens the console.
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名', { exact: true }).fill('supervisor');
      await page.getByLabel('密码', { exact: true }).fill('wrong-password');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      expect(await textOf(page.getByTestId('login-error'))).toContain('用户名或密码错误');
      await page.getByLabel('用户名', { exact: true }).fill('supervisor');
      await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/');
      expect(await textOf(page.getByTestId('current-user'))).toContain('陈监督');

      // The ledger's keyword filter is a GET form: the URL carries the keyword.
      await page.goto(`${baseUrl}/cases`);
      const table = page.getByTestId('ledger-table');
      await visible(table.getByText('西山村林地权属争议'));
      await page.getByLabel('关键词').fill('噪声扰民');
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('q') === '噪声扰民');
      await visible(table.getByText('城东菜市场噪声扰民投诉'));
      expect(await table.getByText('西山村林地权属争议').count()).toBe(0);
      expect(await page.getByLabel('关键词').inputValue()).toBe('噪声扰民');
      // Other filters already in the URL stay when the keyword changes.
      await page.goto(`${baseUrl}/cases?overdue=1&q=${encodeURIComponent('噪声扰民')}`);
      expect(await page.getByLabel('只看超期').isChecked()).toBe(true);
      await page.getByLabel('只看超期').uncheck();
      await page.getByLabel('关键词').fill('林地');
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === '林地' && !url.searchParams.has('overdue'));
      await visible(table.getByText('西山村林地权属争议'));
      await screenshot(page, 'no-js-ledger.png');

      // The petition list's boxes, and the statistics' period presets (links).
      await page.goto(`${baseUrl}/petitions/matters`);
      await page.getByLabel('只看待转送').check();
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/petitions/matters' && url.searchParams.get('unrouted') === '1');
      expect(await page.getByLabel('只看待转送').isChecked()).toBe(true);
      await page.goto(`${baseUrl}/petitions/statistics`);
      await page.getByRole('link', { name: '上年' }).click();
      const lastYear = Number(chinaToday().slice(0, 4)) - 1;
      await page.waitForURL((url) => url.searchParams.get('from') === `${lastYear}-01-01` && url.searchParams.get('to') === `${lastYear}-12-31`);

      // Signing out is a form too.
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL((url) => url.pathname === '/login');

      // The public look-up: a wrong suffix is refused, the right one shows the outcome.
      await page.goto(`${baseUrl}/petition-lookup`);
      await page.getByLabel('查询码').fill(queryCode);
      await page.getByLabel('手机号后四位').fill('0000');
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await visible(page.getByTestId('lookup-error'));
      await page.getByLabel('查询码').fill(queryCode);
      await page.getByLabel('手机号后四位').fill(phone.slice(-4));
      await page.getByRole('button', { name: '查询', exact: true }).click();
      const result = await textOf(page.getByTestId('lookup-result'));
      expect(result).toContain('已办结');
      expect(result).toContain('息访');
      expect(result).not.toContain('周');
      await screenshot(page, 'no-js-lookup.png');

      // And the petitioner rates the handling.
      await page.getByLabel('满意', { exact: true }).check();
      await page.getByLabel('意见建议（可选）').fill('答复及时');
      await page.getByRole('button', { name: '提交评价', exact: true }).click();
      await visible(page.getByText('感谢您的评价'));
    } catch (err) {
      await screenshot(page, 'no-js-failure.png').catch(() => {});
      throw new Error(`${(err as Error).message}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: err });
    } finally {
      await context.close();
    }
  }, 150_000);

  it('lets a new user change the initial password and reach the console', async () => {
    const { baseUrl, browser, server } = h!;
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('用户名', { exact: true }).fill(newUser.username);
      await page.getByLabel('密码', { exact: true }).fill(newUser.initial);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/account/password');
      await page.getByLabel('当前密码').fill(newUser.initial);
      await page.getByLabel('新密码', { exact: true }).fill(newUser.next);
      await page.getByLabel('确认新密码').fill(newUser.next);
      await page.getByRole('button', { name: '确认修改' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await visible(page.getByText('您好，吴民警'));
    } catch (err) {
      await screenshot(page, 'no-js-password-failure.png').catch(() => {});
      throw new Error(`${(err as Error).message}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: err });
    } finally {
      await context.close();
    }
  });

  it('refuses a form posted from another site with 403 and a Chinese message', async () => {
    const { baseUrl, browser } = h!;
    // Another origin (another port) serving a page whose form posts to the console.
    const foreign = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><meta charset="utf-8"><form method="post" action="${baseUrl}/login"><input name="username" value="admin"><input name="password" value="${DEMO_PASSWORD}"><button>登录</button></form>`);
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url() === `${baseUrl}/login` && r.request().method() === 'POST'), page.getByRole('button', { name: '登录' }).click()]);
      expect(response.status()).toBe(403);
      await visible(page.getByText('请求不是从本系统的页面发出的，已拒绝'));
      expect((await context.cookies(baseUrl)).some((c) => c.name === 'zf_session')).toBe(false);
    } finally {
      await context.close();
      await new Promise((resolve) => foreign.close(resolve));
    }
  });

  it('hydrates every page it visits with no Content-Security-Policy violation', async () => {
    const { baseUrl, browser, server } = h!;
    const context = await newContext(browser);
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const w = window as unknown as { __csp?: string[] };
        (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
    });
    page.on('pageerror', (err) => problems.push(err.message));
    const violations = async (p: Page) => (await p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[];
    const visit = async (path: string) => {
      const res = await page.goto(`${baseUrl}${path}`);
      await ready(page);
      const csp = res?.headers()['content-security-policy'] ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `${path} has a script nonce`).toBeTruthy();
      expect(await page.locator('script[nonce]').count(), `${path} scripts carry the nonce`).toBeGreaterThan(0);
      problems.push(...(await violations(page)).map((v) => `${path}: ${v}`));
    };
    try {
      await visit('/login');
      await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      await ready(page);
      for (const path of ['/', '/cases', `/cases/${caseId}`, '/cases/dashboard', '/inbox', '/supervision/instruments', '/petitions/matters', '/petitions/statistics', '/petitions/register']) {
        await visit(path);
      }
      // Client-side navigation and a data request after hydration.
      await page.getByRole('navigation').getByRole('link', { name: '事项台账' }).click();
      await page.waitForURL((url) => url.pathname === '/cases');
      await page.getByLabel('关键词').fill('内容安全');
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === '内容安全');
      await visible(page.getByTestId('ledger-table').getByText('内容安全策略检查事项'));
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await visit('/petition-lookup');
      problems.push(...(await violations(page)));
      expect(problems).toEqual([]);
    } catch (err) {
      await screenshot(page, 'csp-failure.png').catch(() => {});
      throw new Error(`${(err as Error).message}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: err });
    } finally {
      await context.close();
    }
  }, 150_000);
});
