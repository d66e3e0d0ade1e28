import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, type ActingUser } from '@zhengfa/test-utils';
import { api, auditRows, officerWithAccount, rowCount, startWorld, type Officer, type World } from '../test/officers.js';

describeEachEngine('personnel 三个规定 records', (engine) => {
  let w: World;
  let reporter: Officer;
  let detective: Officer;
  let liaison: ActingUser;
  let leader: ActingUser;
  const record = (over: Record<string, unknown> = {}) => ({
    intervenerKind: 'outside_official',
    intervenerName: '某局副局长',
    occurredOn: '2026-03-05',
    manner: 'phone',
    caseRef: '示公刑〔2026〕15号盗窃案',
    content: '打听案件进展，希望从轻处理',
    ...over,
  });

  beforeAll(async () => {
    w = await startWorld(engine, '2026-04-10');
    reporter = await officerWithAccount(w.t, { username: 'gaoa', name: '高安', officerNo: 'C001' });
    detective = await officerWithAccount(w.t, { username: 'xingzhen', name: '邢真', officerNo: 'C002', unit: '刑事侦查大队' });
    liaison = await w.t.signIn('liaison');
    leader = await w.t.signIn('leader');
    await api(reporter).conduct.record(record({ occurredOn: '2026-02-10', intervenerKind: 'lawyer', intervenerName: '某律师事务所律师', manner: 'in_person' }));
    await api(reporter).conduct.record(record());
    await api(detective).conduct.record(record({ occurredOn: '2026-03-20', intervenerKind: 'party', intervenerName: '嫌疑人家属' }));
  }, 180_000);
  afterAll(() => w.t.stop());

  it('records with six fields and lists the officer’s own records, newest first', async () => {
    const mine = await api(reporter).conduct.mine();
    expect(mine.map((r: { occurredOn: string; intervenerKind: string; manner: string }) => [r.occurredOn, r.intervenerKind, r.manner])).toEqual([
      ['2026-03-05', 'outside_official', 'phone'],
      ['2026-02-10', 'lawyer', 'in_person'],
    ]);
  });

  it('returns the first record when the same clientKey is sent twice', async () => {
    const before = await rowCount(w.t, 'conduct_records');
    const a = await api(reporter).conduct.record(record({ occurredOn: '2026-04-09', clientKey: 'key-00000001' }));
    const b = await api(reporter).conduct.record(record({ occurredOn: '2026-04-09', clientKey: 'key-00000001' }));
    expect(b.id).toBe(a.id);
    expect(await rowCount(w.t, 'conduct_records')).toBe(before + 1);
  });

  it('refuses a user who is not in the officer registry', async () => {
    const sup = await w.t.signIn('supervisor');
    const before = await rowCount(w.t, 'conduct_records');
    await expect(api(sup).conduct.record(record())).rejects.toThrow('您的账号未关联干警名册，请联系政治部');
    expect(await rowCount(w.t, 'conduct_records')).toBe(before);
  });

  it('refuses a date in the future, naming the field', async () => {
    await expect(api(reporter).conduct.record(record({ occurredOn: '2026-04-11' }))).rejects.toThrow('「发生日期」不能晚于今天（2026-04-10）');
  });

  it('refuses the reporter as the officer recorded', async () => {
    await expect(api(reporter).conduct.record(record({ intervenerKind: 'colleague', subjectOfficerId: reporter.officerId }))).rejects.toThrow('「被记录干警」不能是记录人本人');
  });

  it('counts the unit’s records of a month, its sub-units included, for the liaison', async () => {
    expect(await api(liaison).conduct.unitMonth({ month: '2026-03' })).toMatchObject({ unitName: '示范县公安局', month: '2026-03', recordCount: 2, report: null });
  });

  it('submits a zero report for a month without records and a report with the count otherwise', async () => {
    expect(await api(liaison).conduct.submitReport({ month: '2026-01' })).toEqual({ recordCount: 0, zero: true });
    expect(await api(liaison).conduct.submitReport({ month: '2026-02' })).toEqual({ recordCount: 1, zero: false });
    expect(await api(liaison).conduct.submitReport({ month: '2026-03' })).toEqual({ recordCount: 2, zero: false });
    expect((await api(liaison).conduct.unitMonth({ month: '2026-01' })).report).toMatchObject({ recordCount: 0, zero: true });
  });

  it('refuses a second report for the same month and writes nothing', async () => {
    await api(liaison).conduct.submitReport({ month: '2025-12' });
    const before = await rowCount(w.t, 'conduct_reports');
    await expect(api(liaison).conduct.submitReport({ month: '2025-12' })).rejects.toThrow('本单位2025年12月的三个规定月报已报送');
    expect(await rowCount(w.t, 'conduct_reports')).toBe(before);
  });

  it('refuses a report for a month that has not begun', async () => {
    await expect(api(liaison).conduct.submitReport({ month: '2026-05' })).rejects.toThrow('「月份」不能晚于本月（2026年4月）');
  });

  it('refuses a malformed month naming the field', async () => {
    await expect(api(liaison).conduct.unitMonth({ month: '2026-13' })).rejects.toThrow('「月份」应为“年-月”，如 2026-03');
  });

  it('sums the quarter by unit and lists the units that have not reported', async () => {
    const q = await api(leader).conduct.quarterSummary({ year: 2026, quarter: 1 });
    expect(q.units.map((u: { unitName: string; records: number; missing: string[] }) => [u.unitName, u.records, u.missing])).toEqual([
      ['示范县公安局', 3, []],
      ['示范县人民检察院', 0, ['2026-01', '2026-02', '2026-03']],
      ['示范县人民法院', 0, ['2026-01', '2026-02', '2026-03']],
      ['示范县司法局', 0, ['2026-01', '2026-02', '2026-03']],
    ]);
    expect(q.units[0].months).toEqual([
      { month: '2026-01', records: 0, reported: true, zero: true },
      { month: '2026-02', records: 1, reported: true, zero: false },
      { month: '2026-03', records: 2, reported: true, zero: false },
    ]);
    expect(q.totalRecords).toBe(3);
    expect(q.notReported.map((u: { unitName: string }) => u.unitName)).toEqual(['示范县人民检察院', '示范县人民法院', '示范县司法局']);
  });

  it('shows the discipline staff every record with its reporter, and audits the read', async () => {
    const rows = await api(w.staff).conduct.list({ from: '2026-01-01', to: '2026-03-31' });
    expect(rows.map((r: { reporterName: string; occurredOn: string }) => [r.reporterName, r.occurredOn])).toEqual([
      ['邢真', '2026-03-20'],
      ['高安', '2026-03-05'],
      ['高安', '2026-02-10'],
    ]);
    const audit = await auditRows(w.t, 'personnel.conduct.read');
    expect(audit.at(-1)).toMatchObject({ actor_id: w.staff.id, detail: { from: '2026-01-01', to: '2026-03-31', count: 3 } });
  });

  it('refuses the records with their reporters to the liaison', async () => {
    await expect(api(liaison).conduct.list()).rejects.toThrow('您没有「纪律作风（问题线索、处分、错案追究、三个规定记录人身份）」权限');
  });
});
