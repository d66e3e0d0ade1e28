// A case through its whole life in the real console, with each demo user doing their part:
// the supervision office registers it, the leader approves, the office fills the four
// fixes (四定一包) and assigns it to 示范县公安局, the police liaison signs for it and
// reports the result, the office reviews it, and the exported ledger shows it closed.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, resultsDir, screenshot, signIn, signOut, startHarness, stopHarness, textOf, visible, type Harness } from './helpers.js';

/** An ID number with a valid GB 11643 check digit. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

function wrongCheckDigit(valid: string): string {
  const last = valid.at(-1)!;
  return valid.slice(0, 17) + (last === '1' ? '2' : '1');
}

/** Chooses an option of an antd Select opened by clicking its field. */
async function pickOption(page: Page, field: Locator, title: string): Promise<void> {
  await field.click();
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
  await option.first().waitFor({ state: 'visible', timeout: 10_000 });
  await option.first().click();
}

/** Chooses a node of an antd TreeSelect by typing part of its name. */
async function pickTreeNode(page: Page, field: Locator, search: string, title: string): Promise<void> {
  await field.click();
  await field.fill(search);
  const node = page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${title}"]`);
  await node.first().waitFor({ state: 'visible', timeout: 10_000 });
  await node.first().click();
}

/** Clicks a workflow button and confirms its dialog (after `fill` fills it in). */
async function runAction(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId('workflow').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await visible(page.getByTestId('case-header').locator('.ant-tag', { hasText: status }));
}

function dateInDays(days: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + days * 86400_000);
  return d.toISOString().slice(0, 10);
}

