import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, auditRows, chinaMorning, insertOfficer, rowCount, startWorld, type World } from '../test/officers.js';

describeEachEngine('personnel sanctions', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
  }, 120_000);
  afterAll(() => w.t.stop());

  const reason = '违规过问案件，情节较轻';

  it('records 记过 decided on 2026-03-15 with its effect until 2027-03-14', async () => {
    const officerId = await insertOfficer(w.t, { name: '周立', officerNo: 'S001' });
    const r = await api(w.staff).sanctions.decide({ officerId, form: 2, kind: 'demerit', decidedOn: '2026-03-15', reason });
    expect(r).toMatchObject({ effectiveUntil: '2027-03-14', permanent: false });
    const [s] = await api(w.staff).sanctions.list({ officerId });
    expect(s).toMatchObject({ kind: 'demerit', category: 'governmental', form: 2, decidedOn: '2026-03-15', effectMonths: 12, effectiveUntil: '2027-03-14', inForce: true });
  });

  it('audits every read of the sanctions and of an officer’s eligibility', async () => {
    const officerId = await insertOfficer(w.t, { name: '包勉', officerNo: 'S011' });
    await api(w.staff).sanctions.decide({ officerId, form: 1, kind: 'admonishment', decidedOn: '2026-05-01', reason });
    await api(w.staff).sanctions.list({ officerId, inForce: true });
    await api(w.political).sanctions.eligibility({ officerId });
    expect((await auditRows(w.t, 'personnel.sanctions.read')).at(-1)).toMatchObject({ actor_id: w.staff.id, detail: { officerId, inForce: true, count: 1 } });
    expect((await auditRows(w.t, 'personnel.sanctions.eligibility', officerId)).map((r) => [r.actor_id, r.detail])).toEqual([[w.political.id, { on: '2026-06-01' }]]);
  });

  it('records each kind’s period from its decision date through the procedure', async () => {
    const officerId = await insertOfficer(w.t, { name: '吴明', officerNo: 'S002' });
    const decide = (kind: string, extra: Record<string, unknown> = {}) =>
      api(w.staff).sanctions.decide({ officerId, form: 2, kind, decidedOn: '2026-03-15', reason, ...extra }).then((r: { effectiveUntil: string | null; permanent: boolean }) => (r.permanent ? 'permanent' : r.effectiveUntil));
    expect(await decide('gov_warning')).toBe('2026-09-14');
    expect(await decide('major_demerit')).toBe('2027-09-14');
    expect(await decide('demotion')).toBe('2028-03-14');
    expect(await decide('dismissal_from_post')).toBe('2028-03-14');
    expect(await decide('expulsion')).toBe('permanent');
    expect(await decide('party_warning')).toBe('2027-03-14');
    expect(await decide('party_serious_warning')).toBe('2027-09-14');
    expect(await decide('party_post_removal')).toBe('2028-03-14');
    expect(await decide('party_probation', { probationYears: 1 })).toBe('2027-03-14');
    expect(await decide('party_probation', { probationYears: 2 })).toBe('2028-03-14');
    expect(await decide('party_expulsion')).toBe('2031-03-14');
    expect(await decide('admonishment', { form: 1 })).toBe('2026-09-14');
    expect(await decide('talk_reminder', { form: 1 })).toBe(null);
  });

  it('applies the county’s own months to decisions recorded after it set them', async () => {
    const officerId = await insertOfficer(w.t, { name: '郑和平', officerNo: 'S003' });
    await api(w.staff).sanctions.setPeriod({ kind: 'gov_warning', months: 9 });
    const r = await api(w.staff).sanctions.decide({ officerId, form: 2, kind: 'gov_warning', decidedOn: '2026-03-15', reason });
    expect(r.effectiveUntil).toBe('2026-12-14');
    const periods = await api(w.staff).sanctions.periods();
    expect(periods.find((p: { kind: string }) => p.kind === 'gov_warning')).toMatchObject({ defaultMonths: 6, countyMonths: 9, adjustable: true });
    await api(w.staff).sanctions.setPeriod({ kind: 'gov_warning', months: 6 });
  });

  it('refuses a decision dated before the clue was received, naming the field, and writes nothing', async () => {
    const officerId = await insertOfficer(w.t, { name: '冯远', officerNo: 'S004' });
    const clue = await api(w.staff).clues.create({ officerId, source: 'complaint', receivedOn: '2026-04-01', summary: '群众投诉办案态度粗暴' });
    const before = await rowCount(w.t, 'sanctions');
    await expect(api(w.staff).sanctions.decide({ officerId, clueId: clue.id, form: 1, kind: 'criticism', decidedOn: '2026-03-31', reason })).rejects.toThrow(
      '「决定日期」不能早于问题线索受理日期（2026年4月1日）',
    );
    expect(await rowCount(w.t, 'sanctions')).toBe(before);
    expect((await api(w.staff).clues.get({ id: clue.id })).status).toBe('accepted');
  });

  it('marks the clue decided when a decision is recorded on it', async () => {
    const officerId = await insertOfficer(w.t, { name: '陈东', officerNo: 'S005' });
    const clue = await api(w.staff).clues.create({ officerId, source: 'petition', receivedOn: '2026-04-01', summary: '信访反映违规办案' });
    await api(w.staff).sanctions.decide({ officerId, clueId: clue.id, form: 2, kind: 'demerit', decidedOn: '2026-05-20', reason });
    const got = await api(w.staff).clues.get({ id: clue.id });
    expect(got.status).toBe('decided');
    expect(got.steps.map((s: { step: string }) => s.step)).toEqual(['accepted', 'decided']);
  });

  it('refuses party discipline for an officer who is not a party member', async () => {
    const officerId = await insertOfficer(w.t, { name: '褚云', officerNo: 'S006', isPartyMember: false });
    const before = await rowCount(w.t, 'sanctions');
    await expect(api(w.staff).sanctions.decide({ officerId, form: 2, kind: 'party_warning', decidedOn: '2026-03-15', reason })).rejects.toThrow('该干警不是党员，不能给予党纪处分');
    expect(await rowCount(w.t, 'sanctions')).toBe(before);
  });

  it('refuses 留党察看 without its period', async () => {
    const officerId = await insertOfficer(w.t, { name: '卫青', officerNo: 'S007' });
    await expect(api(w.staff).sanctions.decide({ officerId, form: 3, kind: 'party_probation', decidedOn: '2026-03-15', reason })).rejects.toThrow(
      '留党察看须选择「留党察看期限」（一年或二年）',
    );
  });

  it('refuses a sanction to a user without the discipline permission', async () => {
    const officerId = await insertOfficer(w.t, { name: '蒋平', officerNo: 'S008' });
    await expect(api(w.political).sanctions.decide({ officerId, form: 2, kind: 'demerit', decidedOn: '2026-03-15', reason })).rejects.toThrow(
      '您没有「纪律作风（问题线索、处分、错案追究、三个规定记录人身份）」权限',
    );
  });

  it('refuses a commendation during the effect of 记过 and accepts it the day after the period ends', async () => {
    const officerId = await insertOfficer(w.t, { name: '沈括', officerNo: 'S009' });
    await api(w.staff).sanctions.decide({ officerId, form: 2, kind: 'demerit', decidedOn: '2026-03-15', reason });
    w.clock.set(chinaMorning('2027-03-14'));
    try {
      const before = await rowCount(w.t, 'commendations');
      await expect(api(w.political).commendations.award({ kind: 'best_officer', officerId, title: '2026年度十佳政法干警', awardedOn: '2027-03-14' })).rejects.toThrow(
        '该干警处于处分影响期内（至2027年3月14日），不得表彰奖励',
      );
      expect(await rowCount(w.t, 'commendations')).toBe(before);
      expect(await api(w.political).sanctions.eligibility({ officerId })).toEqual({ on: '2027-03-14', eligible: false, until: '2027-03-14', permanent: false });

      w.clock.set(chinaMorning('2027-03-15'));
      expect(await api(w.political).sanctions.eligibility({ officerId })).toEqual({ on: '2027-03-15', eligible: true, until: null, permanent: false });
      const { id } = await api(w.political).commendations.award({ kind: 'best_officer', officerId, title: '2026年度十佳政法干警', awardedOn: '2027-03-15' });
      expect((await api(w.political).commendations.list({ officerId })).map((c: { id: string }) => c.id)).toEqual([id]);
    } finally {
      w.clock.set(chinaMorning('2026-06-01'));
    }
  });

  it('refuses an 优秀 grade during a sanction’s effect and accepts 称职', async () => {
    const officerId = await insertOfficer(w.t, { name: '韩信', officerNo: 'S010' });
    await api(w.staff).sanctions.decide({ officerId, form: 2, kind: 'gov_warning', decidedOn: '2026-03-15', reason });
    await expect(api(w.political).assessments.record({ officerId, period: '2026-Q1', grade: 'excellent', assessedOn: '2026-04-10' })).rejects.toThrow(
      '该干警处于处分影响期内（至2026年9月14日），考核不得评为优秀',
    );
    await api(w.political).assessments.record({ officerId, period: '2026-Q1', grade: 'competent', assessedOn: '2026-04-10' });
    expect((await api(w.political).assessments.list({ officerId })).map((a: { period: string; grade: string }) => [a.period, a.grade])).toEqual([['2026-Q1', 'competent']]);
  });

  it('puts a period ending within 30 days on the political department’s to-do list', async () => {
    w.clock.set(chinaMorning('2026-08-20'));
    try {
      const todos = await (w.political.caller as any).workbench.todos();
      // 警告 and 诫勉 of 吴明 and 警告 of 韩信, decided 2026-03-15, end 2026-09-14; 郑和平's 9-month 警告 ends 2026-12-14.
      expect(todos).toEqual([
        {
          pluginId: 'personnel',
          pluginName: '教育培训与纪律作风',
          items: [{ key: 'periods-ending', label: '处分影响期即将届满', count: 3, link: '/personnel/sanctions?ending=30', oldest: '2026-09-14' }],
        },
      ]);
    } finally {
      w.clock.set(chinaMorning('2026-06-01'));
    }
  });
});
