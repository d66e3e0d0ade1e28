import { it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, screenshot, signIn, startHarness, stopHarness } from './helpers.js';
it('scratch', async () => {
  const h = await startHarness();
  try {
    const page = await (await newContext(h.browser)).newPage();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
    await signIn(page, h.baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === '/');
    await ready(page);
    await screenshot(page, 'scratch-home.png');
    await page.goto(`${h.baseUrl}/petitions/register`);
    await ready(page);
    await screenshot(page, 'scratch-register.png');
    console.log(logs.join('\n').slice(0, 3000));
  } finally {
    await stopHarness(h);
  }
}, 120_000);
