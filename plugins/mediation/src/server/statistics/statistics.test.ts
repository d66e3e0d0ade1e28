import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from '@zhengfa/plugin-api';
import { describeEachEngine } from '@zhengfa/test-utils';
import { statisticsStrings as s } from '../strings.js';
import { api, startWorld, type World } from '../test/world.js';

type Mediator = '彭' | '钟' | '邹' | '离';
/** Staff seconded to the center: 甲 police, 乙 court, 丙 and 丁 (no longer active) justice bureau, 戊 human resources. */
type Receiver = '甲' | '乙' | '丙' | '丁' | '戊';

interface Row {
  on: string;
  source: string;
  type: string;
  persons: number;
  status: string;
  route?: string;
  org?: 'A' | 'B';
  /** How and when the mediation ended: an agreement, a termination or a withdrawal. */
  end?: { how: 'agreement' | 'termination' | 'withdrawal'; on: string };
  mediators?: Mediator[];
  /** Assigned, then released after declaring a conflict: never counted. */
  released?: Mediator[];
  /** A written agreement's joint application for judicial confirmation and the court's ruling. */
  confirmation?: { appliedOn: string; ruling?: 'confirmed' | 'rejected'; ruledOn?: string };
  /** The agreement's obligations: due date and what the last return visit found. */
  obligations?: { dueOn: string; performance: 'pending' | 'full' | 'partial' | 'none' }[];
  /** The seconded staff member who received it at the window. */
  receiver?: Receiver;
  /** The day of its hand-off when triaged (default: the day received). */
  triagedOn?: string;
  /** The days the center urged by phone. */
  urgings?: string[];
}

/**
 * The fixture, by hand: eight disputes received in 2026, four in 2025, one in 2027.
 *   #  received   source     type          人  status      route / org     ended            mediators
 *   1  2026-03-01 walk_in    邻里纠纷       2  agreed      mediate A       agreed 03-20     彭
 *   2  2026-04-01 walk_in    邻里纠纷       3  terminated  mediate A       terminated 05-10 彭 (离 released)
 *   3  2026-05-01 petition   劳动争议、欠薪 10  closed      administrative B agreed 06-01     邹
 *   4  2026-06-01 police     婚姻家庭       2  withdrawn   mediate A       withdrawn 06-05  钟
 *   5  2026-07-01 court      合同、债务      1  guided      litigation      —                —
 *   6  2026-12-31 phone      邻里纠纷       4  registered  —               —                —
 *   7  2026-08-01 grassroots 土地山林、坟山  5  agreed      mediate A       agreed 08-20     彭, 钟
 *   8  2026-12-01 walk_in    邻里纠纷       2  agreed      mediate A       agreed 2027-01-03 钟
 *   9  2025-11-01 walk_in    邻里纠纷       3  terminated  mediate A       terminated 2026-01-10 彭
 *  10  2025-02-01 walk_in 3 人 agreed 2025-03-01; 11 2025-06-01 1 人; 12 2025-12-31 2 人; 13 2027-01-01 9 人 agreed 2027-01-04.
 * 2026: 件 1–8 = 8, 人次 2+3+10+2+1+4+5+2 = 29.
 *   Settled by the day it ended in 2026: 1, 3, 7 = 3 (8 is agreed today but ended in 2027);
 *   not settled: 2, 4 and 9 (received in 2025) = 3; success 3 ÷ 6 = 50.0% (by today's status
 *   of the disputes received in 2026 it would be 4 ÷ 6).
 * 2025: 件 9–12 = 4, 人次 3+3+1+2 = 9 → 同比 (8 − 4) ÷ 4 = +100.0%, 人次 (29 − 9) ÷ 9 = +222.2%.
 * Judicial confirmation in 2026: applied 1 (04-01) and 3 (06-20) = 2; confirmed 1 (04-15) = 1 (3 rejected).
 * Obligations due in 2026: 1 (04-30 full, 05-31 none), 3 (07-01 full), 10 (2026-01-15 partial) = 4,
 *   fully performed 2 → 履行率 50.0% (8's, due 2027-02-01, falls outside).
 * Received by (受理人员 → unit): 1, 2, 9 甲 县公安局; 3, 8 乙 县人民法院; 4 丙, 7 丁 县司法局; 5, 6 none;
 *   戊 县人社局 received nothing. 2026 by unit:
 *   县人民法院 3 + 8 = 2 件, 10 + 2 = 12 人次, settled 3, 8 ended in 2027 → 1 / 0, 100.0%, 1 active;
 *   县公安局 1 + 2 = 2 件, 2 + 3 = 5 人次, settled 1, not settled 2 and 9 → 1 / 2, 33.3%, 1 active;
 *   县司法局 4 + 7 = 2 件, 2 + 5 = 7 人次, settled 7, withdrawn 4 → 1 / 1, 50.0%, 1 active (丁 left);
 *   县人社局 zeros, 1 active; 未记录 5 + 6 = 2 件, 1 + 4 = 5 人次, none concluded.
 * Transferred (移交转办) in 2026: 3 to a department (05-01) and 12 returned to petitions on
 *   2026-01-04 (received 2025) = 2; 5 guided to litigation is not a transfer.
 * Urged by phone in 2026: 3 on 05-10 and 05-20, 12 on 01-10 = 2 件, 3 次 (8's call on 2027-01-02 falls outside).
 */
