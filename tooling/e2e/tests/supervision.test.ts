// A supervision instrument up the ladder in the real console. The case is prepared over
// /trpc (registered, approved, four fixes, assigned to 示范县公安局) so the browser time goes
// to the instrument: the office drafts a 预防警告 on the case page and submits it, the
// leader signs it (it gets its number), the police liaison signs for it and answers in
// writing, the office rejects the answer, and the pages suggest the 指导意见书. The
// instrument's Word document downloads and carries its number.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, resultsDir, screenshot, signIn, startHarness, stopHarness, textOf, visible, type Harness, trpc } from './helpers.js';

function dateInDays(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

async function signedIn(h: Harness, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(h.browser, { acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, h.baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  return { context, page };
}

/** Clicks a step button on the instrument page and confirms its dialog (after `fill`). */
async function step(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId('instrument-steps').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await visible(page.getByTestId('instrument-header').locator('.ant-tag', { hasText: status }));
}

/**
 * The text of a .docx body: every w:t run joined, so a number split across runs still matches,
 * without the word joiners that keep a document number on one line.
 */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replaceAll('\u2060', '');
}

describe('supervision instruments', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('issues a 预防警告, rejects the answer and suggests the 指导意见书', async () => {
    const started = Date.now();
    const { baseUrl, server } = h!;
    const [sup, leader, liaison] = await Promise.all([signedIn(h!, 'supervisor'), signedIn(h!, 'leader'), signedIn(h!, 'liaison')]);
    const pageErrors: string[] = [];
    for (const p of [sup.page, leader.page, liaison.page]) p.on('pageerror', (err) => pageErrors.push(err.message));
    const page = sup.page;

    try {
      // --- A case assigned to 示范县公安局, prepared over /trpc.
      const suffix = Date.now().toString(36).slice(-5);
      const q = <T,>(p: Page, proc: string, input: unknown) => trpc<T>(p, baseUrl, proc, input, 'query');
      const m = <T,>(p: Page, proc: string, input: unknown) => trpc<T>(p, baseUrl, proc, input, 'mutation');
      const version = async (id: string) => (await q<{ version: number }>(page, 'cases.get', { id })).version;
      const { id: caseId } = await m<{ id: string }>(page, 'cases.register', {
        title: `派出所久拖不立案投诉 ${suffix}`,
        summary: '群众反映被盗电动车报案三个月未立案，多次询问无答复。',
        source: 'visit',
      });
      await m(page, 'cases.transition', { id: caseId, version: await version(caseId), action: 'submitForApproval' });
      await m(leader.page, 'cases.transition', { id: caseId, version: await version(caseId), action: 'approve' });
      const orgs = await q<{ id: string; name: string }[]>(page, 'orgs.tree', undefined);
      const police = orgs.find((o) => o.name === '示范县公安局')!;
      const leaders = await q<{ items: { id: string }[] }>(page, 'users.list', { roleKey: 'leader' });
      await m(page, 'cases.setFourFixes', {
        id: caseId,
        version: await version(caseId),
        leadLeaderId: leaders.items[0]!.id,
        handlerName: '王警官',
        resolutionPlan: '核查报案材料，依法决定是否立案并答复报案人。',
        deadline: dateInDays(30),
        leadUnitId: police.id,
      });
      await m(page, 'cases.transition', { id: caseId, version: await version(caseId), action: 'assign' });

      // --- The office drafts a 预防警告 to the police on the case page and submits it.
      await page.goto(`${baseUrl}/cases/${caseId}`);
      await ready(page);
      await visible(page.getByTestId('doc-assignment-notice'));
      await visible(page.getByTestId('doc-urging-letter'));
      await page.getByTestId('draft-instrument').click();
      let dialog = page.getByRole('dialog');
      await visible(dialog);
      await visible(dialog.locator('.ant-select-selection-item', { hasText: '预防警告' }));
      await visible(dialog.locator('.ant-select-selection-item', { hasText: '示范县公安局' }));
      await dialog.getByLabel('存在的问题').fill('城关派出所对群众报案三个月未作出立案决定，也未告知报案人，存在久拖不办问题。');
      await dialog.getByLabel('整改（纠正）要求').fill('七日内依法作出是否立案的决定并告知报案人\n书面报告整改情况');
      await dialog.getByRole('button', { name: '起草监督文书', exact: true }).click();
      await page.waitForURL((url) => /^\/supervision\/instruments\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: 20_000 });
      const instrumentUrl = new URL(page.url()).pathname;
      await ready(page);
      await expectStatus(page, '起草中');
      await step(page, '提交签批');
      await expectStatus(page, '待签批');

      // --- The leader signs it: issued, with its number.
      await leader.page.goto(`${baseUrl}${instrumentUrl}`);
      await ready(leader.page);
      await step(leader.page, '签批同意');
      await expectStatus(leader.page, '已发出');
      const docNo = (await textOf(leader.page.getByTestId('instrument-docno'))).trim();
      expect(docNo).toMatch(/监〔\d{4}〕\d+号$/);

      // --- The police liaison signs for it and answers in writing.
      await liaison.page.goto(`${baseUrl}/supervision/instruments`);
      await ready(liaison.page);
      await liaison.page.getByTestId('instrument-table').getByRole('link', { name: docNo }).click();
      await liaison.page.waitForURL((url) => url.pathname === instrumentUrl);
      await ready(liaison.page);
      await step(liaison.page, '签收');
      await expectStatus(liaison.page, '已签收');
      await step(liaison.page, '书面回复', async (d) => {
        await d.getByLabel('整改（纠正）情况报告').fill('已责成城关派出所核查，正在研究是否立案。');
      });
      await expectStatus(liaison.page, '已回复');

      // --- The office does not accept the answer; the next rung is suggested.
      await page.reload();
      await ready(page);
      await expectStatus(page, '已回复');
      await visible(page.getByTestId('instrument-answer').getByText('正在研究是否立案'));
      await step(page, '不采纳', async (d) => {
        await d.getByLabel('不采纳的理由').fill('未在期限内作出立案决定，整改不到位。');
      });
      await expectStatus(page, '回复未通过');
      expect(await textOf(page.getByTestId('suggested-next'))).toContain('指导意见书');

      // --- The instrument's Word document carries its number.
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('doc-instrument').click()]);
      expect(download.suggestedFilename()).toBe(`预防警告_${docNo}.docx`);
      const file = path.join(resultsDir, 'instrument.docx');
      await download.saveAs(file);
      const text = await docxText(file);
      expect(text).toContain(docNo);
      expect(text).toContain('示范县公安局');

      // --- On the case, the ladder highlights 指导意见书 and drafts it in one click.
      await page.getByTestId('suggested-next').getByRole('button', { name: '起草下一级文书' }).click();
      await page.waitForURL((url) => url.pathname === `/cases/${caseId}`);
      await ready(page);
      dialog = page.getByRole('dialog');
      await visible(dialog);
      await visible(dialog.getByText(`接续 预防警告 ${docNo}`));
      await visible(dialog.locator('.ant-select-selection-item', { hasText: '指导意见书' }));
      await visible(dialog.locator('.ant-select-selection-item', { hasText: '示范县公安局' }));
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const ladder = page.getByTestId('instrument-ladder');
      await visible(ladder.getByTestId('rung-warning').getByRole('link', { name: docNo }));
      expect(await ladder.getByTestId('rung-guidance').getAttribute('data-state')).toBe('process');
      expect(await textOf(ladder.getByTestId('suggested-rung'))).toBe('建议发出指导意见书');
      await visible(ladder.getByTestId('draft-next'));
      await ladder.scrollIntoViewIfNeeded();
      await screenshot(page, 'supervision-ladder.png');

      expect(pageErrors).toEqual([]);
      expect(Date.now() - started).toBeLessThan(90_000);
    } catch (err) {
      await screenshot(page, 'supervision-failure.png').catch(() => {});
      throw new Error(`${(err as Error).message}\n--- server output ---\n${server.output().slice(-4000)}`, { cause: err });
    } finally {
      await Promise.all([sup.context.close(), leader.context.close(), liaison.context.close()]);
    }
  }, 180_000);
});
