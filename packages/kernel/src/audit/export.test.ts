import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClock, describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';

async function sheetOf(base64: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

async function sheetRows(base64: string): Promise<string[][]> {
  const rows: string[][] = [];
  (await sheetOf(base64)).eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describeEachEngine('audit log export', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    // 7 December 2026, 10:00 in China.
    t = await startTestKernel({ engine, clock: createTestClock('2026-12-07T02:00:00Z') });
    await t.signIn('leader');
  });
  afterAll(() => t.stop());

  describe('the filtered log as xlsx', () => {
    it('holds the entries the filter selects under Chinese headers, newest first', async () => {
      const { caller } = await t.signIn('auditor');
      const file = await caller.audit.export({ action: 'auth.signin', keyword: '刘书记' });
      const rows = await sheetRows(file.base64);
      expect(rows[2]).toEqual(['序号', '日志编号', '时间', '操作人', '操作', '对象', '结果', 'IP 地址', '浏览器', '详情']);
      expect(rows.slice(3).map((r) => [r[0], r[3], r[4], r[6]])).toEqual([['1', '刘书记', '登录', '成功']]);
    });

    it('titles the sheet with the county, the period of the filter and the day it was made', async () => {
      const { caller } = await t.signIn('auditor');
      const file = await caller.audit.export({ from: new Date('2026-01-01T00:00:00+08:00'), to: new Date('2026-11-30T23:59:59+08:00') });
      const ws = await sheetOf(file.base64);
      expect(ws.getCell('A1').value).toBe('示范县审计日志');
      expect(ws.getCell('A2').value).toBe('统计期间：2026年1月1日至2026年11月30日　　　　制表日期：2026年12月7日');
      expect(file.fileName).toBe('审计日志_2026-12-07.xlsx');
    });

    it('lays the sheet out for printing: landscape A4 one page wide, header repeated, page numbers, borders', async () => {
      const { caller } = await t.signIn('auditor');
      const ws = await sheetOf((await caller.audit.export({ action: 'auth.signin' })).base64);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
      expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
      for (const address of ['A3', 'J3', 'A4', 'J4']) {
        expect(ws.getCell(address).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
      }
    });

    it('records the export itself in the log', async () => {
      const { caller } = await t.signIn('auditor');
      await caller.audit.export({ outcome: 'denied' });
      const page = await caller.audit.list({ action: 'audit.export' });
      expect(page.items[0]).toMatchObject({ actorName: expect.any(String), actionName: '导出审计日志', outcome: 'success' });
    });
  });

  it('filters the list by a keyword in the actor’s name', async () => {
    const { caller } = await t.signIn('auditor');
    const page = await caller.audit.list({ keyword: '刘书', action: 'auth.signin' });
    expect(page.items.map((i) => i.actorName)).toEqual(['刘书记']);
  });
});
