import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const base = 'http://127.0.0.1:47811';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function check(page, label) {
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 15000 }).catch(() => {});
  await page.evaluate(axeSource);
  const v = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })).violations);
  for (const x of v.filter((x) => x.impact === 'serious' || x.impact === 'critical')) for (const n of x.nodes.slice(0, 4)) console.log(label, x.id, n.html.slice(0, 200), (n.failureSummary ?? '').slice(0, 250).replace(/\n/g, ' '));
}
for (const u of process.argv.slice(2)) {
  const ctx = await b.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.getByLabel('用户名', { exact: true }).fill(u);
  await page.getByLabel('密码', { exact: true }).fill('Zhengfa@2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('todos').waitFor();
  await check(page, `${u} /`);
  const links = await page.locator('[data-testid^="todo-"][data-count] a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  for (const l of [...links, '/cases', '/cases/dashboard', '/inbox']) {
    const r = await page.goto(base + l);
    if (r.status() >= 400) { console.log(u, l, r.status()); continue; }
    await check(page, `${u} ${l}`);
  }
  const first = await page.goto(base + '/cases').then(() => page.locator('[data-testid="ledger-table"] a[href^="/cases/"]').first().getAttribute('href', { timeout: 5000 })).catch(() => null);
  if (first) { await page.goto(base + first); await check(page, `${u} case`); }
  await ctx.close();
}
await b.close();
