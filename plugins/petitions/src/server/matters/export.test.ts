import { createTestClock, describeEachEngine } from '@zhengfa/test-utils';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api, register, routeFully, startWorld, type World } from './test/helpers.js';

// 信访事项 as xlsx (petitions.matters.export). The world's clock stands on Monday
// 2026-11-02 at 10:00 in China: every matter below is received that day.
async function sheetOf(file: { base64: string }): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  return wb.worksheets[0]!;
}

const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describeEachEngine('petitions: the list exported as xlsx', (engine) => {
  let w: World;
  let unrouted: { docNo: string };
  let routed: { docNo: string };
  beforeAll(async () => {
    w = await startWorld(engine, { clock: createTestClock('2026-11-02T02:00:00Z') });
    unrouted = await register(w, { content: '反映村道被占用，要求恢复通行', petitioners: [{ name: '周建华', phone: '13912340001' }] });
    const r = await register(w, { category: 'litigation', content: '反映判决生效后迟迟未执行', petitioners: [{ name: '吴秀英', phone: '13912340002' }] });
    await routeFully(w, r.matterId);
    routed = r;
  }, 240_000);
  afterAll(() => w.t.stop());

  it('exports every matter of the filter as the list shows it, names masked, numbered in 序号', async () => {
    const file = await api(w.sup).matters.export({});
    expect(file.fileName).toBe('信访事项-2026-11-02.xlsx');
    const ws = await sheetOf(file);
    expect(values(ws, 3)).toEqual(['序号', '编号', '首次信访日期', '渠道', '类别', '检举控告', '信访人', '内容摘要', '信访次数', '人次', '重复信访', '当前责任', '状态', '办理结果']);
    expect(ws.rowCount).toBe(5);
    const rows = [values(ws, 4), values(ws, 5)];
    expect(rows.find((r) => r[1] === unrouted.docNo)).toEqual([expect.any(Number), unrouted.docNo, '2026-11-02', '来访', '涉法', '否', '周**', '反映村道被占用，要求恢复通行', 1, 1, 0, '首接：陈监督', '待转送', '—']);
    expect(rows.find((r) => r[1] === routed.docNo)).toEqual([expect.any(Number), routed.docNo, '2026-11-02', '来访', '涉诉', '否', '吴**', '反映判决生效后迟迟未执行', 1, 1, 0, '承办：示范县公安局', '已交办', '—']);
  });

  it('titles the sheet with the county, the filtered period and the day it was made', async () => {
    const ws = await sheetOf(await api(w.sup).matters.export({ from: '2026-11-01', to: '2026-11-02' }));
    expect(ws.getCell('A1').value).toBe('示范县信访事项清单');
    expect(ws.getCell('A2').value).toBe('统计期间：2026年11月1日至2026年11月2日　　　　制表日期：2026年11月2日');
  });

  it('exports only what the filter selects', async () => {
    const ws = await sheetOf(await api(w.sup).matters.export({ unrouted: true }));
    expect(ws.rowCount).toBe(4);
    expect(values(ws, 4)[1]).toBe(unrouted.docNo);
  });

  it("exports to a unit only the matters routed to it to lead", async () => {
    const ws = await sheetOf(await api(w.liaison).matters.export({}));
    expect(ws.rowCount).toBe(4);
    expect(values(ws, 4)[1]).toBe(routed.docNo);
  });

  it('audits each export with its filter and the number of matters it held', async () => {
    await api(w.sup).matters.export({ category: 'law' });
    const r = await sql<{ actor_name: string; detail: unknown }>`select actor_name, detail from kernel.audit_log where action = 'petitions.matters.export' order by seq desc limit 1`.execute(w.t.database.db);
    const detail = typeof r.rows[0]!.detail === 'string' ? JSON.parse(r.rows[0]!.detail) : r.rows[0]!.detail;
    expect(r.rows[0]!.actor_name).toBe('陈监督');
    expect(detail).toEqual({ filter: { category: 'law' }, rows: 1 });
  });
});
