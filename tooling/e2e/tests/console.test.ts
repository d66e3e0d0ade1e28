// The console end to end: the real server (fresh data folder, demo county seeded on first
// start) and a real Chromium. The system administrator creates an account; its owner
// signs in, must change the initial password, and then reaches the console.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const serverDir = path.join(repoRoot, 'apps/server');
const serverEntry = path.join(serverDir, 'src/main.ts');
const adminDir = path.join(repoRoot, 'apps/admin');
const resultsDir = path.resolve(here, '../test-results');

const DEMO_PASSWORD = 'Zhengfa@2026';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the console when its server build is missing or older than its sources. */
function ensureConsoleBuild(): void {
  const built = path.join(adminDir, 'build/server/index.js');
  const sources = Math.max(newestMtime(path.join(adminDir, 'app')), newestMtime(path.join(repoRoot, 'packages/ui/src')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const res = spawnSync('pnpm', ['run', 'build'], { cwd: adminDir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) throw new Error(`console build failed:\n${res.stdout}\n${res.stderr}`);
}

function startServer(port: number, dataDir: string): Promise<{ child: ChildProcess; output: () => string }> {
  // tsx is the server's dependency, so the server folder is the working directory.
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${log}`)), 110_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/listening/i.test(log)) {
        clearTimeout(timer);
        resolve({ child, output: () => log });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code}:\n${log}`));
    });
  });
}

function stopServer(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Waits until React has hydrated the page (root.tsx marks <html>). */
async function ready(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
}

/** Waits until the locator is visible and returns its text. */
async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ state: 'visible', timeout: 20_000 });
  return (await locator.first().textContent()) ?? '';
}

async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await ready(page);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

describe('admin console', () => {
  let server: { child: ChildProcess; output: () => string } | undefined;
  let browser: Browser | undefined;
  let dataDir = '';
  let baseUrl = '';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; install it with apt-get install -y chromium`);
    if (!existsSync(serverEntry)) throw new Error(`server entry missing: ${serverEntry}`);
    ensureConsoleBuild();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhengfa-e2e-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = await startServer(port, dataDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server?.child);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('creates a user who must change the initial password before using the console', async () => {
    const context = await browser!.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const suffix = Date.now().toString(36).slice(-5);
    const username = `e2e_${suffix}`;
    const initialPassword = 'Chushi#2026';
    const newPassword = 'Xinmima#2027';

    try {
      // Signed out: the console sends us to the sign-in page, in Chinese and styled.
      await page.goto(baseUrl);
      await page.waitForURL((url) => url.pathname === '/login');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect((await page.locator('style#antd-ssr').textContent())?.length ?? 0).toBeGreaterThan(1000);

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
});
