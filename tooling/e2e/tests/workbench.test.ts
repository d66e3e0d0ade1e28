// The workbench (工作台) as each demo role's daily workplace: what waits for the user, with
// counts that move as the case moves. The office submits a case for approval (prepared over
// /trpc); the leader finds it waiting, is notified and approves it in the console; the liaison
// finds the assigned case waiting for 签收, signs for it and reports the result in the console;
// then it waits for the office's review and no longer for the liaison. Counts are compared
// with the ones read before each step, so demo data already in the county does not matter.
// The liaison follows the case (我的关注) and is refused a page of the security administrator.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, screenshot, signIn, startHarness, stopHarness, textOf, visible, type Harness, trpc } from './helpers.js';

function dateInDays(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
}

async function signedIn(h: Harness, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(h.browser);
  const page = await context.newPage();
  await signIn(page, h.baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  return { context, page };
}

async function runAction(page: Page, label: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId('workflow').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
}

/** Opens the workbench and reads how many wait under a kernel to-do (0: not listed). */
async function waiting(page: Page, baseUrl: string, key: string): Promise<number> {
  await page.goto(`${baseUrl}/`);
  await ready(page);
  const item = page.getByTestId(`todo-kernel-${key}`);
  return (await item.count()) ? Number(await item.getAttribute('data-count')) : 0;
}

async function unread(page: Page): Promise<number> {
  return Number(await page.getByTestId('inbox-badge').getAttribute('data-unread'));
}

describe('the workbench', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    h = await startHarness();
  }, 600_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it("lists each role's waiting cases, and acting on one moves it to the next person, who is notified", async () => {
    const { baseUrl } = h!;
    const [sup, leader, liaison] = await Promise.all([signedIn(h!, 'supervisor'), signedIn(h!, 'leader'), signedIn(h!, 'liaison')]);
    const pageErrors: string[] = [];
    for (const p of [sup.page, leader.page, liaison.page]) p.on('pageerror', (err) => pageErrors.push(err.message));
    const q = <T,>(p: Page, proc: string, input: unknown) => trpc<T>(p, baseUrl, proc, input, 'query');
    const m = <T,>(p: Page, proc: string, input: unknown) => trpc<T>(p, baseUrl, proc, input, 'mutation');
    const version = async (id: string) => (await q<{ version: number }>(sup.page, 'cases.get', { id })).version;

    // --- The office submits a case for approval: it waits for the leader, who is notified.
    const approvals = await waiting(leader.page, baseUrl, 'pendingApproval');
    const leaderUnread = await unread(leader.page);
    const suffix = Date.now().toString(36).slice(-5);
    const { id: caseId, docNo } = await m<{ id: string; docNo: string }>(sup.page, 'cases.register', {
      title: `工作台演示事项 ${suffix}`,
      summary: '群众反映拖欠工资问题长期未解决。',
      source: 'visit',
      urgency: 'urgent',
    });
    await m(sup.page, 'cases.transition', { id: caseId, version: await version(caseId), action: 'submitForApproval' });
    expect(await waiting(leader.page, baseUrl, 'pendingApproval')).toBe(approvals + 1);
    expect(await unread(leader.page)).toBe(leaderUnread + 1);
    expect(await textOf(leader.page.getByTestId('county-overview'))).toContain('全县概况');
    await screenshot(leader.page, 'workbench-leader.png');

    // --- The leader opens the waiting list from the workbench and approves the case there.
    await leader.page.getByTestId('todo-kernel-pendingApproval').locator('a').click();
    await leader.page.waitForURL((url) => url.pathname === '/cases' && url.searchParams.get('status') === 'pending_approval');
    await leader.page.goto(`${baseUrl}/cases/${caseId}`);
    await ready(leader.page);
    const assignable = await waiting(sup.page, baseUrl, 'approved');
    await leader.page.goto(`${baseUrl}/cases/${caseId}`);
    await ready(leader.page);
    await runAction(leader.page, '同意立项', async (dialog) => {
      await dialog.getByLabel('意见').fill('同意立项，请执法监督室交办。');
    });
    expect(await waiting(leader.page, baseUrl, 'pendingApproval')).toBe(approvals);
    expect(await waiting(sup.page, baseUrl, 'approved')).toBe(assignable + 1);

    // --- The office assigns it to the police (prepared over /trpc): it waits for the liaison.
    const toAcknowledge = await waiting(liaison.page, baseUrl, 'toAcknowledge');
    const inProgress = await waiting(liaison.page, baseUrl, 'inProgress');
    const liaisonUnread = await unread(liaison.page);
    const orgs = await q<{ id: string; name: string }[]>(sup.page, 'orgs.tree', undefined);
    const leaders = await q<{ items: { id: string }[] }>(sup.page, 'users.list', { roleKey: 'leader' });
    await m(sup.page, 'cases.setFourFixes', {
      id: caseId,
      version: await version(caseId),
      leadLeaderId: leaders.items[0]!.id,
      handlerName: '王警官',
      resolutionPlan: '约谈用工单位负责人，督促限期结清欠薪。',
      deadline: dateInDays(30),
      leadUnitId: orgs.find((o) => o.name === '示范县公安局')!.id,
    });
    await m(sup.page, 'cases.transition', { id: caseId, version: await version(caseId), action: 'assign' });
    expect(await waiting(liaison.page, baseUrl, 'toAcknowledge')).toBe(toAcknowledge + 1);
    expect(await unread(liaison.page)).toBe(liaisonUnread + 1);
    expect(await textOf(liaison.page.getByTestId('todos'))).not.toContain('待审批');
    await screenshot(liaison.page, 'workbench-liaison.png');

    // --- The liaison follows the case, signs for it and reports: it leaves their list and
    // waits for the office's review.
    await liaison.page.goto(`${baseUrl}/cases/${caseId}`);
    await ready(liaison.page);
    await liaison.page.getByTestId('follow-case').click();
    await visible(liaison.page.getByText('已关注，可在工作台「我的关注」中找到该事项'));
    await runAction(liaison.page, '签收');
    expect(await waiting(liaison.page, baseUrl, 'toAcknowledge')).toBe(toAcknowledge);
    expect(await waiting(liaison.page, baseUrl, 'inProgress')).toBe(inProgress + 1);
    expect(await textOf(liaison.page.getByTestId('follows'))).toContain(`工作台演示事项 ${suffix}`);
    const reviews = await waiting(sup.page, baseUrl, 'toReview');
    const supUnread = await unread(sup.page);
    const leaderBefore = await unread(leader.page);
    await liaison.page.goto(`${baseUrl}/cases/${caseId}`);
    await ready(liaison.page);
    await runAction(liaison.page, '报送办理结果', async (dialog) => {
      await dialog.getByLabel('办理结果报告').fill('欠薪已全部结清，工人签字确认。');
    });
    expect(await waiting(liaison.page, baseUrl, 'inProgress')).toBe(inProgress);
    expect(await waiting(sup.page, baseUrl, 'toReview')).toBe(reviews + 1);
    expect(await unread(sup.page)).toBe(supUnread + 1);
    // The result goes to the office that reviews it, not to the leader.
    expect(await waiting(leader.page, baseUrl, 'toReview')).toBe(0);
    expect(await unread(leader.page)).toBe(leaderBefore);
    await screenshot(sup.page, 'workbench-supervisor.png');

    // --- The digest lists the day's notices.
    await sup.page.goto(`${baseUrl}/inbox/digest`);
    await ready(sup.page);
    expect(await textOf(sup.page.getByTestId('digest'))).toContain(`事项 ${docNo}`);

    // --- A page the liaison's roles do not cover answers 403 and shows nothing of it.
    const res = await liaison.page.goto(`${baseUrl}/roles`);
    expect(res?.status()).toBe(403);
    await visible(liaison.page.getByText('您的账号没有使用「角色权限」的权限'));
    expect(await liaison.page.getByRole('table').count()).toBe(0);

    expect(pageErrors).toEqual([]);
  });
});
