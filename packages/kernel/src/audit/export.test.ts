import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';

async function sheetRows(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describeEachEngine('audit log export', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    await t.signIn('leader');
  });
  afterAll(() => t.stop());

  describe('the filtered log as xlsx', () => {
    it('holds the entries the filter selects under Chinese headers, newest first', async () => {
      const { caller } = await t.signIn('auditor');
      const file = await caller.audit.export({ action: 'auth.signin', keyword: '刘书记' });
      expect(file.fileName).toMatch(/^审计日志_\d{4}-\d{2}-\d{2}\.xlsx$/);
      const rows = await sheetRows(file.base64);
      expect(rows[0]).toEqual(['序号', '时间', '操作人', '操作', '对象', '结果', 'IP 地址', '浏览器', '详情']);
      expect(rows.slice(1).map((r) => [r[2], r[3], r[5]])).toEqual([['刘书记', '登录', '成功']]);
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
