// A county switches the petitions plugin (信访接待) off and on from the console's 功能模块 page:
// while it is off the county's users lose its navigation, its panel on the kernel's case page
// and its pages (which answer with the county's message); switched back on, the petition
// registered before is there again.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, screenshot, signIn, signOut, startHarness, stopHarness, textOf, visible, type Harness } from './helpers.js';

const PETITIONS_VERSION = (JSON.parse(readFileSync(new URL('../../../plugins/petitions/package.json', import.meta.url), 'utf8')) as { version: string }).version;
const PETITIONS_CHANGELOG = readFileSync(new URL('../../../plugins/petitions/CHANGELOG.md', import.meta.url), 'utf8');

/** The first line of the first change listed under the CHANGELOG's latest version. */
function latestChangeOf(changelog: string): string {
  const latest = changelog.split(/^## /m)[1] ?? '';
  const entry = /^- (?:[0-9a-f]{7}: )?(.+)$/m.exec(latest);
  if (!entry) throw new Error('the CHANGELOG lists no change under its latest version');
  return entry[1]!.trim().slice(0, 20);
}

const OFF_MESSAGE = '本县未启用「信访接待」功能模块，请联系系统管理员';

async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await signIn(page, baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  await ready(page);
}

/** Today in China, as the petition form's default receipt date. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The administrator flips the county's switch for petitions on the 功能模块 page. */
async function flipPetitions(page: Page, baseUrl: string, to: 'on' | 'off'): Promise<void> {
  await signInAs(page, baseUrl, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: '功能模块' }).click();
  await page.waitForURL((url) => url.pathname === '/modules');
  await ready(page);
  // The page lists what the installed version changed: its CHANGELOG's latest section.
  const notes = page.getByTestId('release-notes').first();
  await visible(notes);
  expect(await textOf(notes)).toContain(`版本 ${PETITIONS_VERSION} 的更新内容`);
  expect(await textOf(notes)).toContain(latestChangeOf(PETITIONS_CHANGELOG));
  const toggle = page.getByTestId('county-switch-petitions');
  await visible(toggle);
  expect(await toggle.getAttribute('aria-checked')).toBe(to === 'on' ? 'false' : 'true');
  await toggle.click();
  if (to === 'off') {
    // Switching off asks first.
    const confirm = page.locator('.ant-popconfirm:visible');
    await visible(confirm);
    expect(await textOf(confirm)).toContain('已有数据会保留');
    await confirm.getByRole('button', { name: '确定' }).click();
  }
  await visible(page.getByText(to === 'off' ? '已为本县停用「信访接待」，数据已保留' : '已为本县启用「信访接待」'));
  await page.waitForFunction((expected) => document.querySelector('[data-testid="county-switch-petitions"]')?.getAttribute('aria-checked') === expected, to === 'on' ? 'true' : 'false');
  await screenshot(page, `county-modules-${to}.png`);
  await signOut(page);
}

describe('petitions switched off and on for the demo county', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    h = await startHarness();
  }, 300_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('hides its navigation and case-page panel while off, and shows the data again when back on', async () => {
    const { baseUrl, browser } = h!;
    const context = await newContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    try {
      // --- A petition registered while the plugin is on (through its procedure, as the
      // console's form does), with its panel beside the kernel's case page.
      await signInAs(page, baseUrl, 'supervisor');
      const nav = page.getByRole('navigation');
      await visible(nav.getByText('信访接待', { exact: true }));
      await visible(page.getByTestId('petition-year-card'));
      const registered = await page.request.post(`${baseUrl}/trpc/petitions.matters.register`, {
        data: {
          channel: 'letter',
          receivedOn: chinaToday(),
          personCount: 1,
          category: 'other',
          content: '反映城南社区路灯长期损坏无人维修，夜间出行不便，请求督促修复。',
          petitioners: [{ name: '周八', phone: '13700137000' }],
        },
      });
      expect(registered.status()).toBe(200);
      const { matterId, caseId } = ((await registered.json()) as { result: { data: { matterId: string; caseId: string } } }).result.data;
      await page.goto(`${baseUrl}/cases/${caseId}`);
      await ready(page);
      const panel = page.getByTestId('petition-case-panel');
      expect(await textOf(panel)).toContain('周*');
      await signOut(page);

      // --- Switched off for the county.
      await flipPetitions(page, baseUrl, 'off');

      // --- The county's users no longer see it: no navigation entry, no panel on the case
      // page (the kernel's case is still there), and its pages answer with the county's message.
      await signInAs(page, baseUrl, 'supervisor');
      await visible(page.getByRole('navigation').getByRole('link', { name: '事项台账' }));
      expect(await page.getByRole('navigation').getByText('信访接待', { exact: true }).count()).toBe(0);
      expect(await page.getByRole('navigation').getByRole('link', { name: '信访登记' }).count()).toBe(0);
      expect(await page.getByTestId('petition-year-card').count()).toBe(0);
      await page.goto(`${baseUrl}/cases/${caseId}`);
      await ready(page);
      await visible(page.getByTestId('case-header'));
      expect(await page.getByTestId('petition-case-panel').count()).toBe(0);
      await page.goto(`${baseUrl}/petitions/matters/${matterId}`);
      await visible(page.getByText(OFF_MESSAGE));
      await screenshot(page, 'county-modules-refused.png');
      await page.goto(`${baseUrl}/`);
      await ready(page);
      await signOut(page);

      // --- Switched back on: the navigation, the panel and the petition are back.
      await flipPetitions(page, baseUrl, 'on');
      await signInAs(page, baseUrl, 'supervisor');
      await visible(page.getByRole('navigation').getByText('信访接待', { exact: true }));
      await page.goto(`${baseUrl}/cases/${caseId}`);
      await ready(page);
      expect(await textOf(page.getByTestId('petition-case-panel'))).toContain('周*');
      await page.getByTestId('petition-link').click();
      await page.waitForURL((url) => url.pathname === `/petitions/matters/${matterId}`);
      await ready(page);
      expect(await textOf(page.getByTestId('petitioner-name'))).toBe('周*');

      expect(pageErrors).toEqual([]);
    } catch (err) {
      await screenshot(page, 'county-modules-failure.png');
      throw err;
    } finally {
      await context.close();
    }
  }, 180_000);
});
