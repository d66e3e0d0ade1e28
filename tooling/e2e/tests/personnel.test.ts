// Training and discipline records (教育培训与纪律作风) in the real console. The security
// administrator gives the supervisor a role of the county's own holding the discipline and
// file permissions (no built-in role has them); the registry, a course and a session held now
// are prepared over /trpc. Then, in the browser: the session's attendance is taken, the
// supervisor records a 三个规定 matter on the quick entry page, registers a clue from it, takes
// it through 初步核实 → 立案 → 调查 → 审理 and records a 记过 decision (a decision dated
// before the clue is refused in Chinese, the input kept). The officer concerned sees the hours
// and the sanction in their own file, never the reporter's name; the statistics page shows the
// exact figures before and after. Without JavaScript the clue forms still post.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, screenshot, signIn, startHarness, stopHarness, textOf, visible, type Harness, signedInWithoutJavaScript } from './helpers.js';

/** A /trpc client for preparing data, signed in as `username`. */
async function apiAs(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const read = async (r: Response, proc: string) => {
    const body = (await r.json()) as { result?: { data: unknown }; error?: { message: string } };
    if (!body.result) throw new Error(`${proc}: ${body.error?.message ?? `HTTP ${r.status}`}`);
    return body.result.data;
  };
  return {
    query: async <T,>(proc: string, input?: unknown): Promise<T> =>
      (await read(await fetch(`${baseUrl}/trpc/${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers: { cookie } }), proc)) as T,
    mutate: async <T,>(proc: string, input: unknown): Promise<T> =>
      (await read(await fetch(`${baseUrl}/trpc/${proc}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(input) }), proc)) as T,
  };
}

function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
}

/** The last day of a period of `months` from `day` (the plugin's rule: the day before the same date `months` later; where that date does not exist, the last day of that month). */
function periodEnd(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  if (d > last) return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), last)).toISOString().slice(0, 10);
  return addDays(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), d)).toISOString().slice(0, 10), -1);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical WCAG 2.1 A/AA violations axe finds on the page (as accessibility.test.ts runs it). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** The cells of a statistics table's row, as text. */
async function cells(page: Page, testId: string): Promise<string[]> {
  await visible(page.getByTestId(testId));
  return (await page.getByTestId(testId).locator('td').allTextContents()).map((x) => x.trim());
}

