// The joint mediation center (联合调处中心) in the real console: a walk-in dispute (registered
// and the roster prepared over /trpc: the console's intake and roster pages come from another
// change) is triaged to a township committee on the dispute page, accepted with both parties'
// consent, given a mediator, mediated in two sessions and settled by a signed agreement (after
// a refused due date, shown in Chinese with the input kept) whose
// 调解协议书 downloads as a docx with the dispute's code. The judicial confirmation countdown
// shows the due date the calendar rule gives (effective date + 30 days, moved off non-working
// days), and a return visit is recorded; the statistics page of the day, read before and
// after, counts one more dispute, two more persons and one more settled, for the source and
// the mediator. Without JavaScript the page's forms still triage and
// accept; a high-risk dispute escalated with the four fixes shows on the kernel's case page.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, newContext, ready, resultsDir, screenshot, signIn, startHarness, stopHarness, textOf, visible, type Harness, trpc, signedInWithoutJavaScript } from './helpers.js';

/** Today in China (the server's day, the forms' default dates). */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
}

/** The calendar rule: 30 days after the effective date, moved to the next working day of the county's calendar. */
async function confirmationDue(page: Page, baseUrl: string, effectiveOn: string): Promise<string> {
  const years = new Map<number, Map<string, boolean>>();
  const working = async (day: string) => {
    const year = Number(day.slice(0, 4));
    if (!years.has(year)) {
      const cal = await trpc<{ days: { date: string; working: boolean }[] }>(page, baseUrl, 'calendar.year', { year }, 'query');
      years.set(year, new Map(cal.days.map((d) => [d.date, d.working])));
    }
    const exception = years.get(year)!.get(day);
    if (exception !== undefined) return exception;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
  let due = addDays(effectiveOn, 30);
  while (!(await working(due))) due = addDays(due, 1);
  return due;
}

/** The text of a .docx body: every w:t run joined, the non-breaking hyphens that keep a code on one line read as hyphens. */
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replaceAll('\u2060', '').replaceAll('\u2011', '-');
}

/** The statistics page's figures for one day: the totals, the walk-in row and one mediator's row. */
interface Figures {
  disputes: number;
  persons: number;
  settled: number;
  notSettled: number;
  successRate: string;
  walkIn: string[];
  mediator: string[];
}

async function readFigures(page: Page, baseUrl: string, day: string, mediatorOrg: string): Promise<Figures> {
  await page.goto(`${baseUrl}/mediation/statistics?from=${day}&to=${day}`);
  await ready(page);
  const value = async (key: string) => (await textOf(page.getByTestId(`stat-${key}`).locator('.ant-statistic-content-value'))).trim();
  const number = async (key: string) => Number((await value(key)).replaceAll(',', ''));
  /** The cells of the table's row whose first cell (or, with `also`, any cell) reads `name`. */
  const rowOf = async (testId: string, name: string, also = false) => {
    const rows = page.getByTestId(testId).locator('tbody tr');
    for (let i = 0; i < (await rows.count()); i += 1) {
      const cells = (await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim());
      if (cells[0] === name || (also && cells.includes(name))) return cells;
    }
    return [];
  };
  return {
    disputes: await number('disputes'),
    persons: await number('persons'),
    settled: await number('settled'),
    notSettled: await number('notSettled'),
    successRate: await value('successRate'),
    walkIn: await rowOf('by-source', '来访'),
    mediator: await rowOf('by-mediator', mediatorOrg, true),
  };
}

/** settled ÷ concluded as the page prints it (one decimal, half away from zero; — when nothing concluded). */
function rateText(settled: number, concluded: number): string {
  return concluded === 0 ? '—' : `${(Math.round((settled / concluded) * 1000 + 1e-9) / 10).toFixed(1)}%`;
}

/** Submits one of the dispute page's forms and waits for what the page shows afterwards. */
async function submit(page: Page, intent: string, then: () => Promise<void>): Promise<void> {
  await page.getByTestId(`submit-${intent}`).click();
  await then();
}

