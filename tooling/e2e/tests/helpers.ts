// Shared by the browser tests: build the console if needed, start the real server on a
// free port with a fresh data folder (the demo county is seeded on first start), drive
// Chromium, sign in and out. Every page a test waits for (ready) is checked with axe-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const serverDir = path.join(repoRoot, 'apps/server');
export const serverEntry = path.join(serverDir, 'src/main.ts');
export const adminDir = path.join(repoRoot, 'apps/admin');
/** Downloads and other files the tests write (gitignored). */
export const resultsDir = path.resolve(here, '../test-results');
/** Screenshots the browser tests write (gitignored): look at them after a run. */
export const artifactsDir = path.resolve(here, '../artifacts');

export const DEMO_PASSWORD = 'Zhengfa@2026';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function freePort(): Promise<number> {
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

/**
 * Builds the console when its server build is missing or older than its sources. The build
 * runs asynchronously: a test worker blocked for the minutes a build takes misses vitest's
 * own messages ("Timeout calling onTaskUpdate") and the run fails after its tests passed.
 */
export async function ensureConsoleBuild(): Promise<void> {
  const built = path.join(adminDir, 'build/server/index.js');
  const pluginAdmins = readdirSync(path.join(repoRoot, 'plugins'))
    .map((p) => path.join(repoRoot, 'plugins', p, 'src/admin'))
    .filter((p) => existsSync(p));
  const sources = Math.max(
    newestMtime(path.join(adminDir, 'app')),
    newestMtime(path.join(repoRoot, 'packages/ui/src')),
    newestMtime(path.join(repoRoot, 'packages/plugin-api/src')),
    // The install list and the registry that reads it decide which plugins the build holds.
    statSync(path.join(serverDir, 'plugins.json')).mtimeMs,
    statSync(path.join(adminDir, 'plugin-registry.ts')).mtimeMs,
    ...pluginAdmins.map(newestMtime),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const build = spawn('pnpm', ['run', 'build'], { cwd: adminDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
  let output = '';
  build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const status = await new Promise<number | null>((resolve, reject) => {
    build.once('error', reject);
    build.once('close', resolve);
  });
  if (status !== 0) throw new Error(`console build failed:\n${output}`);
}

/**
 * Starts the server on the embedded database. The demo county gets no generated year
 * (DEMO_DATA=0) unless `demoYear` asks for it: the tests count exactly what they create, and
 * generating the year takes most of a minute.
 */
export function startServer(port: number, dataDir: string, opts: { demoYear?: boolean } = {}): Promise<{ child: ChildProcess; output: () => string }> {
  // tsx is the server's dependency, so the server folder is the working directory.
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', DEMO_DATA: opts.demoYear ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${log}`)), opts.demoYear ? 400_000 : 110_000);
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

export function stopServer(child: ChildProcess | undefined): Promise<void> {
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

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Known and not ours: rc-select 14 copies Form.Item's aria-required / aria-invalid onto the
 * Select's outer <div> (no role) as well as onto its combobox input, which carries them
 * correctly. Left out of the count until antd fixes it; every other node still counts.
 */
function isSelectInFormItem(target: string[]): boolean {
  return target.length === 1 && /\.ant-select-in-form-item$|\.ant-select(-[a-z-]+)*\.ant-select$/.test(target[0]!) && target[0]!.includes('ant-form-item');
}

/**
 * Known and not ours: antd's table measures its columns in a zero-height row it hides from
 * assistive technology (aria-hidden) and gives tabindex=-1, so it is never in the tab order;
 * axe's aria-hidden-focus reads tabindex=-1 as focusable.
 */
function isTableMeasureRow(html: string): boolean {
  return /^<tr aria-hidden="true" class="ant-table-measure-row"/.test(html);
}

/**
 * antd's message toast fades in (opacity animation): measured mid-fade its text reads as low
 * contrast although at rest it is the theme's body text. The toast is transient and announced
 * through its live region; it is left out of color-contrast only.
 */
function isFadingToast(target: string[]): boolean {
  return target.some((t) => t.includes('.ant-message'));
}

/**
 * The serious and critical violations axe-core (WCAG 2.1 A and AA rules) finds on the page
 * as it stands. axe runs inside the page through the DevTools protocol, so the console's CSP
 * (scripts by nonce only) stays as it is.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => (v.id === 'aria-allowed-attr' ? { ...v, nodes: v.nodes.filter((n) => !isSelectInFormItem(n.target)) } : v))
    .map((v) => (v.id === 'color-contrast' ? { ...v, nodes: v.nodes.filter((n) => !isFadingToast(n.target)) } : v))
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !isTableMeasureRow(n.html)) } : v))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Fails the test when axe finds a serious or critical violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  const found = await seriousViolations(page);
  if (found.length) throw new Error(`axe: serious or critical violations on ${new URL(page.url()).pathname}:\n${found.join('\n')}`);
}

/** The pages (by path) each browser page has been checked on: each is checked once. */
const checkedPaths = new WeakMap<Page, Set<string>>();

/**
 * Waits until React has hydrated the page (root.tsx marks <html>), then checks it with axe
 * the first time the page shows this path: every console page a browser test visits is
 * checked, and a serious or critical violation fails the test. E2E_AXE=0 turns the check off.
 */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
  if (process.env.E2E_AXE === '0') return;
  const seen = checkedPaths.get(page) ?? new Set<string>();
  checkedPaths.set(page, seen);
  const at = new URL(page.url()).pathname;
  if (seen.has(at)) return;
  seen.add(at);
  await expectAccessible(page);
}

/** Waits until the locator is visible and returns its text. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ state: 'visible', timeout: 20_000 });
  return (await locator.first().textContent()) ?? '';
}

export async function visible(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: 20_000 });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await ready(page);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}


export interface Harness {
  server: { child: ChildProcess; output: () => string };
  browser: Browser;
  baseUrl: string;
  dataDir: string;
}

/** Builds the console if needed, starts the server and Chromium. */
export async function startHarness(opts: { demoYear?: boolean } = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; install it with apt-get install -y chromium`);
  if (!existsSync(serverEntry)) throw new Error(`server entry missing: ${serverEntry}`);
  await ensureConsoleBuild();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhengfa-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startServer(port, dataDir, opts);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return { server, browser, baseUrl, dataDir };
}

export async function stopHarness(h: Partial<Harness> | undefined): Promise<void> {
  await h?.browser?.close();
  await stopServer(h?.server?.child);
  if (h?.dataDir) await rm(h.dataDir, { recursive: true, force: true });
}

/** A Chinese-locale browser context in China Standard Time. */
export function newContext(browser: Browser, opts: { acceptDownloads?: boolean; viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, ...opts });
}

/** Saves a full-page screenshot under artifacts/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Calls a tRPC procedure over HTTP with the page's session; throws with the server's message when it is refused. */
export async function trpc<T>(page: Page, baseUrl: string, proc: string, input: unknown, kind: 'query' | 'mutation'): Promise<T> {
  const res =
    kind === 'query'
      ? await page.request.get(`${baseUrl}/trpc/${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`)
      : await page.request.post(`${baseUrl}/trpc/${proc}`, { data: input as Record<string, unknown> });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok() || !body.result) throw new Error(`${proc} failed: ${res.status()} ${body.error?.message ?? ''}`);
  return body.result.data;
}

/**
 * A browser context with JavaScript off, signed in as `username` through the plain sign-in
 * form (1280 px wide unless told): the forms that must work without JavaScript are tried in it.
 */
export async function signedInWithoutJavaScript(browser: Browser, baseUrl: string, username: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return { context, page };
}
