import { afterAll, beforeAll, expect, it } from 'vitest';
import { definePlugin } from '@zhengfa/plugin-api';
import { createTestClock, describeEachEngine, orgIdByName, startTestKernel, userIdByName, type ActingUser, type TestClock, type TestKernel } from '../testing/index.js';
import { KERNEL_VERSION } from '../version.js';

const objectionKind = definePlugin({
  id: 'calfix',
  name: '日历调整测试',
  version: '1.0.0',
  kernel: `^${KERNEL_VERSION}`,
  caseKinds: [
    {
      key: 'petition',
      name: '信访事项',
      docWord: '访',
      clocks: [
        { key: 'handle', name: '办理期限', days: 60, unit: 'natural', startsAt: 'assign' },
        { key: 'object', name: '异议期限', days: 5, unit: 'working', startsAt: 'assign' },
      ],
    },
  ],
});

// Cases assigned on Monday 2026-09-28 (10:00 in China): five working days to object run
// 09-29, 09-30, (10-01..10-07 off) 10-08, 10-09 and the make-up Saturday 10-10.
const ASSIGNED_AT = '2026-09-28T02:00:00Z';

describeEachEngine('correcting the working calendar under running clocks', (engine) => {
  let t: TestKernel;
  let clock: TestClock;
  let sup: ActingUser;
  let leader: ActingUser;
  let admin: ActingUser;
  beforeAll(async () => {
    clock = createTestClock(ASSIGNED_AT);
    t = await startTestKernel({ engine, plugins: [objectionKind], clock });
    [sup, leader, admin] = [await t.signIn('supervisor'), await t.signIn('leader'), await t.signIn('admin')];
  });
  afterAll(() => t.stop());

  const assigned = async (title: string) => {
    const r = await sup.caller.cases.register({ kind: 'petition', title, summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: [] });
    let v = (await sup.caller.cases.get({ id: r.id })).version;
    v = (await sup.caller.cases.transition({ id: r.id, version: v, action: 'submitForApproval' })).version;
    v = (await leader.caller.cases.transition({ id: r.id, version: v, action: 'approve' })).version;
    v = (
      await sup.caller.cases.setFourFixes({ id: r.id, version: v, leadLeaderId: await userIdByName(t, 'leader'), handlerName: '李承办', resolutionPlan: '依法答复', deadline: '2026-11-27', leadUnitId: await orgIdByName(t, '示范县公安局'), cooperatingUnitIds: [] })
    ).version;
    await sup.caller.cases.transition({ id: r.id, version: v, action: 'assign' });
    return r.id;
  };
  const dueDates = async (id: string) => Object.fromEntries((await sup.caller.cases.get({ id })).clocks.map((c) => [c.key, c.dueOn]));
  const recalculations = async (id: string) => (await sup.caller.cases.get({ id })).timeline.filter((e) => e.type === 'clock.recalculate').map((e) => e.comment);

  it('moves a running working-day clock when a day in its period becomes a holiday, and back when the correction is dropped', async () => {
    clock.set(ASSIGNED_AT);
    const id = await assigned('日历调整重算期限');
    expect(await dueDates(id)).toEqual({ handle: '2026-11-27', object: '2026-10-10' });

    clock.set('2026-09-29T02:00:00Z');
    await admin.caller.calendar.set({ date: '2026-10-09', kind: 'holiday', name: '本地调整' });
    // 10-09 off: 09-29, 09-30, 10-08, 10-10 (make-up), 10-12.
    expect(await dueDates(id)).toEqual({ handle: '2026-11-27', object: '2026-10-12' });

    await admin.caller.calendar.set({ date: '2026-10-09', kind: 'official' });
    expect(await dueDates(id)).toEqual({ handle: '2026-11-27', object: '2026-10-10' });
    expect(await recalculations(id)).toEqual([
      '工作日历调整（2026-10-09 改为放假），「异议期限」到期日由 2026-10-10 改为 2026-10-12',
      '工作日历调整（2026-10-09 恢复国务院安排），「异议期限」到期日由 2026-10-12 改为 2026-10-10',
    ]);
  });

  it('brings a running clock forward when a holiday in its period becomes a working day', async () => {
    clock.set(ASSIGNED_AT);
    const id = await assigned('调休上班提前到期');
    await admin.caller.calendar.set({ date: '2026-10-02', kind: 'workday', name: '本地调整' });
    try {
      // 09-29, 09-30, 10-02, 10-08, 10-09.
      expect(await dueDates(id)).toMatchObject({ object: '2026-10-09' });
      expect(await recalculations(id)).toEqual(['工作日历调整（2026-10-02 改为上班），「异议期限」到期日由 2026-10-10 改为 2026-10-09']);
    } finally {
      await admin.caller.calendar.set({ date: '2026-10-02', kind: 'official' });
    }
  });

  it('leaves a clock already due, and a stopped clock, as they were', async () => {
    clock.set(ASSIGNED_AT);
    const due = await assigned('已到期的期限');
    const stopped = await assigned('已停止的期限');
    await t.database.db.updateTable('kernel.case_clocks').set({ stopped_on: '2026-09-30' }).where('case_id', '=', stopped).where('key', '=', 'object').execute();
    // On 10-10 the objection clock of the first case is due today: no longer "not yet due".
    clock.set('2026-10-10T02:00:00Z');
    admin = await t.signIn('admin');
    sup = await t.signIn('supervisor');
    await admin.caller.calendar.set({ date: '2026-10-09', kind: 'holiday', name: '本地调整' });
    try {
      expect(await dueDates(due)).toMatchObject({ object: '2026-10-10' });
      expect(await dueDates(stopped)).toMatchObject({ object: '2026-10-10' });
      expect(await recalculations(due)).toEqual([]);
      expect(await recalculations(stopped)).toEqual([]);
    } finally {
      await admin.caller.calendar.set({ date: '2026-10-09', kind: 'official' });
    }
  });
});