const rows2026: Row[] = [
  { on: '2026-03-01', source: 'walk_in', type: '邻里纠纷', persons: 2, status: 'agreed', route: 'mediate', org: 'A', end: { how: 'agreement', on: '2026-03-20' }, mediators: ['彭'], receiver: '甲',
    confirmation: { appliedOn: '2026-04-01', ruling: 'confirmed', ruledOn: '2026-04-15' }, obligations: [{ dueOn: '2026-04-30', performance: 'full' }, { dueOn: '2026-05-31', performance: 'none' }] },
  { on: '2026-04-01', source: 'walk_in', type: '邻里纠纷', persons: 3, status: 'terminated', route: 'mediate', org: 'A', end: { how: 'termination', on: '2026-05-10' }, mediators: ['彭'], released: ['离'], receiver: '甲' },
  { on: '2026-05-01', source: 'petition', type: '劳动争议、欠薪', persons: 10, status: 'closed', route: 'administrative', org: 'B', end: { how: 'agreement', on: '2026-06-01' }, mediators: ['邹'], receiver: '乙', urgings: ['2026-05-10', '2026-05-20'],
    confirmation: { appliedOn: '2026-06-20', ruling: 'rejected', ruledOn: '2026-07-01' }, obligations: [{ dueOn: '2026-07-01', performance: 'full' }] },
  { on: '2026-06-01', source: 'police', type: '婚姻家庭', persons: 2, status: 'withdrawn', route: 'mediate', org: 'A', end: { how: 'withdrawal', on: '2026-06-05' }, mediators: ['钟'], receiver: '丙' },
  { on: '2026-07-01', source: 'court', type: '合同、债务', persons: 1, status: 'guided', route: 'litigation' },
  { on: '2026-12-31', source: 'phone', type: '邻里纠纷', persons: 4, status: 'registered' },
  { on: '2026-08-01', source: 'grassroots', type: '土地山林、坟山', persons: 5, status: 'agreed', route: 'mediate', org: 'A', end: { how: 'agreement', on: '2026-08-20' }, mediators: ['彭', '钟'], receiver: '丁' },
  { on: '2026-12-01', source: 'walk_in', type: '邻里纠纷', persons: 2, status: 'agreed', route: 'mediate', org: 'A', end: { how: 'agreement', on: '2027-01-03' }, mediators: ['钟'], receiver: '乙', urgings: ['2027-01-02'], obligations: [{ dueOn: '2027-02-01', performance: 'pending' }] },
];
const others: Row[] = [
  { on: '2025-11-01', source: 'walk_in', type: '邻里纠纷', persons: 3, status: 'terminated', route: 'mediate', org: 'A', end: { how: 'termination', on: '2026-01-10' }, mediators: ['彭'], receiver: '甲' },
  { on: '2025-02-01', source: 'walk_in', type: '邻里纠纷', persons: 3, status: 'agreed', route: 'mediate', org: 'A', end: { how: 'agreement', on: '2025-03-01' }, obligations: [{ dueOn: '2026-01-15', performance: 'partial' }] },
  { on: '2025-06-01', source: 'walk_in', type: '邻里纠纷', persons: 1, status: 'registered' },
  { on: '2025-12-31', source: 'phone', type: '其他', persons: 2, status: 'returned', route: 'petitions', triagedOn: '2026-01-04', urgings: ['2026-01-10'] },
  { on: '2027-01-01', source: 'phone', type: '其他', persons: 9, status: 'agreed', route: 'mediate', org: 'A', end: { how: 'agreement', on: '2027-01-04' } },
];

