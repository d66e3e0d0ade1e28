import { afterAll, beforeAll, expect, it } from 'vitest';
import { definePlugin } from '@zhengfa/plugin-api';
import { addUserWithPermissions, createTestClock, describeEachEngine, orgIdByName, startTestKernel, userIdByName, type ActingUser, type TestKernel } from '../testing/index.js';
import { clockStrings } from '../strings.js';
import type { Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import { dueOf } from './service.js';
import { sweepReminders } from '../cases/reminders.js';
import { sql } from 'kysely';
import { KERNEL_VERSION } from '../version.js';

const petitionKind = definePlugin({
  id: 'clocktest',
  name: '期限测试',
  version: '1.0.0',
  kernel: `^${KERNEL_VERSION}`,
  caseKinds: [
    {
      key: 'petition',
      name: '信访事项',
      docWord: '访',
      clocks: [
        { key: 'handle', name: '办理期限', days: 60, unit: 'natural', maxExtensionDays: 30, startsAt: 'assign' },
        { key: 'object', name: '异议期限', days: 5, unit: 'working', startsAt: 'assign' },
      ],
    },
    {
      key: 'letter',
      name: '来信事项',
      docWord: '信',
      clocks: [{ key: 'route', name: '转送期限', days: 15, unit: 'natural', startsAt: 'register' }],
    },
  ],
});

// The kernel's clock stands at Monday 2026-09-28, 10:00 in China: the case is assigned the
// working day before the National Day holiday (10-01..10-07 off, Saturday 10-10 a make-up
// workday).
const ASSIGNED_AT = '2026-09-28T02:00:00Z';

describeEachEngine('statutory clocks', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [petitionKind], clock: createTestClock(ASSIGNED_AT) });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    const r = await sup.caller.cases.register({ kind: 'petition', title: '信访事项期限测试', summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: [] });
    expect(r.docNo).toMatch(/^示政法访〔\d{4}〕1号$/);
    caseId = r.id;
    let v = (await sup.caller.cases.get({ id: caseId })).version;
    v = (await sup.caller.cases.transition({ id: caseId, version: v, action: 'submitForApproval' })).version;
    v = (await leader.caller.cases.transition({ id: caseId, version: v, action: 'approve' })).version;
    v = (
      await sup.caller.cases.setFourFixes({ id: caseId, version: v, leadLeaderId: await userIdByName(t, 'leader'), handlerName: '李承办', resolutionPlan: '依法答复', deadline: '2026-11-27', leadUnitId: await orgIdByName(t, '示范县公安局'), cooperatingUnitIds: [] })
    ).version;
    await sup.caller.cases.transition({ id: caseId, version: v, action: 'assign' });
  });
  afterAll(() => t.stop());

  it("starts the kind's statutory clocks when the case is assigned", async () => {
    const { clocks } = await sup.caller.cases.get({ id: caseId });
    expect(clocks.map((c) => [c.key, c.startOn, c.dueOn])).toEqual([
      ['handle', '2026-09-28', '2026-11-27'],
      // Five working days: 09-29, 09-30, (10-01..10-07 off) 10-08, 10-09 and the make-up Saturday 10-10.
      ['object', '2026-09-28', '2026-10-10'],
    ]);
  });

  it('takes the China date of a request made after 16:00 UTC as its day of receipt', async () => {
    const clock = createTestClock('2026-03-05T16:30:00Z');
    const k = await startTestKernel({ engine, plugins: [petitionKind], clock });
    try {
      const officer = await k.signIn('supervisor');
      const r = await officer.caller.cases.register({ kind: 'letter', title: '午夜来信', summary: '', source: 'letter', urgency: 'normal', isKey: false, parties: [] });
      const c = await officer.caller.cases.get({ id: r.id });
      expect(c.receivedOn).toBe('2026-03-06');
      expect(c.clocks.map((k) => [k.key, k.startOn, k.dueOn])).toEqual([['route', '2026-03-06', '2026-03-21']]);
    } finally {
      await k.stop();
    }
  });

  it('counts working days across a holiday with a make-up weekend workday', async () => {
    const db = t.database.db as Kysely<KernelDatabase>;
    // 2025: National Day 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 are workdays.
    const clock = { start_on: '2025-09-26', days: 5, unit: 'working' as const, extension_days: 0, pauses: [] };
    expect(await dueOf(db, t.tenantId, clock)).toBe('2025-10-10');
  });

  it("follows the administrator's correction of the calendar", async () => {
    const admin = await t.signIn('admin');
    await admin.caller.calendar.set({ date: '2025-10-09', kind: 'holiday', name: '本地调整' });
    const db = t.database.db as Kysely<KernelDatabase>;
    const clock = { start_on: '2025-09-26', days: 5, unit: 'working' as const, extension_days: 0, pauses: [] };
    expect(await dueOf(db, t.tenantId, clock)).toBe('2025-10-11');
    await admin.caller.calendar.set({ date: '2025-10-09', kind: 'official' });
    expect(await dueOf(db, t.tenantId, clock)).toBe('2025-10-10');
  });

  it('stops counting while the clock is paused and moves the due date by the paused days', async () => {
    let handle = (await sup.caller.cases.get({ id: caseId })).clocks.find((c) => c.key === 'handle')!;
    const paused = await sup.caller.cases.pauseClock({ clockId: handle.id, version: handle.version, from: '2026-10-08', reason: '听证' });
    expect(paused.dueOn).toBeNull();
    handle = (await sup.caller.cases.get({ id: caseId })).clocks.find((c) => c.key === 'handle')!;
    expect(handle.paused).toBe(true);
    const resumed = await sup.caller.cases.resumeClock({ clockId: handle.id, version: handle.version, lastPausedDay: '2026-10-12' });
    // 10-08..10-12 (five days) did not count: 11-27 moves to 12-02.
    expect(resumed.dueOn).toBe('2026-12-02');
  });

  it('extends the handling period only after approval, and no further than allowed', async () => {
    const liaison = await t.signIn('liaison');
    const handle = (await liaison.caller.cases.get({ id: caseId })).clocks.find((c) => c.key === 'handle')!;
    await expect(liaison.caller.cases.requestExtension({ clockId: handle.id, days: 31, reason: '案情复杂需补充调查' })).rejects.toThrow('「办理期限」最多还能延长 30 天');
    const { id } = await liaison.caller.cases.requestExtension({ clockId: handle.id, days: 30, reason: '案情复杂需补充调查' });
    expect((await sup.caller.cases.get({ id: caseId })).clocks.find((c) => c.key === 'handle')!.dueOn).toBe('2026-12-02');
    await expect(liaison.caller.cases.decideExtension({ extensionId: id, approve: true, comment: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The committee's approver is asked to decide, and the liaison who asked hears the answer.
    const docNo = (await sup.caller.cases.get({ id: caseId })).docNo;
    expect((await leader.caller.notifications.list({ unreadOnly: true })).items.map((n) => n.title)).toContain(`事项 ${docNo} 申请将「办理期限」延长 30 天，请审批`);
    const decided = await leader.caller.cases.decideExtension({ extensionId: id, approve: true, comment: '同意延期' });
    expect(decided.dueOn).toBe('2027-01-01');
    expect((await liaison.caller.notifications.list({ unreadOnly: true })).items.map((n) => n.title)).toContain(`事项 ${docNo} 的「办理期限」延期申请已获批准`);
    await expect(liaison.caller.cases.requestExtension({ clockId: handle.id, days: 1, reason: '再次延期申请' })).rejects.toThrow('不能再延期');
    const timeline = (await sup.caller.cases.get({ id: caseId })).timeline.map((e) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['clock.pause', 'clock.resume', 'clock.extension.request', 'clock.extension.approve']));
  });

  it('tells an approver who does not see the case that its extensions do not exist, decided or pending', async () => {
    // A head of the procuratorate who may approve extensions, on a case the police lead alone.
    const approver = await addUserWithPermissions(t, { username: 'procurator-head', displayName: '钱检察长', orgName: '示范县人民检察院', permissions: ['cases.read', 'cases.approve'] });
    const handle = (await sup.caller.cases.get({ id: caseId })).clocks.find((c) => c.key === 'handle')!;
    const requester = await userIdByName(t, 'liaison');
    const db = t.database.db as Kysely<KernelDatabase>;
    const extension = (status: 'approved' | 'pending') =>
      db.insertInto('kernel.clock_extensions').values({ tenant_id: t.tenantId, clock_id: handle.id, days: 1, reason: '补充调查', requested_by: requester, status }).returning('id').executeTakeFirstOrThrow();
    const decided = await extension('approved');
    const pending = await extension('pending');
    try {
      for (const { id } of [decided, pending]) {
        await expect(approver.caller.cases.decideExtension({ extensionId: id, approve: true, comment: '' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: clockStrings.extensionNotFound });
      }
    } finally {
      await db.deleteFrom('kernel.clock_extensions').where('id', 'in', [decided.id, pending.id]).execute();
    }
  });

  it('reminds the lead leader and the registering officer once when a statutory clock runs out', async () => {
    // Not yet due the day before, due on 2026-10-10.
    await sweepReminders(t.database.db, '2026-10-09');
    const before = await sql<{ user_id: string }>`select user_id from kernel.reminders where case_id = ${caseId} and due_kind = 'clock:object'`.execute(t.database.db);
    expect(before.rows).toHaveLength(0);
    const day = '2026-10-10';
    await Promise.all([sweepReminders(t.database.db, day), sweepReminders(t.database.db, day)]);
    const rows = await sql<{ user_id: string }>`select user_id from kernel.reminders where case_id = ${caseId} and due_kind = 'clock:object'`.execute(t.database.db);
    expect(rows.rows).toHaveLength(2);
    const inbox = await leader.caller.notifications.list({});
    expect(inbox.items.some((n) => n.title.includes('「异议期限」'))).toBe(true);
  });
});
