// 专项检查与案件质量评查 in the browser: the committee writes a checklist and a grade scale,
// creates a campaign, moves it to 抽查评查, registers candidate files of the county police,
// draws a sample with a seed, adds a reviewer of the committee (a reviewer of the police is
// refused: 交叉评查), the reviewer scores two files with the keyboard, and the results page
// shows the figures; the committee records a problem on a scored file, the police's liaison
// reports its rectification, the committee re-checks and closes it (销号), and the bulletin
// (通报) downloads as a docx whose figures match the results page. Each step is its own
// function sharing one `Flow`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, resultsDir, screenshot, signIn, signOut, startHarness, stopHarness, textOf, visible, type Harness } from './helpers.js';

const TITLE = '2026年度公安机关案件质量评查';
const POLICE = '示范县公安局';

interface Flow {
  page: Page;
  baseUrl: string;
  campaignUrl: string;
  /** The results page's rows (单位, 件数, 卷数, grades …, rates), as shown. */
  results: string[][];
}

/** The rows of each table of a .docx body, every cell's w:t runs joined. */
async function docxTables(file: string): Promise<{ text: string; tables: string[][][] }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const runs = (x: string) => [...x.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => [...t[1]!.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => runs(c[1]!))));
  return { text: runs(xml), tables };
}

/** A rate as a number: '100.0' on the page, '100%' in the bulletin. */
const rateOf = (text: string) => Number(text.replace('%', ''));