async function insertDisputes(
  db: Kysely<any>,
  tenantId: string,
  orgs: Record<'A' | 'B', string>,
  mediators: Record<Mediator, string>,
  receivers: Record<Receiver, string>,
  rows: Row[],
): Promise<void> {
  let n = 0;
  for (const r of rows) {
    n += 1;
    const d = await sql<{ id: string }>`insert into mediation.disputes (tenant_id, code, source, consent, received_on, summary, dispute_type, person_count, risk_level,
        status, triage_due_on, route, route_org_id, registered_by, registered_by_name, withdrawn_on, received_by_staff_id)
      values (${tenantId}, ${`调${r.on.slice(0, 4)}-9${String(n).padStart(5, '0')}`}, ${r.source}, ${r.source === 'petition'}, ${r.on}, '统计样例', ${r.type},
        ${r.persons}, 'low', ${r.status}, ${r.on}, ${r.route ?? null}, ${r.org ? orgs[r.org] : null}, gen_random_uuid(), '样例',
        ${r.end?.how === 'withdrawal' ? r.end.on : null}, ${r.receiver ? receivers[r.receiver] : null}) returning id`.execute(db);
    const id = d.rows[0]!.id;
    if (r.route)
      await sql`insert into mediation.handoffs (tenant_id, dispute_id, route, org_id, reason, recorded_on, recorded_by, recorded_by_name)
        values (${tenantId}, ${id}, ${r.route}, ${r.org ? orgs[r.org] : null}, '样例', ${r.triagedOn ?? r.on}, gen_random_uuid(), '样例')`.execute(db);
    for (const on of r.urgings ?? [])
      await sql`insert into mediation.urgings (tenant_id, dispute_id, urged_on, urged_party, recorded_by, recorded_by_name)
        values (${tenantId}, ${id}, ${on}, '样例督促对象', gen_random_uuid(), '样例')`.execute(db);
    if (r.end?.how === 'agreement') {
      const c = r.confirmation;
      await sql`insert into mediation.agreements (tenant_id, dispute_id, form, agreed_on, terms, effective_on, confirmation_due_on, applied_on, court, ruling, ruled_on, recorded_by, recorded_by_name)
        values (${tenantId}, ${id}, ${c ? 'written' : 'oral'}, ${r.end.on}, '样例协议', ${c ? r.end.on : null}, ${c ? r.end.on : null}::date + ${c ? 30 : 0}::int,
          ${c?.appliedOn ?? null}, ${c ? '示范县人民法院' : null}, ${c?.ruling ?? null}, ${c?.ruledOn ?? null}, gen_random_uuid(), '样例')`.execute(db);
      if (r.obligations?.length) {
        const party = await sql<{ id: string }>`insert into mediation.parties (tenant_id, dispute_id, position, kind, role, name)
          values (${tenantId}, ${id}, 1, 'person', 'respondent', '样例义务人') returning id`.execute(db);
        let position = 0;
        for (const o of r.obligations) {
          position += 1;
          await sql`insert into mediation.obligations (tenant_id, dispute_id, position, obligor_party_id, content, due_on, performance)
            values (${tenantId}, ${id}, ${position}, ${party.rows[0]!.id}, '样例义务', ${o.dueOn}, ${o.performance})`.execute(db);
        }
      }
    }
    if (r.end?.how === 'termination')
      await sql`insert into mediation.terminations (tenant_id, dispute_id, terminated_on, reason, routes, recorded_by, recorded_by_name)
        values (${tenantId}, ${id}, ${r.end.on}, '样例终止', '{litigation}', gen_random_uuid(), '样例')`.execute(db);
    for (const [who, released] of [...(r.mediators ?? []).map((m) => [m, false] as const), ...(r.released ?? []).map((m) => [m, true] as const)])
      await sql`insert into mediation.assignments (tenant_id, dispute_id, mediator_id, mediator_name, assigned_on, released_on, release_reason, assigned_by)
        values (${tenantId}, ${id}, ${mediators[who]}, ${who}, ${r.on}, ${released ? r.on : null}, ${released ? '回避' : null}, gen_random_uuid())`.execute(db);
  }
}