describe('case workflow', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('registers, approves, assigns, handles, reviews and exports a case', async () => {
    const { baseUrl, server, browser } = h!;
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const suffix = Date.now().toString(36).slice(-5);
    const title = `拖欠农民工工资投诉 ${suffix}`;
    const validId = idNumber('11010119900307123');

    try {
      // --- The supervision office registers the case.
      await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      const nav = page.getByRole('navigation');
      await visible(nav.getByRole('link', { name: '事项台账' }));
      await visible(nav.getByRole('link', { name: '督办看板' }));
      await ready(page);
      await nav.getByRole('link', { name: '登记事项' }).click();
      await page.waitForURL((url) => url.pathname === '/cases/new');
      await ready(page);
      await page.getByLabel('标题').fill(title);
      await pickOption(page, page.getByLabel('来源'), '来访');
      await page.getByLabel('内容摘要').fill('张某等 12 名工人反映某建筑公司拖欠工资 18 万元，多次讨要未果。');
      await page.getByLabel('姓名').fill('张三');
      await page.getByLabel('联系电话').fill('13800138000');
      await page.getByLabel('住址').fill('示范县城关镇东街 12 号');

      // A wrong ID number is refused with the server's Chinese message. The page's own data
      // is not reloaded after it, so the form keeps its idempotency key for the resend.
      const pageReloads: string[] = [];
      const onRequest = (r: Request) => {
        const u = new URL(r.url());
        const routes = u.searchParams.get('_routes');
        if (r.method() === 'GET' && u.pathname === '/cases/new.data' && (!routes || routes.split(',').includes('routes/_console.cases.new'))) pageReloads.push(u.search);
      };
      page.on('request', onRequest);
      await page.getByLabel('身份证号').fill(wrongCheckDigit(validId));
      await page.getByRole('button', { name: '登记', exact: true }).click();
      expect(await textOf(page.getByTestId('form-error'))).toContain('身份证号有误');
      page.off('request', onRequest);
      expect(pageReloads).toEqual([]);

      await page.getByLabel('身份证号').fill(validId);
      await page.getByRole('button', { name: '登记', exact: true }).click();
      await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 30_000 });
      const caseUrl = new URL(page.url()).pathname;
      expect(await textOf(page.getByTestId('case-notice'))).toContain('事项已登记');
      const docNo = (await textOf(page.getByTestId('case-docno'))).trim();
      expect(docNo).toMatch(/〔\d{4}〕\d+号$/);
      await expectStatus(page, '登记');

      // Parties are masked; the office may reveal them (audited on the server).
      await page.getByRole('tab', { name: /当事人/ }).click();
      expect(await textOf(page.getByTestId('party-name'))).not.toBe('张三');
      await page.getByRole('button', { name: '查看完整信息' }).click();
      await visible(page.getByTestId('party-name').getByText('张三', { exact: true }));
      await visible(page.getByText(validId));

      await runAction(page, '提交立项审批');
      await expectStatus(page, '待审批');
      await signOut(page);

      // --- The leader approves it.
      await signIn(page, baseUrl, 'leader', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}${caseUrl}`);
      await ready(page);
      await runAction(page, '同意立项', async (dialog) => {
        await dialog.getByLabel('意见').fill('同意立项，请执法监督室交办。');
      });
      await expectStatus(page, '已立项');
      await signOut(page);

      // --- The office fills the four fixes and assigns it to the police.
      await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}${caseUrl}`);
      await ready(page);
      expect(await textOf(page.getByTestId('workflow'))).toContain('四定一包尚缺');
      await page.getByRole('tab', { name: '四定一包' }).click();
      const fixes = page.locator('form#fourFixes');
      await pickOption(page, fixes.getByLabel('包案领导'), '刘书记');
      await pickTreeNode(page, fixes.getByLabel('承办单位'), '公安局', '示范县公安局');
      await fixes.getByLabel('承办责任人').fill('王警官');
      await fixes.getByLabel('责任人电话').fill('13900139000');
      await fixes.getByLabel('化解方案').fill('约谈建筑公司负责人，督促 30 日内结清欠薪；同步开展劳动监察。');
      const deadline = dateInDays(30);
      await fixes.getByLabel('处理期限').click();
      await fixes.getByLabel('处理期限').fill(deadline);
      await fixes.getByLabel('处理期限').press('Tab');
      await fixes.getByRole('button', { name: '保存四定一包' }).click();
      await visible(page.getByText('四定一包已保存'));
      await visible(page.getByText('四定一包已落实'));
      await runAction(page, '交办');
      await expectStatus(page, '已交办');
      await signOut(page);

      // --- The police liaison is notified, signs for it and reports the result.
      await signIn(page, baseUrl, 'liaison', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      expect(Number(await page.getByTestId('inbox-badge').getAttribute('data-unread'))).toBeGreaterThan(0);
      await ready(page);
      await page.getByTestId('inbox-badge').click();
      await page.waitForURL((url) => url.pathname === '/inbox');
      await visible(page.getByText(`新交办事项 ${docNo}`));
      await page.goto(`${baseUrl}${caseUrl}`);
      await ready(page);
      await expectStatus(page, '已交办');
      await runAction(page, '签收');
      await expectStatus(page, '办理中');
      await runAction(page, '报送办理结果', async (dialog) => {
        await dialog.getByLabel('办理结果报告').fill('已约谈公司负责人，欠薪 18 万元已于本周全部结清，工人签字确认，无异议。');
        await dialog.locator('input[type=file]').setInputFiles({ name: '结清工资签收单.txt', mimeType: 'text/plain', buffer: Buffer.from('工资已结清，工人签字确认。\n') });
        await visible(page.getByText('「结清工资签收单.txt」已上传'));
        await visible(dialog.locator('.ant-select-selection-item', { hasText: '结清工资签收单.txt' }));
      });
      await expectStatus(page, '已报结');
      await signOut(page);

      // --- The office reviews it: closed.
      await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}${caseUrl}`);
      await ready(page);
      await runAction(page, '审核通过', async (dialog) => {
        await dialog.getByLabel('意见').fill('办理结果属实，同意办结。');
      });
      await expectStatus(page, '已办结');
      const timeline = await textOf(page.getByTestId('timeline-item'));
      expect(timeline).toContain('审核通过');
      for (const step of ['登记', '提交立项审批', '立项', '落实四定一包', '交办', '签收', '报送办理结果']) {
        await visible(page.getByTestId('timeline-item').getByText(step, { exact: true }));
      }
      // One save, one event: the form was submitted once.
      expect(await page.getByTestId('timeline-item').getByText('落实四定一包', { exact: true }).count()).toBe(1);
      await screenshot(page, 'case-detail.png');

      // --- The ledger shows it; the export downloads an xlsx with its row.
      await page.goto(`${baseUrl}/cases?q=${encodeURIComponent(suffix)}`);
      await ready(page);
      const row = page.getByTestId('ledger-table').getByRole('row').filter({ hasText: docNo });
      const rowText = await textOf(row);
      expect(rowText).toContain('已办结');
      expect(rowText).toContain('示范县公安局');
      // 当事人 is a column the ledger hides until 列设置 shows it (it fits 1440 px); the export
      // below carries the party masked.
      expect(rowText).not.toContain('张三');
      await screenshot(page, 'case-ledger.png');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('ledger-export').click()]);
      await visible(page.getByTestId('export-download'));
      expect(download.suggestedFilename()).toMatch(/^事项台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
      const file = path.join(resultsDir, 'ledger-export.xlsx');
      await download.saveAs(file);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.getWorksheet('台账')!;
      // Rows 1 and 2 are the printed title (county and ledger name; period and date made), row 3 the header.
      expect(sheet.getCell('A1').text).toBe('示范县事项台账');
      const header = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
      expect(header).toEqual(expect.arrayContaining(['序号', '文号', '标题', '状态', '承办单位', '包案领导', '当事人', '办理结果']));
      const col = (name: string) => header.indexOf(name) + 1;
      const rows = [] as ExcelJS.Row[];
      sheet.eachRow((r, n) => {
        if (n > 3) rows.push(r);
      });
      expect(rows).toHaveLength(1);
      const r = rows[0]!;
      expect(r.getCell(col('文号')).text).toBe(docNo);
      expect(r.getCell(col('标题')).text).toBe(title);
      expect(r.getCell(col('状态')).text).toBe('已办结');
      expect(r.getCell(col('承办单位')).text).toBe('示范县公安局');
      expect(r.getCell(col('紧急程度')).text).toBe('一般件');
      expect(r.getCell(col('当事人')).text).toBe('张*');
      expect(r.getCell(col('是否超期')).text).toBe('否');
      expect(r.getCell(col('包案领导')).text).toBe('刘书记');
      expect(r.getCell(col('办理结果')).text).toBe('已约谈公司负责人，欠薪 18 万元已于本周全部结清，工人签字确认，无异议。');

      // --- The dashboard counts it and draws the trend.
      await page.goto(`${baseUrl}/cases/dashboard`);
      await ready(page);
      expect(Number((await textOf(page.getByTestId('stat-total').locator('.ant-statistic-content-value'))).replace(/,/g, ''))).toBeGreaterThanOrEqual(1);
      await visible(page.getByTestId('trend-chart').locator('canvas'));
      await screenshot(page, 'case-dashboard.png');

      await signOut(page);

      // --- The system administrator sees the working calendar and may adjust it.
      await signIn(page, baseUrl, 'admin', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/calendar`);
      await ready(page);
      await visible(page.getByText(/全年工作日 \d+ 天/));
      await visible(page.getByRole('button', { name: '保存' }));
      await screenshot(page, 'calendar.png');

      expect(pageErrors).toEqual([]);
      await writeFile(path.join(resultsDir, 'case-url.txt'), `${caseUrl}\n`);
    } catch (err) {
      await screenshot(page, 'case-failure.png').catch(() => {});
      throw new Error(`${(err as Error).message}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: err });
    } finally {
      await context.close();
    }
  }, 300_000);
});
