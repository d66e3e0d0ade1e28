import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const base = 'http://127.0.0.1:47812';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const [u, ...paths] = process.argv.slice(2);
const ctx = await b.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
const page = await ctx.newPage();
await page.goto(`${base}/login`);
await page.waitForSelector('html[data-hydrated="true"]');
await page.getByLabel('用户名', { exact: true }).fill(u);
await page.getByLabel('密码', { exact: true }).fill('Zhengfa@2026');
await page.getByRole('button', { name: '登录', exact: true }).click();
await page.waitForURL((url) => url.pathname === '/');
for (const p of paths) {
  if (p !== '/') await page.goto(base + p);
  await page.waitForSelector('html[data-hydrated="true"]');
  await page.evaluate(axeSource);
  const v = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })).violations);
  for (const x of v.filter((x) => x.impact === 'serious' || x.impact === 'critical')) for (const n of x.nodes) console.log(p, x.id, n.html.slice(0, 300), n.failureSummary?.slice(0, 300));
}
await b.close();
