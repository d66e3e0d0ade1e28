import { createTestClock, describeEachEngine, orgIdByName, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { count, personnel } from '../test/helpers.js';

/** A session on a China day from `from` to `to` (HH:mm, China time). */
const at = (day: string, time: string) => `${day}T${time}:00+08:00`;

// The hand-built year: a committee course with six 8-hour sessions before 30 June and one in
// July. GA1 attends all six (48 h) and the July one; GA2 five (40 h) and is absent from the
// sixth; FY1 attends two (16 h) and is excused from a third; FY2 is retired (not measured);
// FY3 attends nothing. The minimum is the default 90: 45 expected by 30 June, 67.5 by 30 September.
const FIRST_HALF = ['2026-03-10', '2026-04-14', '2026-05-12', '2026-05-26', '2026-06-09', '2026-06-30'];

describeEachEngine('training', (engine) => {
  let t: TestKernel;
  const clock = createTestClock('2026-07-01T02:00:00Z');
  let api: any;
  const officers: Record<string, string> = {};
  let courseId: string;
  const sessions: string[] = [];

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [plugin], clock });
    api = personnel((await t.signIn('supervisor')).caller);
    const police = await orgIdByName(t, '示范县公安局');
    const court = await orgIdByName(t, '示范县人民法院');
    for (const [no, unitId, status] of [
      ['GA1', police, 'serving'],
      ['GA2', police, 'serving'],
      ['FY1', court, 'serving'],
      ['FY2', court, 'retired'],
      ['FY3', court, 'seconded'],
    ] as const) {
      officers[no] = (await api.officers.create({ unitId, name: `干警${no}`, officerNo: no, status })).id;
    }
    courseId = (await api.training.courses.create({ unitId: null, kind: 'rotation', title: '政法干警集中轮训', organiser: '县委政法委' })).id;
    for (const day of [...FIRST_HALF, '2026-07-10']) {
      sessions.push((await api.training.sessions.create({ courseId, startsAt: at(day, '09:00'), endsAt: at(day, '17:00'), classHours: 8 })).id);
    }
    const mark = (s: number, entries: [string, string][]) =>
      api.training.sessions.recordAttendance({ sessionId: sessions[s], entries: entries.map(([no, status]) => ({ officerId: officers[no], status })) });
    for (let s = 0; s < 6; s += 1) {
      await mark(s, [
        ['GA1', 'present'],
        ['GA2', s < 5 ? 'present' : 'absent'],
        ['FY1', s < 2 ? 'present' : s === 2 ? 'excused' : 'absent'],
        ['FY2', 'present'],
      ]);
    }
    clock.set('2026-07-11T02:00:00Z');
    await mark(6, [['GA1', 'present']]);
    clock.set('2026-07-01T02:00:00Z');
  });
  afterAll(() => t.stop());

  describe('hours', () => {
    it('credits hours only for the sessions attended', async () => {
      const p = await api.training.progress({ year: 2026 });
      expect(p.officers.map((o: any) => [o.officerNo, o.hours])).toEqual([
        ['GA1', 48],
        ['GA2', 40],
        ['FY1', 16],
        ['FY3', 0],
      ]);
    });

    it('measures serving and seconded officers only', async () => {
      const p = await api.training.progress({ year: 2026 });
      expect(p.officers.map((o: any) => o.officerNo)).toEqual(['GA1', 'GA2', 'FY1', 'FY3']);
    });
  });

  describe('the behind-schedule list', () => {
    it('lists at mid-year who is below half of the minimum, with the shortfall', async () => {
      const b = await api.training.behind({ year: 2026, checkpoint: 'midYear' });
      expect({ date: b.date, expected: b.expected, officers: b.officers.map((o: any) => [o.officerNo, o.hours, o.shortfall]) }).toEqual({
        date: '2026-06-30',
        expected: 45,
        officers: [
          ['GA2', 40, 5],
          ['FY1', 16, 29],
          ['FY3', 0, 45],
        ],
      });
    });

    it('counts the July session at the end of the third quarter, not at mid-year', async () => {
      const b = await api.training.behind({ year: 2026, checkpoint: 'thirdQuarter' });
      expect({ expected: b.expected, officers: b.officers.map((o: any) => [o.officerNo, o.hours, o.shortfall]) }).toEqual({
        expected: 67.5,
        officers: [
          ['GA1', 56, 11.5],
          ['GA2', 40, 27.5],
          ['FY1', 16, 51.5],
          ['FY3', 0, 67.5],
        ],
      });
    });

    it('names the units behind with how many of their officers are', async () => {
      const b = await api.training.behind({ year: 2026, checkpoint: 'midYear' });
      expect(b.units.map((u: any) => [u.unitName, u.officers, u.behind])).toEqual([
        ['示范县公安局', 2, 1],
        ['示范县人民法院', 2, 2],
      ]);
    });
  });

  describe('sign-in by code', () => {
    let inside: { id: string; signInCode: string };
    let later: { id: string; signInCode: string };
    let liaison: any;
    beforeAll(async () => {
      inside = await api.training.sessions.create({ courseId, startsAt: at('2026-07-01', '09:00'), endsAt: at('2026-07-01', '11:00'), classHours: 2 });
      later = await api.training.sessions.create({ courseId, startsAt: at('2026-07-01', '14:00'), endsAt: at('2026-07-01', '16:00'), classHours: 2 });
      const user = await t.signIn('liaison');
      await api.officers.linkUser({ id: officers.GA2, version: 1, userId: user.ctx.user!.id });
      liaison = personnel(user.caller);
    });

    it('records the officer present when the code is entered during the session', async () => {
      clock.set('2026-07-01T02:00:00Z');
      expect(await liaison.training.signIn({ code: inside.signInCode })).toMatchObject({ sessionId: inside.id, classHours: 2, already: false });
      const rows = await api.training.sessions.attendance({ id: inside.id });
      expect(rows.map((r: any) => [r.officerNo, r.status, r.method])).toEqual([['GA2', 'present', 'code']]);
    });

    it('refuses a code entered outside its session, and writes nothing', async () => {
      clock.set('2026-07-01T02:00:00Z');
      const before = await count(t, 'training_attendance');
      await expect(liaison.training.signIn({ code: later.signInCode })).rejects.toThrow('「签到码」只能在培训时间（2026-07-01 14:00—2026-07-01 16:00）内使用');
      expect(await count(t, 'training_attendance')).toBe(before);
    });

    it('refuses a code after its session ended', async () => {
      clock.set('2026-07-01T08:00:01Z');
      await expect(liaison.training.signIn({ code: later.signInCode })).rejects.toThrow('「签到码」只能在培训时间（2026-07-01 14:00—2026-07-01 16:00）内使用');
    });

    it('refuses a user whose account is linked to no officer', async () => {
      clock.set('2026-07-01T02:00:00Z');
      await expect(api.training.signIn({ code: inside.signInCode })).rejects.toThrow('您的账号未关联干警名册，无法签到，请联系政治部');
    });

    it('shows the officer their own hours of the year', async () => {
      const mine = await liaison.training.mine({ year: 2026 });
      expect([mine.required, mine.hours, mine.sessions.filter((s: any) => s.credited).length]).toEqual([90, 42, 6]);
    });
  });

  describe('refusals', () => {
    it('refuses class hours below zero, naming the field, and writes nothing', async () => {
      const before = await count(t, 'training_sessions');
      await expect(api.training.sessions.create({ courseId, startsAt: at('2026-07-02', '09:00'), endsAt: at('2026-07-02', '11:00'), classHours: -1 })).rejects.toThrow(
        '「学时」不能小于 0',
      );
      expect(await count(t, 'training_sessions')).toBe(before);
    });

    it('refuses plan items with hours below zero, naming the field', async () => {
      const police = await orgIdByName(t, '示范县公安局');
      await expect(
        api.training.plans.create({ unitId: police, year: 2026, title: '2026年度教育培训计划', items: [{ kind: 'post', title: '执法规范化培训', classHours: -2 }] }),
      ).rejects.toThrow('「学时」不能小于 0');
      expect(await count(t, 'training_plans')).toBe(0);
    });

    it('refuses an exam result for an unknown officer number, naming the field, and writes nothing', async () => {
      await expect(api.training.exams.record({ courseId, officerNo: 'NOPE', takenOn: '2026-06-30', score: 88 })).rejects.toThrow('「警号」不是名册中的干警');
      expect(await count(t, 'training_exams')).toBe(0);
    });

    it('answers a session created again with the same client key with the first one', async () => {
      const clientKey = '3f1b7c2e-8a4d-4e6f-9b0a-1c2d3e4f5a6b';
      const input = { courseId, startsAt: at('2026-07-03', '09:00'), endsAt: at('2026-07-03', '11:00'), classHours: 2, clientKey };
      const first = await api.training.sessions.create(input);
      const before = await count(t, 'training_sessions');
      expect(await api.training.sessions.create(input)).toEqual(first);
      expect(await count(t, 'training_sessions')).toBe(before);
    });

    it('refuses a session ending before it starts', async () => {
      await expect(api.training.sessions.create({ courseId, startsAt: at('2026-07-02', '11:00'), endsAt: at('2026-07-02', '09:00'), classHours: 2 })).rejects.toThrow(
        '「结束时间」应晚于「开始时间」',
      );
    });

    it('refuses attendance recorded before the session starts', async () => {
      await expect(api.training.sessions.recordAttendance({ sessionId: sessions[6], entries: [{ officerId: officers.GA2, status: 'present' }] })).rejects.toThrow(
        '培训班次2026-07-10 09:00开始，开始前不能登记「出勤情况」',
      );
    });

    it('refuses attendance of an officer outside the unit’s scope', async () => {
      const unit = personnel((await t.signIn('liaison')).caller);
      await expect(unit.training.sessions.recordAttendance({ sessionId: sessions[0], entries: [{ officerId: officers.FY1, status: 'present' }] })).rejects.toThrow(
        '「签到名单」中有不在您管理范围内的干警',
      );
    });
  });

  it('puts today’s sessions on the workbench of the training staff', async () => {
    clock.set('2026-07-01T02:00:00Z');
    const { caller } = await t.signIn('supervisor');
    const todos = await (caller as any).workbench.todos();
    const mine = todos.find((g: any) => g.pluginId === 'personnel');
    expect(mine.items.map((i: any) => [i.label, i.count, i.link])).toEqual([
      ['今日培训班次', 2, '/personnel/training/sessions?from=2026-07-01&to=2026-07-01'],
      ['学时进度落后的单位', 2, '/personnel/training/behind?year=2026&checkpoint=midYear'],
    ]);
  });

  it('reminds a unit of its own officers behind schedule', async () => {
    clock.set('2026-07-01T02:00:00Z');
    const { caller } = await t.signIn('liaison');
    const todos = await (caller as any).workbench.todos();
    const mine = todos.find((g: any) => g.pluginId === 'personnel');
    expect(mine.items.map((i: any) => [i.label, i.count])).toEqual([
      ['今日培训班次', 2],
      ['本单位学时进度落后的干警', 1],
      // The liaison's other reminder of the plugin: June's 三个规定 report, not yet submitted.
      ['三个规定2026年6月月报待报送', 1],
    ]);
  });

  describe('exams, certificates, plans and the minimum', () => {
    it('records an exam result with its pass mark', async () => {
      await api.training.exams.record({ courseId, officerNo: 'GA1', takenOn: '2026-06-30', score: 59.5 });
      expect((await api.training.exams.list({ courseId })).map((e: any) => [e.officerNo, e.score, e.passed])).toEqual([['GA1', 59.5, false]]);
    });

    it('refuses a certificate number recorded twice', async () => {
      await api.training.certificates.record({ officerNo: 'GA1', courseId, certificateNo: 'ZF-2026-001', title: '集中轮训结业证书', issuedOn: '2026-06-30' });
      await expect(api.training.certificates.record({ officerNo: 'GA2', certificateNo: 'ZF-2026-001', title: '集中轮训结业证书', issuedOn: '2026-06-30' })).rejects.toThrow(
        '「证书编号」ZF-2026-001 已登记',
      );
      expect((await api.training.certificates.list()).map((c: any) => [c.officerNo, c.certificateNo])).toEqual([['GA1', 'ZF-2026-001']]);
    });

    it('totals a unit’s yearly plan and prints it as docx', async () => {
      const court = await orgIdByName(t, '示范县人民法院');
      const { id } = await api.training.plans.create({
        unitId: court,
        year: 2026,
        title: '2026年度教育培训计划',
        items: [
          { kind: 'rotation', title: '政治轮训', month: 3, classHours: 40, audience: '全体干警' },
          { kind: 'post', title: '五种能力岗位培训', month: 9, classHours: 32.5 },
          { kind: 'online', title: '网络学习', classHours: 20 },
        ],
      });
      expect((await api.training.plans.get({ id })).totalHours).toBe(92.5);
      const doc = await api.training.plans.document({ id });
      expect([doc.fileName, Buffer.from(doc.base64, 'base64').subarray(0, 2).toString()]).toEqual(['示范县人民法院2026年度教育培训计划.docx', 'PK']);
    });

    it('moves the behind-schedule line with the county’s minimum', async () => {
      const { version } = await api.training.settings();
      await api.training.setRequiredHours({ hours: 80, version });
      const b = await api.training.behind({ year: 2026, checkpoint: 'midYear' });
      expect([b.expected, b.officers.map((o: any) => o.officerNo)]).toEqual([40, ['FY1', 'FY3']]);
    });
  });

});