/** Picks an option of the antd Select named `name`. */
async function pick(page: Page, name: string, option: string): Promise<void> {
  // The Select's own input sits under its selection; the click opens the dropdown from it.
  await page.getByRole('combobox', { name, exact: true }).click({ force: true });
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe('training and discipline records', () => {
  let h: Harness | undefined;
  const suffix = Date.now().toString(36).slice(-4);
  const subject = { name: '王守法', officerNo: `GA-${suffix}` };
  let subjectId = '';
  let sessionId = '';
  let signInCode = '';
  let policeName = '示范县公安局';

  beforeAll(async () => {
    h = await startHarness();
    const sec = await apiAs(h.baseUrl, 'secadmin');
    const roles = await sec.query<{ id: string; key: string | null }[]>('roles.list');
    const role = await sec.mutate<{ id: string }>('roles.create', {
      name: `政治部纪检${suffix}`,
      permissions: ['personnel.discipline', 'personnel.files', 'personnel.commendations'],
    });
    const users = await sec.query<{ items: { id: string; username: string }[] }>('users.list', { pageSize: 100 });
    const supervisorUser = users.items.find((u) => u.username === 'supervisor')!;
    const liaisonUser = users.items.find((u) => u.username === 'liaison')!;
    await sec.mutate('users.assignRoles', { id: supervisorUser.id, roleIds: [roles.find((r) => r.key === 'supervisor')!.id, role.id] });

    const sup = await apiAs(h.baseUrl, 'supervisor');
    const orgs = await sup.query<{ id: string; name: string }[]>('orgs.tree');
    const police = orgs.find((o) => o.name === '示范县公安局')!;
    policeName = police.name;
    const committee = orgs.find((o) => o.name === '示范县委政法委')!;
    // The county's minimum: 4 class hours, so one session completes it.
    await sup.mutate('personnel.training.setRequiredHours', { hours: 4, version: 0 });
    // The officer concerned (the liaison's account) and the reporter (the supervisor's).
    subjectId = (await sup.mutate<{ id: string }>('personnel.officers.create', { unitId: police.id, ...subject, post: '民警' })).id;
    const reporterId = (await sup.mutate<{ id: string }>('personnel.officers.create', { unitId: committee.id, name: '陈监督', officerNo: `ZFW-${suffix}` })).id;
    for (const [officerId, userId] of [
      [subjectId, liaisonUser.id],
      [reporterId, supervisorUser.id],
    ] as const) {
      const o = await sup.query<{ version: number }>('personnel.officers.get', { id: officerId });
      await sup.mutate('personnel.officers.linkUser', { id: officerId, version: o.version, userId });
    }
    const course = await sup.mutate<{ id: string }>('personnel.training.courses.create', { unitId: null, kind: 'post', title: '执法能力岗位培训' });
    const now = Date.now();
    ({ id: sessionId, signInCode } = await sup.mutate<{ id: string; signInCode: string }>('personnel.training.sessions.create', {
        courseId: course.id,
        startsAt: new Date(now - 30 * 60_000).toISOString(),
        endsAt: new Date(now + 3 * 3600_000).toISOString(),
        place: '县委政法委会议室',
        classHours: 4,
      }));
  }, 600_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('takes attendance, records a 三个规定 matter, handles a clue to 记过, and shows it in the file and the statistics', async () => {
    const { baseUrl, browser } = h!;
    const context = await newContext(browser);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const today = chinaToday();
    const year = today.slice(0, 4);
    const until = periodEnd(today, 12);
    try {
      await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');

      // --- The statistics before: the police's one officer has no hours, no clue, no decision.
      await page.goto(`${baseUrl}/personnel/statistics`);
      await ready(page);
      expect(await cells(page, `training-row-${policeName}`)).toEqual([policeName, '1', '0', '0', '0', '0', '0.0%']);
      expect(await page.getByTestId(`discipline-row-${policeName}`).count()).toBe(0);
      expect(await cells(page, 'discipline-row-合计')).toEqual(['合计', '0', '0', '0', '0', '0', '0', '0', '0']);

      // --- Attendance of the session held now.
      await page.goto(`${baseUrl}/personnel/training/sessions/${sessionId}`);
      await ready(page);
      await pick(page, `出勤情况 ${subject.name}`, '出勤');
      await page.getByRole('button', { name: '保存出勤' }).click();
      await visible(page.locator('.ant-message').getByText('出勤已保存'));

      // --- A 三个规定 record on the quick entry page.
      await page.goto(`${baseUrl}/personnel/conduct/record`);
      await ready(page);
      const record = page.getByTestId('form-record');
      await record.locator('select[name="intervenerKind"]').selectOption('lawyer');
      await record.locator('input[name="intervenerName"]').fill('赵律师');
      expect(await record.locator('input[name="occurredOn"]').inputValue()).toBe(today);
      await record.locator('select[name="manner"]').selectOption('phone');
      await record.locator('input[name="caseRef"]').fill(`（${year}）示刑初1号`);
      await record.locator('textarea[name="content"]').fill('打听案件进展，请求对当事人从轻处理。');
      await page.getByTestId('submit-record').click();
      await visible(page.getByTestId('form-record').getByTestId('form-ok'));

      // --- A clue about the officer from that record, registered on the clues page.
      await page.goto(`${baseUrl}/personnel/clues`);
      await ready(page);
      const create = page.getByTestId('form-create');
      await create.locator('select[name="officerId"]').selectOption(subjectId);
      await create.locator('select[name="source"]').selectOption('conduct_record');
      await create.locator('select[name="conductRecordId"]').selectOption({ index: 1 });
      await create.locator('textarea[name="summary"]').fill('反映该干警向律师泄露案件办理情况。');
      await page.getByTestId('submit-create').click();
      await visible(page.getByTestId('personnel-clues').getByRole('link', { name: today }));
      await page.getByTestId('personnel-clues').getByRole('link', { name: today }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/personnel/clues/'));
      await ready(page);
      expect(await textOf(page.getByTestId('clue-status'))).toBe('受理');

      // --- 初步核实 → 立案 → 调查 → 审理: each the form's next stage.
      for (const stage of ['初步核实', '立案', '调查', '审理']) {
        await page.getByTestId('form-advance').locator('select[name="to"]').selectOption({ label: stage });
        await page.getByTestId('submit-advance').click();
        await visible(page.getByTestId('clue-status').getByText(stage, { exact: true }));
      }

      // --- The decision: dated before the clue it is refused, naming the field, the input kept.
      const decide = page.getByTestId('form-decide');
      await decide.locator('select[name="kind"]').selectOption('demerit');
      await decide.locator('select[name="form"]').selectOption('2');
      await decide.locator('input[name="decisionNo"]').fill(`示政法纪〔${year}〕1号`);
      await decide.locator('textarea[name="reason"]').fill('违反三个规定，向律师泄露案件办理情况，给予记过处分。');
      await decide.locator('input[name="decidedOn"]').fill(addDays(today, -1));
      await page.getByTestId('submit-decide').click();
      const [y, m, d] = today.split('-').map(Number);
      expect(await textOf(page.getByTestId('form-decide').getByTestId('form-error'))).toContain(`「决定日期」不能早于问题线索受理日期（${y}年${m}月${d}日）`);
      expect(await page.getByTestId('form-decide').locator('textarea[name="reason"]').inputValue()).toBe('违反三个规定，向律师泄露案件办理情况，给予记过处分。');
      expect(await page.getByTestId('form-decide').locator('select[name="kind"]').inputValue()).toBe('demerit');
      await page.getByTestId('form-decide').locator('input[name="decidedOn"]').fill(today);
      await page.getByTestId('submit-decide').click();
      await visible(page.getByTestId('clue-status').getByText('决定', { exact: true }));
      expect(await textOf(page.getByTestId('clue-steps'))).toContain(`${today} 审理`);
      await screenshot(page, 'personnel-clue.png');

      // --- In the effect period the officer cannot be commended: refused on the commendations page, the input kept.
      await page.goto(`${baseUrl}/personnel/commendations`);
      await ready(page);
      const award = page.getByTestId('form-award');
      await award.locator('select[name="kind"]').selectOption('best_officer');
      await award.locator('select[name="officerId"]').selectOption(subjectId);
      await award.locator('input[name="title"]').fill(`${year}年度十佳政法干警`);
      await page.getByTestId('submit-award').click();
      const [uy, um, ud] = until.split('-').map(Number);
      expect(await textOf(page.getByTestId('form-award').getByTestId('form-error'))).toBe(`该干警处于处分影响期内（至${uy}年${um}月${ud}日），不得表彰奖励`);
      expect(await page.getByTestId('form-award').locator('input[name="title"]').inputValue()).toBe(`${year}年度十佳政法干警`);

      // --- The statistics after: 4 hours credited (the minimum reached), one clue from a 三个规定 record, one 记过.
      await page.goto(`${baseUrl}/personnel/statistics`);
      await ready(page);
      expect(await cells(page, `training-row-${policeName}`)).toEqual([policeName, '1', '1', '4', '4', '1', '100.0%']);
      // Columns: unit, clues, by source (信访, 投诉, 举报, 检查发现, 上级转办, 三个规定记录), decisions, 记过.
      expect(await cells(page, `discipline-row-${policeName}`)).toEqual([policeName, '1', '0', '0', '0', '0', '0', '1', '1', '1']);
      expect(await cells(page, 'discipline-row-合计')).toEqual(['合计', '1', '0', '0', '0', '0', '0', '1', '1', '1']);
      // A period before today shows none of it.
      await page.goto(`${baseUrl}/personnel/statistics?from=${addDays(today, -30)}&to=${addDays(today, -1)}`);
      await ready(page);
      expect(await cells(page, `training-row-${policeName}`)).toEqual([policeName, '1', '0', '0', '0', '0', '0.0%']);
      await screenshot(page, 'personnel-statistics.png');

      // --- The political department opens the officer's full file from the registry's link.
      await page.goto(`${baseUrl}/personnel/officers/${subjectId}/file`);
      await ready(page);
      expect(await textOf(page.getByTestId('officer-file-training'))).toBe(`${year}年度教育培训：累计4学时`);
      expect(await textOf(page.getByTestId('officer-file-eligibility'))).toBe(`受限至${until}`);
      const sanction = (await page.getByTestId('officer-file-sanctions').locator('tbody tr').first().locator('td').allTextContents()).map((x) => x.trim());
      expect([sanction[0], ...sanction.slice(2, 5)]).toEqual(['记过', today, until, '影响期内']);
      await screenshot(page, 'personnel-officer-file.png');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }

    // --- The officer concerned sees the hours and the sanction in their own file, never the reporter.
    const own = await newContext(browser);
    const officerPage = await own.newPage();
    try {
      await signIn(officerPage, baseUrl, 'liaison', DEMO_PASSWORD);
      await officerPage.waitForURL((url) => url.pathname === '/');
      await officerPage.goto(`${baseUrl}/personnel/my-file`);
      await ready(officerPage);
      expect(await textOf(officerPage.getByTestId('my-file-training'))).toBe(`${year}年度教育培训：累计4学时`);
      expect(await textOf(officerPage.getByTestId('my-file-eligibility'))).toBe(`受限至${until}`);
      expect((await officerPage.getByTestId('my-file-sanctions').locator('tbody tr').first().locator('td').allTextContents()).map((x) => x.trim())).toEqual([
        '记过',
        today,
        until,
        '影响期内',
      ]);
      const text = await textOf(officerPage.getByTestId('personnel-my-file'));
      expect(text).not.toContain('陈监督');
      expect(text).not.toContain(`ZFW-${suffix}`);
      await screenshot(officerPage, 'personnel-my-file.png');
    } finally {
      await own.close();
    }
  }, 300_000);

  it('signs an officer in to the session on a phone without JavaScript, a wrong code refused and kept in the box', async () => {
    const { baseUrl, browser } = h!;
    const { context, page } = await signedInWithoutJavaScript(browser, baseUrl, 'liaison', { width: 375, height: 740 });
    try {

      await page.goto(`${baseUrl}/personnel/sign-in`);
      const wrong = signInCode === '000000' ? '000001' : '000000';
      await page.getByLabel('签到码', { exact: true }).fill(wrong);
      await page.getByRole('button', { name: '签到', exact: true }).click();
      expect(await textOf(page.getByRole('alert'))).toContain('「签到码」不正确，请核对现场公布的签到码');
      expect(await page.getByLabel('签到码', { exact: true }).inputValue()).toBe(wrong);

      await page.getByLabel('签到码', { exact: true }).fill(signInCode);
      await page.getByRole('button', { name: '签到', exact: true }).click();
      expect(await textOf(page.getByTestId('sign-in-done'))).toBe('签到成功');
      expect(await page.getByLabel('签到码', { exact: true }).inputValue()).toBe('');
      expect(await textOf(page.getByTestId('personnel-sign-in'))).toContain('执法能力岗位培训（4）');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('registers and advances a clue without JavaScript, a refusal shown with the input kept', async () => {
    const { baseUrl, browser } = h!;
    const { context, page } = await signedInWithoutJavaScript(browser, baseUrl, 'supervisor');
    try {

      await page.goto(`${baseUrl}/personnel/clues`);
      const create = page.getByTestId('form-create');
      await create.locator('select[name="source"]').selectOption('complaint');
      await create.locator('textarea[name="summary"]').fill('群众投诉该干警办案态度生硬。');
      // No officer chosen: refused, naming the field, the summary kept.
      await page.getByTestId('submit-create').click();
      expect(await textOf(page.getByTestId('form-create').getByTestId('form-error'))).toContain('干警');
      expect(await page.getByTestId('form-create').locator('textarea[name="summary"]').inputValue()).toBe('群众投诉该干警办案态度生硬。');
      await page.getByTestId('form-create').locator('select[name="officerId"]').selectOption(subjectId);
      await page.getByTestId('submit-create').click();
      await visible(page.getByTestId('form-create').getByTestId('form-ok'));
      await page.getByTestId('personnel-clues').getByRole('row', { name: /办案态度生硬/ }).getByRole('link').click();
      await page.waitForURL((url) => url.pathname.startsWith('/personnel/clues/'));
      expect(await textOf(page.getByTestId('clue-status'))).toBe('受理');
      await page.getByTestId('submit-advance').click();
      await visible(page.getByTestId('clue-status').getByText('初步核实', { exact: true }));
    } finally {
      await context.close();
    }
  }, 120_000);

  it('opens the statistics, clue, commendation and quick entry pages with no serious or critical axe violation', async () => {
    const { baseUrl, browser } = h!;
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/personnel/clues`);
      await ready(page);
      const clueHref = await page.getByTestId('personnel-clues').getByRole('link').first().getAttribute('href');
      const found: Record<string, string[]> = {};
      for (const p of ['/personnel/statistics', '/personnel/clues', clueHref!, '/personnel/commendations', '/personnel/conduct/record']) {
        await page.goto(`${baseUrl}${p}`);
        await ready(page);
        const v = await seriousViolations(page);
        if (v.length) found[p] = v;
      }
      expect(found).toEqual({});
    } finally {
      await context.close();
    }
  }, 120_000);
});