describeEachEngine('mediation statistics', (engine) => {
  let w: World;
  let stats: any;
  beforeAll(async () => {
    w = await startWorld(engine, '2027-01-05');
    const a = api(w.sup);
    const A = await a.organisations.create({ kind: 'township', name: '城关镇人民调解委员会' });
    const B = await a.organisations.create({ kind: 'administrative', name: '县人社局劳动争议调解', department: '县人力资源和社会保障局' });
    const peng = await a.mediators.create({ orgId: A.id, name: '彭调解', specialities: [] });
    const zhong = await a.mediators.create({ orgId: A.id, name: '钟调解', specialities: [] });
    // Released from dispute 2 after declaring a conflict, and no longer active.
    const gone = await a.mediators.create({ orgId: A.id, name: '已离任', specialities: [], active: false });
    const zou = await a.mediators.create({ orgId: B.id, name: '邹调解', specialities: [] });
    // Active, never assigned: listed with zeros.
    await a.mediators.create({ orgId: B.id, name: '闲调解', specialities: [] });
    const seconded = async (name: string, unit: string, active = true) => (await a.staff.create({ name, unit, secondedFrom: '2025-01-01', active })).id as string;
    const receivers: Record<Receiver, string> = {
      甲: await seconded('甲民警', '县公安局'),
      乙: await seconded('乙法官', '县人民法院'),
      丙: await seconded('丙干部', '县司法局'),
      丁: await seconded('丁干部', '县司法局', false),
      戊: await seconded('戊干部', '县人社局'),
    };
    await insertDisputes(w.t.database.db, w.t.tenantId, { A: A.id, B: B.id }, { 彭: peng.id, 钟: zhong.id, 邹: zou.id, 离: gone.id }, receivers, [...rows2026, ...others]);
    stats = api(w.leader).statistics;
  });
  afterAll(() => w.t.stop());

  it('counts disputes, persons, settled and not settled by the day each ended, the success rate and the change on last year', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect([f.disputes, f.persons, f.settled, f.notSettled, f.concluded, f.successRate]).toEqual([8, 29, 3, 3, 6, 50]);
    expect([f.lastYear, f.yoyDisputes, f.yoyPersons]).toEqual([{ disputes: 4, persons: 9 }, 100, 222.2]);
  });

  it('counts the judicial confirmations applied and confirmed, and the performance rate of the obligations due', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect([f.confirmationsApplied, f.confirmationsConfirmed, f.obligationsDue, f.obligationsPerformed, f.performanceRate]).toEqual([2, 1, 4, 2, 50]);
  });

  it('counts a dispute received in one year and settled in the next as settled in the year it ended', async () => {
    // January 2027: dispute 13 received (9 人) and settled on 01-04, dispute 8 (received 2026) settled on 01-03.
    const f = await stats.summary({ from: '2027-01-01', to: '2027-01-31' });
    expect([f.disputes, f.persons, f.settled, f.notSettled, f.successRate]).toEqual([1, 9, 2, 0, 100]);
  });

  it('breaks the figures down by source, in the order of the sources', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect(f.bySource.map((r: any) => [r.key, r.disputes, r.persons, r.settled, r.notSettled, r.successRate])).toEqual([
      ['walk_in', 3, 7, 1, 2, 33.3],
      ['petition', 1, 10, 1, 0, 100],
      ['police', 1, 2, 0, 1, 0],
      ['court', 1, 1, 0, 0, null],
      ['grassroots', 1, 5, 1, 0, 100],
      ['phone', 1, 4, 0, 0, null],
      ['online', 0, 0, 0, 0, null],
    ]);
  });

  it('breaks the figures down by dispute type, most disputes first', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect(f.byType.map((r: any) => [r.key, r.disputes, r.persons, r.successRate])).toEqual([
      ['邻里纠纷', 4, 11, 33.3],
      ['劳动争议、欠薪', 1, 10, 100],
      ['合同、债务', 1, 1, null],
      ['土地山林、坟山', 1, 5, 100],
      ['婚姻家庭', 1, 2, 0],
    ]);
  });

  it('breaks the figures down by organisation with its active mediators', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect(f.byOrganisation.map((r: any) => [r.name, r.disputes, r.persons, r.settled, r.notSettled, r.successRate, r.mediators])).toEqual([
      ['城关镇人民调解委员会', 5, 14, 2, 3, 40, 2],
      [null, 2, 5, 0, 0, null, 0],
      ['县人社局劳动争议调解', 1, 10, 1, 0, 100, 2],
    ]);
  });

  it('breaks the figures down by mediator, a replaced one not counted, an idle one with zeros', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    // 彭: 1, 2, 7 received (2+3+5), settled 1, 7, not settled 2, 9; 钟: 4, 7, 8 received (2+5+2), settled 7, not settled 4; 邹: 3.
    expect(f.byMediator.map((r: any) => [r.name, r.orgName, r.disputes, r.persons, r.settled, r.notSettled, r.successRate])).toEqual([
      ['彭调解', '城关镇人民调解委员会', 3, 10, 2, 2, 50],
      ['钟调解', '城关镇人民调解委员会', 3, 9, 1, 1, 50],
      ['邹调解', '县人社局劳动争议调解', 1, 10, 1, 0, 100],
      ['闲调解', '县人社局劳动争议调解', 0, 0, 0, 0, null],
    ]);
  });

  it('breaks the figures down by the seconded unit of the staff who received each dispute, the unrecorded last', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect(f.byUnit.map((r: any) => [r.key, r.disputes, r.persons, r.settled, r.notSettled, r.successRate, r.staff])).toEqual([
      ['县人民法院', 2, 12, 1, 0, 100, 1],
      ['县公安局', 2, 5, 1, 2, 33.3, 1],
      ['县司法局', 2, 7, 1, 1, 50, 1],
      ['县人社局', 0, 0, 0, 0, null, 1],
      [null, 2, 5, 0, 0, null, 0],
    ]);
  });

  it('counts the hand-offs transferred to a department or back to the petitions office by the day of the hand-off', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect(f.transferred).toBe(2);
    const january = await stats.summary({ from: '2026-01-01', to: '2026-01-31' });
    expect(january.transferred).toBe(1);
  });

  it('counts the disputes urged by phone and the calls made in the period', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect([f.urgedByPhone, f.phoneUrgings]).toEqual([2, 3]);
    const may = await stats.summary({ from: '2026-05-01', to: '2026-05-15' });
    expect([may.urgedByPhone, may.phoneUrgings]).toEqual([1, 1]);
  });

  it('gives the trend month by month, received by the month received and concluded by the month ended', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    // Received: 03 #1, 04 #2, 05 #3, 06 #4, 07 #5, 08 #7, 12 #8 and #6. Ended: 01 #9 not settled, 03 #1, 05 #2 not, 06 #3 and #4 not, 08 #7.
    expect(f.byMonth.map((r: any) => [r.month, r.disputes, r.persons, r.settled, r.notSettled])).toEqual([
      ['2026-01', 0, 0, 0, 1],
      ['2026-02', 0, 0, 0, 0],
      ['2026-03', 1, 2, 1, 0],
      ['2026-04', 1, 3, 0, 0],
      ['2026-05', 1, 10, 0, 1],
      ['2026-06', 1, 2, 1, 1],
      ['2026-07', 1, 1, 0, 0],
      ['2026-08', 1, 5, 1, 0],
      ['2026-09', 0, 0, 0, 0],
      ['2026-10', 0, 0, 0, 0],
      ['2026-11', 0, 0, 0, 0],
      ['2026-12', 2, 6, 0, 0],
    ]);
  });

  it('counts only the days of a month inside the period', async () => {
    const f = await stats.summary({ from: '2026-12-15', to: '2027-01-03' });
    // December: #6 received on 12-31 (4 人), #8 received 12-01 is outside; January: #13 received on 01-01 (9 人),
    // #8 settled on 01-03, #13 settled on 01-04 is outside.
    expect(f.byMonth.map((r: any) => [r.month, r.disputes, r.persons, r.settled, r.notSettled])).toEqual([
      ['2026-12', 1, 4, 0, 0],
      ['2027-01', 1, 9, 1, 0],
    ]);
  });

  it('counts the triage results by route, the untriaged last', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect(f.byRoute.map((r: any) => [r.key, r.disputes, r.persons])).toEqual([
      ['mediate', 5, 14],
      ['administrative', 1, 10],
      ['arbitration', 0, 0],
      ['litigation', 1, 1],
      ['petitions', 0, 0],
      ['decline', 0, 0],
      [null, 1, 4],
    ]);
  });

  it('counts any period, its ends included', async () => {
    const f = await stats.summary({ from: '2026-04-01', to: '2026-06-01' });
    // Received 2, 3, 4; settled 3 (06-01); not settled 2 (05-10), 4 ended 06-05 after the period; 2025-06-01: 1 件.
    expect([f.disputes, f.persons, f.settled, f.notSettled, f.successRate, f.yoyDisputes]).toEqual([3, 15, 1, 1, 50, 200]);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    await expect(stats.summary({ from: '2026-12-31', to: '2026-01-01' })).rejects.toThrow(s.fromAfterTo);
  });

  it('exports the annual table with the total, each group and the definitions', async () => {
    const file = await stats.exportAnnual({ year: 2026 });
    expect(file.fileName).toBe('矛盾纠纷调处年度统计表-2026年.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    const texts: unknown[][] = [];
    ws.eachRow((row) => texts.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null)));
    expect(texts).toContainEqual([null, '合计', 8, 29, '+100.0%', 3, 3, '50.0%']);
    expect(texts).toContainEqual([1, '来访（中心窗口）', 3, 7, '', 1, 2, '33.3%']);
    expect(texts).toContainEqual([expect.any(Number), '城关镇人民调解委员会', 5, 14, '', 2, 3, '40.0%']);
    expect(texts).toContainEqual([expect.any(Number), '彭调解（城关镇人民调解委员会）', 3, 10, '', 2, 2, '50.0%']);
    expect(texts).toContainEqual([expect.any(Number), '待分流', 1, 4, '', '', '', '']);
    expect(JSON.stringify(texts)).toContain('调解成功率 = 调解成功');
    expect(JSON.stringify(texts)).toContain('按调解结束的日期统计');
    expect(texts).toContainEqual([expect.any(Number), '申请司法确认（件）', 2, '', '', '', '', '']);
    expect(texts).toContainEqual([expect.any(Number), '履行率', '50.0%', '', '', '', '', '']);
    expect(texts).toContainEqual([expect.any(Number), '县公安局（在岗派驻 1 人）', 2, 5, '', 1, 2, '33.3%']);
    expect(texts).toContainEqual([expect.any(Number), '未记录受理人员', 2, 5, '', 0, 0, '—']);
    expect(texts).toContainEqual([expect.any(Number), '移交转办（件）', 2, '', '', '', '', '']);
    expect(texts).toContainEqual([expect.any(Number), '电话督促（件）', 2, '', '', '', '', '']);
    expect(texts).toContainEqual([expect.any(Number), '电话督促（次）', 3, '', '', '', '', '']);
  });
});
