// Ad-hoc manual check (not a test file: no .test.ts). Run with: npx tsx tests/zz-adhoc-meetings.ts
import { DEMO_PASSWORD, newContext, ready, screenshot, signIn, startHarness, stopHarness, textOf, visible } from './helpers.js';
import type { Page } from 'playwright-core';

async function trpc<T>(page: Page, baseUrl: string, proc: string, input: unknown, kind: 'query' | 'mutation'): Promise<T> {
  const res = kind === 'query' ? await page.request.get(`${baseUrl}/trpc/${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`) : await page.request.post(`${baseUrl}/trpc/${proc}`, { data: input as Record<string, unknown> });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok() || !body.result) throw new Error(`${proc} failed: ${res.status()} ${body.error?.message ?? ''}`);
  return body.result.data;
}

const h = await startHarness();
const errors: string[] = [];
try {
  const { baseUrl, browser } = h;
  const ctx = await newContext(browser, { acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname === '/');
  const { id: caseId } = await trpc<{ id: string }>(page, baseUrl, 'cases.register', { title: '土地承包纠纷久拖未决', summary: '两村土地承包边界争议多年未决，村民多次集体上访。', source: 'visit' }, 'mutation');
  // New meeting from the case page link
  await page.goto(`${baseUrl}/cases/${caseId}`);
  await ready(page);
  await page.getByRole('link', { name: '安排协调会' }).click();
  await page.waitForURL((u) => u.pathname === '/supervision/meetings/new');
  await ready(page);
  await page.getByLabel('会议名称').fill('关于土地承包纠纷的协调会');
  await page.getByLabel('地点').fill('县委政法委三楼会议室');
  await page.getByLabel('主持领导').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="刘书记"]').click();
  const orgField = page.getByLabel('参会单位');
  await orgField.click();
  await orgField.fill('公安');
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="示范县公安局"]').click();
  await orgField.fill('城关镇');
  await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="城关镇党委政府"]').click();
  await page.keyboard.press('Escape');
  // search a case in the picker too
  const cases = page.getByLabel('协调事项');
  await cases.click();
  await cases.fill('土地');
  await page.waitForTimeout(1200);
  await screenshot(page, 'adhoc-meeting-new.png');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '安排协调会', exact: true }).click();
  await page.waitForURL((u) => /^\/supervision\/meetings\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 20000 });
  const meetingUrl = new URL(page.url()).pathname;
  await ready(page);
  await page.getByLabel('会议纪要').fill('各方陈述意见，议定由城关镇牵头重新勘界，公安局维护现场秩序。');
  await page.getByLabel('示范县公安局 出席人员').fill('李副局长');
  await page.getByRole('button', { name: '记录会议情况', exact: true }).click();
  await visible(page.getByTestId('meeting-conclude'));
  await page.getByLabel('协调意见').fill('一、由城关镇党委政府牵头于十日内重新勘界\n二、公安局维护现场秩序');
  await page.getByRole('button', { name: '形成结论', exact: true }).click();
  await visible(page.getByTestId('meeting-opinion'));
  console.log('supervisor sign button visible?', await page.getByTestId('sign-opinion').count());
  // opinion draft download by committee
  const [d1] = await Promise.all([page.waitForEvent('download'), page.getByTestId('doc-opinion').click()]);
  console.log('draft opinion file', d1.suggestedFilename());
  await ctx.close();

  const lctx = await newContext(browser, { acceptDownloads: true });
  const lp = await lctx.newPage();
  lp.on('pageerror', (e) => errors.push(e.message));
  await signIn(lp, baseUrl, 'leader', DEMO_PASSWORD);
  await lp.waitForURL((u) => u.pathname === '/');
  await lp.goto(`${baseUrl}${meetingUrl}`);
  await ready(lp);
  await lp.getByTestId('sign-opinion').click();
  await lp.locator('.ant-popconfirm').getByRole('button', { name: '签发协调意见' }).click();
  await visible(lp.getByText(/于 .* 签发/));
  console.log('header', await textOf(lp.getByTestId('meeting-header')));
  await lp.goto(`${baseUrl}/supervision/bulletin`);
  await ready(lp);
  const [d2] = await Promise.all([lp.waitForEvent('download'), lp.getByTestId('download-bulletin').click()]);
  console.log('bulletin file', d2.suggestedFilename());
  await screenshot(lp, 'adhoc-bulletin.png');
  await lctx.close();

  const uctx = await newContext(browser, { acceptDownloads: true });
  const up = await uctx.newPage();
  up.on('pageerror', (e) => errors.push(e.message));
  await signIn(up, baseUrl, 'liaison', DEMO_PASSWORD);
  await up.waitForURL((u) => u.pathname === '/');
  await up.goto(`${baseUrl}/supervision/meetings`);
  await ready(up);
  await up.getByTestId('meeting-table').getByRole('link', { name: '关于土地承包纠纷的协调会' }).click();
  await up.waitForURL((u) => u.pathname === meetingUrl);
  await ready(up);
  await up.getByTestId('ack-opinion').click();
  await visible(up.getByText('签收时间：'));
  await up.getByTestId('report-execution').click();
  const dlg = up.getByRole('dialog');
  await dlg.getByLabel('执行情况').fill('已派员维护勘界现场秩序，未发生冲突。');
  await dlg.getByRole('button', { name: '报告执行情况' }).click();
  await dlg.waitFor({ state: 'hidden' });
  await screenshot(up, 'adhoc-meeting-liaison.png');
  // Liaison tries bulletin URL -> not in nav; and try a case document not theirs
  const r = await up.request.get(`${baseUrl}/documents/cases/${caseId}/assignment-notice`);
  console.log('liaison doc of unassigned case', r.status(), await r.text());
  await uctx.close();

  const sctx = await newContext(browser);
  const sp = await sctx.newPage();
  sp.on('pageerror', (e) => errors.push(e.message));
  await signIn(sp, baseUrl, 'supervisor', DEMO_PASSWORD);
  await sp.waitForURL((u) => u.pathname === '/');
  await sp.goto(`${baseUrl}${meetingUrl}`);
  await ready(sp);
  await screenshot(sp, 'adhoc-meeting-detail.png');
  await sp.goto(`${baseUrl}/supervision/meetings`);
  await ready(sp);
  console.log('figures', await textOf(sp.getByTestId('meeting-figures-line')));
  await screenshot(sp, 'adhoc-meetings.png');
  // An unassigned case: the 交办通知书 button is not shown; the urging letter neither.
  await sp.goto(`${baseUrl}/cases/${caseId}`);
  await ready(sp);
  console.log('doc buttons on unassigned case', await sp.getByTestId('doc-assignment-notice').count(), await sp.getByTestId('doc-urging-letter').count());
  // Powers
  await sp.getByTestId('record-power').click();
  const pd = sp.getByRole('dialog');
  await pd.getByLabel('监督方式').click();
  await sp.locator('.ant-select-dropdown:visible .ant-select-item-option[title="调阅案卷"]').click();
  await pd.getByLabel('行使情况').fill('调阅两村土地承包合同及历次调解卷宗。');
  await pd.getByRole('button', { name: '保存' }).click();
  await pd.waitFor({ state: 'hidden' });
  await visible(sp.getByTestId('power-uses').getByText('调阅两村土地承包合同'));
  await sp.goto(`${baseUrl}/supervision/instruments`);
  await ready(sp);
  await screenshot(sp, 'adhoc-instruments.png');
  await sctx.close();
  console.log('page errors', errors);
} catch (e) {
  console.error('FAILED', e);
} finally {
  await stopHarness(h);
}