describe('the joint mediation center', () => {
  let h: Harness | undefined;

  beforeAll(async () => {
    h = await startHarness();
  }, 600_000);

  afterAll(async () => {
    await stopHarness(h);
  });

  it('takes a walk-in dispute through triage, two sessions, a signed agreement, the confirmation countdown and a return visit, and sees the statistics change', async () => {
    const { baseUrl, browser } = h!;
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    try {
      await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      const q = <T,>(proc: string, input: unknown) => trpc<T>(page, baseUrl, proc, input, 'query');
      const m = <T,>(proc: string, input: unknown) => trpc<T>(page, baseUrl, proc, input, 'mutation');
      const today = chinaToday();
      const suffix = Date.now().toString(36).slice(-4);

      // --- The roster and the walk-in dispute, over /trpc.
      const org = await m<{ id: string }>('mediation.organisations.create', { kind: 'township', name: `城关镇人民调解委员会${suffix}` });
      await m('mediation.mediators.create', { orgId: org.id, name: '周调解', specialities: ['邻里纠纷'] });

      // --- The statistics of today before the dispute: the new mediator is listed with nothing yet.
      const orgName = `城关镇人民调解委员会${suffix}`;
      const before = await readFigures(page, baseUrl, today, orgName);
      expect(before.mediator).toEqual(['周调解', orgName, '0', '0', '0', '0', '—']);
      const settings = await q<{ disputeTypes: string[] }>('mediation.settings.get', undefined);
      const dispute = await m<{ id: string; code: string }>('mediation.disputes.register', {
        source: 'walk_in',
        receivedOn: today,
        summary: '两户因宅基地边界围墙发生争执，申请人要求拆除越界部分围墙并赔偿损失。',
        disputeType: settings.disputeTypes[0],
        amount: 3000,
        personCount: 2,
        riskLevel: 'low',
        parties: [
          { kind: 'person', role: 'applicant', name: '王大山', phone: '13800001234' },
          { kind: 'person', role: 'respondent', name: '李小河', phone: '13900005678' },
        ],
      });

      // --- The list links to the dispute page.
      await page.goto(`${baseUrl}/mediation`);
      await ready(page);
      await page.getByRole('link', { name: dispute.code }).click();
      await page.waitForURL((url) => url.pathname === `/mediation/${dispute.id}`);
      await ready(page);
      expect((await textOf(page.getByTestId('dispute-code'))).trim()).toBe(dispute.code);
      expect(await textOf(page.getByTestId('parties'))).toContain('138****1234');

      // --- Triage to the township committee.
      await page.getByTestId('form-triage').locator('select[name="route"]').selectOption('mediate');
      await page.getByTestId('form-triage').locator('select[name="orgId"]').selectOption(org.id);
      await submit(page, 'triage', () => visible(page.getByTestId('dispute-status').getByText('调解中')));

      // --- Accepted with both parties' consent (both boxes are checked by default).
      await submit(page, 'accept', () => visible(page.getByTestId('form-recordSession')));

      // --- A mediator assigned.
      await page.getByTestId('form-assign').getByLabel('周调解', { exact: false }).check();
      await submit(page, 'assign', () => visible(page.getByTestId('mediators').getByRole('cell', { name: '周调解' })));

      // --- Two sessions.
      const session = async (place: string, record: string, count: number) => {
        const f = page.getByTestId('form-recordSession');
        await f.locator('input[name="place"]').fill(place);
        await f.locator('textarea[name="record"]').fill(record);
        await submit(page, 'recordSession', async () => {
          await expect.poll(() => page.getByTestId('session').count(), { timeout: 20_000 }).toBe(count);
        });
      };
      await session('城关镇调解室', '双方陈述围墙修建经过，调解员实地查看边界。', 1);
      await session('城关镇调解室', '双方同意按土地证四至拆除越界围墙，被申请人赔偿损失。', 2);

      // --- A signed agreement with one obligation.
      const settle = page.getByTestId('form-settle');
      await settle.locator('textarea[name="terms"]').fill('一、被申请人按土地证四至拆除越界围墙；二、被申请人赔偿申请人损失。');
      const row = settle.getByTestId('obligation-rows').locator('tbody tr').first();
      await row.locator('select[name="obligor"]').selectOption({ label: '李小河' });
      await row.locator('input[name="content"]').fill('赔偿围墙损失');
      await row.locator('input[name="amount"]').fill('3000');
      // A due date before the agreement is refused in Chinese, naming the field, and the form keeps what was typed.
      await row.locator('input[name="dueOn"]').fill(addDays(today, -1));
      await submit(page, 'settle', () => visible(settle.getByTestId('form-error')));
      expect(await textOf(settle.getByTestId('form-error'))).toContain(`第 1 项履行义务的「履行期限」不能早于协议日期（${today}）`);
      expect(await settle.locator('textarea[name="terms"]').inputValue()).toBe('一、被申请人按土地证四至拆除越界围墙；二、被申请人赔偿申请人损失。');
      expect(await row.locator('input[name="content"]').inputValue()).toBe('赔偿围墙损失');
      await row.locator('input[name="dueOn"]').fill(today);
      await submit(page, 'settle', () => visible(page.getByTestId('agreement')));
      expect(await textOf(page.getByTestId('dispute-status'))).toContain('已达成协议');

      // --- The confirmation countdown: the effective date (both signed today) + 30 days, off non-working days.
      const due = await confirmationDue(page, baseUrl, today);
      expect((await textOf(page.getByTestId('confirmation-due'))).trim()).toBe(due);
      const daysLeft = Math.round((Date.parse(due) - Date.parse(today)) / 86400_000);
      expect((await textOf(page.getByTestId('confirmation-countdown'))).trim()).toBe(`还剩 ${daysLeft} 天，${due} 前可共同申请司法确认`);

      // --- The 调解协议书 downloads as a docx carrying the dispute's code.
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('document-agreement').click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const file = path.join(resultsDir, 'mediation-agreement.docx');
      await download.saveAs(file);
      const bytes = await readFile(file);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const text = await docxText(file);
      expect(text).toContain(dispute.code);
      expect(text).toContain('调解协议书');

      // --- A return visit: the obligation was performed.
      const visit = page.getByTestId('form-visit');
      await visit.locator('input[name="visitor"]').fill('陈监督');
      await visit.locator('select[name="result"]').selectOption('full');
      await visit.locator('textarea[name="note"]').fill('电话回访，申请人确认已收到赔偿款。');
      await submit(page, 'visit', () => visible(page.getByTestId('visit')));
      expect(await textOf(page.getByTestId('performance'))).toBe('已全部履行');
      await screenshot(page, 'mediation-dispute.png');
      expect(await visit.locator('input[name="visitor"]').inputValue()).toBe('');

      // --- The statistics of today: one more walk-in dispute of 2 persons, received and settled
      // today (the agreement's date), nothing more not settled; the mediator's row shows it.
      const after = await readFigures(page, baseUrl, today, orgName);
      expect([after.disputes, after.persons, after.settled, after.notSettled]).toEqual([before.disputes + 1, before.persons + 2, before.settled + 1, before.notSettled]);
      expect(after.successRate).toBe(rateText(before.settled + 1, before.settled + before.notSettled + 1));
      const walkInBefore = before.walkIn.slice(1, 5).map(Number);
      expect(after.walkIn.slice(1, 5).map(Number)).toEqual([walkInBefore[0]! + 1, walkInBefore[1]! + 2, walkInBefore[2]! + 1, walkInBefore[3]!]);
      expect(after.mediator).toEqual(['周调解', orgName, '1', '2', '1', '0', '100.0%']);
      await screenshot(page, 'mediation-statistics.png');

      // --- The center's workbench counts it among today's intake and links to it.
      await page.goto(`${baseUrl}/mediation/workbench`);
      await ready(page);
      await page.getByTestId('workbench-today').getByRole('link', { name: dispute.code }).click();
      await page.waitForURL((url) => url.pathname === `/mediation/${dispute.id}`);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
  it('triages and accepts a dispute without JavaScript, a refusal shown with the input kept', async () => {
    const { baseUrl, browser } = h!;
    const { context, page } = await signedInWithoutJavaScript(browser, baseUrl, 'supervisor');
    try {
      const m = <T,>(proc: string, input: unknown) => trpc<T>(page, baseUrl, proc, input, 'mutation');
      const today = chinaToday();
      const org = await m<{ id: string }>('mediation.organisations.create', { kind: 'village', name: `东关村人民调解委员会${Date.now().toString(36).slice(-4)}` });
      const settings = await trpc<{ disputeTypes: string[] }>(page, baseUrl, 'mediation.settings.get', undefined, 'query');
      const dispute = await m<{ id: string; code: string }>('mediation.disputes.register', {
        source: 'phone',
        receivedOn: today,
        summary: '楼上住户深夜噪声扰民，楼下住户多次交涉未果。',
        disputeType: settings.disputeTypes[0],
        personCount: 2,
        riskLevel: 'low',
        parties: [
          { kind: 'person', role: 'applicant', name: '赵一', phone: '13700001111' },
          { kind: 'person', role: 'respondent', name: '钱二', phone: '13700002222' },
        ],
      });

      await page.goto(`${baseUrl}/mediation/${dispute.id}`);
      const triage = page.getByTestId('form-triage');
      await triage.locator('textarea[name="reason"]').fill('邻里噪声纠纷，由村调委会调解');
      await page.getByTestId('submit-triage').click();
      expect(await textOf(page.getByTestId('form-triage').getByTestId('form-error'))).toContain('调解委员会');
      expect(await page.getByTestId('form-triage').locator('textarea[name="reason"]').inputValue()).toBe('邻里噪声纠纷，由村调委会调解');

      await page.getByTestId('form-triage').locator('select[name="orgId"]').selectOption(org.id);
      await page.getByTestId('submit-triage').click();
      await visible(page.getByTestId('dispute-status').getByText('调解中'));
      await page.getByTestId('submit-accept').click();
      await visible(page.getByTestId('form-recordSession'));
      expect(await textOf(page.getByTestId('consents'))).toContain('钱二 同意调解');
    } finally {
      await context.close();
    }
  }, 120_000);
  it('escalates a high-risk dispute with the four fixes and shows it on the kernel case page', async () => {
    const { baseUrl, browser } = h!;
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      const q = <T,>(proc: string, input: unknown) => trpc<T>(page, baseUrl, proc, input, 'query');
      const m = <T,>(proc: string, input: unknown) => trpc<T>(page, baseUrl, proc, input, 'mutation');
      const today = chinaToday();
      const org = await m<{ id: string }>('mediation.organisations.create', { kind: 'township', name: `南山镇人民调解委员会${Date.now().toString(36).slice(-4)}` });
      const settings = await q<{ disputeTypes: string[] }>('mediation.settings.get', undefined);
      const dispute = await m<{ id: string; code: string }>('mediation.disputes.register', {
        source: 'grassroots',
        receivedOn: today,
        summary: '某建筑公司拖欠三十余名农民工工资，工人聚集讨薪。',
        disputeType: settings.disputeTypes[0],
        amount: 600000,
        personCount: 32,
        riskLevel: 'high',
        parties: [
          { kind: 'person', role: 'applicant', name: '孙三', phone: '13600003333' },
          { kind: 'organisation', role: 'respondent', name: '示范县某建筑有限公司' },
        ],
      });
      const get = () => q<{ version: number; parties: { id: string }[] }>('mediation.disputes.get', { id: dispute.id });
      await m('mediation.disputes.triage', { disputeId: dispute.id, version: (await get()).version, route: 'mediate', orgId: org.id });
      const d = await get();
      await m('mediation.mediations.accept', { disputeId: dispute.id, version: d.version, acceptedOn: today, consents: d.parties.map((p) => ({ partyId: p.id, consentedOn: today })) });
      const police = (await q<{ id: string; name: string }[]>('orgs.tree', undefined)).find((o) => o.name === '示范县公安局')!;
      const leader = (await q<{ items: { id: string }[] }>('users.list', { roleKey: 'leader' })).items[0]!;

      await page.goto(`${baseUrl}/mediation/${dispute.id}`);
      await ready(page);
      const form = page.getByTestId('form-escalate');
      await form.locator('select[name="leadLeaderId"]').selectOption(leader.id);
      await form.locator('select[name="leadUnitId"]').selectOption(police.id);
      await form.locator('input[name="handlerName"]').fill('王队长');
      await form.locator('textarea[name="resolutionPlan"]').fill('联合人社、住建部门核实欠薪数额，督促企业限期支付。');
      await form.locator('input[name="deadline"]').fill(addDays(today, 15));
      await page.getByTestId('submit-escalate').click();
      await visible(page.getByTestId('dispute-status').getByText('已升级为重大纠纷'));

      await page.getByRole('link', { name: '打开案件' }).first().click();
      await page.waitForURL((url) => url.pathname.startsWith('/cases/'));
      await ready(page);
      const panel = page.getByTestId('mediation-case-panel');
      expect(await textOf(panel)).toContain(dispute.code);
      expect(await textOf(panel)).toContain('已升级为重大纠纷');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('keeps the staff seconded to the center and puts one on today’s duty rota', async () => {
    const { baseUrl, browser } = h!;
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await signIn(page, baseUrl, 'supervisor', DEMO_PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      const today = chinaToday();
      const m = <T,>(proc: string, input: unknown) => trpc<T>(page, baseUrl, proc, input, 'mutation');
      await m('mediation.staff.create', { name: '刘警官', unit: '县公安局', post: '民警', secondedFrom: today });
      await m('mediation.staff.create', { name: '孙法官', unit: '县人民法院', secondedFrom: today });
      await m('mediation.staff.create', { name: '吴书记员', unit: '县人民法院', secondedFrom: today });

      await page.goto(`${baseUrl}/mediation/rota`);
      await ready(page);
      expect((await page.getByTestId('staff-by-unit').locator('tbody tr').allTextContents()).map((t) => t.trim())).toEqual(['县人民法院2', '县公安局1']);
      const row = page.getByTestId(`duty-${today}`);
      await row.getByRole('combobox').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '刘警官（县公安局）' }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId(`save-duty-${today}`).click();
      const rota = () => trpc<{ dutyOn: string; staff: { name: string }[] }[]>(page, baseUrl, 'mediation.rota.list', { from: today, to: today }, 'query');
      await expect.poll(async () => (await rota()).map((d) => [d.dutyOn, d.staff.map((x) => x.name)]), { timeout: 20_000 }).toEqual([[today, ['刘警官']]]);
      await page.reload();
      await ready(page);
      expect(await textOf(page.getByTestId(`duty-${today}`))).toContain('刘警官（县公安局）');
    } finally {
      await context.close();
    }
  }, 120_000);
  it('registers a dispute at the window without JavaScript with the seconded staff member who received it, a refusal shown with the input kept', async () => {
    const { baseUrl, browser } = h!;
    const { context, page } = await signedInWithoutJavaScript(browser, baseUrl, 'supervisor');
    try {
      const staff = await trpc<{ id: string }>(page, baseUrl, 'mediation.staff.create', { name: '周窗口', unit: '县司法局', secondedFrom: chinaToday() }, 'mutation');

      await page.goto(`${baseUrl}/mediation/register`);
      const form = page.getByTestId('form-register');
      await form.locator('select[name="receivedByStaffId"]').selectOption(staff.id);
      await form.locator('textarea[name="summary"]').fill('相邻两户因排水沟堵塞发生争执，要求调解。');
      await form.locator('select[name="disputeType"]').selectOption({ index: 1 });
      // No party named: refused, the summary and the receiver kept.
      await page.getByTestId('submit-register').click();
      await visible(page.getByTestId('form-register').getByTestId('form-error'));
      expect(await page.getByTestId('form-register').locator('textarea[name="summary"]').inputValue()).toBe('相邻两户因排水沟堵塞发生争执，要求调解。');
      expect(await page.getByTestId('form-register').locator('select[name="receivedByStaffId"]').inputValue()).toBe(staff.id);

      await page.getByTestId('form-register').locator('input[name="partyName"]').nth(0).fill('郑五');
      await page.getByTestId('form-register').locator('input[name="partyName"]').nth(1).fill('王六');
      await page.getByTestId('submit-register').click();
      await page.waitForLoadState('load');
      const refused = page.getByTestId('form-register').getByTestId('form-error');
      expect((await refused.count()) ? await refused.textContent() : null).toBeNull();
      await page.waitForURL((url) => /^\/mediation\/[0-9a-f-]{36}$/.test(url.pathname));
      const id = new URL(page.url()).pathname.split('/')[2]!;
      const got = await trpc<{ summary: string; receivedBy: { name: string; unit: string } | null; parties: { name: string }[] }>(page, baseUrl, 'mediation.disputes.get', { id }, 'query');
      expect({ summary: got.summary, receivedBy: got.receivedBy, parties: got.parties.length }).toEqual({ summary: '相邻两户因排水沟堵塞发生争执，要求调解。', receivedBy: { name: '周窗口', unit: '县司法局' }, parties: 2 });
    } finally {
      await context.close();
    }
  }, 120_000);
});
