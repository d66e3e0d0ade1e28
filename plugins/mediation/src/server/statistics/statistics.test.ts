import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from '@zhengfa/plugin-api';
import { describeEachEngine } from '@zhengfa/test-utils';
import { statisticsStrings as s } from '../strings.js';
import { api, startWorld, type World } from '../test/world.js';

interface Row {
  on: string;
  source: string;
  type: string;
  persons: number;
  status: string;
  route?: string;
  org?: 'A' | 'B';
}

/**
 * The fixture, by hand: seven disputes in 2026, three in 2025, one in 2027.
 *   1 walk_in    邻里纠纷       2 人 agreed      mediate        A
 *   2 walk_in    邻里纠纷       3 人 terminated  mediate        A
 *   3 petition   劳动争议、欠薪 10 人 closed      administrative B
 *   4 police     婚姻家庭       2 人 withdrawn   mediate        A
 *   5 court      合同、债务     1 人 guided      litigation     —
 *   6 phone      邻里纠纷       4 人 registered  —              —
 *   7 grassroots 土地山林、坟山  5 人 agreed      mediate        A
 * 2026: 7 件, 27 人次; settled 1, 3, 7 = 3; not settled 2, 4 = 2; success 3 ÷ 5 = 60.0%.
 * 2025: 3 件, 6 人次 → 同比 (7 − 3) ÷ 3 = +133.3%, 人次 (27 − 6) ÷ 6 = +350.0%.
 */
const rows2026: Row[] = [
  { on: '2026-03-01', source: 'walk_in', type: '邻里纠纷', persons: 2, status: 'agreed', route: 'mediate', org: 'A' },
  { on: '2026-04-01', source: 'walk_in', type: '邻里纠纷', persons: 3, status: 'terminated', route: 'mediate', org: 'A' },
  { on: '2026-05-01', source: 'petition', type: '劳动争议、欠薪', persons: 10, status: 'closed', route: 'administrative', org: 'B' },
  { on: '2026-06-01', source: 'police', type: '婚姻家庭', persons: 2, status: 'withdrawn', route: 'mediate', org: 'A' },
  { on: '2026-07-01', source: 'court', type: '合同、债务', persons: 1, status: 'guided', route: 'litigation' },
  { on: '2026-12-31', source: 'phone', type: '邻里纠纷', persons: 4, status: 'registered' },
  { on: '2026-08-01', source: 'grassroots', type: '土地山林、坟山', persons: 5, status: 'agreed', route: 'mediate', org: 'A' },
];
const others: Row[] = [
  { on: '2025-02-01', source: 'walk_in', type: '邻里纠纷', persons: 3, status: 'agreed', route: 'mediate', org: 'A' },
  { on: '2025-06-01', source: 'walk_in', type: '邻里纠纷', persons: 1, status: 'registered' },
  { on: '2025-12-31', source: 'phone', type: '其他', persons: 2, status: 'registered' },
  { on: '2027-01-01', source: 'phone', type: '其他', persons: 9, status: 'agreed', route: 'mediate', org: 'A' },
];

async function insertDisputes(db: Kysely<any>, tenantId: string, orgs: Record<'A' | 'B', string>, rows: Row[]): Promise<void> {
  let n = 0;
  for (const r of rows) {
    n += 1;
    await sql`insert into mediation.disputes (tenant_id, code, source, consent, received_on, summary, dispute_type, person_count, risk_level,
        status, triage_due_on, route, route_org_id, registered_by, registered_by_name)
      values (${tenantId}, ${`调${r.on.slice(0, 4)}-9${String(n).padStart(5, '0')}`}, ${r.source}, ${r.source === 'petition'}, ${r.on}, '统计样例', ${r.type},
        ${r.persons}, 'low', ${r.status}, ${r.on}, ${r.route ?? null}, ${r.org ? orgs[r.org] : null}, gen_random_uuid(), '样例')`.execute(db);
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
    await a.mediators.create({ orgId: A.id, name: '彭调解', specialities: [] });
    await a.mediators.create({ orgId: A.id, name: '钟调解', specialities: [] });
    await a.mediators.create({ orgId: A.id, name: '已离任', specialities: [], active: false });
    await a.mediators.create({ orgId: B.id, name: '邹调解', specialities: [] });
    await insertDisputes(w.t.database.db, w.t.tenantId, { A: A.id, B: B.id }, [...rows2026, ...others]);
    stats = api(w.leader).statistics;
  });
  afterAll(() => w.t.stop());

  it('counts disputes, persons, settled and not settled, the success rate and the change on last year', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect([f.disputes, f.persons, f.settled, f.notSettled, f.concluded, f.successRate]).toEqual([7, 27, 3, 2, 5, 60]);
    expect([f.lastYear, f.yoyDisputes, f.yoyPersons]).toEqual([{ disputes: 3, persons: 6 }, 133.3, 350]);
  });

  it('breaks the figures down by source, in the order of the sources', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect(f.bySource.map((r: any) => [r.key, r.disputes, r.persons, r.settled, r.notSettled, r.successRate])).toEqual([
      ['walk_in', 2, 5, 1, 1, 50],
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
      ['邻里纠纷', 3, 9, 50],
      ['劳动争议、欠薪', 1, 10, 100],
      ['合同、债务', 1, 1, null],
      ['土地山林、坟山', 1, 5, 100],
      ['婚姻家庭', 1, 2, 0],
    ]);
  });

  it('breaks the figures down by organisation with its active mediators', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect(f.byOrganisation.map((r: any) => [r.name, r.disputes, r.persons, r.settled, r.notSettled, r.successRate, r.mediators])).toEqual([
      ['城关镇人民调解委员会', 4, 12, 2, 2, 50, 2],
      [null, 2, 5, 0, 0, null, 0],
      ['县人社局劳动争议调解', 1, 10, 1, 0, 100, 1],
    ]);
  });

  it('counts the triage results by route, the untriaged last', async () => {
    const f = await stats.summary({ from: '2026-01-01', to: '2026-12-31' });
    expect(f.byRoute.map((r: any) => [r.key, r.disputes, r.persons])).toEqual([
      ['mediate', 4, 12],
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
    expect([f.disputes, f.persons, f.settled, f.notSettled, f.successRate, f.yoyDisputes]).toEqual([3, 15, 1, 2, 33.3, 200]);
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
    expect(texts).toContainEqual([null, '合计', 7, 27, '+133.3%', 3, 2, '60.0%']);
    expect(texts).toContainEqual([1, '来访（中心窗口）', 2, 5, '', 1, 1, '50.0%']);
    expect(texts).toContainEqual([expect.any(Number), '城关镇人民调解委员会', 4, 12, '', 2, 2, '50.0%']);
    expect(texts).toContainEqual([expect.any(Number), '待分流', 1, 4, '', '', '', '']);
    expect(JSON.stringify(texts)).toContain('调解成功率 = 调解成功');
  });
});
