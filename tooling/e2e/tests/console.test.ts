// The console end to end: the real server (fresh data folder, demo county seeded on first
// start) and a real Chromium. The system administrator creates an account; its owner
// signs in, must change the initial password, and then reaches the console.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, resultsDir, screenshot, signIn, signOut, ready, startHarness, stopHarness, textOf, visible, type Harness } from './helpers.js';

describe('admin console', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('creates a user who must change the initial password before using the console', async () => {
    const { baseUrl, server } = h!;
    const context = await newContext(h!.browser);
    const page: Page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const suffix = Date.now().toString(36).slice(-5);
    const username = `e2e_${suffix}`;
    const initialPassword = 'Chushi#2026';
    const newPassword = 'Xinmima#2027';

    // Scripts of 1 KB or more (the build compresses those) and how each was sent.
    const scripts: Promise<string | undefined>[] = [];
    page.on('response', (r) => {
      if (!new URL(r.url()).pathname.endsWith('.js') || r.status() !== 200) return;
      scripts.push(r.body().then((b) => (b.byteLength >= 1024 ? (r.headers()['content-encoding'] ?? 'none') : undefined)));
    });

    try {
      // Signed out: the console sends us to the sign-in page, in Chinese and styled.
      const login = await page.goto(baseUrl);
      await page.waitForURL((url) => url.pathname === '/login');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect((await page.locator('style#antd-ssr').textContent())?.length ?? 0).toBeGreaterThan(1000);
      // The page came compressed, and so did its scripts (the copies the build wrote).
      expect(login?.headers()['content-encoding']).toBe('gzip');
      await ready(page);
      const encodings = (await Promise.all(scripts)).filter((e) => e !== undefined);
      expect(encodings.length).toBeGreaterThan(0);
      for (const encoding of encodings) expect(['br', 'gzip']).toContain(encoding);

      // A wrong password shows the server's Chinese message.
      await signIn(page, baseUrl, 'admin', 'wrong-password');
      expect(await textOf(page.getByTestId('login-error'))).toContain('用户名或密码错误');

      // The system administrator sees the system pages, not the security or audit ones.
      await signIn(page, baseUrl, 'admin', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      const nav = page.getByRole('navigation');
      await visible(nav.getByRole('link', { name: '组织机构' }));
      await visible(nav.getByRole('link', { name: '用户管理' }));
      await visible(nav.getByRole('link', { name: '功能模块' }));
      expect(await nav.getByRole('link', { name: '审计日志' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: '角色权限' }).count()).toBe(0);
      expect(await textOf(page.getByTestId('tenant-name'))).toBe('示范县');
      expect(await textOf(page.getByTestId('current-user'))).toContain('王系统');

      // Create an account in 示范县公安局.
      await ready(page);
      await nav.getByRole('link', { name: '用户管理' }).click();
      await page.waitForURL((url) => url.pathname === '/users');
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.getByRole('dialog', { name: '新建用户' });
      await visible(dialog);
      await dialog.getByLabel('所属组织').click();
      await dialog.getByLabel('所属组织').fill('公安局');
      await page.locator('.ant-select-tree-node-content-wrapper[title="示范县公安局"]').click();
      await dialog.getByLabel('用户名').fill(username);
      await dialog.getByLabel('姓名').fill('测试民警');
      await dialog.getByLabel('初始密码').fill(initialPassword);
      await dialog.getByRole('button', { name: '保存' }).click();
      await visible(page.getByText('用户已新建'));
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: username });
      const rowText = await textOf(row);
      expect(rowText).toContain('示范县公安局');
      expect(rowText).toContain('待改密');

      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'console-users.png'), fullPage: true });
      await signOut(page);

      // The new user is sent to change the initial password first.
      await signIn(page, baseUrl, username, initialPassword);
      await page.waitForURL((url) => url.pathname === '/account/password');
      await ready(page);
      expect(await textOf(page.getByTestId('password-policy'))).toContain('至少 8 位，包含大写字母、小写字母、数字、特殊字符中的至少三类');
      expect(await page.getByRole('navigation').getByRole('link').count()).toBe(0);
      await page.getByLabel('当前密码').fill(initialPassword);
      await page.getByLabel('新密码', { exact: true }).fill(newPassword);
      await page.getByLabel('确认新密码').fill(newPassword);
      await page.getByRole('button', { name: '确认修改' }).click();

      // Then the console opens.
      await page.waitForURL((url) => url.pathname === '/');
      await visible(page.getByText('您好，测试民警'));
      await visible(page.getByText('密码已修改，新密码已生效。'));
      expect(await textOf(page.getByTestId('current-user'))).toContain('示范县公安局');
      await page.screenshot({ path: path.join(resultsDir, 'console-home.png'), fullPage: true });
      await signOut(page);

      // The new password works; the initial one no longer does.
      await signIn(page, baseUrl, username, initialPassword);
      await visible(page.getByTestId('login-error'));
      await signIn(page, baseUrl, username, newPassword);
      await page.waitForURL((url) => url.pathname === '/');
      await signOut(page);

      expect(pageErrors).toEqual([]);
    } catch (err) {
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'failure.png'), fullPage: true }).catch(() => {});
      throw new Error(`${(err as Error).message}\n--- server output ---\n${server?.output().slice(-4000) ?? ''}`, { cause: err });
    } finally {
      await context.close();
    }
  });

  it("resets the security administrator's password only through a request the audit administrator countersigns", async () => {
    const { baseUrl, server } = h!;
    const context = await newContext(h!.browser);
    const page: Page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    try {
      // The system administrator: no reset for the audit administrator, a request for the security administrator.
      await signIn(page, baseUrl, 'admin', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/users`);
      await ready(page);
      const auditorRow = page.getByRole('row').filter({ hasText: '赵审计' });
      await visible(auditorRow);
      expect(await auditorRow.getByRole('button', { name: '重置密码' }).count()).toBe(0);
      expect(await auditorRow.getByRole('button', { name: '申请重置' }).count()).toBe(0);
      await page.getByRole('row').filter({ hasText: '李安全' }).getByRole('button', { name: '申请重置' }).click();
      const dialog = page.getByRole('dialog', { name: '申请重置「李安全」的密码' });
      await visible(dialog);
      await dialog.getByLabel('申请理由').fill('本人忘记密码，已当面核实身份');
      await dialog.getByRole('button', { name: '确定' }).click();
      await visible(page.getByText('重置申请已提交，待审计管理员会签'));
      await dialog.waitFor({ state: 'hidden' });
      await signOut(page);

      // The audit administrator countersigns and sees the temporary password once.
      await signIn(page, baseUrl, 'auditor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      await ready(page);
      await page.getByRole('navigation').getByRole('link', { name: '密码重置会签' }).click();
      await page.waitForURL((url) => url.pathname === '/password-resets');
      await ready(page);
      const request = page.getByRole('row').filter({ hasText: '李安全（secadmin）' });
      expect(await textOf(request)).toContain('待会签');
      await request.getByRole('button', { name: '会签' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
      const password = (await textOf(page.getByTestId('temporary-password'))).trim();
      expect(password).toMatch(/^Zf-[A-Za-z0-9_-]{12}9a$/);
      await screenshot(page, 'console-password-reset.png');
      await page.getByRole('dialog', { name: '「李安全」的临时密码' }).getByRole('button', { name: '确定' }).click();
      expect(await textOf(page.getByRole('row').filter({ hasText: '李安全（secadmin）' }))).toContain('已会签');
      await signOut(page);

      // The old password no longer works; the temporary one must be changed first.
      await signIn(page, baseUrl, 'secadmin', DEMO_PASSWORD);
      await visible(page.getByTestId('login-error'));
      await signIn(page, baseUrl, 'secadmin', password);
      await page.waitForURL((url) => url.pathname === '/account/password');

      expect(pageErrors).toEqual([]);
    } catch (err) {
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: path.join(resultsDir, 'failure-password-reset.png'), fullPage: true }).catch(() => {});
      throw new Error(`${(err as Error).message}\n--- server output ---\n${server?.output().slice(-4000) ?? ''}`, { cause: err });
    } finally {
      await context.close();
    }
  });
});
