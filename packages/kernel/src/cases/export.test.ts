import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeEachEngine, registerAndAssign, startTestKernel, type ActingUser, type TestKernel } from '../testing/index.js';
import type { AuthedContext } from '@zhengfa/plugin-api';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { writeLedgerXlsx } from './export.js';
import type { LedgerFilter } from './queries.js';

describeEachEngine('ledger export', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let dir: string;
  let n = 0;

  /** Exports as the supervisor on 7 December 2026 (China time) and reads the sheet back. */
  const exported = async (filter: LedgerFilter): Promise<ExcelJS.Worksheet> => {
    const file = path.join(dir, `ledger-${++n}.xlsx`);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T10:00:00+08:00') });
    try {
      await writeLedgerXlsx(sup.ctx as AuthedContext, t.kernel.host, filter, file);
    } finally {
      vi.useRealTimers();
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.getWorksheet('台账')!;
  };
  const inPeriod: LedgerFilter = { from: '2026-01-01', to: '2026-11-30' };
  const header = (ws: ExcelJS.Worksheet) => (ws.getRow(3).values as unknown[]).slice(1) as string[];
  const cellOf = (ws: ExcelJS.Worksheet, row: number, column: string) => ws.getRow(row).getCell(header(ws).indexOf(column) + 1).value;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zf-export-'));
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    const db = t.database.db;
    // Received 2 March 2026: assigned (lead leader 刘书记), result reported and reviewed.
    const done = await registerAndAssign(t, sup, leader, { title: '关于城关镇土地纠纷信访件的督办' });
    const liaison = await t.signIn('liaison');
    let v = (await liaison.caller.cases.transition({ id: done.id, version: done.version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: done.id, version: v, action: 'submitResult', report: '已足额补发补偿款，当事人表示满意' })).version;
    await sup.caller.cases.transition({ id: done.id, version: v, action: 'review', comment: '同意办结' });
    // Received 10 May 2026, then withdrawn.
    const withdrawn = await sup.caller.cases.register({ title: '网上反映邻里噪音问题', summary: '楼上住户夜间噪音', source: 'online', urgency: 'normal', isKey: false, receivedOn: '2026-05-10', parties: [] });
    await sup.caller.cases.transition({ id: withdrawn.id, version: 1, action: 'withdraw', comment: '不属于执法监督范围' });
    // Received 31 December 2025: before the period.
    await sup.caller.cases.register({ title: '去年的来信', summary: '反映执法不公', source: 'letter', urgency: 'normal', isKey: false, receivedOn: '2025-12-31', parties: [] });
    await sql`update kernel.cases set received_on = '2026-03-02' where tenant_id = ${t.tenantId} and id = ${done.id}::uuid`.execute(db);
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints landscape on A4, one page wide and as many pages down as the rows need', async () => {
    const ws = await exported(inPeriod);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('repeats the header row on every printed page and numbers the pages', async () => {
    const ws = await exported(inPeriod);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
  });

  it('titles the ledger with the county, the period of the filter and the day it was made', async () => {
    const ws = await exported(inPeriod);
    expect(ws.getCell('A1').value).toBe('示范县事项台账');
    expect(ws.getCell('A2').value).toBe('统计期间：2026年1月1日至2026年11月30日　　　　制表日期：2026年12月7日');
  });

  it('calls the period 全部 when the filter has no received dates', async () => {
    const ws = await exported({});
    expect(ws.getCell('A2').value).toBe('统计期间：全部　　　　制表日期：2026年12月7日');
  });

  it('puts 序号, 包案领导 and 办理结果 among the columns', async () => {
    const ws = await exported(inPeriod);
    expect(header(ws)).toEqual([
      '序号', '文号', '类型', '标题', '来源', '紧急程度', '状态', '重点', '承办单位', '包案领导',
      '处理期限', '是否超期', '下次调度', '收到日期', '登记时间', '当事人', '办理结果',
    ]);
  });

  it('numbers the rows of the period from 1, newest registration first', async () => {
    const ws = await exported(inPeriod);
    expect(ws.rowCount).toBe(5);
    expect([1, 2].map((i) => [cellOf(ws, 3 + i, '序号'), cellOf(ws, 3 + i, '标题')])).toEqual([
      [1, '网上反映邻里噪音问题'],
      [2, '关于城关镇土地纠纷信访件的督办'],
    ]);
  });

  it('shows the lead leader by name and the result report of a reviewed case', async () => {
    const ws = await exported(inPeriod);
    expect(cellOf(ws, 5, '包案领导')).toBe('刘书记');
    expect(cellOf(ws, 5, '办理结果')).toBe('已足额补发补偿款，当事人表示满意');
  });

  it('shows the reason a case was withdrawn as its result', async () => {
    const ws = await exported(inPeriod);
    expect(cellOf(ws, 4, '状态')).toBe('已办结');
    expect(cellOf(ws, 4, '办理结果')).toBe('撤销：不属于执法监督范围');
    expect(cellOf(ws, 4, '包案领导')).toBeNull();
  });

  it('borders the cells of the table, empty ones included', async () => {
    const ws = await exported(inPeriod);
    const leaderColumn = header(ws).indexOf('包案领导') + 1;
    for (const cell of [ws.getCell('A3'), ws.getRow(4).getCell(leaderColumn), ws.getCell('Q5')]) {
      expect(cell.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    }
  });
});
