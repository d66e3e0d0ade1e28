// The petitions plugin (信访接待) in the real console: the office registers a visit and
// routes it to 示范县公安局, the police liaison signs for
// it and reports the result on the kernel's case page, the office closes the petition as
// 息访, and the statistics page's 件, 人次 and 息访率 change accordingly. The petitioner's
// public look-up refuses a wrong phone suffix and shows the status with the right one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDir, DEMO_PASSWORD, newContext, ready, repoRoot, screenshot, signIn, signOut, startHarness, stopHarness, textOf, visible, type Harness } from './helpers.js';

const pluginAdminDir = path.join(repoRoot, 'plugins/petitions/src/admin');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The console bundles the plugin's pages: rebuild when they are newer than the build (helpers.ts watches only apps/admin and packages/ui). */
function ensurePluginPagesBuilt(): void {
  const built = path.join(adminDir, 'build/server/index.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(pluginAdminDir)) return;
  const res = spawnSync('pnpm', ['run', 'build'], { cwd: adminDir, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) throw new Error(`console build failed:\n${res.stdout}\n${res.stderr}`);
}

/** An ID number with a valid GB 11643 check digit. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

async function pickOption(page: Page, field: Locator, title: string): Promise<void> {
  await field.click();
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
  await option.first().waitFor({ state: 'visible', timeout: 10_000 });
  await option.first().click();
}

async function pickTreeNode(page: Page, field: Locator, search: string, title: string): Promise<void> {
  await field.click();
  await field.fill(search);
  const node = page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${title}"]`);
  await node.first().waitFor({ state: 'visible', timeout: 10_000 });
  await node.first().click();
}

async function runAction(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId('workflow').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
}

interface Figures {
  matters: number;
  persons: number;
  stopRate: string;
}

async function figures(page: Page, baseUrl: string): Promise<Figures> {
  await page.goto(`${baseUrl}/petitions/statistics`);
  await ready(page);
  const num = async (id: string) => Number((await textOf(page.getByTestId(id).locator('.ant-statistic-content-value'))).replace(/,/g, ''));
  return {
    matters: await num('stat-matters'),
    persons: await num('stat-persons'),
    stopRate: (await textOf(page.getByTestId('stat-stop').locator('.ant-statistic-content'))).trim(),
  };
}

async function switchUser(page: Page, baseUrl: string, username: string, to: string): Promise<void> {
  await signOut(page);
  await signIn(page, baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto(`${baseUrl}${to}`);
  await ready(page);
}

describe('petitions', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    ensurePluginPagesBuilt();
    h = await startHarness();
  }, 300_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('registers, routes, handles and closes a petition as 息访; the figures follow', async () => {
    const { baseUrl, browser } = h!;
    const context = await newContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const phone = '13912345678';
    try {

    // --- Baseline figures, then registration through the plugin's navigation entry.
    await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    const nav = page.getByRole('navigation');
    await visible(nav.getByText('信访接待', { exact: true }));
    await visible(nav.getByRole('link', { name: '信访统计' }));
    const before = await figures(page, baseUrl);

    await page.getByRole('navigation').getByRole('link', { name: '信访登记' }).click();
    await page.waitForURL((url) => url.pathname === '/petitions/register');
    await ready(page);
    await page.getByLabel('人次', { exact: true }).fill('6');
    await visible(page.getByTestId('collective-hint'));
    await pickTreeNode(page, page.getByLabel('涉及单位'), '公安局', '示范县公安局');
    await page.getByLabel('信访内容', { exact: true }).fill('反映城关镇东街拆迁补偿款至今未发放到位，六户村民多次协商未果，请求督促解决。');
    await page.getByLabel('信访诉求', { exact: true }).fill('要求足额发放拆迁补偿款');
    await page.getByLabel('姓名', { exact: true }).fill('李四');
    await page.getByLabel('身份证号', { exact: true }).fill(idNumber('99000119800101123'));
    await page.getByLabel('联系电话', { exact: true }).fill(phone);
    await page.getByLabel('住址', { exact: true }).fill('示范县城关镇东街 8 号');
    // The repeat search answers while typing (nothing earlier in a fresh county).
    await visible(page.getByTestId('repeat-panel').getByText('未发现可能的重复信访'));
    await screenshot(page, 'petitions-register.png');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.waitForURL((url) => /^\/petitions\/matters\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 30_000 });
    const matterUrl = new URL(page.url()).pathname;
    expect(await textOf(page.getByTestId('matter-notice'))).toContain('已登记信访事项');
    expect(await textOf(page.getByTestId('matter-owner'))).toContain('首接责任人 陈监督');
    expect(await textOf(page.getByTestId('petitioner-name'))).toBe('李*');
    const queryCode = (await textOf(page.getByTestId('query-code'))).trim();
    const caseUrl = (await page.getByTestId('case-link').getAttribute('href'))!;
    expect(caseUrl).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

    // --- Routing (四定一包 → the kernel case; the petition kind needs no 立项审批): assigned to the police.
    const routing = page.locator('form#routing');
    await pickOption(page, routing.getByLabel('包案领导'), '刘书记');
    await routing.getByLabel('承办责任人').fill('王警官');
    await routing.getByLabel('责任人电话').fill('13900139000');
    await routing.getByLabel('化解方案').fill('会同城关镇核实补偿款发放情况，限期发放到位并答复信访人。');
    await routing.getByRole('button', { name: '转送交办' }).click();
    const proceed = page.getByRole('button', { name: '继续转送交办' });
    await visible(page.getByText('已交办 示范县公安局').or(proceed));
    if (await proceed.isVisible()) {
      // A deployment whose petitions need approval: the leader approves, the office assigns.
      await switchUser(page, baseUrl, 'leader', matterUrl);
      await page.getByRole('button', { name: '继续转送交办' }).click();
      await switchUser(page, baseUrl, 'supervisor', matterUrl);
      await page.getByRole('button', { name: '继续转送交办' }).click();
    }
    await visible(page.getByText('已交办 示范县公安局').first());
    expect(await textOf(page.getByTestId('matter-owner'))).toContain('承办单位 示范县公安局');

    // --- The police liaison finds it waiting on the workbench, and the petition's own panel
    // (a plugin slot) beside the kernel's case page.
    await switchUser(page, baseUrl, 'liaison', '/');
    const waiting = page.getByTestId('todo-petitions-accept');
    await visible(waiting);
    expect(await textOf(waiting)).toContain('待受理');
    await page.goto(`${baseUrl}${caseUrl}`);
    await ready(page);
    const panel = page.getByTestId('petition-case-panel');
    await visible(panel);
    expect(await textOf(panel)).toContain('承办单位 示范县公安局');
    expect(await page.getByTestId('petition-link').getAttribute('href')).toBe(matterUrl);

    // --- The police liaison signs for it and reports on the kernel's case page.
    await runAction(page, '签收');
    await runAction(page, '报送办理结果', async (dialog) => {
      await dialog.getByLabel('办理结果报告').fill('经核实，六户拆迁补偿款已于本周全部发放到位，信访人签字确认，表示不再信访。');
    });
    await visible(page.getByTestId('case-header').locator('.ant-tag', { hasText: '已报结' }));

    // --- The office closes the petition as 息访.
    await switchUser(page, baseUrl, 'supervisor', matterUrl);
    await page.getByRole('tab', { name: '结案' }).click();
    const conclude = page.locator('form#conclude');
    await conclude.getByText('息访', { exact: true }).click();
    await conclude.getByLabel('结案说明').fill('补偿款已发放到位，信访人息诉罢访。');
    await conclude.getByRole('button', { name: '结案' }).click();
    expect(await textOf(page.getByTestId('outcome-done'))).toContain('已按“息访”结案');
    await visible(page.getByTestId('matter-header').getByText('已办结'));

    // --- The statistics follow: one more matter, six more person-visits, all stopped.
    const after = await figures(page, baseUrl);
    expect(after.matters).toBe(before.matters + 1);
    expect(after.persons).toBe(before.persons + 6);
    expect(before.stopRate).toBe('—');
    expect(after.stopRate).toBe('100.0%');
    await visible(page.getByTestId('monthly-chart').locator('canvas'));
    await screenshot(page, 'petitions-statistics.png');
    await signOut(page);

    // --- The petitioner's public look-up: a wrong suffix is refused, the right one shows status and dates.
    await page.goto(`${baseUrl}/petition-lookup`);
    await ready(page);
    await page.getByLabel('查询码').fill(queryCode);
    await page.getByLabel('手机号后四位').fill('0000');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await visible(page.getByTestId('lookup-error'));
    await page.getByLabel('手机号后四位').fill(phone.slice(-4));
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const result = await textOf(page.getByTestId('lookup-result'));
    expect(result).toContain('已办结');
    expect(result).toContain('息访');
    expect(result).not.toContain('李');

      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshot(page, 'petitions-failure.png');
      throw err;
    } finally {
      await context.close();
    }
  }, 150_000);
});
