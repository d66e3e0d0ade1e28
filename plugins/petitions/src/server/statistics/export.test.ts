import { describeEachEngine, procedureContext, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import ExcelJS from 'exceljs';
import type { AuthedContext } from '@zhengfa/plugin-api';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import petitions from '../index.js';
import { annualSummaryXlsx, monthlyLedgerXlsx } from './export.js';
import { insertMatter } from './test-fixture.js';

async function load(file: { base64: string }): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  return wb.worksheets[0]!;
}

function values(ws: ExcelJS.Worksheet, r: number): unknown[] {
  return (ws.getRow(r).values as unknown[]).slice(1);
}

describeEachEngine('petition statistics exports', (engine) => {
  let t: TestKernel;
  let stats: any;
  let supervisorCtx: AuthedContext;
  /** Runs `make` as if on 7 December 2026 (China time), the day the table is made. */
  const madeOn7December = async <T>(make: () => Promise<T>): Promise<T> => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T10:00:00+08:00') });
    try {
      return await make();
    } finally {
      vi.useRealTimers();
    }
  };

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [petitions] });
    const db = t.database.db;
    const { caller, ctx } = await t.signIn('supervisor');
    // The context the statistics procedures receive (guarded by petitions.stats).
    supervisorCtx = procedureContext(ctx, 'petitions.stats');
    const police = (await supervisorCtx.kernel.orgs.list()).find((o) => o.name === '示范县公安局')!;
    stats = (caller as any).petitions.statistics;
    // March 2024: two visits of a matter by 张三 and 欧阳娜娜, an accusation by 李四, one visit in April.
    await insertMatter(db, t.tenantId, {
      category: 'law', unitId: police.id, firstReceivedOn: '2024-03-02', outcome: 'stopped', outcomeOn: '2024-03-20', petitioners: ['张三', '欧阳娜娜'],
      relief: [{ amount: 1500, status: 'paid', approvedOn: '2024-03-25', paidOn: '2024-03-28' }],
      visits: [{ on: '2024-03-02', persons: 6, channel: 'visit', content: '反映征地补偿' }, { on: '2024-03-15', persons: 1, channel: 'letter', repeat: true }],
    });
    await insertMatter(db, t.tenantId, {
      category: 'other', firstReceivedOn: '2024-03-09', isAccusation: true, petitioners: ['李四'], content: '检举某所长收受财物',
      visits: [{ on: '2024-03-09', persons: 1, channel: 'leader_mailbox' }],
    });
    await insertMatter(db, t.tenantId, { category: 'litigation', firstReceivedOn: '2024-04-01', petitioners: ['王五'], visits: [{ on: '2024-04-01', persons: 2, channel: 'phone' }] });
    await insertMatter(db, t.tenantId, { category: 'law', firstReceivedOn: '2023-03-01', petitioners: ['赵六'], visits: [{ on: '2023-03-01', persons: 1, channel: 'visit' }] });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('exports the monthly ledger with one row per visit of the month, numbered in 序号', async () => {
    const file = await stats.exportLedger({ year: 2024, month: 3 });
    expect(file.fileName).toBe('信访台账-2024年03月.xlsx');
    const ws = await load(file);
    expect(values(ws, 3)).toEqual(['序号', '日期', '渠道', '人数', '集体访', '重复访', '信访人', '涉及单位', '类别', '信访内容', '办理结果']);
    expect(ws.rowCount).toBe(6);
    expect(values(ws, 4)).toEqual([1, '2024-03-02', '来访', 6, '是', '否', '张*、欧***', '示范县公安局', '涉法', '反映征地补偿', '息访']);
    expect(values(ws, 5)[0]).toBe(2);
    expect(values(ws, 6).slice(0, 6)).toEqual([3, '2024-03-15', '来信', 1, '否', '是']);
  });

  it('titles the monthly ledger with the county, the month and the day it was made', async () => {
    const ws = await load(await madeOn7December(() => monthlyLedgerXlsx(supervisorCtx, null, 2024, 3)));
    expect(ws.getCell('A1').value).toBe('示范县信访台账');
    expect(ws.getCell('A2').value).toBe('统计期间：2024年3月1日至2024年3月31日　　　　制表日期：2026年12月7日');
  });

  it('lays the monthly ledger out for printing: landscape A4 one page wide, header repeated, page numbers', async () => {
    const ws = await load(await stats.exportLedger({ year: 2024, month: 3 }));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('masks every petitioner name in the ledger', async () => {
    const ws = await load(await stats.exportLedger({ year: 2024, month: 3 }));
    const text = JSON.stringify(ws.getSheetValues());
    for (const name of ['张三', '欧阳娜娜', '李四']) expect(text).not.toContain(name);
    expect(text).toContain('张*');
  });

  it('shows neither the accuser nor the content of an accusation in the ledger', async () => {
    const ws = await load(await stats.exportLedger({ year: 2024, month: 3 }));
    const row = values(ws, 5);
    expect(row[2]).toBe('领导信箱');
    expect(row[6]).toBe('（检举控告，依法保密）');
    expect(row[9]).toBe('（检举控告，依法保密）');
    expect(JSON.stringify(ws.getSheetValues())).not.toMatch(/李|所长/);
  });

  it('exports the annual summary by channel and category with 件, 人次, 同比, 化解率, 息访率, 终结, 核销 and relief', async () => {
    const file = await stats.exportAnnual({ year: 2024 });
    expect(file.fileName).toBe('信访年度统计-2024年.xlsx');
    const ws = await load(file);
    expect(values(ws, 3)).toEqual(['序号', '项目', '件', '人次', '同比（件）', '化解率', '息访率', '终结', '核销', '救助金额（元）', '救助件数', '救助人次']);
    // 2024: 3 matters, 6 + 1 + 1 + 2 = 10 person-visits; 2023: 1 matter → +200.0%.
    // Received 3, settled 1 (息访) → 化解率 33.3%, 息访率 100.0%. Relief: 1500.00 to the first matter.
    expect(ws.getCell('A4').value).toBeNull();
    expect(values(ws, 4).slice(1)).toEqual(['合计', 3, 10, '+200.0%', '33.3%', '100.0%', 0, 0, '1500.00', 1, 1]);
    expect(values(ws, 5)).toEqual([1, '来信', 1, 1, '—', '—', '—', 0, 0, '0.00', 0, 0]);
    expect(values(ws, 6)).toEqual([2, '来访', 1, 6, '0.0%', '100.0%', '100.0%', 0, 0, '1500.00', 1, 1]);
    expect(values(ws, 9)).toEqual([5, '领导信箱', 1, 1, '—', '0.0%', '—', 0, 0, '0.00', 0, 0]);
    expect(values(ws, 10)).toEqual([6, '涉法', 1, 7, '0.0%', '100.0%', '100.0%', 0, 0, '1500.00', 1, 1]);
    expect(values(ws, 11).slice(0, 2)).toEqual([7, '涉诉']);
    expect(values(ws, 12).slice(0, 2)).toEqual([8, '其他']);
    expect(String(ws.getCell('A14').value)).toMatch(/^说明：件为统计期内/);
  });

  it('gives the annual summary a sheet by involved unit with the relief granted to each', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await stats.exportAnnual({ year: 2024 })).base64, 'base64') as never);
    const ws = wb.getWorksheet('按涉及单位')!;
    expect(ws.getCell('A1').value).toBe('示范县信访工作统计表（按涉及单位）');
    expect(values(ws, 3).slice(0, 2)).toEqual(['序号', '涉及单位']);
    // Units by 件, most first: none recorded (2024: 2, 2023: 1 → +100.0%), then the police (relief 1500.00).
    expect(values(ws, 5)).toEqual([1, '未填写单位', 2, 3, '+100.0%', '0.0%', '—', 0, 0, '0.00', 0, 0]);
    expect(values(ws, 6)).toEqual([2, '示范县公安局', 1, 7, '—', '100.0%', '100.0%', 0, 0, '1500.00', 1, 1]);
  });

  it('titles the annual summary with the county, the year and the day it was made, laid out for printing', async () => {
    const ws = await load(await madeOn7December(() => annualSummaryXlsx(supervisorCtx, null, 2024)));
    expect(ws.getCell('A1').value).toBe('示范县信访工作统计表');
    expect(ws.getCell('A2').value).toBe('统计期间：2024年1月1日至2024年12月31日　　　　制表日期：2026年12月7日');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('refuses a month outside 1 to 12', async () => {
    await expect(stats.exportLedger({ year: 2024, month: 13 })).rejects.toThrow(/月份应为 1 至 12/);
  });
});
