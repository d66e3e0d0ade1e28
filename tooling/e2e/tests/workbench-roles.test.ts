// The workbench (工作台) of every demo role on a fresh demo county with its generated year
// (DEMO_DATA=1): each to-do's count is exactly what the list behind its link holds (the
// ledger's pager and the server's own cases.ledger for case items, the rows of the list for
// instruments, petitions and the rest), the roles without case work see nothing waiting,
// and acting on an item in the console removes it from the actor's list and puts it on the
// next person's, who is notified. Every page visited is checked with axe (helpers.ready),
// and the pages officials spend the day on are written to artifacts/ as screenshots: the
// workbench, ledger, case page and dashboard at 1440 px and the public look-up at 375 px.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, screenshot, signIn, startHarness, stopHarness, visible, type Harness } from './helpers.js';

interface Todo {
  id: string;
  count: number;
  link: string;
}

async function trpcQuery<T>(page: Page, baseUrl: string, proc: string, input: unknown): Promise<T> {
  const res = await page.request.get(`${baseUrl}/trpc/${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`);
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok() || !body.result) throw new Error(`${proc} failed: ${res.status()} ${body.error?.message ?? ''}`);
  return body.result.data;
}

async function signedIn(h: Harness, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(h.browser);
  const page = await context.newPage();
  await signIn(page, h.baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  // The workbench itself, not the sign-in page still on screen while it loads.
  await visible(page.getByTestId('todos'));
  await ready(page);
  return { context, page };
}

/** The workbench's to-dos as the page shows them: id, count and link. */
async function todosOf(page: Page, baseUrl: string): Promise<Todo[]> {
  await page.goto(`${baseUrl}/`);
  await ready(page);
  await visible(page.getByTestId('todos'));
  return page.locator('[data-testid="todos"] [data-testid^="todo-"][data-count]').evaluateAll((els) =>
    els.map((e) => ({ id: e.getAttribute('data-testid')!.slice('todo-'.length), count: Number(e.getAttribute('data-count')), link: e.querySelector('a')!.getAttribute('href')! })),
  );
}

async function countOf(page: Page, baseUrl: string, id: string): Promise<number> {
  return (await todosOf(page, baseUrl)).find((t) => t.id === id)?.count ?? 0;
}

async function unread(page: Page): Promise<number> {
  return Number(await page.getByTestId('inbox-badge').getAttribute('data-unread'));
}

/** The ledger filter a workbench link carries, as cases.ledger takes it. */
function ledgerInputOf(link: string): Record<string, unknown> {
  const p = new URLSearchParams(link.split('?')[1] ?? '');
  return {
    ...(p.getAll('status').length ? { status: p.getAll('status') } : {}),
    ...(p.get('overdue') === '1' ? { overdue: true } : {}),
    ...(p.get('due') !== null ? { dueWithinDays: Number(p.get('due')) } : {}),
    ...(p.get('lead') === 'mine' ? { ledByMe: true } : {}),
    ...(p.get('dispatch') === '1' ? { dispatchDue: true } : {}),
    page: 1,
    pageSize: 20,
  };
}

/**
 * Opens the list behind a to-do and reads how many it holds: the pager's total where the
 * list has one ("共 N 条/件"), else its rows. Null when the link opens no list.
 */
async function listed(page: Page, baseUrl: string, link: string): Promise<{ status: number; n: number | null }> {
  const res = await page.goto(`${baseUrl}${link}`);
  const status = res?.status() ?? 0;
  if (status >= 400) return { status, n: null };
  await ready(page);
  const main = page.getByRole('main');
  const total = main.locator('.ant-pagination-total-text');
  if (await total.count()) return { status, n: Number(/\d+/.exec((await total.first().textContent()) ?? '')![0]) };
  const rows = main.locator('tr.ant-table-row');
  await main.locator('table').first().waitFor({ state: 'attached', timeout: 10_000 }).catch(() => undefined);
  if (await main.locator('table').count()) return { status, n: await rows.count() };
  return { status, n: null };
}

async function runAction(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId('workflow').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
}

/** Opens the first case of the list behind a to-do; returns its id and 文号. */
async function firstCaseOf(page: Page, baseUrl: string, link: string): Promise<{ id: string; docNo: string }> {
  await page.goto(`${baseUrl}${link}`);
  await ready(page);
  const href = (await page.locator('[data-testid="ledger-table"] a[href^="/cases/"]').first().getAttribute('href'))!;
  const id = href.split('/').pop()!;
  const { docNo } = await trpcQuery<{ docNo: string }>(page, baseUrl, 'cases.get', { id });
  await page.goto(`${baseUrl}${href}`);
  await ready(page);
  return { id, docNo };
}

/** The to-dos each demo role must find on the generated year (more may be listed). */
const expectedItems: Record<string, string[]> = {
  admin: [],
  secadmin: [],
  auditor: [],
  leader: ['kernel-pendingApproval', 'kernel-overdue', 'kernel-instrumentsToSign'],
  supervisor: ['kernel-registered', 'kernel-approved', 'kernel-toReview', 'kernel-dispatchDue', 'kernel-overdue', 'petitions-route'],
  liaison: ['kernel-toAcknowledge', 'kernel-inProgress', 'kernel-overdue', 'kernel-instrumentsToAcknowledge'],
};

describe('the workbench of every demo role on the demo year', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    h = await startHarness({ demoYear: true });
  }, 900_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('lists for each role exactly what the list behind each to-do holds', async () => {
    const { baseUrl } = h!;
    const broken: string[] = [];
    for (const [role, expected] of Object.entries(expectedItems)) {
      const { context, page } = await signedIn(h!, role);
      const todos = await todosOf(page, baseUrl);
      await screenshot(page, `workbench-${role}-1440.png`);
      expect(todos.map((t) => t.id)).toEqual(expect.arrayContaining(expected));
      if (expected.length === 0) {
        expect(todos).toEqual([]);
        await visible(page.getByTestId('todos').getByText('暂无待办，新的交办、审批和提醒会出现在这里'));
      }
      for (const t of todos) {
        expect(t.count, `${role} ${t.id}`).toBeGreaterThan(0);
        const { status, n } = await listed(page, baseUrl, t.link);
        if (status >= 400) {
          broken.push(`${role} ${t.id} → ${t.link}: ${status}`);
          continue;
        }
        if (t.link.startsWith('/cases?')) {
          // The ledger's pager and the server's own procedure both hold exactly the count.
          expect({ role, id: t.id, listed: n }).toEqual({ role, id: t.id, listed: t.count });
          const { total } = await trpcQuery<{ total: number }>(page, baseUrl, 'cases.ledger', ledgerInputOf(t.link));
          expect({ role, id: t.id, ledger: total }).toEqual({ role, id: t.id, ledger: t.count });
        } else if (n !== null) {
          expect({ role, id: t.id, listed: n }).toEqual({ role, id: t.id, listed: t.count });
        }
      }
      await context.close();
    }
    expect(broken).toEqual([]);
  }, 900_000);

  it("removes an item the actor acts on and puts it on the next person's workbench, who is notified", async () => {
    const { baseUrl } = h!;
    const [sup, leader, liaison] = [await signedIn(h!, 'supervisor'), await signedIn(h!, 'leader'), await signedIn(h!, 'liaison')];

    // --- The leader approves the oldest case waiting for approval: it leaves the leader's
    // 待审批 and waits for the office's 交办; the office is told.
    const approvals = await countOf(leader.page, baseUrl, 'kernel-pendingApproval');
    const toAssign = await countOf(sup.page, baseUrl, 'kernel-approved');
    const supUnread = await unread(sup.page);
    const approved = await firstCaseOf(leader.page, baseUrl, '/cases?status=pending_approval&sort=registeredAt&dir=asc');
    await screenshot(leader.page, 'case-1440.png');
    await runAction(leader.page, '同意立项', async (dialog) => {
      await dialog.getByLabel('意见').fill('同意立项，请执法监督室交办。');
    });
    expect(await countOf(leader.page, baseUrl, 'kernel-pendingApproval')).toBe(approvals - 1);
    expect(await countOf(sup.page, baseUrl, 'kernel-approved')).toBe(toAssign + 1);
    expect(await unread(sup.page)).toBe(supUnread + 1);
    await sup.page.goto(`${baseUrl}/inbox`);
    await ready(sup.page);
    await visible(sup.page.getByRole('main').getByText(`事项 ${approved.docNo}`, { exact: false }));

    // --- The liaison reports the result of the case waiting longest: it leaves 待报结 and
    // waits for the office's review; the office is told, the leader is not.
    const reporting = await countOf(liaison.page, baseUrl, 'kernel-inProgress');
    const reviews = await countOf(sup.page, baseUrl, 'kernel-toReview');
    const supBefore = await unread(sup.page);
    const leaderBefore = await unread(leader.page);
    const reported = await firstCaseOf(liaison.page, baseUrl, '/cases?status=in_progress&lead=mine&sort=deadline&dir=asc');
    await runAction(liaison.page, '报送办理结果', async (dialog) => {
      await dialog.getByLabel('办理结果报告').fill('矛盾已化解，当事人签字确认。');
    });
    expect(await countOf(liaison.page, baseUrl, 'kernel-inProgress')).toBe(reporting - 1);
    expect(await countOf(sup.page, baseUrl, 'kernel-toReview')).toBe(reviews + 1);
    expect(await unread(sup.page)).toBe(supBefore + 1);
    expect(await unread(leader.page)).toBe(leaderBefore);
    await sup.page.goto(`${baseUrl}/inbox`);
    await ready(sup.page);
    await visible(sup.page.getByRole('main').getByText(`事项 ${reported.docNo}`, { exact: false }));

    // --- The ledger and the dashboard the office works from, at 1440 px.
    await sup.page.goto(`${baseUrl}/cases`);
    await ready(sup.page);
    await screenshot(sup.page, 'ledger-1440.png');
    await sup.page.goto(`${baseUrl}/cases/dashboard`);
    await ready(sup.page);
    await visible(sup.page.getByRole('main').locator('canvas'));
    await screenshot(sup.page, 'dashboard-1440.png');
  }, 600_000);

  it('lays the public look-up page out for a 375 px phone', async () => {
    const context = await h!.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${h!.baseUrl}/petition-lookup`);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
    await screenshot(page, 'lookup-375.png');
    await page.getByLabel('查询码').fill('ABCD2345');
    await page.getByLabel('手机号后四位').fill('0000');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await visible(page.getByTestId('lookup-error'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
    await screenshot(page, 'lookup-375-refused.png');
    await context.close();
  });
});