/** A day `days` after today in China, YYYY-MM-DD. */
function chinaDayAfter(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await signIn(page, baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  await ready(page);
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await ready(page);
}

/** The page's confirmation after a plain form's post. */
async function confirmed(page: Page, message: string): Promise<void> {
  await visible(page.getByTestId('form-ok').filter({ hasText: message }));
}

async function writeChecklistAndScale(f: Flow): Promise<void> {
  const { page } = f;
  await open(page, `${f.baseUrl}/inspections/checklists`);
  const editor = page.getByTestId('inspections-template-editor');
  await editor.getByLabel('名称', { exact: true }).fill('公安机关执法案卷评查标准');
  await editor.getByLabel('适用单位类型').selectOption({ label: '通用' });
  await editor.getByLabel('第 1 项评查方面').fill('立案');
  await editor.getByLabel('第 1 项评查内容').fill('立案审批');
  await editor.getByLabel('第 1 项分值').fill('60');
  await editor.getByLabel('第 2 项评查方面').fill('结案');
  await editor.getByLabel('第 2 项评查内容').fill('文书送达');
  await editor.getByLabel('第 2 项计分方式').selectOption({ label: '倒扣分' });
  await editor.getByLabel('第 2 项分值').fill('40');
  await editor.getByLabel('第 2 项每处扣分').fill('5');
  // The total is checked as the items are typed.
  expect(await textOf(page.getByTestId('inspections-live-total'))).toContain('各项分值合计 100 分 / 总分 100 分');
  await editor.getByRole('button', { name: '保存' }).click();
  await confirmed(page, '已保存评查标准');

  const scales = page.getByTestId('inspections-scales');
  const form = scales.locator('form').last();
  await form.getByLabel('名称', { exact: true }).fill('百分制三等');
  await form.getByLabel('第 1 等等级名称').fill('优秀');
  await form.getByLabel('第 1 等最低分').fill('90');
  await form.getByLabel('第 1 等归类').selectOption({ label: '优秀' });
  await form.getByLabel('第 2 等等级名称').fill('合格');
  await form.getByLabel('第 2 等最低分').fill('60');
  await form.getByLabel('第 2 等归类').selectOption({ label: '合格' });
  await form.getByLabel('第 3 等等级名称').fill('不合格');
  await form.getByLabel('第 3 等最低分').fill('0');
  await form.getByLabel('第 3 等归类').selectOption({ label: '不合格' });
  await form.getByRole('button', { name: '保存' }).click();
  await confirmed(page, '已保存等级标准');
}

async function createCampaign(f: Flow): Promise<void> {
  const { page } = f;
  await open(page, `${f.baseUrl}/inspections/new`);
  const form = page.getByTestId('inspections-new-campaign');
  await form.getByLabel('活动名称').fill(TITLE);
  await form.getByLabel('年度', { exact: true }).fill('2026');
  await form.getByLabel(POLICE, { exact: true }).check();
  await form.getByLabel('案件类别（以顿号或逗号分隔）').fill('刑事');
  const dates: [string, string][] = [
    ['自查自纠起', '2026-12-01'],
    ['自查自纠止', '2026-12-10'],
    ['抽查评查起', '2026-12-11'],
    ['抽查评查止', '2026-12-20'],
    ['整改起', '2026-12-21'],
    ['整改止', '2027-01-10'],
    ['通报日期', '2027-01-15'],
  ];
  for (const [label, value] of dates) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByLabel('评查标准（通用）').selectOption({ label: '公安机关执法案卷评查标准（通用，第 1 版）' });
  await form.getByLabel('等级标准').selectOption({ label: '百分制三等' });
  await form.getByRole('button', { name: '创建' }).click();
  await page.waitForURL((url) => /^\/inspections\/campaigns\/[0-9a-f-]{36}$/.test(url.pathname));
  await ready(page);
  f.campaignUrl = page.url();
  expect(await textOf(page.getByTestId('inspections-campaign'))).toContain(POLICE);
  // 筹备 → 自查自纠 → 抽查评查.
  const status = page.getByTestId('inspections-campaign').locator('.ant-tag').first();
  expect(await textOf(status)).toBe('筹备');
  for (const next of ['自查自纠', '抽查评查']) {
    await page.getByRole('button', { name: '进入下一阶段' }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe(next);
  }
}

async function registerAndDraw(f: Flow): Promise<void> {
  const { page } = f;
  await open(page, `${f.campaignUrl}/sampling`);
  const panel = page.getByTestId(`inspections-sampling-${POLICE}`);
  await panel.getByLabel(/^案卷清单/).fill(['（2026）示公刑1号\t刑事\t1\t张某盗窃案', '（2026）示公刑2号\t刑事\t1\t李某诈骗案', '（2026）示公刑3号\t刑事\t1\t王某故意伤害案'].join('\n'));
  await panel.getByRole('button', { name: '登记候选案卷' }).click();
  await confirmed(page, '已登记候选案卷');
  await panel.getByLabel(/^抽取数量/).fill('刑事 2');
  await panel.getByLabel(/^随机种子/).fill('e2e-2026');
  await panel.getByRole('button', { name: '随机抽取' }).click();
  // The seed is shown with what it drew, and kept in the draws' record.
  expect(await textOf(page.getByTestId('form-ok').filter({ hasText: '种子' }))).toMatch(/^种子 e2e-2026：抽中 （2026）示公刑\d号、（2026）示公刑\d号$/);
  expect(await textOf(page.getByTestId('inspections-seed'))).toBe('e2e-2026');
  await screenshot(page, 'inspections-sampling.png');
}

async function addTeamAndAssign(f: Flow): Promise<void> {
  const { page } = f;
  await open(page, f.campaignUrl);
  const team = page.getByTestId('inspections-member-form');
  // A staff member of the police, without an account: refused for the police's own files.
  await team.getByLabel('姓名（外聘或无账号人员）').fill('周警官');
  await team.getByLabel('单位名称').selectOption({ label: POLICE });
  await team.getByRole('button', { name: '添加成员' }).click();
  await visible(page.getByRole('cell', { name: '周警官', exact: true }));
  await team.getByLabel('评查人（系统用户）').selectOption({ label: '陈监督（示范县委政法委）' });
  await team.getByRole('button', { name: '添加成员' }).click();
  await visible(page.getByRole('cell', { name: '陈监督', exact: true }));

  const assign = page.getByTestId('inspections-assign');
  const rows = assign.locator('tbody tr');
  expect(await rows.count()).toBe(2);
  const first = rows.nth(0);
  await first.getByLabel(/^评查人 /).selectOption({ label: `周警官（${POLICE}）` });
  await first.getByRole('button', { name: '分配' }).click();
  expect(await textOf(page.getByTestId('form-error'))).toBe('交叉评查：评查人不能评查本单位的案卷');
  for (const i of [0, 1]) {
    const row = page.getByTestId('inspections-assign').locator('tbody tr').nth(i);
    await row.getByLabel(/^评查人 /).selectOption({ label: '陈监督（示范县委政法委）' });
    await row.getByRole('button', { name: '分配' }).click();
    await expect.poll(() => row.locator('.ant-tag').first().textContent(), { timeout: 20_000 }).toBe('评查中');
  }
}

/** The reviewer scores with the keyboard: the score, Tab to the note, Tab to the next item, Enter submits. */
async function scoreFile(page: Page, points: string, defects: string, grade: string): Promise<void> {
  const sheet = page.getByTestId('inspections-sheet');
  await sheet.getByLabel('立案审批（满分 60 分）').focus();
  await page.keyboard.type(points);
  await page.keyboard.press('Tab');
  await page.keyboard.type('审批表缺签字');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(defects);
  expect(await textOf(page.getByTestId('inspections-sheet-total'))).toContain(`对应等级：${grade}`);
  await page.keyboard.press('Enter');
  await confirmed(page, '已提交评分');
}

async function reviewTwoFiles(f: Flow): Promise<void> {
  const { page } = f;
  await signOut(page);
  await signInAs(page, f.baseUrl, 'supervisor');
  await open(page, `${f.baseUrl}/inspections/review`);
  await page.getByRole('link', { name: '评查 （2026）示公刑', exact: false }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/inspections/review/'));
  await ready(page);
  await scoreFile(page, '55', '1', '优秀');
  expect(await textOf(page.getByTestId('inspections-sheet-total'))).toContain('合计 90 分');
  // Alt+→: the next file.
  await page.keyboard.press('Alt+ArrowRight');
  await page.waitForFunction(() => !document.querySelector('[data-testid="form-ok"]'));
  await ready(page);
  await scoreFile(page, '40', '4', '合格');
  expect(await textOf(page.getByTestId('inspections-sheet-total'))).toContain('合计 60 分');
}

async function checkResults(f: Flow): Promise<void> {
  const { page } = f;
  await open(page, `${f.campaignUrl}/results`);
  await visible(page.getByTestId('inspections-grades-chart').locator('canvas'));
  await visible(page.getByTestId('inspections-defects-chart').locator('canvas'));
  const table = page.getByTestId('inspections-results-table');
  const cells = async (row: number) => (await table.locator('table').first().locator('tbody tr').nth(row).locator('td').allTextContents()).map((t) => t.trim());
  // 单位, 评查件数, 卷数, 优秀, 合格, 不合格, 合格率, 优秀率, 优良率.
  expect(await cells(0)).toEqual([POLICE, '2', '2', '1', '1', '0', '100.0', '50.0', '50.0']);
  expect(await cells(1)).toEqual(['合计', '2', '2', '1', '1', '0', '100.0', '50.0', '50.0']);
  const defects = (await table.locator('table').nth(1).locator('tbody tr').allTextContents()).map((t) => t.trim());
  expect(defects).toEqual(['立案立案审批2', '结案文书送达2']);
  f.results = [await cells(0), await cells(1)];
  await screenshot(page, 'inspections-results.png');
}

async function recordFinding(f: Flow): Promise<void> {
  const { page } = f;
  await open(page, f.campaignUrl);
  const form = page.getByTestId('inspections-finding-form');
  await form.getByLabel('案卷').selectOption({ index: 0 });
  await form.getByLabel('问题类型').selectOption({ label: '法律文书' });
  await form.getByLabel('问题描述').fill('立案审批表缺审批人签字');
  await form.getByLabel('整改责任人').fill('李法制');
  await form.getByLabel('整改期限').fill(chinaDayAfter(14));
  await form.getByRole('button', { name: '记录问题' }).click();
  await confirmed(page, '已记录评查问题');
  await expect.poll(() => page.getByTestId('inspections-findings').locator('tbody tr').first().textContent(), { timeout: 20_000 }).toContain('待整改');
}

async function rectifyAsUnit(f: Flow): Promise<void> {
  const { page } = f;
  await signOut(page);
  await signInAs(page, f.baseUrl, 'liaison');
  await open(page, `${f.baseUrl}/inspections/unit`);
  const card = page.getByTestId('inspections-rectify');
  await card.getByLabel(/^整改措施 /).fill('已补签审批表，组织全局法制员专题培训');
  await card.getByRole('button', { name: '报送整改情况' }).click();
  await confirmed(page, '已报送整改情况，等待复查');
  await visible(page.getByTestId('inspections-rectify').getByText('暂无需要整改的问题'));
}

async function recheckAndClose(f: Flow): Promise<void> {
  const { page } = f;
  await signOut(page);
  await signInAs(page, f.baseUrl, 'supervisor');
  await open(page, f.campaignUrl);
  const findings = page.getByTestId('inspections-findings');
  expect(await textOf(findings.locator('tbody tr').first())).toContain('待复查');
  await findings.getByLabel(/^复查意见 /).fill('整改到位');
  await findings.getByRole('button', { name: '复查通过，销号' }).click();
  await confirmed(page, '已复查销号');
  await expect.poll(() => page.getByTestId('inspections-findings').locator('tbody tr').first().textContent(), { timeout: 20_000 }).toContain('已整改销号');
}

async function downloadBulletin(f: Flow): Promise<void> {
  const { page } = f;
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('inspections-document-bulletin').click()]);
  expect(download.suggestedFilename()).toBe(`关于${TITLE}情况的通报-${TITLE}.docx`);
  const file = path.join(resultsDir, 'inspections-bulletin.docx');
  await download.saveAs(file);
  const { text, tables } = await docxTables(file);
  // The overview's figures are the results page's 合计 row.
  const [, files, volumes, excellent, good, fail, pass, excellentRate, combined] = f.results[1]!;
  expect(text).toContain(`共评查案卷${files}件${volumes}卷，其中优秀${excellent}件、合格${good}件、不合格${fail}件；合格率${rateOf(pass!)}%、优秀率${rateOf(excellentRate!)}%、优良率${rateOf(combined!)}%。`);
  // The per-unit table: 单位, 件数, 卷数, grades, 合格率, 优秀率, then 未整改问题 and 考评扣分 (the finding was closed).
  const table = tables[0]!;
  expect(table[0]).toEqual(['单位', '评查件数', '卷数', '优秀', '合格', '不合格', '合格率', '优秀率', '未整改问题', '考评扣分']);
  for (const [i, row] of f.results.entries()) {
    const doc = table[i + 1]!;
    expect(doc.slice(0, 6)).toEqual(row.slice(0, 6));
    expect(doc.slice(6, 8).map(rateOf)).toEqual(row.slice(6, 8).map(rateOf));
    expect(doc.slice(8)).toEqual(['0', '0']);
  }
  expect(text).toContain('1. 法律文书问题1个。');
}

describe('a case-quality review campaign in the console', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    h = await startHarness();
  }, 600_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('creates a campaign, samples files, scores two of them, rectifies a finding and downloads a bulletin matching the results', async () => {
    const { baseUrl, browser } = h!;
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const flow: Flow = { page, baseUrl, campaignUrl: '', results: [] };
    try {
      await signInAs(page, baseUrl, 'leader');
      await writeChecklistAndScale(flow);
      await createCampaign(flow);
      await registerAndDraw(flow);
      await addTeamAndAssign(flow);
      await reviewTwoFiles(flow);
      await checkResults(flow);
      await recordFinding(flow);
      await rectifyAsUnit(flow);
      await recheckAndClose(flow);
      await downloadBulletin(flow);
      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshot(page, 'inspections-failure.png').catch(() => undefined);
      throw err;
    } finally {
      await context.close();
    }
  }, 300_000);
});
