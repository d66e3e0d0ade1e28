// Accessibility and the lists of the console: axe-core (WCAG 2.1 A and AA rules) over every
// kernel console page as the demo role that may open it, with no serious or critical
// violation; the skip link, the focus ring, field errors read out; the ledger within
// 1440 px. The axe check itself (seriousViolations) is the helpers' and runs on every page
// any browser test waits for; this file visits every kernel page on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, screenshot, seriousViolations, signIn, startHarness, stopHarness, trpc, visible, type Harness } from './helpers.js';

/** Every kernel console page, as the demo role that may open it. */
const pagesByRole: Record<string, string[]> = {
  admin: ['/', '/orgs', '/users', '/modules', '/events', '/calendar', '/account/password'],
  secadmin: ['/roles', '/password-resets'],
  auditor: ['/audit'],
  supervisor: ['/inbox', '/cases', '/cases/new', '/cases/dashboard', '/supervision/instruments', '/supervision/meetings', '/supervision/meetings/new', '/supervision/bulletin'],
};

describe('accessibility of the console', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    h = await startHarness();
  }, 600_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('the sign-in page has no serious or critical axe violation', async () => {
    const page = await (await newContext(h!.browser)).newPage();
    await page.goto(`${h!.baseUrl}/login`);
    await ready(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const [role, paths] of Object.entries(pagesByRole)) {
    it(`every console page ${role} opens has no serious or critical axe violation`, async () => {
      const page = await (await newContext(h!.browser)).newPage();
      await signIn(page, h!.baseUrl, role, DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname !== '/login');
      const found: Record<string, string[]> = {};
      const visit = async (p: string) => {
        await page.goto(`${h!.baseUrl}${p}`);
        // Hydrated, not ready(): this test gathers every page's violations before failing.
        await page.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
        const v = await seriousViolations(page);
        if (v.length) found[p] = v;
      };
      for (const p of paths) await visit(p);
      if (role === 'supervisor') {
        await page.goto(`${h!.baseUrl}/cases`);
        const first = await page.locator('[data-testid="ledger-table"] a[href^="/cases/"]').first().getAttribute('href', { timeout: 5_000 }).catch(() => null);
        if (first) await visit(first);
      }
      expect(found).toEqual({});
    }, 300_000);
  }

  it('offers a skip link first and shows a focus ring in the side navigation', async () => {
    const page = await (await newContext(h!.browser)).newPage();
    await signIn(page, h!.baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    // A fresh document load: the first Tab starts from the top of the page.
    await page.goto(`${h!.baseUrl}/cases`);
    await ready(page);
    await page.keyboard.press('Tab');
    const skip = page.locator('a.zf-skip-link');
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.textContent()).toBe('跳到主要内容');
    expect(await skip.evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true);

    const navLink = page.getByRole('navigation').getByRole('link', { name: '事项台账' });
    await navLink.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const item = el.closest('.ant-menu-item') ?? el;
      const a = getComputedStyle(el);
      const b = getComputedStyle(item);
      return [a.outlineStyle, a.outlineWidth, b.outlineStyle, b.outlineWidth].join(' ');
    });
    expect(ring).toMatch(/solid 2px/);
  });

  it('reads out field errors and ties each to its field', async () => {
    const page = await (await newContext(h!.browser)).newPage();
    await signIn(page, h!.baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${h!.baseUrl}/cases/new`);
    await ready(page);
    await page.getByRole('main').locator('button[type="submit"]').first().click();
    const live = page.getByTestId('form-errors-live');
    await expect.poll(() => live.textContent(), { timeout: 5_000 }).not.toBe('');
    const invalid = page.locator('input[aria-invalid="true"]').first();
    await visible(invalid);
    const describedBy = (await invalid.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).not.toBe('');
  });

  it('shows the whole ledger at 1440 px, 处理期限 included, and prints without the navigation', async () => {
    const page = await (await newContext(h!.browser)).newPage();
    await signIn(page, h!.baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    const response = await page.goto(`${h!.baseUrl}/cases`);
    await ready(page);
    const html = (await response!.body()).byteLength;
    console.log(`ledger page: ${html} bytes as rendered`);
    await visible(page.getByRole('columnheader', { name: '序号' }));
    const deadline = page.getByRole('columnheader', { name: /处理期限/ });
    const box = await deadline.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    const overflow = await page.evaluate(() => {
      const content = document.querySelector('[data-testid="ledger-table"] .ant-table-content') as HTMLElement | null;
      return { page: document.documentElement.scrollWidth, table: content ? content.scrollWidth - content.clientWidth : 0 };
    });
    expect(overflow).toEqual({ page: 1440, table: 0 });
    await screenshot(page, 'ledger-1440.png');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: '事项台账' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
  it('wraps a case page\'s tabs at 1024 px so that every tab stays on screen and the tab list holds only tabs', async () => {
    const page = await (await newContext(h!.browser, { viewport: { width: 1024, height: 768 } })).newPage();
    await signIn(page, h!.baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/');
    // A key case shows the most tabs (三清 besides the seven every case has).
    const { id } = await trpc<{ id: string }>(page, h!.baseUrl, 'cases.register', { title: '重点案件标签页换行检查', summary: '检查窄屏下案件页的标签页。', source: 'letter', urgency: 'normal', isKey: true, parties: [] }, 'mutation');
    await page.goto(`${h!.baseUrl}/cases/${id}`);
    await page.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
    const tabs = await page.evaluate(() => {
      const list = document.querySelector('[role="tablist"]')!;
      const right = list.getBoundingClientRect().right;
      const all = Array.from(list.querySelectorAll('[role="tab"]')).map((t) => t.getBoundingClientRect());
      const shownButtons = Array.from(list.querySelectorAll('button')).filter((b) => b.getBoundingClientRect().width > 0 && getComputedStyle(b).visibility !== 'hidden');
      return { count: all.length, offScreen: all.filter((r) => r.width === 0 || r.right > right + 0.5 || r.right > window.innerWidth).length, buttons: shownButtons.length };
    });
    expect(tabs.count).toBe(8);
    expect({ offScreen: tabs.offScreen, buttons: tabs.buttons }).toEqual({ offScreen: 0, buttons: 0 });
    await screenshot(page, 'case-tabs-1024.png');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
